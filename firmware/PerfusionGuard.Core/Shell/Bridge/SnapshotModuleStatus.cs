using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Shell.Adapters;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>
    /// The console's <see cref="IModuleStatus"/> on the console thread: everything a cycle changes
    /// comes from the bridge's <see cref="ModuleSnapshot"/> (SAF-CON-012); identity is fixed; UTC
    /// and the telemetry link are read where they live (neither belongs to the safety thread).
    /// </summary>
    public sealed class SnapshotModuleStatus : IModuleStatus
    {
        private readonly ModuleSnapshot _snapshot;
        private readonly IUtcClock _utc;

        /// <summary>The status of <paramref name="snapshot"/>'s module; <paramref name="utc"/> may be null.</summary>
        public SnapshotModuleStatus(string nodeName, string firmwareVersion, string boardName, ModuleSnapshot snapshot, IUtcClock utc)
        {
            NodeName = nodeName;
            FirmwareVersion = firmwareVersion;
            BoardName = boardName;
            _snapshot = snapshot;
            _utc = utc;
        }

        /// <inheritdoc />
        public string NodeName { get; }

        /// <inheritdoc />
        public string FirmwareVersion { get; }

        /// <inheritdoc />
        public string BoardName { get; }

        /// <summary>The telemetry link's state (null: "not configured").</summary>
        public TelemetryLinkStatus NetSource { get; set; }

        /// <inheritdoc />
        public CircuitProfile Profile => _snapshot.Profile;

        /// <inheritdoc />
        public SafetyInputs Inputs => _snapshot.Inputs;

        /// <inheritdoc />
        public SafetyDecision LastDecision => _snapshot.Decision;

        /// <inheritdoc />
        public IConditionMonitor Conditions => _snapshot;

        /// <inheritdoc />
        public int SelfTestStepCount
        {
            get
            {
                int failures = _snapshot.SelfTestFailureCount;
                return 1 + (failures < StartupSelfTest.MaxFailures ? failures : StartupSelfTest.MaxFailures);
            }
        }

        /// <inheritdoc />
        public bool TryGetSelfTestStep(int index, out SelfTestStepView step)
        {
            step = default;
            if (index < 0 || index >= SelfTestStepCount)
            {
                return false;
            }

            step = index == 0
                ? CycleModuleStatus.StartupStep(_snapshot.SelfTestOutcome, _snapshot.SelfTestSummary, _snapshot.SelfTestDurationMicros)
                : CycleModuleStatus.FailureStep(_snapshot.SelfTestFailureAt(index - 1));
            return true;
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

        /// <inheritdoc />
        public NetStatusView Net => NetSource == null ? default : NetSource.View;
    }
}
