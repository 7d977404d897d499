namespace PerfusionGuard.Shell
{
    /// <summary>Error codes of console responses ("error" in JSON mode), stable for scripts.</summary>
    public static class ShellErrors
    {
        /// <summary>Wrong number or form of arguments.</summary>
        public const string Args = "E_ARGS";
        /// <summary>The access level is too low (login first).</summary>
        public const string Perm = "E_PERM";
        /// <summary>Not allowed in the current state (the pump runs, nothing to reset...).</summary>
        public const string State = "E_STATE";
        /// <summary>No such command or verb.</summary>
        public const string Unknown = "E_UNKNOWN";
        /// <summary>The line had invalid UTF-8 or control bytes and was refused whole.</summary>
        public const string Input = "E_INPUT";
        /// <summary>The line was longer than the line limit and was refused whole.</summary>
        public const string TooLong = "E_TOOLONG";
        /// <summary>Wrong PIN.</summary>
        public const string Auth = "E_AUTH";
        /// <summary>Login refused during the delay after a wrong PIN or the lockout.</summary>
        public const string Locked = "E_LOCKED";
        /// <summary>The module has no such component (no telemetry link, no calibratable channel).</summary>
        public const string Unavailable = "E_UNAVAILABLE";
        /// <summary>The component refused or failed the operation (reason in the message).</summary>
        public const string Failed = "E_FAILED";
        /// <summary>The response did not fit in the output buffer.</summary>
        public const string Overflow = "E_OVERFLOW";
        /// <summary>The safety thread did not carry out the request in time (the message says whether anything changed).</summary>
        public const string Timeout = "E_TIMEOUT";
        /// <summary>A defect in the console itself; the state is unchanged.</summary>
        public const string Internal = "E_INTERNAL";
    }
}
