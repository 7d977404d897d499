namespace PerfusionGuard.Emulator.Board
{
    /// <summary>Sensor faults a scenario can inject (SCENARIOS.md faults).</summary>
    public enum SensorFault
    {
        /// <summary>No fault.</summary>
        None,
        /// <summary>open: broken wire; the signal sits at the lower rail (a detector reports air and its fault line).</summary>
        Open,
        /// <summary>short: short to supply; the signal sits at the upper rail (a detector reports "no air" and its fault line).</summary>
        Short,
        /// <summary>stuck: the output freezes at its value when the fault starts, noise and all.</summary>
        Stuck,
        /// <summary>noise: heavy electrical noise (pressure: ±amplitude, default 40 mmHg; detector: chattering).</summary>
        Noise,
        /// <summary>drift: the transducer's zero drifts at rate_mmHg_per_min (default 10 mmHg/min).</summary>
        Drift,
        /// <summary>disconnected: the sensor is unplugged (transducer: no excitation, reads a flat atmospheric zero; pad or detector: reports its fault).</summary>
        Disconnected,
    }

    /// <summary>Hardware failures for the self-test and the latch supervision (scenario action inject_failure).</summary>
    public enum HardwareFailure
    {
        /// <summary>latch_no_trip: the air latch never trips (detector output or test input ignored).</summary>
        LatchNoTrip,
        /// <summary>latch_readback_stuck_low: the latch readback always says "not tripped".</summary>
        LatchReadbackStuckLow,
        /// <summary>latch_readback_stuck_high: the latch readback always says "tripped".</summary>
        LatchReadbackStuckHigh,
        /// <summary>latch_reset_ignored: the latch cannot be reset.</summary>
        LatchResetIgnored,
        /// <summary>detector_test_ignored: the detector's test input does not force "air".</summary>
        DetectorTestIgnored,
        /// <summary>pump_enable_readback_stuck_high: the pump-enable readback always says "enabled".</summary>
        PumpEnableReadbackStuckHigh,
        /// <summary>pump_enable_stuck_high: the pump-enable driver is welded on (the software path cannot stop the pump).</summary>
        PumpEnableStuckHigh,
    }

    /// <summary>Name tables for faults and failures.</summary>
    public static class FaultNames
    {
        private static readonly string[] s_faults = { "none", "open", "short", "stuck", "noise", "drift", "disconnected" };
        private static readonly string[] s_failures =
        {
            "latch_no_trip", "latch_readback_stuck_low", "latch_readback_stuck_high", "latch_reset_ignored",
            "detector_test_ignored", "pump_enable_readback_stuck_high", "pump_enable_stuck_high",
        };

        /// <summary>Scenario name of a fault.</summary>
        public static string NameOf(SensorFault fault) => s_faults[(int)fault];

        /// <summary>Scenario name of a failure.</summary>
        public static string NameOf(HardwareFailure failure) => s_failures[(int)failure];

        /// <summary>The faults a scenario may name.</summary>
        public static string FaultList => "open, short, stuck, noise, drift, disconnected";

        /// <summary>The failures a scenario may name.</summary>
        public static string FailureList => string.Join(", ", s_failures);

        /// <summary>Parses a fault name (not "none").</summary>
        public static bool TryParseFault(string name, out SensorFault fault)
        {
            for (int i = 1; i < s_faults.Length; i++)
            {
                if (s_faults[i] == name)
                {
                    fault = (SensorFault)i;
                    return true;
                }
            }

            fault = SensorFault.None;
            return false;
        }

        /// <summary>Parses a failure name.</summary>
        public static bool TryParseFailure(string name, out HardwareFailure failure)
        {
            for (int i = 0; i < s_failures.Length; i++)
            {
                if (s_failures[i] == name)
                {
                    failure = (HardwareFailure)i;
                    return true;
                }
            }

            failure = HardwareFailure.LatchNoTrip;
            return false;
        }
    }
}
