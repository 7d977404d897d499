namespace PerfusionGuard.Shell
{
    /// <summary>Console access levels, ordered: a higher level may do everything a lower one may.</summary>
    public enum AccessLevel : byte
    {
        /// <summary>Default: read everything, acknowledge alarms (SAF-CON-004).</summary>
        Operator = 0,
        /// <summary>After login with the service PIN: calibration, configuration, profiles, overrides, resets.</summary>
        Service = 1,
    }
}
