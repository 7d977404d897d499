using PerfusionGuard.Boards;
using PerfusionGuard.Hal;
using PerfusionGuard.Module;
using PerfusionGuard.Safety;
using PerfusionGuard.Shell;

namespace PerfusionGuard.Device.Startup
{
    /// <summary>
    /// The console's interlock commands on the module: a reset pulses the air latches and resets
    /// the supervisor (GuardModule.RequestOperatorReset), overrides go to the supervisor. Called
    /// only by the safety thread, through <see cref="InterlockMailbox"/> (SAF-BRD-017).
    /// </summary>
    public sealed class GuardModuleInterlock : IInterlockControl
    {
        private readonly GuardModule _module;
        private readonly IDigitalInput _resetKey;
        private readonly bool _resetKeyActiveHigh;

        /// <summary>Commands on <paramref name="module"/>; <paramref name="resetKeyPin"/> may be null.</summary>
        public GuardModuleInterlock(GuardModule module, IDigitalInput resetKey, BoardPin resetKeyPin)
        {
            _module = module;
            _resetKey = resetKey;
            _resetKeyActiveHigh = resetKeyPin == null || !resetKeyPin.ActiveLow;
        }

        /// <inheritdoc />
        public bool HasResetInput => _resetKey != null;

        /// <inheritdoc />
        public bool ResetInputActive => _resetKey != null && _resetKey.Read() == _resetKeyActiveHigh;

        /// <inheritdoc />
        public bool TryOperatorReset(long nowMicros, CommandSource source) => _module.RequestOperatorReset(nowMicros, source);

        /// <inheritdoc />
        public int FindRule(string alarmId) => _module.Supervisor.FindRule(alarmId);

        /// <inheritdoc />
        public bool TrySetOverride(int ruleIndex, long durationMicros, long nowMicros, CommandSource source) =>
            _module.Supervisor.TrySetOverride(ruleIndex, durationMicros, nowMicros, source);

        /// <inheritdoc />
        public bool TryClearOverride(int ruleIndex, long nowMicros, CommandSource source) =>
            _module.Supervisor.TryClearOverride(ruleIndex, nowMicros, source);
    }
}
