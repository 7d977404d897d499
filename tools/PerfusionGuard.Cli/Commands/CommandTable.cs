namespace PerfusionGuard.Cli.Commands
{
    /// <summary>Every subcommand of the tool, in the order `help` lists them. Add one line per command.</summary>
    public static class CommandTable
    {
        public static ICliCommand[] All() => new ICliCommand[]
        {
            // run / scenarios (emulator), record (telemetry), console, board, bench: one line each.
            new RunCommand(),
            new ScenariosCommand(),
            new BoardCommand(),
            new RecordCommand(),
            new ConsoleCommand(),
            new BenchCommand(),
        };
    }
}
