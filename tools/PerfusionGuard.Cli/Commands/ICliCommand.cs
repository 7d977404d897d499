namespace PerfusionGuard.Cli.Commands
{
    /// <summary>One subcommand of the `perfusionguard` tool.</summary>
    public interface ICliCommand
    {
        /// <summary>The word after the tool name ("run", "scenarios", "record", "board").</summary>
        string Name { get; }

        /// <summary>One line for the usage list.</summary>
        string Summary { get; }

        /// <summary>Runs with the arguments after the subcommand name; returns the process exit code.</summary>
        int Run(string[] args);
    }
}
