using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell
{
    /// <summary>
    /// Read-only view of the module for the console: identity, the active profile, the last
    /// cycle's inputs and decision, the supervisor's rule states, the start-up self-test and the
    /// telemetry link. Shaped after the real components (SafetyCycle.Inputs / LastDecision,
    /// InterlockSupervisor as <see cref="IConditionMonitor"/>), so the adapter is a few lines.
    /// A module's console reads it from the bridge's snapshot (Shell/Bridge/SnapshotModuleStatus):
    /// every field from the same cycle boundary, copied by the safety thread (SAF-CON-012).
    /// </summary>
    public interface IModuleStatus
    {
        /// <summary>Node name shown in the prompt and telemetry topics ("pg-node1").</summary>
        string NodeName { get; }

        /// <summary>Firmware version ("0.1.0").</summary>
        string FirmwareVersion { get; }

        /// <summary>Board name ("virtual", "esp32-devkitc").</summary>
        string BoardName { get; }

        /// <summary>The active circuit profile.</summary>
        CircuitProfile Profile { get; }

        /// <summary>The inputs of the last completed safety cycle.</summary>
        SafetyInputs Inputs { get; }

        /// <summary>The decision of the last completed safety cycle.</summary>
        SafetyDecision LastDecision { get; }

        /// <summary>The supervisor's rules and their states.</summary>
        IConditionMonitor Conditions { get; }

        /// <summary>Number of self-test steps run at start-up (0 when the self-test has not run).</summary>
        int SelfTestStepCount { get; }

        /// <summary>Describes self-test step <paramref name="index"/>; false when out of range.</summary>
        bool TryGetSelfTestStep(int index, out SelfTestStepView step);

        /// <summary>Wall-clock UTC in milliseconds since 1970 when known (after SNTP); false otherwise.</summary>
        bool TryGetUtcMillis(out long utcMillis);

        /// <summary>State of the telemetry link (read-only: nothing remote reaches the shell).</summary>
        NetStatusView Net { get; }
    }

    /// <summary>One step of the start-up self-test, as the console shows it.</summary>
    public struct SelfTestStepView
    {
        /// <summary>Step name ("air_latch_arterial").</summary>
        public string Name;
        /// <summary>True when the step passed.</summary>
        public bool Passed;
        /// <summary>What was seen ("latch tripped in 0.4 ms").</summary>
        public string Detail;
    }

    /// <summary>State of the MQTT telemetry link.</summary>
    public struct NetStatusView
    {
        /// <summary>True when a link is configured at all.</summary>
        public bool Configured;
        /// <summary>True while connected to the broker.</summary>
        public bool Connected;
        /// <summary>Broker host:port, or the file telemetry goes to.</summary>
        public string Endpoint;
        /// <summary>Frames sent since boot.</summary>
        public long SentCount;
        /// <summary>Frames waiting in the outbox.</summary>
        public int OutboxCount;
        /// <summary>Frames dropped because the outbox was full.</summary>
        public long DroppedCount;
    }
}
