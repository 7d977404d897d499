using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace PerfusionGuard.NanoSubset
{
    /// <summary>
    /// Rejects, as build errors, constructs that compile for net10.0 but that stable nanoFramework
    /// lacks or crashes on (NANO-PLATFORM.md; SAF-PORT-001, SAF-PORT-002). Written constructs are
    /// found on syntax (generic names and declarations, int?, tuples, records, async, LINQ, yield,
    /// stackalloc, decimal, volatile, [,], interface bodies); constructs that arrive without being
    /// written (inferred generic method calls, BCL members returning generic or banned types,
    /// calls to banned BCL members) are found on operations.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NanoSubsetAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            NanoDiagnostics.Generic, NanoDiagnostics.NullableValueType, NanoDiagnostics.Tuple, NanoDiagnostics.Record,
            NanoDiagnostics.Async, NanoDiagnostics.Linq, NanoDiagnostics.Yield, NanoDiagnostics.Span,
            NanoDiagnostics.Decimal, NanoDiagnostics.Volatile, NanoDiagnostics.MultiDimensionalArray,
            NanoDiagnostics.DefaultInterfaceMember, NanoDiagnostics.BannedSymbol, NanoDiagnostics.BannedListSyntax,
            NanoDiagnostics.BannedListMissing);

        /// <summary>Identifiers that can name a forbidden non-generic type; only these are bound.</summary>
        private static readonly string[] s_fixedTypeNames = { "Task", "ValueTask", "Decimal", "TaskCompletionSource", "TaskFactory", "Parallel" };

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext start)
        {
            BannedSymbolList banned = null;
            foreach (AdditionalText file in start.Options.AdditionalFiles)
            {
                if (string.Equals(System.IO.Path.GetFileName(file.Path), BannedSymbolList.FileName, StringComparison.OrdinalIgnoreCase))
                {
                    banned = BannedSymbolList.Parse(file.GetText(start.CancellationToken));
                    break;
                }
            }

            bool listMissing = banned == null;
            banned = banned ?? BannedSymbolList.Parse(null);
            if (listMissing || banned.Malformed.Count > 0)
            {
                start.RegisterCompilationEndAction(end =>
                {
                    if (listMissing)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(NanoDiagnostics.BannedListMissing, Location.None));
                    }

                    foreach (KeyValuePair<int, string> line in banned.Malformed)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(NanoDiagnostics.BannedListSyntax, Location.None, line.Key, line.Value));
                    }
                });
            }

            var typeNames = new HashSet<string>(s_fixedTypeNames, StringComparer.Ordinal);
            typeNames.UnionWith(banned.TypeSimpleNames);
            // Enum.ToString() prints the number on nanoFramework. When the list bans it, formatting an
            // enum implicitly (concatenation, interpolation, a format argument) is reported too.
            string enumToStringReason = null;
            INamedTypeSymbol enumType = start.Compilation.GetSpecialType(SpecialType.System_Enum);
            foreach (ISymbol m in enumType.GetMembers("ToString"))
            {
                if (m is IMethodSymbol ts && ts.Parameters.Length == 0 && banned.IsMemberBanned(ts, out string r))
                {
                    enumToStringReason = TypeFinding.Reason(r);
                }
            }

            var checker = new Checker(banned, typeNames, start.Compilation.Assembly, enumToStringReason);

            start.RegisterSyntaxNodeAction(checker.TypeParameterList, SyntaxKind.TypeParameterList);
            start.RegisterSyntaxNodeAction(checker.GenericName, SyntaxKind.GenericName);
            start.RegisterSyntaxNodeAction(checker.IdentifierName, SyntaxKind.IdentifierName);
            start.RegisterSyntaxNodeAction(checker.NullableType, SyntaxKind.NullableType);
            start.RegisterSyntaxNodeAction(checker.Tuple, SyntaxKind.TupleType, SyntaxKind.TupleExpression,
                SyntaxKind.ParenthesizedVariableDesignation);
            start.RegisterSyntaxNodeAction(checker.Record, SyntaxKind.RecordDeclaration, SyntaxKind.RecordStructDeclaration);
            start.RegisterSyntaxNodeAction(checker.AsyncModifier, SyntaxKind.MethodDeclaration, SyntaxKind.LocalFunctionStatement,
                SyntaxKind.SimpleLambdaExpression, SyntaxKind.ParenthesizedLambdaExpression, SyntaxKind.AnonymousMethodExpression);
            start.RegisterSyntaxNodeAction(checker.Await, SyntaxKind.AwaitExpression, SyntaxKind.ForEachStatement,
                SyntaxKind.ForEachVariableStatement, SyntaxKind.UsingStatement, SyntaxKind.LocalDeclarationStatement);
            start.RegisterSyntaxNodeAction(checker.UsingDirective, SyntaxKind.UsingDirective);
            start.RegisterSyntaxNodeAction(checker.Query, SyntaxKind.QueryExpression);
            start.RegisterSyntaxNodeAction(checker.Yield, SyntaxKind.YieldReturnStatement, SyntaxKind.YieldBreakStatement);
            start.RegisterSyntaxNodeAction(checker.StackAlloc, SyntaxKind.StackAllocArrayCreationExpression,
                SyntaxKind.ImplicitStackAllocArrayCreationExpression);
            start.RegisterSyntaxNodeAction(checker.DecimalKeyword, SyntaxKind.PredefinedType);
            start.RegisterSyntaxNodeAction(checker.DecimalLiteral, SyntaxKind.NumericLiteralExpression);
            start.RegisterSyntaxNodeAction(checker.VolatileField, SyntaxKind.FieldDeclaration);
            start.RegisterSyntaxNodeAction(checker.ArrayRank, SyntaxKind.ArrayType, SyntaxKind.ImplicitArrayCreationExpression);
            start.RegisterSyntaxNodeAction(checker.InterfaceMembers, SyntaxKind.InterfaceDeclaration);
            start.RegisterSyntaxNodeAction(checker.AnonymousObject, SyntaxKind.AnonymousObjectCreationExpression);

            start.RegisterOperationAction(checker.Invocation, OperationKind.Invocation);
            start.RegisterOperationAction(checker.MethodReference, OperationKind.MethodReference);
            start.RegisterOperationAction(checker.ObjectCreation, OperationKind.ObjectCreation);
            start.RegisterOperationAction(checker.MemberReference, OperationKind.PropertyReference,
                OperationKind.FieldReference, OperationKind.EventReference);
            start.RegisterOperationAction(checker.ConditionalAccess, OperationKind.ConditionalAccess);
            if (enumToStringReason != null)
            {
                start.RegisterOperationAction(checker.EnumConcatenation, OperationKind.Binary);
                start.RegisterOperationAction(checker.EnumInterpolation, OperationKind.Interpolation);
            }
        }

        /// <summary>The per-compilation checks; stateless apart from the immutable banned list.</summary>
        private sealed class Checker
        {
            private readonly BannedSymbolList _banned;
            private readonly HashSet<string> _typeNames;
            private readonly IAssemblySymbol _assembly;

            private readonly string _enumToStringReason;

            // Per-compilation caches: the same BCL members and types are referenced thousands of
            // times; documentation ids and classifications are computed once each.
            private static readonly string s_notBanned = new string('-', 1);
            private readonly ConcurrentDictionary<ISymbol, string> _memberBans = new ConcurrentDictionary<ISymbol, string>(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<ISymbol, string> _typeBans = new ConcurrentDictionary<ISymbol, string>(SymbolEqualityComparer.Default);
            private readonly ConcurrentDictionary<ISymbol, TypeFinding> _findings = new ConcurrentDictionary<ISymbol, TypeFinding>(SymbolEqualityComparer.Default);

            private bool IsMemberBanned(ISymbol member, out string reason)
            {
                reason = _memberBans.GetOrAdd(member, m => _banned.IsMemberBanned(m, out string r) ? r ?? "" : s_notBanned);
                return !ReferenceEquals(reason, s_notBanned);
            }

            private bool IsTypeBanned(ITypeSymbol type, out string reason)
            {
                reason = _typeBans.GetOrAdd(type, t => _banned.IsTypeBanned((ITypeSymbol)t, out string r) ? r ?? "" : s_notBanned);
                return !ReferenceEquals(reason, s_notBanned);
            }

            private TypeFinding Classify(ITypeSymbol type) =>
                type == null ? default : _findings.GetOrAdd(type, t => TypeFinding.Classify((ITypeSymbol)t, _banned));

            public Checker(BannedSymbolList banned, HashSet<string> typeNames, IAssemblySymbol assembly, string enumToStringReason)
            {
                _enumToStringReason = enumToStringReason;
                _banned = banned;
                _typeNames = typeNames;
                _assembly = assembly;
            }

            // ---------------------------------------------------------------- syntax

            public void TypeParameterList(SyntaxNodeAnalysisContext c)
            {
                SyntaxNode parent = c.Node.Parent;
                string what;
                string alternative;
                switch (parent)
                {
                    case DelegateDeclarationSyntax d:
                        what = "generic delegate '" + d.Identifier.ValueText + c.Node + "' declared";
                        alternative = "declare a non-generic delegate type";
                        break;
                    case TypeDeclarationSyntax t:
                        what = "generic type '" + t.Identifier.ValueText + c.Node + "' declared";
                        alternative = "write it for the one element type it holds, over a preallocated array";
                        break;
                    case MethodDeclarationSyntax m:
                        what = "generic method '" + m.Identifier.ValueText + c.Node + "' declared";
                        alternative = "write a non-generic method for the types it is used with";
                        break;
                    case LocalFunctionStatementSyntax l:
                        what = "generic local function '" + l.Identifier.ValueText + c.Node + "' declared";
                        alternative = "write a non-generic local function";
                        break;
                    default:
                        what = "type parameter list '" + c.Node + "'";
                        alternative = "remove the type parameters";
                        break;
                }

                c.ReportDiagnostic(Diagnostic.Create(NanoDiagnostics.Generic, c.Node.GetLocation(), what, alternative));
            }

            public void GenericName(SyntaxNodeAnalysisContext c)
            {
                var node = (GenericNameSyntax)c.Node;
                if (node.IsPartOfStructuredTrivia() || node.Parent is TypeArgumentListSyntax || InsideNameof(node))
                {
                    return; // doc crefs are fine; a nested type argument is covered by the outer name
                }

                SymbolInfo info = c.SemanticModel.GetSymbolInfo(node, c.CancellationToken);
                ISymbol symbol = info.Symbol ?? (info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] : null);
                if (symbol is IAliasSymbol alias)
                {
                    symbol = alias.Target;
                }

                if (symbol is IMethodSymbol method)
                {
                    IMethodSymbol original = method.ReducedFrom ?? method;
                    if (TypeFinding.InNamespace(original, "System.Linq"))
                    {
                        Report(c, NanoDiagnostics.Linq, node, "LINQ method '" + Display(method) + "'");
                        return;
                    }

                    Report(c, NanoDiagnostics.Generic, node, "generic method call '" + Display(method) + "'",
                        "write a non-generic method or a loop");
                    return;
                }

                if (symbol is ITypeSymbol type)
                {
                    TypeFinding finding = Classify(type);
                    if (finding.Found)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, node.GetLocation(), finding.Args("")));
                        return;
                    }
                }

                Report(c, NanoDiagnostics.Generic, node, "generic name '" + node + "'", "use non-generic types");
            }

            public void IdentifierName(SyntaxNodeAnalysisContext c)
            {
                var node = (IdentifierNameSyntax)c.Node;
                if (!_typeNames.Contains(node.Identifier.ValueText) || node.IsVar || node.IsPartOfStructuredTrivia() || InsideNameof(node))
                {
                    return;
                }

                ISymbol symbol = c.SemanticModel.GetSymbolInfo(node, c.CancellationToken).Symbol;
                if (symbol is IAliasSymbol alias)
                {
                    symbol = alias.Target;
                }

                if (symbol is ITypeSymbol type)
                {
                    TypeFinding finding = Classify(type);
                    if (finding.Found)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, node.GetLocation(), finding.Args("")));
                    }
                }
            }

            public void NullableType(SyntaxNodeAnalysisContext c)
            {
                // With nullable annotations off, 'string?' is only a warning and no Nullable<T>: bind to tell.
                ITypeSymbol type = c.SemanticModel.GetTypeInfo(c.Node, c.CancellationToken).Type;
                if (type != null && type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
                {
                    Report(c, NanoDiagnostics.NullableValueType, c.Node, "nullable value type '" + c.Node + "'");
                }
            }

            public void Tuple(SyntaxNodeAnalysisContext c)
            {
                SyntaxNode node = c.Node;
                switch (node)
                {
                    case TupleTypeSyntax _:
                        if (node.Parent is TupleElementSyntax || node.Parent is TypeArgumentListSyntax)
                        {
                            return;
                        }

                        Report(c, NanoDiagnostics.Tuple, node, "tuple type '" + node + "'");
                        return;
                    case TupleExpressionSyntax _:
                        if (node.Parent is ArgumentSyntax arg && arg.Parent is TupleExpressionSyntax)
                        {
                            return;
                        }

                        bool deconstruction = node.Parent is AssignmentExpressionSyntax assign && assign.Left == node;
                        Report(c, NanoDiagnostics.Tuple, node, (deconstruction ? "deconstruction into tuple '" : "tuple literal '") + node + "'");
                        return;
                    case ParenthesizedVariableDesignationSyntax _:
                        if (node.Parent is ParenthesizedVariableDesignationSyntax)
                        {
                            return;
                        }

                        Report(c, NanoDiagnostics.Tuple, node, "deconstruction '" + node + "'");
                        return;
                }
            }

            public void Record(SyntaxNodeAnalysisContext c)
            {
                var node = (RecordDeclarationSyntax)c.Node;
                string kind = node.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) ? "record struct '" : "record '";
                c.ReportDiagnostic(Diagnostic.Create(NanoDiagnostics.Record, node.Identifier.GetLocation(), kind + node.Identifier.ValueText + "'"));
            }

            public void AsyncModifier(SyntaxNodeAnalysisContext c)
            {
                SyntaxToken asyncToken = default;
                string what = null;
                switch (c.Node)
                {
                    case MethodDeclarationSyntax m:
                        asyncToken = Find(m.Modifiers, SyntaxKind.AsyncKeyword);
                        what = "async method '" + m.Identifier.ValueText + "'";
                        break;
                    case LocalFunctionStatementSyntax l:
                        asyncToken = Find(l.Modifiers, SyntaxKind.AsyncKeyword);
                        what = "async local function '" + l.Identifier.ValueText + "'";
                        break;
                    case AnonymousFunctionExpressionSyntax f:
                        asyncToken = f.AsyncKeyword;
                        what = "async lambda";
                        break;
                }

                if (asyncToken.IsKind(SyntaxKind.AsyncKeyword))
                {
                    c.ReportDiagnostic(Diagnostic.Create(NanoDiagnostics.Async, asyncToken.GetLocation(), what));
                }
            }

            public void Await(SyntaxNodeAnalysisContext c)
            {
                SyntaxToken awaitToken;
                switch (c.Node)
                {
                    case AwaitExpressionSyntax a:
                        Report(c, NanoDiagnostics.Async, a, "'await'");
                        return;
                    case CommonForEachStatementSyntax f:
                        awaitToken = f.AwaitKeyword;
                        break;
                    case UsingStatementSyntax u:
                        awaitToken = u.AwaitKeyword;
                        break;
                    case LocalDeclarationStatementSyntax d:
                        awaitToken = d.AwaitKeyword;
                        break;
                    default:
                        return;
                }

                if (awaitToken.IsKind(SyntaxKind.AwaitKeyword))
                {
                    c.ReportDiagnostic(Diagnostic.Create(NanoDiagnostics.Async, awaitToken.GetLocation(), "'await " + c.Node.GetFirstToken().GetNextToken().ValueText + "'"));
                }
            }

            public void UsingDirective(SyntaxNodeAnalysisContext c)
            {
                var node = (UsingDirectiveSyntax)c.Node;
                if (node.Name == null)
                {
                    return;
                }

                string name = node.Name.ToString().Replace(" ", "");
                if (node.Alias != null)
                {
                    return; // an alias is checked where its target names a type (IdentifierName / GenericName)
                }

                if (name == "System.Linq" || name.StartsWith("System.Linq.", StringComparison.Ordinal))
                {
                    Report(c, NanoDiagnostics.Linq, node, "'using " + name + "'");
                }
                else if (name == "System.Collections.Generic" || name.StartsWith("System.Collections.Generic.", StringComparison.Ordinal))
                {
                    Report(c, NanoDiagnostics.Generic, node, "'using " + name + "' (no such namespace on nanoFramework)",
                        "use System.Collections (ArrayList, Hashtable) or preallocated arrays");
                }
                else if (name == "System.Threading.Tasks" || name.StartsWith("System.Threading.Tasks.", StringComparison.Ordinal))
                {
                    Report(c, NanoDiagnostics.Async, node, "'using " + name + "'");
                }
            }

            public void Query(SyntaxNodeAnalysisContext c) =>
                Report(c, NanoDiagnostics.Linq, c.Node, "LINQ query expression");

            public void Yield(SyntaxNodeAnalysisContext c) =>
                Report(c, NanoDiagnostics.Yield, c.Node,
                    c.Node.IsKind(SyntaxKind.YieldBreakStatement) ? "'yield break'" : "'yield return'");

            public void StackAlloc(SyntaxNodeAnalysisContext c) =>
                Report(c, NanoDiagnostics.Span, c.Node, "'stackalloc'");

            public void DecimalKeyword(SyntaxNodeAnalysisContext c)
            {
                var node = (PredefinedTypeSyntax)c.Node;
                if (node.Keyword.IsKind(SyntaxKind.DecimalKeyword) && !node.IsPartOfStructuredTrivia())
                {
                    Report(c, NanoDiagnostics.Decimal, node, "type 'decimal'");
                }
            }

            public void DecimalLiteral(SyntaxNodeAnalysisContext c)
            {
                var node = (LiteralExpressionSyntax)c.Node;
                if (node.Token.Value is decimal)
                {
                    Report(c, NanoDiagnostics.Decimal, node, "decimal literal '" + node.Token.Text + "'");
                }
            }

            public void VolatileField(SyntaxNodeAnalysisContext c)
            {
                var node = (FieldDeclarationSyntax)c.Node;
                SyntaxToken token = Find(node.Modifiers, SyntaxKind.VolatileKeyword);
                if (token.IsKind(SyntaxKind.VolatileKeyword))
                {
                    foreach (VariableDeclaratorSyntax v in node.Declaration.Variables)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(NanoDiagnostics.Volatile, token.GetLocation(), v.Identifier.ValueText));
                    }
                }
            }

            public void ArrayRank(SyntaxNodeAnalysisContext c)
            {
                if (c.Node is ArrayTypeSyntax array)
                {
                    foreach (ArrayRankSpecifierSyntax rank in array.RankSpecifiers)
                    {
                        if (rank.Rank > 1)
                        {
                            string what = array.Parent is ArrayCreationExpressionSyntax
                                ? "multi-dimensional array creation '" + array.Parent + "'"
                                : "multi-dimensional array type '" + array + "'";
                            Report(c, NanoDiagnostics.MultiDimensionalArray, rank, what);
                            return;
                        }
                    }
                }
                else if (c.Node is ImplicitArrayCreationExpressionSyntax implicitArray && implicitArray.Commas.Count > 0)
                {
                    Report(c, NanoDiagnostics.MultiDimensionalArray, implicitArray.NewKeyword.Parent,
                        "multi-dimensional array creation 'new[" + new string(',', implicitArray.Commas.Count) + "]'");
                }
            }

            public void InterfaceMembers(SyntaxNodeAnalysisContext c)
            {
                var node = (InterfaceDeclarationSyntax)c.Node;
                foreach (MemberDeclarationSyntax member in node.Members)
                {
                    bool isStatic = Find(member.Modifiers, SyntaxKind.StaticKeyword).IsKind(SyntaxKind.StaticKeyword);
                    bool hasBody = false;
                    string name = null;
                    Location location = member.GetLocation();
                    switch (member)
                    {
                        case MethodDeclarationSyntax m:
                            hasBody = m.Body != null || m.ExpressionBody != null;
                            name = m.Identifier.ValueText;
                            location = m.Identifier.GetLocation();
                            break;
                        case BasePropertyDeclarationSyntax p:
                            hasBody = (p is PropertyDeclarationSyntax pd && pd.ExpressionBody != null)
                                || (p is IndexerDeclarationSyntax id && id.ExpressionBody != null)
                                || (p.AccessorList != null && AnyAccessorBody(p.AccessorList));
                            name = p is PropertyDeclarationSyntax pn ? pn.Identifier.ValueText
                                : p is EventDeclarationSyntax en ? en.Identifier.ValueText : "this[]";
                            break;
                        case BaseMethodDeclarationSyntax other:
                            hasBody = other.Body != null || other.ExpressionBody != null;
                            name = other is ConstructorDeclarationSyntax ctor ? ctor.Identifier.ValueText : other.Kind().ToString();
                            break;
                        case BaseFieldDeclarationSyntax f:
                            name = f.Declaration.Variables.Count > 0 ? f.Declaration.Variables[0].Identifier.ValueText : "field";
                            break;
                        default:
                            continue; // nested types are not members with bodies
                    }

                    if (hasBody || isStatic)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(NanoDiagnostics.DefaultInterfaceMember, location,
                            node.Identifier.ValueText + "." + name, hasBody ? "has a body" : "is static"));
                    }
                }
            }

            public void AnonymousObject(SyntaxNodeAnalysisContext c) =>
                Report(c, NanoDiagnostics.Generic, c.Node, "anonymous type 'new { ... }' (compiled to a generic class)", "use a small class or struct");

            // ------------------------------------------------------------- operations

            public void Invocation(OperationAnalysisContext c)
            {
                var op = (IInvocationOperation)c.Operation;
                if (op.IsImplicit)
                {
                    return; // query clauses, collection initializers: their syntax is reported instead
                }

                IMethodSymbol method = op.TargetMethod;
                IMethodSymbol original = method.ReducedFrom ?? method;
                if (TypeFinding.InNamespace(original, "System.Linq"))
                {
                    if (!HasExplicitTypeArguments(op.Syntax))
                    {
                        Report(c, NanoDiagnostics.Linq, op.Syntax, "LINQ method '" + Display(method) + "'");
                    }

                    return;
                }

                if (CheckBannedMember(c, method, op.Instance, op.Syntax))
                {
                    return;
                }

                if (_enumToStringReason != null && IsTextFormattingMethod(method))
                {
                    foreach (IArgumentOperation argument in op.Arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation array && array.Initializer != null)
                        {
                            foreach (IOperation element in array.Initializer.ElementValues)
                            {
                                ReportEnumAsText(c, element);
                            }
                        }
                        else if (argument.Parameter != null && argument.Parameter.Type.SpecialType == SpecialType.System_Object)
                        {
                            ReportEnumAsText(c, argument.Value);
                        }
                    }
                }

                if (method.IsGenericMethod && !HasExplicitTypeArguments(op.Syntax))
                {
                    Report(c, NanoDiagnostics.Generic, op.Syntax,
                        "generic method '" + Display(method) + "' (type arguments inferred)",
                        "call a non-generic overload (cast the arguments to Array / object) or write a loop");
                    return;
                }

                // A lambda or method group handed to a BCL parameter of a generic delegate type
                // (CancellationToken.Register(Action<object>, ...)) instantiates that generic type
                // without it being written anywhere.
                if (!SymbolEqualityComparer.Default.Equals(method.ContainingAssembly, _assembly))
                {
                    foreach (IArgumentOperation argument in op.Arguments)
                    {
                        IOperation value = argument.Value;
                        while (value is IConversionOperation conversion && conversion.IsImplicit)
                        {
                            value = conversion.Operand;
                        }

                        if (value is IDelegateCreationOperation creation && creation.Type is INamedTypeSymbol delegateType && delegateType.IsGenericType)
                        {
                            Report(c, NanoDiagnostics.Generic, argument.Syntax,
                                "lambda or method group passed as generic delegate type '" + delegateType.ToDisplayString(TypeFinding.Display) + "'",
                                "call an overload that takes a non-generic delegate, or do the work in a loop");
                            return;
                        }
                    }
                }

                CheckReturnedType(c, method, method.ReturnType, op.Syntax);
            }

            public void MethodReference(OperationAnalysisContext c)
            {
                var op = (IMethodReferenceOperation)c.Operation;
                if (op.IsImplicit || CheckBannedMember(c, op.Method, op.Instance, op.Syntax))
                {
                    return;
                }

                if (op.Method.IsGenericMethod && !HasExplicitTypeArguments(op.Syntax))
                {
                    Report(c, NanoDiagnostics.Generic, op.Syntax,
                        "generic method group '" + Display(op.Method) + "'", "reference a non-generic method");
                }
            }

            public void ObjectCreation(OperationAnalysisContext c)
            {
                var op = (IObjectCreationOperation)c.Operation;
                if (op.IsImplicit || op.Constructor == null)
                {
                    return;
                }

                if (IsMemberBanned(op.Constructor, out string reason))
                {
                    Report(c, NanoDiagnostics.BannedSymbol, op.Syntax, "constructor '" + Display(op.Constructor) + "'", TypeFinding.Reason(reason));
                    return;
                }

                if (op.Syntax is ImplicitObjectCreationExpressionSyntax)
                {
                    // target-typed new(): no type name in the expression for the syntax checks to see
                    TypeFinding finding = Classify(op.Type);
                    if (finding.Found)
                    {
                        c.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, op.Syntax.GetLocation(), finding.Args("'new()' of ")));
                    }
                }
            }

            public void MemberReference(OperationAnalysisContext c)
            {
                IOperation op = c.Operation;
                if (op.IsImplicit)
                {
                    return;
                }

                ISymbol member;
                ITypeSymbol memberType;
                IOperation instance;
                switch (op)
                {
                    case IPropertyReferenceOperation p:
                        member = p.Property;
                        memberType = p.Property.Type;
                        instance = p.Instance;
                        break;
                    case IFieldReferenceOperation f:
                        member = f.Field;
                        memberType = f.Field.Type;
                        instance = f.Instance;
                        break;
                    case IEventReferenceOperation e:
                        member = e.Event;
                        memberType = e.Event.Type;
                        instance = e.Instance;
                        break;
                    default:
                        return;
                }

                if (!CheckBannedMember(c, member, instance, op.Syntax))
                {
                    CheckReturnedType(c, member, memberType, op.Syntax);
                }
            }

            public void ConditionalAccess(OperationAnalysisContext c)
            {
                var op = (IConditionalAccessOperation)c.Operation;
                if (op.Parent is IConditionalAccessOperation)
                {
                    return; // a?.b?.c: report the outermost access once
                }

                if (op.Type != null && op.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
                {
                    Report(c, NanoDiagnostics.NullableValueType, op.Syntax,
                        "'?.' yielding nullable value type '" + op.Type.ToDisplayString(TypeFinding.Display) + "'");
                }
            }

            public void EnumConcatenation(OperationAnalysisContext c)
            {
                var op = (IBinaryOperation)c.Operation;
                if (op.OperatorKind == BinaryOperatorKind.Add && op.Type != null && op.Type.SpecialType == SpecialType.System_String)
                {
                    ReportEnumAsText(c, op.LeftOperand);
                    ReportEnumAsText(c, op.RightOperand);
                }
            }

            public void EnumInterpolation(OperationAnalysisContext c) =>
                ReportEnumAsText(c, ((IInterpolationOperation)c.Operation).Expression);

            // ---------------------------------------------------------------- helpers

            /// <summary>Reports <paramref name="value"/> when it is an enum turned into text by the runtime.</summary>
            private void ReportEnumAsText(OperationAnalysisContext c, IOperation value)
            {
                while (value is IConversionOperation conversion && conversion.IsImplicit)
                {
                    value = conversion.Operand;
                }

                if (value?.Type != null && value.Type.TypeKind == TypeKind.Enum)
                {
                    Report(c, NanoDiagnostics.BannedSymbol, value.Syntax,
                        "enum '" + value.Type.ToDisplayString(TypeFinding.Display) + "' formatted as text (implicit Enum.ToString())",
                        _enumToStringReason);
                }
            }

            /// <summary>Methods that turn an object argument into text with its ToString().</summary>
            private static bool IsTextFormattingMethod(IMethodSymbol method)
            {
                switch (method.Name)
                {
                    case "Format":
                    case "Concat":
                    case "Append":
                    case "AppendFormat":
                    case "Insert":
                    case "Write":
                    case "WriteLine":
                    case "Print":
                        return method.ContainingType != null && method.ContainingType.ContainingAssembly != null
                            && TypeFinding.InNamespace(method.ContainingType, "System");
                    default:
                        return false;
                }
            }

            /// <summary>Reports a banned member, or a member of a banned type reached through an instance.</summary>
            private bool CheckBannedMember(OperationAnalysisContext c, ISymbol member, IOperation instance, SyntaxNode syntax)
            {
                if (IsMemberBanned(member, out string reason))
                {
                    Report(c, NanoDiagnostics.BannedSymbol, syntax, "'" + Display(member) + "'", TypeFinding.Reason(reason));
                    return true;
                }

                if (member.ContainingType != null && IsTypeBanned(member.ContainingType, out reason))
                {
                    // A static member is reached through its type's name, which the syntax checks
                    // report; an instance member may be reached through 'var' and is reported here.
                    if (instance != null)
                    {
                        Report(c, NanoDiagnostics.BannedSymbol, syntax,
                            "'" + Display(member) + "' (member of '" + member.ContainingType.ToDisplayString(TypeFinding.Display) + "')",
                            TypeFinding.Reason(reason));
                    }

                    return true;
                }

                return false;
            }

            /// <summary>
            /// A BCL member that returns a type nanoFramework lacks brings it in without any name being
            /// written (<c>var files = Directory.EnumerateFiles(...)</c>). Members of this assembly are
            /// skipped: their declarations are checked where they are written.
            /// </summary>
            private void CheckReturnedType(OperationAnalysisContext c, ISymbol member, ITypeSymbol type, SyntaxNode syntax)
            {
                if (type == null || SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, _assembly))
                {
                    return;
                }

                TypeFinding finding = Classify(type);
                if (finding.Found)
                {
                    c.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, syntax.GetLocation(), finding.Args("'" + Display(member) + "' returns ")));
                }
            }

            private static bool HasExplicitTypeArguments(SyntaxNode syntax)
            {
                ExpressionSyntax expression = syntax is InvocationExpressionSyntax invocation ? invocation.Expression : syntax as ExpressionSyntax;
                switch (expression)
                {
                    case GenericNameSyntax _:
                        return true;
                    case MemberAccessExpressionSyntax access:
                        return access.Name is GenericNameSyntax;
                    case MemberBindingExpressionSyntax binding:
                        return binding.Name is GenericNameSyntax;
                    default:
                        return false;
                }
            }

            private static bool AnyAccessorBody(AccessorListSyntax accessors)
            {
                foreach (AccessorDeclarationSyntax a in accessors.Accessors)
                {
                    if (a.Body != null || a.ExpressionBody != null)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool InsideNameof(SyntaxNode node)
            {
                for (SyntaxNode n = node.Parent; n != null; n = n.Parent)
                {
                    if (n is InvocationExpressionSyntax inv && inv.Expression is IdentifierNameSyntax id && id.Identifier.ValueText == "nameof")
                    {
                        return true;
                    }

                    if (n is StatementSyntax || n is MemberDeclarationSyntax)
                    {
                        return false;
                    }
                }

                return false;
            }

            private static SyntaxToken Find(SyntaxTokenList modifiers, SyntaxKind kind)
            {
                foreach (SyntaxToken t in modifiers)
                {
                    if (t.IsKind(kind))
                    {
                        return t;
                    }
                }

                return default;
            }

            private static readonly SymbolDisplayFormat s_memberDisplay = SymbolDisplayFormat.CSharpShortErrorMessageFormat
                .RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

            private static string Display(ISymbol symbol) => symbol.ToDisplayString(s_memberDisplay);

            private static void Report(SyntaxNodeAnalysisContext c, DiagnosticDescriptor d, SyntaxNode node, params object[] args) =>
                c.ReportDiagnostic(Diagnostic.Create(d, node.GetLocation(), args));

            private static void Report(OperationAnalysisContext c, DiagnosticDescriptor d, SyntaxNode node, params object[] args) =>
                c.ReportDiagnostic(Diagnostic.Create(d, node.GetLocation(), args));
        }
    }
}
