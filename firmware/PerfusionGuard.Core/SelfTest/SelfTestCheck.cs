namespace PerfusionGuard.SelfTest
{
    /// <summary>
    /// The checks of the start-up self-test (issue 3, "Start-up self-test"). Stored in event-log
    /// records as the subject: values are part of the log format and never renumbered.
    /// </summary>
    public enum SelfTestCheck : byte
    {
        /// <summary>The whole self-test (summary record).</summary>
        Overall = 0,
        /// <summary>The event log opened.</summary>
        EventLogOpen = 1,
        /// <summary>A latch found tripped before its test could be reset.</summary>
        AirLatchInitialReset = 2,
        /// <summary>Detector test input forced "air": the hardware latch tripped and read back tripped.</summary>
        AirLatchTrip = 3,
        /// <summary>After the test the latch reset and read back clear.</summary>
        AirLatchReset = 4,
        /// <summary>The pump-enable output commanded off reads back off.</summary>
        PumpEnableReadback = 5,
        /// <summary>A pressure channel reads Good and within its plausible range.</summary>
        PressurePlausible = 6,
        /// <summary>The level sensor reports a state with Good quality.</summary>
        LevelState = 7,
    }

    /// <summary>Name table for <see cref="SelfTestCheck"/>.</summary>
    public static class SelfTestNames
    {
        private static readonly string[] s_names =
        {
            "overall", "event_log_open", "air_latch_initial_reset", "air_latch_trip", "air_latch_reset",
            "pump_enable_readback", "pressure_plausible", "level_state",
        };

        /// <summary>Snake-case name; "check_N" for an unknown value.</summary>
        public static string NameOf(SelfTestCheck check)
        {
            int c = (int)check;
            return c < s_names.Length ? s_names[c] : "check_" + c;
        }
    }
}
