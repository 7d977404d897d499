using PerfusionGuard.Alarms;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Log
{
    /// <summary>
    /// Moves alarm transitions and supervisor events from their rings into the event log. Runs on a
    /// lower-priority loop than the safety cycle (flash writes take milliseconds); the rings decouple
    /// the two, so the safety cycle never waits for the store. Allocates nothing.
    /// </summary>
    public sealed class EventRecorder
    {
        private readonly EventLog _log;
        private readonly AlarmTransitionRing _alarmTransitions;
        private readonly SafetyEventRing _safetyEvents;
        private readonly PendingRecordRing _pending;

        /// <summary>
        /// Creates a recorder draining <paramref name="alarmTransitions"/> (a sink attached to the alarm
        /// manager) and, when given, <paramref name="safetyEvents"/> (the supervisor's ring; may be null).
        /// </summary>
        public EventRecorder(EventLog log, AlarmTransitionRing alarmTransitions, SafetyEventRing safetyEvents)
            : this(log, alarmTransitions, safetyEvents, null)
        {
        }

        /// <summary>As above, also draining <paramref name="pending"/> (records the safety thread queued, such as self-test results; may be null).</summary>
        public EventRecorder(EventLog log, AlarmTransitionRing alarmTransitions, SafetyEventRing safetyEvents, PendingRecordRing pending)
        {
            _pending = pending;
            _log = log ?? throw new System.ArgumentNullException(nameof(log), "event recorder: an event log is required");
            _alarmTransitions = alarmTransitions;
            _safetyEvents = safetyEvents;
        }

        /// <summary>Writes up to <paramref name="maxRecords"/> waiting entries; returns how many were written.</summary>
        public int Pump(int maxRecords)
        {
            int written = 0;
            while (written < maxRecords && _pending != null && _pending.TryAppendOldestTo(_log))
            {
                written++;
            }

            while (written < maxRecords && _alarmTransitions != null && _alarmTransitions.TryTake(out AlarmTransition t))
            {
                if (t.Cause == AlarmTransitionCause.Refused)
                {
                    _log.Append(t.AtMicros, EventKind.CommandRefused, t.AlarmIndex, 0, 0, (int)t.Cause, (byte)t.Source);
                }
                else
                {
                    _log.Append(t.AtMicros, EventKind.AlarmTransition, t.AlarmIndex, (int)t.From, (int)t.To,
                        (int)t.Priority | ((int)t.Cause << 8), (byte)t.Source);
                }

                written++;
            }

            while (written < maxRecords && _safetyEvents != null && _safetyEvents.TryTake(out SafetyEvent e))
            {
                EventKind kind;
                int newValue = (int)e.Action;
                switch (e.Kind)
                {
                    case SafetyEventKind.PumpStopped: kind = EventKind.PumpStopped; break;
                    case SafetyEventKind.PumpEnabled: kind = EventKind.PumpEnabled; break;
                    case SafetyEventKind.ConditionReset: kind = EventKind.Reset; break;
                    case SafetyEventKind.OverrideStarted: kind = EventKind.Override; newValue = 1; break;
                    case SafetyEventKind.OverrideEnded: kind = EventKind.Override; newValue = 0; break;
                    case SafetyEventKind.CommandRefused: kind = EventKind.CommandRefused; break;
                    default: kind = EventKind.None; break; // raise / clear: recorded as alarm transitions
                }

                if (kind != EventKind.None)
                {
                    _log.Append(e.AtMicros, kind, e.RuleIndex, 0, newValue, (int)e.Action, (byte)e.Source);
                    written++;
                }
            }

            return written;
        }
    }
}
