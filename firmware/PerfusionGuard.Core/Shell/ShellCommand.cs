namespace PerfusionGuard.Shell
{
    /// <summary>Runs one command; writes its response into the context's reply.</summary>
    public delegate void ShellCommandHandler(ShellContext context);

    /// <summary>
    /// One console command: its words, its arguments, the access level it needs and whether it is
    /// refused while the pump runs (SAF-CON-004). The shell checks all of that before the handler
    /// runs, so a handler never sees a call it is not allowed to act on.
    /// </summary>
    public sealed class ShellCommand
    {
        /// <summary>First word ("sensor").</summary>
        public readonly string Noun;
        /// <summary>Second word ("get"), or null for one-word commands ("status").</summary>
        public readonly string Verb;
        /// <summary>Argument synopsis for help ("NAME VALUE").</summary>
        public readonly string Arguments;
        /// <summary>Fewest arguments after the words.</summary>
        public readonly int MinArgs;
        /// <summary>Most arguments after the words.</summary>
        public readonly int MaxArgs;
        /// <summary>Lowest access level allowed.</summary>
        public readonly AccessLevel Level;
        /// <summary>True when the command is refused while the pump runs (it could change the safety state).</summary>
        public readonly bool StoppedPumpOnly;
        /// <summary>One line for help.</summary>
        public readonly string Summary;
        /// <summary>The handler.</summary>
        public readonly ShellCommandHandler Handler;
        /// <summary>
        /// False for commands that read nothing a safety cycle changes (help, login, mode, version,
        /// time): they run without asking the safety thread for a snapshot (SAF-CON-012).
        /// </summary>
        public readonly bool ReadsModule;

        /// <summary>Creates a command entry.</summary>
        public ShellCommand(string noun, string verb, string arguments, int minArgs, int maxArgs, AccessLevel level,
            bool stoppedPumpOnly, string summary, ShellCommandHandler handler, bool readsModule = true)
        {
            ReadsModule = readsModule;
            Noun = noun;
            Verb = verb;
            Arguments = arguments;
            MinArgs = minArgs;
            MaxArgs = maxArgs;
            Level = level;
            StoppedPumpOnly = stoppedPumpOnly;
            Summary = summary;
            Handler = handler;
        }

        /// <summary>"sensor get NAME".</summary>
        public string Usage
        {
            get
            {
                string usage = Verb == null ? Noun : Noun + " " + Verb;
                return Arguments.Length == 0 ? usage : usage + " " + Arguments;
            }
        }
    }
}
