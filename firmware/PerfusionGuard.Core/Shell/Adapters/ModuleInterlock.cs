using PerfusionGuard.Module;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell.Adapters
{
    /// <summary>
    /// Interlock commands through the <see cref="GuardModule"/>: a console reset pulses the hardware
    /// latches and resets the supervisor, as the reset key does (GuardModule.RequestOperatorReset);
    /// the reset key is read in the polarity of the board's pin table. It touches the supervisor and
    /// the latches, so only the safety thread calls it: on the device and in the emulator through the
    /// console bridge (Shell/Bridge, SAF-BRD-017).
    /// </summary>
    public sealed class ModuleInterlock : IInterlockControl
    {
        private readonly GuardModule _module;

        /// <summary>Wraps <paramref name="module"/>.</summary>
        public ModuleInterlock(GuardModule module)
        {
            _module = module;
        }

        /// <inheritdoc />
        public bool HasResetInput => _module.HasResetKey;

        /// <inheritdoc />
        public bool ResetInputActive => _module.ResetKeyHeld;

        /// <summary>
        /// True when the reset was done now, or is pending because a latching rule in effect waits for
        /// its hardware latch to read back clear (the module retries for a few cycles; a cause that
        /// persists keeps the stop).
        /// </summary>
        public bool TryOperatorReset(long nowMicros, CommandSource source)
        {
            bool anyLatched = false;
            InterlockSupervisor supervisor = _module.Supervisor;
            for (int i = 0; i < supervisor.RuleCount; i++)
            {
                // A latched air rule stays "active" until the latch reset pulse clears the readback.
                if (supervisor.StatusAt(i).InEffect && supervisor.RuleAt(i).Clear == ClearRule.OperatorReset)
                {
                    anyLatched = true;
                }
            }

            return _module.RequestOperatorReset(nowMicros, source) || anyLatched;
        }

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
