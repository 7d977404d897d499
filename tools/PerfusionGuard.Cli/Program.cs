using System;

namespace PerfusionGuard.Cli
{
    /// <summary>Entry point of the host command-line tool.</summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            Console.Error.WriteLine("perfusionguard: no subcommands yet (the emulator arrives with issue 4)");
            return 2;
        }
    }
}
