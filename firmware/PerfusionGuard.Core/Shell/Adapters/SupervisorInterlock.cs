using PerfusionGuard.Hal;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell.Adapters
{
    /// <summary>
    /// The real <see cref="InterlockSupervisor"/> behind the console's <see cref="IInterlockControl"/>,
    /// with the board's physical reset key when it has one (SAF-CON-009). The supervisor itself
    /// refuses remote sources and records every reset and override in its event ring.
    /// </summary>
    public sealed class SupervisorInterlock : IInterlockControl
    {
        private readonly InterlockSupervisor _supervisor;
        private readonly IDigitalInput _resetKey;
        private readonly bool _keyActiveHigh;

        /// <summary>Wraps <paramref name="supervisor"/>; <paramref name="resetKey"/> is null on boards without a reset input.</summary>
        public SupervisorInterlock(InterlockSupervisor supervisor, IDigitalInput resetKey, bool keyActiveHigh)
        {
            _supervisor = supervisor;
            _resetKey = resetKey;
            _keyActiveHigh = keyActiveHigh;
        }

        /// <inheritdoc />
        public bool HasResetInput => _resetKey != null;

        /// <inheritdoc />
        public bool ResetInputActive => _resetKey != null && _resetKey.Read() == _keyActiveHigh;

        /// <inheritdoc />
        public bool TryOperatorReset(long nowMicros, CommandSource source) => _supervisor.TryOperatorReset(nowMicros, source);

        /// <inheritdoc />
        public int FindRule(string alarmId) => _supervisor.FindRule(alarmId);

        /// <inheritdoc />
        public bool TrySetOverride(int ruleIndex, long durationMicros, long nowMicros, CommandSource source) =>
            _supervisor.TrySetOverride(ruleIndex, durationMicros, nowMicros, source);

        /// <inheritdoc />
        public bool TryClearOverride(int ruleIndex, long nowMicros, CommandSource source) =>
            _supervisor.TryClearOverride(ruleIndex, nowMicros, source);
    }
}
