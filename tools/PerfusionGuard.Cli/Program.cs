using System;
using PerfusionGuard.Cli.Commands;

namespace PerfusionGuard.Cli
{
    /// <summary>Entry point of the host command-line tool: dispatches to a subcommand.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            ICliCommand[] commands = CommandTable.All();
            if (args.Length == 0 || args[0] == "help" || args[0] == "--help" || args[0] == "-h")
            {
                PrintUsage(commands);
                return args.Length == 0 ? 2 : 0;
            }

            foreach (ICliCommand command in commands)
            {
                if (command.Name == args[0])
                {
                    return command.Run(args[1..]);
                }
            }

            Console.Error.WriteLine($"perfusionguard: unknown subcommand '{args[0]}'");
            PrintUsage(commands);
            return 2;
        }

        private static void PrintUsage(ICliCommand[] commands)
        {
            Console.Error.WriteLine("usage: perfusionguard <subcommand> [args]");
            foreach (ICliCommand command in commands)
            {
                Console.Error.WriteLine($"  {command.Name,-10} {command.Summary}");
            }
        }
    }
}
