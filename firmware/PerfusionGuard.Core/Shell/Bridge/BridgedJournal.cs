using PerfusionGuard.Log;

namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>
    /// The console's event log: the black box's own journal (the event log takes its short lock for
    /// each append and read, shared only with the log writer thread; the safety thread never waits on
    /// it in steady state), except that a change the safety thread did not carry out (timed out,
    /// refused at the cycle boundary) is not recorded as if it had happened (SAF-CON-006, SAF-CON-012).
    /// </summary>
    public sealed class BridgedJournal : IShellEventLog
    {
        private readonly IShellEventLog _log;
        private readonly IConsoleSync _sync;

        /// <summary>Records into <paramref name="log"/> unless <paramref name="sync"/>'s command failed.</summary>
        public BridgedJournal(IShellEventLog log, IConsoleSync sync)
        {
            _log = log;
            _sync = sync;
        }

        /// <inheritdoc />
        public void Record(long nowMicros, EventKind kind, int subject, int oldValue, int newValue, int auxValue)
        {
            if (!_sync.CommandFailed)
            {
                _log.Record(nowMicros, kind, subject, oldValue, newValue, auxValue);
            }
        }

        /// <inheritdoc />
        public int Count => _log.Count;

        /// <inheritdoc />
        public bool TryReadNewest(int newestFirstIndex, out LogEntryView entry) => _log.TryReadNewest(newestFirstIndex, out entry);
    }
}
