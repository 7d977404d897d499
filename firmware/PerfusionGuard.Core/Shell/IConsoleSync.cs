namespace PerfusionGuard.Shell
{
    /// <summary>
    /// How the shell keeps a command consistent with a module that runs on another thread (the
    /// device's safety loop, SAF-CON-012). Before a command that reads the module the shell asks for
    /// a current view; after the command it asks whether a change the command requested was not
    /// carried out as asked (timed out, or refused at the cycle boundary because a pump started), in
    /// which case that error replaces the reply. Null in <see cref="ShellServices"/> when the
    /// components are called directly on one thread (tests with fakes).
    /// </summary>
    public interface IConsoleSync
    {
        /// <summary>
        /// Makes what the command reads current (the module as the safety thread left it at its
        /// last cycle boundary). False with a message a person can act on when the module did not
        /// answer in time; the shell then answers <see cref="ShellErrors.Timeout"/> and runs nothing.
        /// </summary>
        bool BeginCommand(long nowMicros, out string error);

        /// <summary>True once a change requested by the running command was not carried out (the journal then records nothing).</summary>
        bool CommandFailed { get; }

        /// <summary>After the command: the error code and message that replace the reply; false when every request was carried out. Clears the failure.</summary>
        bool TakeFailure(out string code, out string message);
    }
}
