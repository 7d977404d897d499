namespace PerfusionGuard.Safety
{
    /// <summary>
    /// What the supervisor commands, ordered by severity: when several conditions are active the
    /// numerically largest wins (PX4 failsafe model; DESIGN.md, safety concept 3).
    /// </summary>
    public enum SafetyAction : byte
    {
        /// <summary>Nothing to do.</summary>
        None = 0,
        /// <summary>Inform the operator; no alarm signal.</summary>
        Advisory = 1,
        /// <summary>Raise an alarm; the pump keeps running.</summary>
        Alarm = 2,
        /// <summary>Limit the pump speed (servo) and alarm.</summary>
        SpeedLimit = 3,
        /// <summary>Drop pump enable while the condition lasts.</summary>
        Stop = 4,
        /// <summary>Drop pump enable until a local operator reset after the condition has gone.</summary>
        LatchedStop = 5,
    }

    /// <summary>How an active condition clears (PX4: each cause declares its clear condition).</summary>
    public enum ClearRule : byte
    {
        /// <summary>Clears by itself when the condition ends.</summary>
        SelfClearing = 0,
        /// <summary>Stays in effect after the condition ends until a local operator reset.</summary>
        OperatorReset = 1,
    }

    /// <summary>
    /// Where a command came from. Only local sources may reset a latched stop or set an override;
    /// nothing remote can (DESIGN.md, safety concept 3).
    /// </summary>
    public enum CommandSource : byte
    {
        /// <summary>The physical reset key / input on the module.</summary>
        LocalPanel = 0,
        /// <summary>The serial console, physically attached to the module.</summary>
        LocalConsole = 1,
        /// <summary>Anything that arrived over the network (MQTT). Never allowed to change safety state.</summary>
        Remote = 2,
        /// <summary>The firmware itself (self-test, start-up).</summary>
        Firmware = 3,
    }

    /// <summary>Name tables for the safety enums (Enum.ToString() prints numbers on nanoFramework).</summary>
    public static class SafetyNames
    {
        private static readonly string[] s_actions = { "none", "advisory", "alarm", "speed_limit", "stop", "latched_stop" };
        private static readonly string[] s_sources = { "local_panel", "local_console", "remote", "firmware" };

        /// <summary>"none", "advisory", ... "latched_stop".</summary>
        public static string NameOf(SafetyAction action) => s_actions[(int)action];

        /// <summary>"local_panel", "local_console", "remote", "firmware".</summary>
        public static string NameOf(CommandSource source) => s_sources[(int)source];
    }
}
