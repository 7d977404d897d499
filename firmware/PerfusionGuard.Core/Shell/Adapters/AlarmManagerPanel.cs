using PerfusionGuard.Alarms;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell.Adapters
{
    /// <summary>
    /// The real <see cref="AlarmManager"/> behind the console's <see cref="IAlarmPanel"/>, called on
    /// the alarm manager's own thread (single-threaded compositions and tests). A module's console on
    /// another thread reads alarms through the bridge's snapshot instead (Shell/Bridge, SAF-CON-012).
    /// </summary>
    public sealed class AlarmManagerPanel : IAlarmPanel
    {
        private readonly AlarmManager _alarms;

        /// <summary>Wraps <paramref name="alarms"/>.</summary>
        public AlarmManagerPanel(AlarmManager alarms)
        {
            _alarms = alarms;
        }

        /// <inheritdoc />
        public int ActiveCount => _alarms.ActiveCount;

        /// <inheritdoc />
        public bool TryGetActive(int index, out AlarmView alarm)
        {
            alarm = default;
            if (index < 0 || index >= _alarms.ActiveCount)
            {
                return false;
            }

            AlarmStatus status;
            try
            {
                status = _alarms.AlarmAt(index);
            }
            catch (System.ArgumentOutOfRangeException)
            {
                // The list shrank between the count and the read (the safety cycle runs on its own thread).
                return false;
            }

            alarm = ViewOf(status);
            return true;
        }

        /// <inheritdoc />
        public int HistoryCount => _alarms.History.Count;

        /// <inheritdoc />
        public bool TryGetHistory(int newestFirstIndex, out AlarmView alarm)
        {
            alarm = default;
            AlarmTransition transition;
            if (!_alarms.History.TryPeekNewest(newestFirstIndex, out transition))
            {
                return false;
            }

            string alarmId = null;
            string message = null;
            if (transition.AlarmIndex >= 0 && transition.AlarmIndex < _alarms.AlarmCount)
            {
                try
                {
                    AlarmStatus status = _alarms.AlarmOfRule(transition.AlarmIndex);
                    alarmId = status.AlarmId;
                    message = status.Message;
                }
                catch (System.ArgumentOutOfRangeException)
                {
                    // The profile changed since the transition; the index is all that is left.
                }
            }

            alarm = HistoryViewOf(transition, alarmId, message);
            return true;
        }

        /// <inheritdoc />
        public bool AcknowledgeAll(long nowMicros, CommandSource source) => _alarms.Acknowledge(nowMicros, source);

        /// <summary>An alarm of the list as the console prints it (shared with the snapshot panel, so both read alike).</summary>
        public static AlarmView ViewOf(AlarmStatus status)
        {
            AlarmView alarm;
            alarm.AlarmId = status.AlarmId;
            alarm.Message = status.Message;
            alarm.Priority = status.Priority;
            alarm.State = AlarmNames.NameOf(status.State);
            alarm.AtMicros = status.RaisedAtMicros;
            return alarm;
        }

        /// <summary>A history transition as the console prints it; <paramref name="alarmId"/> and <paramref name="message"/> are the rule's (null when unknown).</summary>
        public static AlarmView HistoryViewOf(AlarmTransition transition, string alarmId, string message)
        {
            AlarmView alarm;
            alarm.Priority = transition.Priority;
            alarm.State = AlarmNames.NameOf(transition.To);
            alarm.AtMicros = transition.AtMicros;
            alarm.AlarmId = "#" + transition.AlarmIndex.ToString();
            alarm.Message = AlarmNames.NameOf(transition.From) + " -> " + AlarmNames.NameOf(transition.To) + " (" + AlarmTransitionNames.NameOf(transition.Cause) + ")";
            if (alarmId != null)
            {
                alarm.AlarmId = alarmId;
                alarm.Message = message + ": " + alarm.Message;
            }

            return alarm;
        }
    }
}
