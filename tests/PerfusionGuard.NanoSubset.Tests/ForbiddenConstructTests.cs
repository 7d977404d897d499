using Xunit;
using static PerfusionGuard.NanoSubset.Tests.AnalyzerHarness;

namespace PerfusionGuard.NanoSubset.Tests
{
    /// <summary>
    /// SAF-PORT-001: the firmware build rejects every language construct stable nanoFramework lacks.
    /// Each test marks the line that must be reported with <c>//~ NANOnnn</c>; nothing else may be reported.
    /// </summary>
    [Trait("Requirement", "SAF-PORT-001")]
    public class ForbiddenConstructTests
    {
        [Fact]
        public void Generic_bcl_collection_type_is_reported_as_NANO001()
        {
            var d = AssertMarked(@"
class C
{
    System.Collections.Generic.List<int> _values;  //~ NANO001
}");
            Assert.Contains("generic type 'List<int>'", d[0].GetMessage());
            Assert.Contains("ArrayList", d[0].GetMessage());
            Assert.Equal(Microsoft.CodeAnalysis.DiagnosticSeverity.Error, d[0].Severity);
        }

        [Fact]
        public void Dictionary_creation_is_reported_once_per_written_generic_name()
        {
            AssertMarked(@"
using System.Collections.Generic;  //~ NANO001
class C
{
    void M()
    {
        var map = new Dictionary<string, int>();  //~ NANO001
        map[""a""] = 1;
    }
}");
        }

        [Fact]
        public void Own_generic_type_declaration_is_reported()
        {
            var d = AssertMarked(@"
class Ring<T>  //~ NANO001
{
    T[] _items;
}");
            Assert.Contains("generic type 'Ring<T>' declared", d[0].GetMessage());
        }

        [Fact]
        public void Generic_struct_interface_and_delegate_declarations_are_reported()
        {
            AssertMarked(@"
struct Box<T> { }               //~ NANO001
interface ISource<T> { }        //~ NANO001
delegate void Handler<T>(T x);  //~ NANO001");
        }

        [Fact]
        public void Generic_method_and_local_function_declarations_are_reported()
        {
            AssertMarked(@"
class C
{
    static T First<T>(T[] items) => items[0];  //~ NANO001
    void M()
    {
        int Id<U>(int x) => x;  //~ NANO001
    }
}");
        }

        [Fact]
        public void Explicit_generic_method_call_is_reported()
        {
            var d = AssertMarked(@"
class C
{
    int[] M() => System.Array.Empty<int>();  //~ NANO001
}");
            Assert.Contains("generic method call", d[0].GetMessage());
        }

        [Fact]
        public void Inferred_generic_bcl_method_call_is_reported()
        {
            var d = AssertMarked(@"
class C
{
    int M(int[] values) => System.Array.IndexOf(values, 3);  //~ NANO001
}");
            Assert.Contains("type arguments inferred", d[0].GetMessage());
            Assert.Contains("IndexOf", d[0].GetMessage());
        }

        [Fact]
        public void Inferred_generic_method_group_is_reported()
        {
            AssertMarked(@"
class C
{
    static void Print<T>(T x) { }  //~ NANO001
    System.Action<int> M() => Print;  //~ NANO001
}");
        }

        [Fact]
        public void Generic_delegate_types_Action_Func_EventHandler_are_reported()
        {
            var d = AssertMarked(@"
using System;
class Args : EventArgs { }
class C
{
    Action<int> _onValue;             //~ NANO001
    Func<double> _read;               //~ NANO001
    event EventHandler<Args> Changed; //~ NANO001
}");
            Assert.All(d, x => Assert.Contains("non-generic delegate", x.GetMessage()));
        }

        [Fact]
        public void Bcl_member_returning_a_generic_type_is_reported_without_any_generic_name_written()
        {
            AssertMarked(@"
class C
{
    void M()
    {
        foreach (var f in System.IO.Directory.EnumerateFiles(""/""))  //~ NANO001
        {
        }
    }
}");
        }

        [Fact]
        public void Lambda_passed_to_a_bcl_parameter_of_generic_delegate_type_is_reported()
        {
            var d = AssertMarked(@"
class C
{
    void M(System.Threading.CancellationToken token)
    {
        token.Register(state => { }, null);  //~ NANO001
    }
}");
            Assert.Contains("Action<object>", d[0].GetMessage());
        }

        [Fact]
        public void Using_System_Collections_Generic_is_reported_because_the_namespace_does_not_exist()
        {
            AssertMarked(@"
using System.Collections.Generic;  //~ NANO001
class C { }");
        }

        [Fact]
        public void Anonymous_type_is_reported_as_generic()
        {
            AssertMarked(@"
class C
{
    object M() => new { A = 1 };  //~ NANO001
}");
        }

        [Fact]
        public void Nullable_value_types_are_reported_as_NANO002()
        {
            var d = AssertMarked(@"
class C
{
    int? _count;                           //~ NANO002
    System.Nullable<double> _pressure;     //~ NANO002
}");
            Assert.Contains("nullable value type 'int?'", d[0].GetMessage());
        }

        [Fact]
        public void Conditional_access_yielding_a_nullable_value_is_reported()
        {
            AssertMarked(@"
class C
{
    object M(string s) => s?.Length;  //~ NANO002
}");
        }

        [Fact]
        public void Tuple_type_and_literal_are_reported_as_NANO003()
        {
            AssertMarked(@"
class C
{
    (int, string) M() => (1, ""a"");  //~ NANO003
}");
        }

        [Fact]
        public void Tuple_deconstruction_is_reported()
        {
            var d = AssertMarked(@"
class C
{
    void M(int a, int b)
    {
        (a, b) = (b, a);         //~ NANO003
        var (x, y) = (1, 2);     //~ NANO003
    }
}");
            Assert.Contains(d, x => x.GetMessage().Contains("deconstruction"));
        }

        [Fact]
        public void Record_class_is_reported_as_NANO004()
        {
            AssertMarked(@"
record Reading(double MmHg);  //~ NANO004");
        }

        [Fact]
        public void Record_struct_is_reported_even_though_CSharp9_rejects_it()
        {
            var d = AssertMarked(@"
record struct Reading(double MmHg);  //~ NANO004", allowCompilerErrors: true);
            Assert.Contains("record struct", d[0].GetMessage());
        }

        [Fact]
        public void Async_method_await_and_Task_are_reported_as_NANO005()
        {
            AssertMarked(@"
using System.Threading.Tasks;          //~ NANO005
class C
{
    async Task M()                     //~ NANO005
    {
        await Task.Delay(1);           //~ NANO005
    }
}");
        }

        [Fact]
        public void Async_lambda_and_Task_returned_by_bcl_are_reported()
        {
            AssertMarked(@"
class C
{
    System.Func<System.Threading.Tasks.Task> _f = async () => { };  //~ NANO001 NANO005
    void M(System.IO.Stream s, byte[] b)
    {
        s.WriteAsync(b, 0, 1);  //~ NANO005
    }
}");
        }

        [Fact]
        public void Linq_using_query_and_extension_calls_are_reported_as_NANO006()
        {
            AssertMarked(@"
using System.Linq;                             //~ NANO006
class C
{
    bool M(int[] xs)
    {
        var q = from x in xs where x > 1 select x;  //~ NANO006
        return xs.Any();                            //~ NANO006
    }
}");
        }

        [Fact]
        public void Linq_called_through_the_static_class_is_reported()
        {
            AssertMarked(@"
class C
{
    int M(int[] xs) => System.Linq.Enumerable.Count(xs);  //~ NANO006
}");
        }

        [Fact]
        public void Yield_return_and_break_are_reported_as_NANO007()
        {
            AssertMarked(@"
class C
{
    System.Collections.IEnumerable M()
    {
        yield return 1;  //~ NANO007
        yield break;     //~ NANO007
    }
}");
        }

        [Fact]
        public void Span_Memory_and_stackalloc_are_reported_as_NANO008()
        {
            AssertMarked(@"
class C
{
    System.Memory<byte> _m;                  //~ NANO008
    void M()
    {
        System.Span<byte> s = stackalloc byte[8];  //~ NANO008
        System.ReadOnlySpan<char> r = ""ab"";   //~ NANO008
    }
}");
        }

        [Fact]
        public void Span_returned_by_a_bcl_member_is_reported()
        {
            AssertMarked(@"
using System;
class C
{
    int M(string s) => s.AsSpan().Length;  //~ NANO008
}");
        }

        [Fact]
        public void Decimal_keyword_type_and_literal_are_reported_as_NANO009()
        {
            AssertMarked(@"
class C
{
    decimal _a;          //~ NANO009
    System.Decimal _b;   //~ NANO009
    object M() => 1.5m;  //~ NANO009
}");
        }

        [Fact]
        public void Volatile_field_is_reported_as_NANO010()
        {
            var d = AssertMarked(@"
class C
{
    volatile bool _stop;  //~ NANO010
}");
            Assert.Contains("'_stop'", d[0].GetMessage());
        }

        [Fact]
        public void Multi_dimensional_array_type_and_creation_are_reported_as_NANO011()
        {
            AssertMarked(@"
class C
{
    int[,] _grid;                            //~ NANO011
    void M()
    {
        object a = new double[2, 3];         //~ NANO011
        object b = new[,] { { 1 }, { 2 } };  //~ NANO011
    }
}");
        }

        [Fact]
        public void Default_interface_method_bodies_and_static_members_are_reported_as_NANO012()
        {
            AssertMarked(@"
interface IChannel
{
    int Id { get; }
    void Sample();
    void Reset() { }                 //~ NANO012
    int Twice => Id * 2;             //~ NANO012
    static int Count() => 0;         //~ NANO012
}");
        }

        [Fact]
        public void Generic_type_in_a_doc_comment_cref_is_not_reported()
        {
            AssertMarked(@"
/// <summary>Not a <see cref=""System.Collections.Generic.List{T}""/>.</summary>
class C { }");
        }
    }
}
