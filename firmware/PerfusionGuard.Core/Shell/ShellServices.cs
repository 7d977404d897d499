namespace PerfusionGuard.Shell
{
    /// <summary>
    /// The components the console talks to. Any of them may be null on a module that lacks it;
    /// the commands that need it then answer E_UNAVAILABLE. Nothing here is reachable from the
    /// network: the shell is wired only to the local serial port (SAF-CON-008).
    /// </summary>
    public sealed class ShellServices
    {
        /// <summary>Read-only module status (required for status, sensor, selftest, net).</summary>
        public IModuleStatus Status;
        /// <summary>Profile switching and reboot.</summary>
        public IModuleControl Control;
        /// <summary>The alarm manager.</summary>
        public IAlarmPanel Alarms;
        /// <summary>Reset of latched stops and overrides.</summary>
        public IInterlockControl Interlock;
        /// <summary>Pressure channel calibration.</summary>
        public ICalibrationControl Calibration;
        /// <summary>Settings.</summary>
        public IConfigStore Config;
        /// <summary>The persistent event log.</summary>
        public IShellEventLog Log;
        /// <summary>The bridge to the safety thread (null when the components are called on one thread).</summary>
        public IConsoleSync Sync;
        /// <summary>The module's login failure count and lockout, persisted and shared by all its shells (SAF-CON-013); null: each shell keeps its own in RAM.</summary>
        public LoginThrottle LoginThrottle;
    }
}
