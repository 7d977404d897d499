using Microsoft.CodeAnalysis;

namespace PerfusionGuard.NanoSubset
{
    /// <summary>
    /// The diagnostics of the NanoSubset analyzer: one id per construct family that stable
    /// nanoFramework lacks (NANO-PLATFORM.md, "Language and runtime subset"). All are errors by
    /// default, so the firmware build fails (SAF-PORT-001, SAF-PORT-002).
    /// </summary>
    internal static class NanoDiagnostics
    {
        private const string Category = "NanoFramework";

        /// <summary>Generic types, methods, delegates (declared or used), anonymous types.</summary>
        public static readonly DiagnosticDescriptor Generic = Error(
            "NANO001", "nanoFramework has no generics",
            "{0} — nanoFramework has no generics; {1}");

        /// <summary>Nullable value types (int?, Nullable&lt;T&gt;, ?. yielding a nullable value).</summary>
        public static readonly DiagnosticDescriptor NullableValueType = Error(
            "NANO002", "nanoFramework has no nullable value types",
            "{0} — nanoFramework has no Nullable<T>; keep a bool 'has value' flag next to the value, or use a sentinel");

        /// <summary>Tuple types, tuple literals, deconstruction.</summary>
        public static readonly DiagnosticDescriptor Tuple = Error(
            "NANO003", "nanoFramework has no tuples",
            "{0} — nanoFramework has no System.ValueTuple; use out parameters or a small struct");

        /// <summary>Record classes and record structs.</summary>
        public static readonly DiagnosticDescriptor Record = Error(
            "NANO004", "nanoFramework has no records",
            "{0} — nanoFramework has no records; write a class or struct with explicit members");

        /// <summary>async / await / Task.</summary>
        public static readonly DiagnosticDescriptor Async = Error(
            "NANO005", "nanoFramework has no async/await or Task",
            "{0} — nanoFramework has no async/await or System.Threading.Tasks; poll in the safety cycle or use a Thread");

        /// <summary>LINQ.</summary>
        public static readonly DiagnosticDescriptor Linq = Error(
            "NANO006", "nanoFramework has no LINQ",
            "{0} — nanoFramework has no LINQ; write a for loop over the array");

        /// <summary>Iterators.</summary>
        public static readonly DiagnosticDescriptor Yield = Error(
            "NANO007", "nanoFramework has no iterators",
            "{0} — iterators compile to generic IEnumerable<T> state machines that nanoFramework cannot run; fill a preallocated array instead");

        /// <summary>Span, Memory, stackalloc.</summary>
        public static readonly DiagnosticDescriptor Span = Error(
            "NANO008", "nanoFramework has no Span<T>, Memory<T> or stackalloc",
            "{0} — nanoFramework has no Span<T>/Memory<T>/stackalloc; use a preallocated byte[] with offset and count");

        /// <summary>decimal.</summary>
        public static readonly DiagnosticDescriptor Decimal = Error(
            "NANO009", "nanoFramework has no decimal",
            "{0} — nanoFramework has no decimal; use double, or a long in fixed-point units");

        /// <summary>volatile fields.</summary>
        public static readonly DiagnosticDescriptor Volatile = Error(
            "NANO010", "nanoFramework does not support volatile",
            "volatile field '{0}' — nanoFramework does not support volatile; guard shared state with lock");

        /// <summary>Multi-dimensional (rectangular) arrays.</summary>
        public static readonly DiagnosticDescriptor MultiDimensionalArray = Error(
            "NANO011", "nanoFramework has no multi-dimensional arrays",
            "{0} — nanoFramework has no multi-dimensional arrays; use a jagged array (T[][]) or a flat array with a computed index");

        /// <summary>Interface members with bodies, static interface members.</summary>
        public static readonly DiagnosticDescriptor DefaultInterfaceMember = Error(
            "NANO012", "nanoFramework has no default interface methods",
            "interface member '{0}' {1} — nanoFramework has no default interface members; declare it without a body and implement it in the classes");

        /// <summary>A BCL member or type on the banned list (firmware/NanoBannedSymbols.txt).</summary>
        public static readonly DiagnosticDescriptor BannedSymbol = Error(
            "NANO013", "BCL member missing on nanoFramework",
            "{0} does not exist on nanoFramework — {1}");

        /// <summary>A line of the banned list that is not a documentation-comment id.</summary>
        public static readonly DiagnosticDescriptor BannedListSyntax = new DiagnosticDescriptor(
            "NANO014", "Malformed line in NanoBannedSymbols.txt",
            "NanoBannedSymbols.txt line {0}: '{1}' is not a documentation-comment id (expected T:, M:, P:, F:, E: or N: then a name); the line bans nothing",
            Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
            customTags: new[] { WellKnownDiagnosticTags.CompilationEnd });

        /// <summary>The project runs the analyzer without the banned list: the BCL check is off.</summary>
        public static readonly DiagnosticDescriptor BannedListMissing = new DiagnosticDescriptor(
            "NANO015", "NanoBannedSymbols.txt missing",
            "No AdditionalFile named NanoBannedSymbols.txt: missing BCL members are not checked (firmware/Directory.Build.props adds it)",
            Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            customTags: new[] { WellKnownDiagnosticTags.CompilationEnd });

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new DiagnosticDescriptor(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
                description: "Stable nanoFramework (C# 9, CoreLibrary 1.17) lacks this construct; see NANO-PLATFORM.md.");
    }
}
