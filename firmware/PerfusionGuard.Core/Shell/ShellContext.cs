namespace PerfusionGuard.Shell
{
    /// <summary>What a command handler gets: the time, its arguments, the services, the session and the reply.</summary>
    public sealed class ShellContext
    {
        /// <summary>Greatest number of words in a line.</summary>
        public const int MaxWords = 8;

        internal readonly string[] Words = new string[MaxWords];
        internal int WordCount;
        internal int FirstArg;

        /// <summary>Creates a context.</summary>
        public ShellContext(SerialShell shell, ShellServices services, ServiceSession session, ShellReply reply)
        {
            Shell = shell;
            Services = services;
            Session = session;
            Reply = reply;
        }

        /// <summary>The shell running the command.</summary>
        public SerialShell Shell { get; }

        /// <summary>The module's components.</summary>
        public ShellServices Services { get; }

        /// <summary>The access session.</summary>
        public ServiceSession Session { get; }

        /// <summary>Where the response goes.</summary>
        public ShellReply Reply { get; }

        /// <summary>Monotonic time of the command.</summary>
        public long NowMicros { get; internal set; }

        /// <summary>The command being run.</summary>
        public ShellCommand Command { get; internal set; }

        /// <summary>Number of arguments after the command words.</summary>
        public int ArgCount => WordCount - FirstArg;

        /// <summary>Argument <paramref name="index"/> (0-based, after the command words).</summary>
        public string Arg(int index) => Words[FirstArg + index];

        /// <summary>Writes to the event log when there is one.</summary>
        public void Log(Log.EventKind kind, int subject, int oldValue, int newValue, int auxValue)
        {
            if (Services.Log != null)
            {
                Services.Log.Record(NowMicros, kind, subject, oldValue, newValue, auxValue);
            }
        }
    }
}
