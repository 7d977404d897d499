using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using PerfusionGuard.Tests.Boards;
using Xunit;

namespace PerfusionGuard.Tests.OnTarget
{
    /// <summary>
    /// Classic .nfproj projects list their sources one by one; nothing on this machine builds them.
    /// These tests keep the lists honest: a portable file missing from the nanoFramework core
    /// project would compile here and be absent on the device.
    /// </summary>
    public class NanoProjectSyncTests
    {
        private const string Fix = "run `bash tools/nano/sync-nfproj.sh` and commit the .nfproj";

        private static string Root => BoardFiles.RepoRoot();

        private static HashSet<string> Listed(string nfproj)
        {
            string projectDir = Path.GetDirectoryName(Path.Combine(Root, nfproj))!;
            string text = File.ReadAllText(Path.Combine(Root, nfproj));
            return Regex.Matches(text, "<Compile Include=\"([^\"]+)\"")
                .Select(m => Path.GetFullPath(Path.Combine(projectDir, m.Groups[1].Value.Replace('\\', '/'))))
                .ToHashSet();
        }

        private static IEnumerable<string> SourcesUnder(string folder) =>
            Directory.GetFiles(Path.Combine(Root, folder), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/"))
                .Select(Path.GetFullPath);

        [Theory]
        [Trait("Requirement", "SAF-BRD-014")]
        [InlineData("firmware/PerfusionGuard.Core.Nano/PerfusionGuard.Core.Nano.nfproj", "firmware/PerfusionGuard.Core")]
        [InlineData("firmware/PerfusionGuard.Device/PerfusionGuard.Device.nfproj", "firmware/PerfusionGuard.Device")]
        [InlineData("tests/NFUnitTest/NFUnitTest.nfproj", "tests/NFUnitTest")]
        public void Every_source_file_is_compiled_by_the_nanoFramework_project(string nfproj, string folder)
        {
            var listed = Listed(nfproj);
            var missing = SourcesUnder(folder).Where(f => !listed.Contains(f)).Select(f => Path.GetRelativePath(Root, f)).ToList();
            Assert.True(missing.Count == 0, $"{nfproj} does not compile {string.Join(", ", missing)}; {Fix}");
        }

        [Theory]
        [Trait("Requirement", "SAF-BRD-014")]
        [InlineData("firmware/PerfusionGuard.Core.Nano/PerfusionGuard.Core.Nano.nfproj")]
        [InlineData("firmware/PerfusionGuard.Device/PerfusionGuard.Device.nfproj")]
        [InlineData("tests/NFUnitTest/NFUnitTest.nfproj")]
        public void Every_listed_file_exists(string nfproj)
        {
            var gone = Listed(nfproj).Where(f => !File.Exists(f)).Select(f => Path.GetRelativePath(Root, f)).ToList();
            Assert.True(gone.Count == 0, $"{nfproj} lists files that no longer exist: {string.Join(", ", gone)}; {Fix}");
        }

        [Fact]
        public void The_nanoFramework_projects_fall_back_when_the_project_system_is_absent()
        {
            foreach (string nfproj in new[] { "firmware/PerfusionGuard.Core.Nano/PerfusionGuard.Core.Nano.nfproj", "firmware/PerfusionGuard.Device/PerfusionGuard.Device.nfproj", "tests/NFUnitTest/NFUnitTest.nfproj" })
            {
                string text = File.ReadAllText(Path.Combine(Root, nfproj));
                Assert.Contains("nano.fallback.targets\" Condition=\"!Exists('$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets')\"", text);
                Assert.Contains("<LangVersion>9.0</LangVersion>", text);
                Assert.Contains(nfproj.Replace('/', '\\'), File.ReadAllText(Path.Combine(Root, "nf.proj.sln")));
            }

            Assert.Contains("<AssemblyName>NFUnitTest</AssemblyName>", File.ReadAllText(Path.Combine(Root, "tests/NFUnitTest/NFUnitTest.nfproj")));
            Assert.Contains("<IsRealHardware>False</IsRealHardware>", File.ReadAllText(Path.Combine(Root, "tests/NFUnitTest/nano.runsettings")));
        }
    }
}
