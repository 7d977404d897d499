using Microsoft.CodeAnalysis;

namespace PerfusionGuard.NanoSubset
{
    /// <summary>
    /// Why a type cannot exist on nanoFramework: the diagnostic and the two message arguments. The
    /// one classification shared by the syntax checks (a type written in source) and the operation
    /// checks (a type that arrives implicitly, returned by a BCL member).
    /// </summary>
    internal readonly struct TypeFinding
    {
        public readonly DiagnosticDescriptor Descriptor;
        public readonly string What;
        public readonly string Alternative;

        private TypeFinding(DiagnosticDescriptor descriptor, string what, string alternative)
        {
            Descriptor = descriptor;
            What = what;
            Alternative = alternative;
        }

        public bool Found => Descriptor != null;

        /// <summary>The message arguments, with <paramref name="prefix"/> put before the construct.</summary>
        public object[] Args(string prefix) =>
            Descriptor == NanoDiagnostics.Generic || Descriptor == NanoDiagnostics.BannedSymbol
                ? new object[] { prefix + What, Alternative }
                : new object[] { prefix + What };

        public static readonly SymbolDisplayFormat Display = SymbolDisplayFormat.MinimallyQualifiedFormat
            .RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        /// <summary>Classifies <paramref name="type"/>; no finding for types nanoFramework has.</summary>
        public static TypeFinding Classify(ITypeSymbol type, BannedSymbolList banned)
        {
            if (type == null || type.TypeKind == TypeKind.Error)
            {
                return default;
            }

            if (type is IArrayTypeSymbol array)
            {
                if (array.Rank > 1)
                {
                    return new TypeFinding(NanoDiagnostics.MultiDimensionalArray,
                        "multi-dimensional array type '" + array.ToDisplayString(Display) + "'", null);
                }

                return Classify(array.ElementType, banned);
            }

            if (type.SpecialType == SpecialType.System_Decimal)
            {
                return new TypeFinding(NanoDiagnostics.Decimal, "type 'decimal'", null);
            }

            if (!(type is INamedTypeSymbol named))
            {
                return default;
            }

            string text = named.ToDisplayString(Display);
            if (named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
            {
                return new TypeFinding(NanoDiagnostics.NullableValueType, "nullable value type '" + text + "'", null);
            }

            if (named.IsTupleType || (named.Name == "ValueTuple" && InExactNamespace(named, "System")))
            {
                return new TypeFinding(NanoDiagnostics.Tuple, "tuple type '" + text + "'", null);
            }

            if (InNamespace(named, "System.Threading.Tasks"))
            {
                return new TypeFinding(NanoDiagnostics.Async, "type '" + text + "'", null);
            }

            if (InExactNamespace(named, "System") &&
                (named.Name == "Span" || named.Name == "ReadOnlySpan" || named.Name == "Memory" || named.Name == "ReadOnlyMemory"))
            {
                return new TypeFinding(NanoDiagnostics.Span, "type '" + text + "'", null);
            }

            if (InNamespace(named, "System.Linq"))
            {
                return new TypeFinding(NanoDiagnostics.Linq, "LINQ type '" + text + "'", null);
            }

            if (named.IsGenericType)
            {
                if (named.IsAnonymousType)
                {
                    return new TypeFinding(NanoDiagnostics.Generic, "anonymous type (compiled to a generic class)", "use a small class or struct");
                }

                if (named.TypeKind == TypeKind.Delegate)
                {
                    return new TypeFinding(NanoDiagnostics.Generic, "generic delegate type '" + text + "'",
                        "declare a non-generic delegate type (Action<T>, Func<T>, EventHandler<T> compile, then crash the interpreter)");
                }

                return new TypeFinding(NanoDiagnostics.Generic, "generic type '" + text + "'",
                    "use a preallocated array, ArrayList or Hashtable");
            }

            if (named.IsAnonymousType)
            {
                return new TypeFinding(NanoDiagnostics.Generic, "anonymous type (compiled to a generic class)", "use a small class or struct");
            }

            if (banned != null && banned.IsTypeBanned(named, out string reason))
            {
                return new TypeFinding(NanoDiagnostics.BannedSymbol, "type '" + text + "'", Reason(reason));
            }

            return default;
        }

        /// <summary>The reason text of a banned-list entry, never empty.</summary>
        public static string Reason(string reason) =>
            string.IsNullOrEmpty(reason) ? "see NANO-PLATFORM.md (firmware/NanoBannedSymbols.txt)" : reason;

        /// <summary>True when <paramref name="type"/> is declared in the namespace <paramref name="ns"/> or below it.</summary>
        public static bool InNamespace(ITypeSymbol type, string ns) => NamespaceMatches(Outermost(type).ContainingNamespace, ns, nested: true);

        /// <summary>True when <paramref name="type"/> (or its outermost containing type) is declared directly in <paramref name="ns"/>.</summary>
        public static bool InExactNamespace(ITypeSymbol type, string ns) => NamespaceMatches(Outermost(type).ContainingNamespace, ns, nested: false);

        private static ITypeSymbol Outermost(ITypeSymbol type)
        {
            while (type.ContainingType != null)
            {
                type = type.ContainingType;
            }

            return type;
        }

        // Compares namespace symbols with a dotted name without building strings: these checks run
        // for every member reference of the compilation.
        private static bool NamespaceMatches(INamespaceSymbol ns, string dotted, bool nested)
        {
            for (INamespaceSymbol n = ns; n != null && !n.IsGlobalNamespace; n = n.ContainingNamespace)
            {
                if (NamespaceEquals(n, dotted))
                {
                    return true;
                }

                if (!nested)
                {
                    return false;
                }
            }

            return false;
        }

        private static bool NamespaceEquals(INamespaceSymbol ns, string dotted)
        {
            int end = dotted.Length;
            for (INamespaceSymbol n = ns; ; n = n.ContainingNamespace)
            {
                string name = n.Name;
                int start = end - name.Length;
                if (start < 0 || string.CompareOrdinal(dotted, start, name, 0, name.Length) != 0)
                {
                    return false;
                }

                INamespaceSymbol parent = n.ContainingNamespace;
                if (parent == null || parent.IsGlobalNamespace)
                {
                    return start == 0;
                }

                if (start == 0 || dotted[start - 1] != '.')
                {
                    return false;
                }

                end = start - 1;
            }
        }

        /// <summary>True when the symbol is declared in the namespace <paramref name="ns"/> or below it.</summary>
        public static bool InNamespace(ISymbol symbol, string ns)
        {
            if (symbol is ITypeSymbol t)
            {
                return InNamespace(t, ns);
            }

            return symbol.ContainingType != null && InNamespace(symbol.ContainingType, ns);
        }
    }
}
