using System;
using System.IO;

namespace PerfusionGuard.Emulator.Tests
{
    /// <summary>Finds the repository root (the folder holding nf.proj.sln) from the test binary.</summary>
    internal static class RepoPaths
    {
        public static string Root
        {
            get
            {
                string dir = AppContext.BaseDirectory;
                while (dir != null && !File.Exists(Path.Combine(dir, "nf.proj.sln")))
                {
                    dir = Path.GetDirectoryName(dir);
                }

                return dir ?? throw new InvalidOperationException("nf.proj.sln not found above " + AppContext.BaseDirectory);
            }
        }

        public static string Scenarios => Path.Combine(Root, "tests", "scenarios");
    }
}
