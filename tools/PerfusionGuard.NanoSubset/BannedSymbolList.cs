using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace PerfusionGuard.NanoSubset
{
    /// <summary>
    /// The banned BCL symbols read from NanoBannedSymbols.txt. One documentation-comment id per line
    /// (<c>M:System.String.Join(System.String,System.String[])</c>, <c>T:System.Diagnostics.Stopwatch</c>),
    /// optionally followed by <c>;reason</c>. An id without a parameter list (<c>M:System.String.Replace</c>)
    /// bans every overload; <c>T:</c> bans the type and its members; <c>N:</c> bans a namespace.
    /// '#' starts a comment line.
    /// </summary>
    internal sealed class BannedSymbolList
    {
        /// <summary>The AdditionalFile name the analyzer reads.</summary>
        public const string FileName = "NanoBannedSymbols.txt";

        private readonly Dictionary<string, string> _exact = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _groups = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _types = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _namespaces = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> _typeSimpleNames = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<KeyValuePair<int, string>> _malformed = new List<KeyValuePair<int, string>>();

        /// <summary>Lines that could not be read: (1-based line number, text).</summary>
        public IReadOnlyList<KeyValuePair<int, string>> Malformed => _malformed;

        /// <summary>Simple names of banned types ("Stopwatch"), to pre-filter identifiers before binding.</summary>
        public ICollection<string> TypeSimpleNames => _typeSimpleNames;

        /// <summary>Parses the list text.</summary>
        public static BannedSymbolList Parse(SourceText text)
        {
            var list = new BannedSymbolList();
            if (text == null)
            {
                return list;
            }

            foreach (TextLine line in text.Lines)
            {
                string raw = line.ToString().Trim();
                if (raw.Length == 0 || raw[0] == '#')
                {
                    continue;
                }

                string id = raw;
                string reason = "";
                int semicolon = raw.IndexOf(';');
                if (semicolon >= 0)
                {
                    id = raw.Substring(0, semicolon).Trim();
                    reason = raw.Substring(semicolon + 1).Trim();
                }

                if (id.Length < 3 || id[1] != ':' || "TMPFEN".IndexOf(id[0]) < 0 || id.IndexOf(' ') >= 0)
                {
                    list._malformed.Add(new KeyValuePair<int, string>(line.LineNumber + 1, raw));
                    continue;
                }

                switch (id[0])
                {
                    case 'T':
                        list._types[id] = reason;
                        string name = id.Substring(id.LastIndexOf('.') + 1);
                        int tick = name.IndexOf('`');
                        list._typeSimpleNames.Add(tick >= 0 ? name.Substring(0, tick) : name);
                        break;
                    case 'N':
                        list._namespaces[id.Substring(2)] = reason;
                        break;
                    default:
                        list._exact[id] = reason;
                        if (id.IndexOf('(') < 0)
                        {
                            list._groups[id] = reason;
                        }

                        break;
                }
            }

            return list;
        }

        /// <summary>
        /// True when <paramref name="member"/> (a method, property, field or event) is banned by its
        /// exact id or by an all-overloads entry. The containing type's bans are checked separately.
        /// </summary>
        public bool IsMemberBanned(ISymbol member, out string reason)
        {
            reason = null;
            if (_exact.Count == 0)
            {
                return false;
            }

            if (member is IMethodSymbol method && method.ReducedFrom != null)
            {
                member = method.ReducedFrom;
            }

            string id = member.OriginalDefinition.GetDocumentationCommentId();
            if (id == null)
            {
                return false;
            }

            if (_exact.TryGetValue(id, out reason))
            {
                return true;
            }

            // All-overloads key: cut the parameter list and the generic arity (``1).
            int paren = id.IndexOf('(');
            string group = paren >= 0 ? id.Substring(0, paren) : id;
            int arity = group.IndexOf("``", StringComparison.Ordinal);
            if (arity >= 0)
            {
                group = group.Substring(0, arity);
            }

            return _groups.TryGetValue(group, out reason);
        }

        /// <summary>True when the type, one of its containing types or its namespace is banned.</summary>
        public bool IsTypeBanned(ITypeSymbol type, out string reason)
        {
            reason = null;
            if (_types.Count == 0 && _namespaces.Count == 0)
            {
                return false;
            }

            for (ITypeSymbol t = type; t != null; t = t.ContainingType)
            {
                string id = t.OriginalDefinition.GetDocumentationCommentId();
                if (id != null && _types.TryGetValue(id, out reason))
                {
                    return true;
                }
            }

            if (_namespaces.Count > 0)
            {
                for (INamespaceSymbol ns = type.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
                {
                    if (_namespaces.TryGetValue(ns.ToDisplayString(), out reason))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
