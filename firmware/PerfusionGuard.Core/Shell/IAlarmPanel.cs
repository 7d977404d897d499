using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell
{
    /// <summary>
    /// The alarm manager as the console sees it: the active alarms, the recent history, and
    /// acknowledgement (an operator-level action: it silences, it never clears a condition).
    /// </summary>
    public interface IAlarmPanel
    {
        /// <summary>Number of active alarms.</summary>
        int ActiveCount { get; }

        /// <summary>Active alarm <paramref name="index"/> (0 = most urgent); false when out of range.</summary>
        bool TryGetActive(int index, out AlarmView alarm);

        /// <summary>Number of entries in the alarm history ring.</summary>
        int HistoryCount { get; }

        /// <summary>History entry <paramref name="newestFirstIndex"/> (0 = newest); false when out of range.</summary>
        bool TryGetHistory(int newestFirstIndex, out AlarmView alarm);

        /// <summary>Acknowledges every active alarm; returns how many were newly acknowledged.</summary>
        int AcknowledgeAll(long nowMicros, CommandSource source);
    }

    /// <summary>One alarm as the console prints it.</summary>
    public struct AlarmView
    {
        /// <summary>Alarm id ("AIR_ARTERIAL").</summary>
        public string AlarmId;
        /// <summary>Text for the operator.</summary>
        public string Message;
        /// <summary>IEC 60601-1-8 priority.</summary>
        public Alarms.AlarmPriority Priority;
        /// <summary>True while the condition holds or is latched.</summary>
        public bool Active;
        /// <summary>True once an operator acknowledged it.</summary>
        public bool Acknowledged;
        /// <summary>When it was raised (monotonic µs).</summary>
        public long RaisedAtMicros;
        /// <summary>When it ended (monotonic µs); 0 while active.</summary>
        public long ClearedAtMicros;
    }
}
