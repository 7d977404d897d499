using PerfusionGuard.Alarms;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell.Adapters
{
    /// <summary>The real <see cref="AlarmManager"/> behind the console's <see cref="IAlarmPanel"/>.</summary>
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

            alarm.AlarmId = status.AlarmId;
            alarm.Message = status.Message;
            alarm.Priority = status.Priority;
            alarm.State = AlarmNames.NameOf(status.State);
            alarm.AtMicros = status.RaisedAtMicros;
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

            alarm.Priority = transition.Priority;
            alarm.State = AlarmNames.NameOf(transition.To);
            alarm.AtMicros = transition.AtMicros;
            alarm.AlarmId = "#" + transition.AlarmIndex.ToString();
            alarm.Message = AlarmNames.NameOf(transition.From) + " -> " + AlarmNames.NameOf(transition.To) + " (" + AlarmTransitionNames.NameOf(transition.Cause) + ")";
            if (transition.AlarmIndex >= 0 && transition.AlarmIndex < _alarms.AlarmCount)
            {
                try
                {
                    AlarmStatus status = _alarms.AlarmOfRule(transition.AlarmIndex);
                    alarm.AlarmId = status.AlarmId;
                    alarm.Message = status.Message + ": " + alarm.Message;
                }
                catch (System.ArgumentOutOfRangeException)
                {
                    // The profile changed since the transition; the index is all that is left.
                }
            }

            return true;
        }

        /// <inheritdoc />
        public bool AcknowledgeAll(long nowMicros, CommandSource source) => _alarms.Acknowledge(nowMicros, source);
    }
}
