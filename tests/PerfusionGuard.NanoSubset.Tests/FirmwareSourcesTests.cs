using System.IO;
using System.Linq;
using Xunit;
using static PerfusionGuard.NanoSubset.Tests.AnalyzerHarness;

namespace PerfusionGuard.NanoSubset.Tests
{
    /// <summary>
    /// SAF-PORT-003: every current source file of the portable firmware core compiles as C# 9 and
    /// passes the NanoSubset check, so it can be built unchanged for nanoFramework. The build itself
    /// fails on a violation too; this test says which file and line.
    /// </summary>
    [Trait("Requirement", "SAF-PORT-003")]
    public class FirmwareSourcesTests
    {
        [Fact]
        public void All_firmware_core_sources_compile_as_CSharp9_with_no_NANO_diagnostic()
        {
            string core = Path.Combine(RepoRoot, "firmware", "PerfusionGuard.Core");
            string[] files = Directory.GetFiles(core, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                         && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .ToArray();
            Assert.True(files.Length >= 20, "expected the firmware core's sources under " + core);

            var (errors, nano) = Run(files.Select(f => Parse(File.ReadAllText(f), f)));

            Assert.True(errors.IsEmpty, "firmware core does not compile standalone:\n" + string.Join("\n", errors));
            Assert.True(nano.IsEmpty, "nanoFramework violations:\n" + string.Join("\n", nano));
        }

        [Fact]
        public void Device_layer_sources_have_no_NANO_diagnostic_as_far_as_they_bind_here()
        {
            // The .nfproj device layer cannot be built here (no nanoFramework packages), so its
            // nanoFramework types stay unresolved; everything the check sees without them (generic
            // names and declarations, int?, tuples, async, yield, volatile, [,], BCL members that
            // resolve against net10.0) must still be clean.
            string firmware = Path.Combine(RepoRoot, "firmware");
            string[] files = Directory.GetFiles(firmware, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                         && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar)
                         && !f.EndsWith("AssemblyInfo.cs"))
                .ToArray();

            var (_, nano) = Run(files.Select(f => Parse(File.ReadAllText(f), f)));

            Assert.True(nano.IsEmpty, "nanoFramework violations:\n" + string.Join("\n", nano));
        }

        [Fact]
        public void A_generic_list_added_to_a_firmware_source_is_caught()
        {
            // The converse of the test above on the same sources: one forbidden line makes it fail.
            string core = Path.Combine(RepoRoot, "firmware", "PerfusionGuard.Core");
            var trees = Directory.GetFiles(core, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"))
                .Select(f => Parse(File.ReadAllText(f), f))
                .Append(Parse("namespace PerfusionGuard { class Extra { System.Collections.Generic.List<int> _x; } }", "Extra.cs"));

            var (_, nano) = Run(trees);

            Assert.Contains(nano, d => d.Id == "NANO001" && d.Location.GetLineSpan().Path == "Extra.cs");
        }
    }
}
