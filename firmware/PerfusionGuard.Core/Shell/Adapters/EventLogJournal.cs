using PerfusionGuard.Log;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell.Adapters
{
    /// <summary>
    /// The real black-box <see cref="EventLog"/> behind the console's <see cref="IShellEventLog"/>:
    /// console changes are appended with <see cref="CommandSource.LocalConsole"/> as source, and
    /// `log show` prints records through <see cref="EventRecordFormatter"/>.
    /// </summary>
    public sealed class EventLogJournal : IShellEventLog
    {
        private readonly EventLog _log;
        private readonly EventRecordFormatter _formatter;

        /// <summary>Wraps <paramref name="log"/>; <paramref name="conditions"/> names the rules in printed records (may be null).</summary>
        public EventLogJournal(EventLog log, IConditionMonitor conditions)
        {
            _log = log;
            _formatter = new EventRecordFormatter(conditions);
        }

        /// <inheritdoc />
        public void Record(long nowMicros, EventKind kind, int subject, int oldValue, int newValue, int auxValue)
        {
            _log.Append(nowMicros, kind, subject, oldValue, newValue, auxValue, (byte)CommandSource.LocalConsole);
        }

        /// <inheritdoc />
        public int Count => _log.Count;

        /// <inheritdoc />
        public bool TryReadNewest(int newestFirstIndex, out LogEntryView entry)
        {
            entry = default;
            EventRecord record;
            if (!_log.TryReadNewest(newestFirstIndex, out record))
            {
                return false;
            }

            entry.AtMicros = record.UptimeMicros;
            entry.Kind = EventKindNames.NameOf(record.Kind);
            entry.Text = _formatter.FormatLine(record);
            return true;
        }
    }
}
