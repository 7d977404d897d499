using System;
using System.IO;
using PerfusionGuard.Boards;
using PerfusionGuard.Profiles;

namespace PerfusionGuard.Cli.Commands
{
    /// <summary>
    /// `perfusionguard board check &lt;dir&gt; [--profile NAME]`: loads boards/&lt;id&gt;/board.json with the
    /// firmware's own loader and validator and prints every problem. &lt;dir&gt; is one board folder or
    /// a folder of board folders (boards/). Exit 0 when every board is valid, 1 when one is not,
    /// 2 on wrong usage.
    /// </summary>
    public sealed class BoardCommand : ICliCommand
    {
        private readonly TextWriter _out;

        /// <summary>Writes to the console.</summary>
        public BoardCommand()
            : this(Console.Out)
        {
        }

        /// <summary>Writes to <paramref name="output"/> (tests).</summary>
        public BoardCommand(TextWriter output)
        {
            _out = output;
        }

        public string Name => "board";

        public string Summary => "board check <dir> [--profile NAME]: validate board definitions";

        public int Run(string[] args)
        {
            string dir = null;
            string profileName = null;
            if (args.Length == 0 || args[0] != "check")
            {
                return Usage();
            }

            for (int i = 1; i < args.Length; i++)
            {
                if (args[i] == "--profile" && i + 1 < args.Length)
                {
                    profileName = args[++i];
                }
                else if (dir == null && !args[i].StartsWith("--", StringComparison.Ordinal))
                {
                    dir = args[i];
                }
                else
                {
                    return Usage();
                }
            }

            if (dir == null)
            {
                return Usage();
            }

            CircuitProfile profile = null;
            if (profileName != null && !BoardProfiles.TryFind(profileName, out profile, out string profileError))
            {
                _out.WriteLine("board check: " + profileError);
                return 2;
            }

            if (!Directory.Exists(dir))
            {
                _out.WriteLine("board check: no such folder " + dir);
                return 2;
            }

            if (File.Exists(Path.Combine(dir, "board.json")))
            {
                return Check(dir, profile) ? 0 : 1;
            }

            string[] folders = Directory.GetDirectories(dir);
            Array.Sort(folders, StringComparer.Ordinal);
            int checkedCount = 0;
            bool allValid = true;
            foreach (string folder in folders)
            {
                if (File.Exists(Path.Combine(folder, "board.json")))
                {
                    allValid &= Check(folder, profile);
                    checkedCount++;
                }
            }

            if (checkedCount == 0)
            {
                _out.WriteLine("board check: " + dir + " holds no board.json, nor folders with one");
                return 2;
            }

            return allValid ? 0 : 1;
        }

        private bool Check(string folder, CircuitProfile profile)
        {
            string id = Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));
            string json = File.ReadAllText(Path.Combine(folder, "board.json"));
            if (!BoardLoader.TryLoad(json, id, out BoardDefinition board, out string loadError))
            {
                _out.WriteLine($"{id}: INVALID");
                foreach (string line in loadError.Split('\n'))
                {
                    _out.WriteLine("  " + line);
                }

                return false;
            }

            bool valid = BoardValidator.Validate(board, profile, out string[] errors);
            string forProfile = profile == null ? "" : $" for profile {profile.Name}";
            string summary = $"{board.Id} ({board.Name}): chip {BoardNames.NameOf(board.Chip)}, network {BoardNames.NameOf(board.Network)}, "
                + $"{board.Pins.Length} pins, nanoff target {board.NanoffTarget ?? "none"}";
            if (valid)
            {
                _out.WriteLine($"{summary}: OK{forProfile}");
                return true;
            }

            _out.WriteLine($"{summary}: INVALID{forProfile}, {errors.Length} problem{(errors.Length == 1 ? "" : "s")}");
            foreach (string error in errors)
            {
                _out.WriteLine("  " + error);
            }

            return false;
        }

        private int Usage()
        {
            _out.WriteLine("usage: perfusionguard board check <board folder | boards folder> [--profile NAME]");
            return 2;
        }
    }
}
