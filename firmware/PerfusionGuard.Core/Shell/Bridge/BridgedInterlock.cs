using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>
    /// The console's <see cref="IInterlockControl"/> on the console thread: the reset key's state from
    /// the snapshot, rules looked up by their (fixed) alarm ids, and reset / override as requests the
    /// safety thread carries out with <c>ModuleInterlock</c> at its next cycle boundary (SAF-BRD-017).
    /// </summary>
    public sealed class BridgedInterlock : IInterlockControl
    {
        private readonly ModuleConsoleBridge _bridge;

        /// <summary>The interlock behind <paramref name="bridge"/>.</summary>
        public BridgedInterlock(ModuleConsoleBridge bridge)
        {
            _bridge = bridge;
        }

        /// <inheritdoc />
        public bool HasResetInput => _bridge.Snapshot.HasResetKey;

        /// <inheritdoc />
        public bool ResetInputActive => _bridge.Snapshot.ResetKeyHeld;

        /// <inheritdoc />
        public bool TryOperatorReset(long nowMicros, CommandSource source) => Send(ConsoleRequestKind.OperatorReset, -1, 0, source, nowMicros);

        /// <inheritdoc />
        public int FindRule(string alarmId)
        {
            ModuleSnapshot snapshot = _bridge.Snapshot;
            for (int i = 0; i < snapshot.RuleCount; i++)
            {
                if (snapshot.RuleAt(i).AlarmId == alarmId)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <inheritdoc />
        public bool TrySetOverride(int ruleIndex, long durationMicros, long nowMicros, CommandSource source) =>
            Send(ConsoleRequestKind.SetOverride, ruleIndex, durationMicros, source, nowMicros);

        /// <inheritdoc />
        public bool TryClearOverride(int ruleIndex, long nowMicros, CommandSource source) =>
            Send(ConsoleRequestKind.ClearOverride, ruleIndex, 0, source, nowMicros);

        private bool Send(ConsoleRequestKind kind, int rule, long durationMicros, CommandSource source, long nowMicros)
        {
            // The shell always passes LocalConsole (SAF-CON-008); the supervisor checks it again.
            return _bridge.Request(kind, rule, 0, durationMicros, 0.0, source, nowMicros) && _bridge.LastOk;
        }
    }
}
