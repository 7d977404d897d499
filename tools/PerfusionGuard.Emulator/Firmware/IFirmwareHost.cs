using PerfusionGuard.Safety;

namespace PerfusionGuard.Emulator.Firmware
{
    /// <summary>Progress of the start-up self-test.</summary>
    public enum SelfTestState
    {
        /// <summary>Still stepping.</summary>
        Running,
        /// <summary>Passed: the pump may be enabled.</summary>
        Passed,
        /// <summary>Failed: the module refuses to run.</summary>
        Failed,
    }

    /// <summary>One alarm transition as the firmware's alarm manager reported it.</summary>
    public struct AlarmEventInfo
    {
        /// <summary>Monotonic time of the transition.</summary>
        public long AtMicros;
        /// <summary>Alarm id ("AIR_ARTERIAL").</summary>
        public string Id;
        /// <summary>"high", "medium", "low", "none".</summary>
        public string Priority;
        /// <summary>State after the transition ("active", "latched", "inactive", ...).</summary>
        public string State;
        /// <summary>Why ("condition", "acknowledge", "reset", ...).</summary>
        public string Cause;
    }

    /// <summary>
    /// The firmware under test as the runner drives it: boot (with its start-up self-test), one safety
    /// cycle at a virtual time, the local operator's commands, the console. The implementation runs
    /// the real portable core on the virtual board; a power loss discards it and a restore boots a new one.
    /// </summary>
    public interface IFirmwareHost
    {
        /// <summary>What runs ("PerfusionGuard.Core safety kernel").</summary>
        string Description { get; }

        /// <summary>Powers up at <paramref name="nowMicros"/>: builds the stack and starts the self-test.</summary>
        void Boot(long nowMicros);

        /// <summary>Runs one safety cycle (and a self-test step while it runs).</summary>
        void RunCycle(long nowMicros);

        /// <summary>The decision of the last cycle.</summary>
        SafetyDecision LastDecision { get; }

        /// <summary>The supervisor's rules and states.</summary>
        IConditionMonitor Monitor { get; }

        /// <summary>Self-test progress.</summary>
        SelfTestState SelfTest { get; }

        /// <summary>Self-test result in words.</summary>
        string SelfTestDetail { get; }

        /// <summary>The local operator's reset (panel key): supervisor reset and latch reset.</summary>
        bool TryOperatorReset(long nowMicros, out string detail);

        /// <summary>A local, time-limited override of the rule raising <paramref name="alarmId"/>.</summary>
        bool TryOverride(string alarmId, long durationMicros, long nowMicros, out string detail);

        /// <summary>True when the firmware has a console shell.</summary>
        bool ConsoleSupported { get; }

        /// <summary>Runs one console line; returns the response.</summary>
        string ExecuteConsole(string line, long nowMicros);

        /// <summary>Takes the oldest unreported alarm transition.</summary>
        bool TryTakeAlarm(out AlarmEventInfo info);
    }
}
