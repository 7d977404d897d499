using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace PerfusionGuard.Tests
{
    /// <summary>
    /// Every requirement id in firmware/SAFETY.md is named by at least one test source or scenario
    /// file under tests/ (STYLE.md: a safety requirement has a test that names its id).
    /// </summary>
    public class RequirementTraceabilityTests
    {
        private static readonly Regex s_requirementId = new Regex(@"SAF-[A-Z]+-\d{3}", RegexOptions.Compiled);

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "nf.proj.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("nf.proj.sln not found above " + AppContext.BaseDirectory);
        }

        private static bool IsBuildOutput(string path)
        {
            string[] parts = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            return parts.Contains("bin") || parts.Contains("obj");
        }

        [Fact]
        public void Safety_file_declares_requirements()
        {
            string safety = File.ReadAllText(Path.Combine(RepoRoot(), "firmware", "SAFETY.md"));

            Assert.True(s_requirementId.Matches(safety).Count >= 40, "firmware/SAFETY.md lists fewer requirement ids than the kernel alone has");
        }

        [Fact]
        public void Every_requirement_in_SAFETY_md_is_named_by_a_test_or_scenario()
        {
            string root = RepoRoot();
            string[] ids = s_requirementId.Matches(File.ReadAllText(Path.Combine(root, "firmware", "SAFETY.md")))
                .Select(m => m.Value).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();

            string tests = Path.Combine(root, "tests");
            var named = Directory.EnumerateFiles(tests, "*.*", SearchOption.AllDirectories)
                .Where(path => (path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal)) && !IsBuildOutput(path))
                .SelectMany(path => s_requirementId.Matches(File.ReadAllText(path)).Select(m => m.Value))
                .ToHashSet(StringComparer.Ordinal);

            // This file names no id on purpose: it must not satisfy the check by itself.
            string[] missing = ids.Where(id => !named.Contains(id)).ToArray();

            Assert.True(missing.Length == 0,
                $"{missing.Length} requirement id(s) in firmware/SAFETY.md are named by no file under tests/ (*.cs, *.json): {string.Join(", ", missing)}");
        }
    }
}
