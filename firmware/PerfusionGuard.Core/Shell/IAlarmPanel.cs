using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell
{
    /// <summary>
    /// The alarm manager as the console sees it (shaped like AlarmManager: ActiveCount / AlarmAt /
    /// History / Acknowledge): the alarm list, the recent transitions, and acknowledgement (an
    /// operator-level action: it silences, it never clears a condition).
    /// </summary>
    public interface IAlarmPanel
    {
        /// <summary>Number of alarms in the list (every alarm not inactive).</summary>
        int ActiveCount { get; }

        /// <summary>List entry <paramref name="index"/> (0 = most urgent); false when out of range.</summary>
        bool TryGetActive(int index, out AlarmView alarm);

        /// <summary>Number of entries in the transition history.</summary>
        int HistoryCount { get; }

        /// <summary>History entry <paramref name="newestFirstIndex"/> (0 = newest); false when out of range.</summary>
        bool TryGetHistory(int newestFirstIndex, out AlarmView alarm);

        /// <summary>Acknowledges every sounding alarm; false when nothing could be acknowledged.</summary>
        bool AcknowledgeAll(long nowMicros, CommandSource source);
    }

    /// <summary>One alarm (or one history transition) as the console prints it.</summary>
    public struct AlarmView
    {
        /// <summary>Alarm id ("AIR_ARTERIAL").</summary>
        public string AlarmId;
        /// <summary>Text for the operator.</summary>
        public string Message;
        /// <summary>IEC 60601-1-8 priority.</summary>
        public Alarms.AlarmPriority Priority;
        /// <summary>State name ("active", "latched", "acknowledged"...; for history the state entered).</summary>
        public string State;
        /// <summary>When it was raised (list) or when the transition happened (history), monotonic µs.</summary>
        public long AtMicros;
    }
}
