namespace PerfusionGuard.Shell
{
    /// <summary>
    /// The persistent event log as the console uses it: it writes every change made through the
    /// console with the old and the new value (SAF-CON-006), and reads entries newest first.
    /// </summary>
    public interface IShellEventLog
    {
        /// <summary>Appends an entry.</summary>
        void Record(long nowMicros, ShellEventKind kind, string subject, string oldValue, string newValue);

        /// <summary>Entries available to read.</summary>
        int Count { get; }

        /// <summary>Entry <paramref name="newestFirstIndex"/> (0 = newest); false when out of range.</summary>
        bool TryReadNewest(int newestFirstIndex, out LogEntryView entry);
    }

    /// <summary>What a console-originated log entry is about.</summary>
    public enum ShellEventKind : byte
    {
        /// <summary>Calibration zero, span, commit or revert.</summary>
        Calibration = 0,
        /// <summary>A setting was changed, saved or reset.</summary>
        Configuration = 1,
        /// <summary>The circuit profile was changed.</summary>
        Profile = 2,
        /// <summary>An override was set or cleared.</summary>
        Override = 3,
        /// <summary>A latched stop was reset from the console.</summary>
        InterlockReset = 4,
        /// <summary>A login succeeded, failed, or locked the console.</summary>
        Login = 5,
        /// <summary>A logout, explicit or by idle timeout.</summary>
        Logout = 6,
        /// <summary>A reboot was requested.</summary>
        Reboot = 7,
        /// <summary>Alarms were acknowledged.</summary>
        AlarmAck = 8,
    }

    /// <summary>Name table for <see cref="ShellEventKind"/>.</summary>
    public static class ShellEventKindNames
    {
        private static readonly string[] s_names =
        {
            "calibration", "configuration", "profile", "override", "interlock_reset", "login", "logout", "reboot", "alarm_ack",
        };

        /// <summary>Snake-case name of a kind.</summary>
        public static string NameOf(ShellEventKind kind) => s_names[(int)kind];
    }

    /// <summary>One log entry as the console prints it.</summary>
    public struct LogEntryView
    {
        /// <summary>Monotonic time of the entry.</summary>
        public long AtMicros;
        /// <summary>Kind of entry ("calibration", "alarm", "pump_stop"...).</summary>
        public string Kind;
        /// <summary>One line of text.</summary>
        public string Text;
    }
}
