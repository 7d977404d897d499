using PerfusionGuard.Alarms;
using PerfusionGuard.Safety;
using PerfusionGuard.Shell.Adapters;

namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>
    /// The console's <see cref="IAlarmPanel"/> on the console thread: the alarm list and history from
    /// the bridge's snapshot, acknowledgement as a request the safety thread carries out (SAF-CON-012).
    /// Reads print exactly as <see cref="AlarmManagerPanel"/> does on one thread.
    /// </summary>
    public sealed class SnapshotAlarmPanel : IAlarmPanel
    {
        private readonly ModuleConsoleBridge _bridge;

        /// <summary>The alarms behind <paramref name="bridge"/>.</summary>
        public SnapshotAlarmPanel(ModuleConsoleBridge bridge)
        {
            _bridge = bridge;
        }

        /// <inheritdoc />
        public int ActiveCount => _bridge.Snapshot.AlarmCount;

        /// <inheritdoc />
        public bool TryGetActive(int index, out AlarmView alarm)
        {
            alarm = default;
            if (index < 0 || index >= _bridge.Snapshot.AlarmCount)
            {
                return false;
            }

            alarm = AlarmManagerPanel.ViewOf(_bridge.Snapshot.AlarmAt(index));
            return true;
        }

        /// <inheritdoc />
        public int HistoryCount => _bridge.Snapshot.HistoryCount;

        /// <inheritdoc />
        public bool TryGetHistory(int newestFirstIndex, out AlarmView alarm)
        {
            alarm = default;
            ModuleSnapshot snapshot = _bridge.Snapshot;
            if (newestFirstIndex < 0 || newestFirstIndex >= snapshot.HistoryCount)
            {
                return false;
            }

            AlarmTransition transition = snapshot.HistoryAt(newestFirstIndex);
            bool known = transition.AlarmIndex >= 0 && transition.AlarmIndex < snapshot.RuleCount;
            alarm = AlarmManagerPanel.HistoryViewOf(transition,
                known ? snapshot.RuleAt(transition.AlarmIndex).AlarmId : null,
                known ? snapshot.RuleAt(transition.AlarmIndex).Message : null);
            return true;
        }

        /// <inheritdoc />
        public bool AcknowledgeAll(long nowMicros, CommandSource source) =>
            _bridge.Request(ConsoleRequestKind.AcknowledgeAlarms, -1, 0, 0, 0.0, source, nowMicros) && _bridge.LastOk;
    }
}
