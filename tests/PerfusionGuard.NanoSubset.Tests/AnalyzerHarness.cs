using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using PerfusionGuard.NanoSubset;
using Xunit;

namespace PerfusionGuard.NanoSubset.Tests
{
    /// <summary>
    /// Compiles C# 9 sources against the net10.0 reference assemblies (what the firmware build sees)
    /// and runs the NanoSubset analyzer with the repository's firmware/NanoBannedSymbols.txt.
    /// Expected diagnostics are written in the source itself: a line ending in <c>//~ NANO001</c>
    /// must carry exactly that id, and no other line may carry any NANO id.
    /// </summary>
    internal static class AnalyzerHarness
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);
        private static readonly Lazy<string> s_repoRoot = new(FindRepoRoot);

        /// <summary>The repository root (the folder holding nf.proj.sln).</summary>
        public static string RepoRoot => s_repoRoot.Value;

        /// <summary>The banned list as shipped.</summary>
        public static string BannedListPath => Path.Combine(RepoRoot, "firmware", "NanoBannedSymbols.txt");

        public static ImmutableArray<MetadataReference> References => s_references.Value;

        // Compilations derived from one base share its bound references: each test then pays only
        // for its own sources, not for loading ~160 reference assemblies again.
        private static readonly Lazy<CSharpCompilation> s_base = new(() =>
            CSharpCompilation.Create("Firmware", null, References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable)));

        public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees) => s_base.Value.AddSyntaxTrees(trees);

        public static SyntaxTree Parse(string source, string path = "Test.cs") =>
            CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp9), path);

        /// <summary>Runs the analyzer; returns the compiler's errors and the analyzer's diagnostics.</summary>
        public static (ImmutableArray<Diagnostic> CompilerErrors, ImmutableArray<Diagnostic> Nano) Run(
            IEnumerable<SyntaxTree> trees, string bannedListText = null)
        {
            CSharpCompilation compilation = Compile(trees);
            var additional = ImmutableArray.Create<AdditionalText>(
                new InMemoryAdditionalText(BannedListPath, bannedListText ?? File.ReadAllText(BannedListPath)));
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new NanoSubsetAnalyzer()),
                new AnalyzerOptions(additional));
            ImmutableArray<Diagnostic> nano = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).Result
                .OrderBy(d => d.Location.SourceTree?.FilePath).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
            ImmutableArray<Diagnostic> errors = compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
            return (errors, nano);
        }

        /// <summary>
        /// Asserts that the analyzer reports exactly the ids marked with <c>//~ ID</c> on their lines,
        /// and nothing else. Compiler errors are allowed only when <paramref name="allowCompilerErrors"/>
        /// (a construct newer than C# 9 is still reported by the analyzer).
        /// </summary>
        public static ImmutableArray<Diagnostic> AssertMarked(string source, bool allowCompilerErrors = false)
        {
            var (errors, nano) = Run(new[] { Parse(source) });
            if (!allowCompilerErrors)
            {
                Assert.True(errors.IsEmpty, "test source does not compile: " + string.Join("; ", errors));
            }

            var expected = new SortedSet<string>();
            string[] lines = source.Replace("\r\n", "\n").Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                int marker = lines[i].IndexOf("//~", StringComparison.Ordinal);
                if (marker < 0)
                {
                    continue;
                }

                foreach (Match m in Regex.Matches(lines[i].Substring(marker), @"NANO\d{3}"))
                {
                    expected.Add($"{i + 1}:{m.Value}");
                }
            }

            var actual = new SortedSet<string>(nano.Select(d => $"{d.Location.GetLineSpan().StartLinePosition.Line + 1}:{d.Id}"));
            Assert.True(expected.SetEquals(actual),
                $"expected [{string.Join(", ", expected)}]\nactual   [{string.Join(", ", actual)}]\n" +
                string.Join("\n", nano.Select(d => d.ToString())));
            return nano;
        }

        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            // The reference pack the SDK compiles net10.0 projects against; the runtime's own
            // assemblies (trusted platform assemblies) when the pack is not installed.
            string runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
            string version = Path.GetFileName(runtimeDir);
            string dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
            string packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
            IEnumerable<string> files = null;
            if (Directory.Exists(packs))
            {
                string refDir = Directory.GetDirectories(packs)
                    .OrderByDescending(d => Path.GetFileName(d) == version)
                    .ThenByDescending(d => d)
                    .Select(d => Path.Combine(d, "ref", "net10.0"))
                    .FirstOrDefault(Directory.Exists);
                if (refDir != null)
                {
                    files = Directory.GetFiles(refDir, "*.dll");
                }
            }

            files ??= ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                            || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
            return files.Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToImmutableArray();
        }

        private static string FindRepoRoot()
        {
            for (string dir = AppContext.BaseDirectory; dir != null; dir = Path.GetDirectoryName(dir))
            {
                if (File.Exists(Path.Combine(dir, "nf.proj.sln")))
                {
                    return dir;
                }
            }

            throw new InvalidOperationException("nf.proj.sln not found above " + AppContext.BaseDirectory);
        }

        private sealed class InMemoryAdditionalText : AdditionalText
        {
            private readonly SourceText _text;

            public InMemoryAdditionalText(string path, string text)
            {
                Path = path;
                _text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }
    }
}
