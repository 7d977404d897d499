using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Shell.Adapters
{
    /// <summary>
    /// <see cref="IModuleStatus"/> over the real <see cref="SafetyCycle"/> (inputs, supervisor,
    /// decision) and <see cref="StartupSelfTest"/>, as a device's Main or the emulator composes
    /// them. The telemetry link state is pushed in by whoever owns the link (<see cref="Net"/>).
    /// </summary>
    public sealed class CycleModuleStatus : IModuleStatus
    {
        private readonly SafetyCycle _cycle;
        private readonly StartupSelfTest _selfTest;
        private readonly IUtcClock _utc;

        /// <summary>Creates the view; <paramref name="selfTest"/> and <paramref name="utc"/> may be null.</summary>
        public CycleModuleStatus(string nodeName, string firmwareVersion, string boardName, SafetyCycle cycle, StartupSelfTest selfTest, IUtcClock utc)
        {
            NodeName = nodeName;
            FirmwareVersion = firmwareVersion;
            BoardName = boardName;
            _cycle = cycle;
            _selfTest = selfTest;
            _utc = utc;
        }

        /// <inheritdoc />
        public string NodeName { get; }

        /// <inheritdoc />
        public string FirmwareVersion { get; }

        /// <inheritdoc />
        public string BoardName { get; }

        /// <inheritdoc />
        public CircuitProfile Profile => _cycle.Supervisor.Profile;

        /// <inheritdoc />
        public SafetyInputs Inputs => _cycle.Inputs;

        /// <inheritdoc />
        public SafetyDecision LastDecision => _cycle.Supervisor.LastDecision;

        /// <inheritdoc />
        public IConditionMonitor Conditions => _cycle.Supervisor;

        /// <summary>Telemetry link state, set by the link's owner; "not configured" by default.</summary>
        public NetStatusView Net { get; set; }

        /// <inheritdoc />
        public int SelfTestStepCount => _selfTest == null ? 0 : 1 + _selfTest.FailureCount;

        /// <inheritdoc />
        public bool TryGetSelfTestStep(int index, out SelfTestStepView step)
        {
            step = default;
            if (_selfTest == null || index < 0 || index > _selfTest.FailureCount || index > StartupSelfTest.MaxFailures)
            {
                return false;
            }

            step = index == 0
                ? StartupStep(_selfTest.Outcome, _selfTest.Summary, _selfTest.DurationMicros)
                : FailureStep(_selfTest.FailureAt(index - 1));
            return true;
        }

        /// <summary>Self-test step 0 as the console shows it (StartupSelfTest keeps the outcome and the failures, not every passed check).</summary>
        public static SelfTestStepView StartupStep(SelfTestOutcome outcome, string summary, long durationMicros)
        {
            SelfTestStepView step;
            step.Name = "startup";
            step.Passed = outcome == SelfTestOutcome.Passed;
            step.Detail = summary + (outcome == SelfTestOutcome.Running ? "" : " in " + ShellReply.FormatSeconds(durationMicros) + " s");
            return step;
        }

        /// <summary>A failed self-test check as the console shows it.</summary>
        public static SelfTestStepView FailureStep(SelfTestFailure failure)
        {
            SelfTestStepView step;
            step.Name = SelfTestNames.NameOf(failure.Check);
            step.Passed = false;
            step.Detail = failure.Message;
            return step;
        }

        /// <inheritdoc />
        public bool TryGetUtcMillis(out long utcMillis)
        {
            if (_utc == null)
            {
                utcMillis = 0;
                return false;
            }

            return _utc.TryGetUtcMillis(out utcMillis);
        }
    }
}
