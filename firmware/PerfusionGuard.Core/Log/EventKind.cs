namespace PerfusionGuard.Log
{
    /// <summary>
    /// What an event-log record is about (issue 3: every alarm transition, stop, reset, override,
    /// calibration, configuration change, login and self-test result). Stored as one byte; values
    /// are part of the log's on-flash format and never renumbered.
    /// </summary>
    public enum EventKind : byte
    {
        /// <summary>Not a record (erased slot).</summary>
        None = 0,
        /// <summary>The log opened after a power-up; Old = previous boot counter's last sequence, New = format version.</summary>
        Boot = 1,
        /// <summary>An alarm changed state; Subject = alarm (rule) index, Old/New = AlarmState, Aux = priority | cause &lt;&lt; 8.</summary>
        AlarmTransition = 2,
        /// <summary>The pump-enable output went off; Subject = cause rule index, New = SafetyAction.</summary>
        PumpStopped = 3,
        /// <summary>The pump-enable output went on.</summary>
        PumpEnabled = 4,
        /// <summary>A latched rule was reset by a local operator; Subject = rule index.</summary>
        Reset = 5,
        /// <summary>An override started (New = 1) or ended (New = 0); Subject = rule index, Aux = seconds granted.</summary>
        Override = 6,
        /// <summary>A calibration was committed; Subject = channel id, Old/New = zero counts or span in device units.</summary>
        Calibration = 7,
        /// <summary>A configuration value or the profile changed; Subject = setting id.</summary>
        ConfigurationChange = 8,
        /// <summary>A console login (New = access level) or logout (New = 0).</summary>
        Login = 9,
        /// <summary>A self-test check; Subject = SelfTestCheck, Aux = channel id or -1, New = 1 passed / 0 failed, Old = measured µs.</summary>
        SelfTestResult = 10,
        /// <summary>Power supply event (mains lost / restored, battery).</summary>
        Power = 11,
        /// <summary>A command was refused (remote reset, remote acknowledge...); Subject = rule index or -1.</summary>
        CommandRefused = 12,
        /// <summary>The log was formatted (no valid header found, or its geometry changed).</summary>
        LogFormatted = 13,
    }

    /// <summary>Name table for <see cref="EventKind"/> (Enum.ToString() prints numbers on nanoFramework).</summary>
    public static class EventKindNames
    {
        private static readonly string[] s_names =
        {
            "none", "boot", "alarm", "pump_stopped", "pump_enabled", "reset", "override", "calibration",
            "config_change", "login", "selftest", "power", "command_refused", "log_formatted",
        };

        /// <summary>Snake-case name; "kind_N" for a value this firmware does not know (a newer log).</summary>
        public static string NameOf(EventKind kind)
        {
            int k = (int)kind;
            return k < s_names.Length ? s_names[k] : "kind_" + k;
        }
    }
}
