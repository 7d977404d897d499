using PerfusionGuard.Log;

namespace PerfusionGuard.Shell
{
    /// <summary>
    /// The persistent event log as the console uses it, shaped like <see cref="EventLog"/>: the
    /// shell appends every change it makes with the old and the new value (SAF-CON-006; codes in
    /// <see cref="ShellLogCodes"/>) and reads entries newest first for `log show`. Overrides and
    /// resets are not appended here: the supervisor records them itself, with the console as source.
    /// </summary>
    public interface IShellEventLog
    {
        /// <summary>Appends a record with <see cref="Safety.CommandSource.LocalConsole"/> as its source.</summary>
        void Record(long nowMicros, EventKind kind, int subject, int oldValue, int newValue, int auxValue);

        /// <summary>Entries available to read.</summary>
        int Count { get; }

        /// <summary>Entry <paramref name="newestFirstIndex"/> (0 = newest); false when out of range.</summary>
        bool TryReadNewest(int newestFirstIndex, out LogEntryView entry);
    }

    /// <summary>
    /// How console changes are encoded in the 32-bit fields of an event record (EventRecord has no
    /// room for text). Values that are not whole numbers are scaled as stated.
    /// </summary>
    public static class ShellLogCodes
    {
        /// <summary>Calibration aux: zero taken; Subject = channel id, Old/New = zero offset in 0.1 counts.</summary>
        public const int CalibrationZero = 0;
        /// <summary>Calibration aux: span taken; Subject = channel id, Old/New = span in 0.001 counts/mmHg.</summary>
        public const int CalibrationSpan = 1;
        /// <summary>Calibration aux: working set stored; Subject -1.</summary>
        public const int CalibrationCommit = 2;
        /// <summary>Calibration aux: working set discarded; Subject -1.</summary>
        public const int CalibrationRevert = 3;
        /// <summary>Configuration aux: a setting changed; Subject = setting index, Old/New = values.</summary>
        public const int SettingChanged = 0;
        /// <summary>Configuration aux: settings stored; Subject -1.</summary>
        public const int SettingsSaved = 1;
        /// <summary>Configuration aux: settings back to defaults; Subject -1.</summary>
        public const int SettingsReset = 2;
        /// <summary>Configuration aux: profile changed; Subject -1, Old/New = CircuitKind (-1 none).</summary>
        public const int ProfileChanged = 3;
        /// <summary>Configuration aux: reboot requested from the console; Subject -1.</summary>
        public const int RebootRequested = 4;
        /// <summary>Login aux: PIN accepted; Old/New = access level.</summary>
        public const int LoginAccepted = 0;
        /// <summary>Login aux: wrong PIN; Old = New = operator, Subject = failures in a row.</summary>
        public const int LoginRefused = 1;
        /// <summary>Login aux: wrong PINs locked the console.</summary>
        public const int LoginLockedOut = 2;
        /// <summary>Login aux: logout by command.</summary>
        public const int Logout = 3;
        /// <summary>Login aux: logout by idle timeout.</summary>
        public const int IdleLogout = 4;
    }

    /// <summary>One log entry as the console prints it.</summary>
    public struct LogEntryView
    {
        /// <summary>Monotonic time of the entry.</summary>
        public long AtMicros;
        /// <summary>Kind of entry ("calibration", "alarm", "pump_stopped"...).</summary>
        public string Kind;
        /// <summary>One line of text.</summary>
        public string Text;
    }
}
