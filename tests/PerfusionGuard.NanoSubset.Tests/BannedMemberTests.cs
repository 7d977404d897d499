using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;
using static PerfusionGuard.NanoSubset.Tests.AnalyzerHarness;

namespace PerfusionGuard.NanoSubset.Tests
{
    /// <summary>
    /// SAF-PORT-002: BCL members that stable nanoFramework lacks (firmware/NanoBannedSymbols.txt) fail
    /// the firmware build with NANO013, wherever they are used: invocation, property or field access,
    /// object creation, type reference.
    /// </summary>
    [Trait("Requirement", "SAF-PORT-002")]
    public class BannedMemberTests
    {
        private static string InMethod(string statement) => @"
using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading;
enum Mode { Off, On }
class C
{
    int _int;
    long _long;
    object _lock = new object();
    int[] _numbers = { 3, 1, 2 };
    void M(Mode mode, string text, string[] names, byte[] bytes)
    {
        " + statement + @"  //~ NANO013
    }
}";

        [Theory]
        [InlineData("string s = mode.ToString();", "Enum.ToString()")]
        [InlineData("string s = mode.ToString(\"G\");", "Enum.ToString(string")]
        [InlineData("Array a = Enum.GetValues(typeof(Mode));", "Enum.GetValues")]
        [InlineData("string s = string.Join(\",\", names);", "string.Join")]
        [InlineData("string s = text.Replace(\"a\", \"b\");", "string.Replace")]
        [InlineData("string s = text.Replace('a', 'b');", "string.Replace")]
        [InlineData("bool b = string.IsNullOrWhiteSpace(text);", "IsNullOrWhiteSpace")]
        [InlineData("bool b = text.Contains('x');", "string.Contains(char)")]
        [InlineData("bool b = text.Equals(\"a\", StringComparison.OrdinalIgnoreCase);", "StringComparison")]
        [InlineData("object c = CultureInfo.InvariantCulture;", "CultureInfo")]
        [InlineData("bool b = char.IsDigit(text[0]);", "char.IsDigit")]
        [InlineData("bool b = char.IsLetter(text[0]);", "char.IsLetter")]
        [InlineData("DateTime t = DateTime.Now;", "DateTime.Now")]
        [InlineData("object sw = Stopwatch.StartNew();", "Stopwatch")]
        [InlineData("int t = Environment.TickCount;", "Environment.TickCount")]
        [InlineData("Interlocked.Add(ref _int, 2);", "Interlocked.Add")]
        [InlineData("Interlocked.Increment(ref _long);", "Interlocked.Increment(ref long)")]
        [InlineData("Interlocked.Exchange(ref _long, 1L);", "Interlocked.Exchange(ref long")]
        [InlineData("long v = Interlocked.Read(ref _long);", "Interlocked.Read")]
        [InlineData("bool b = Monitor.TryEnter(_lock);", "Monitor.TryEnter")]
        [InlineData("Monitor.Wait(_lock);", "Monitor.Wait")]
        [InlineData("Monitor.Pulse(_lock);", "Monitor.Pulse")]
        [InlineData("Thread.CurrentThread.IsBackground = true;", "Thread.IsBackground")]
        [InlineData("string n = Thread.CurrentThread.Name;", "Thread.Name")]
        [InlineData("Buffer.BlockCopy(bytes, 0, bytes, 1, 1);", "Buffer.BlockCopy")]
        [InlineData("Array.Sort(_numbers);", "Array.Sort")]
        [InlineData("Array.Resize(ref _numbers, 4);", "Array.Resize")]
        [InlineData("Array.Reverse(_numbers);", "Array.Reverse")]
        [InlineData("GC.Collect();", "GC.Collect")]
        [InlineData("int h = HashCode.Combine(1, 2);", "HashCode")]
        [InlineData("float f = MathF.Sqrt(2f);", "MathF")]
        [InlineData("int c = Math.Clamp(3, 0, 2);", "Math.Clamp(int, int, int)")]
        [InlineData("long a = Math.Abs(_long);", "Math.Abs(long)")]
        [InlineData("long m = Math.Max(_long, 2L);", "Math.Max(long, long)")]
        [InlineData("double r = Math.Round(1.234, 2);", "Math.Round(double, int)")]
        [InlineData("TimeSpan t = TimeSpan.FromMilliseconds(1.5);", "TimeSpan.FromMilliseconds(double)")]
        [InlineData("string s = Encoding.UTF8.GetString(bytes);", "Encoding.GetString(byte[])")]
        [InlineData("Console.WriteLine(_lock);", "Console.WriteLine(object)")]
        [InlineData("Console.WriteLine(\"{0}\", _int);", "Console.WriteLine(string, object)")]
        [InlineData("Debug.WriteLine(\"{0} {1}\", _int, _long);", "Debug.WriteLine(string, params object[])")]
        [InlineData("DateTime t = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);", "DateTime(int, int, int, int, int, int, DateTimeKind)")]
        [InlineData("DateTime t = new DateTime(2024, 1, 1, 0, 0, 0, 5, DateTimeKind.Utc);", "DateTime(int, int, int, int, int, int, int, DateTimeKind)")]
        [InlineData("bool b = new AutoResetEvent(false).WaitOne(5);", "WaitHandle.WaitOne(int)")]
        [InlineData("bool b = new AutoResetEvent(false).WaitOne(TimeSpan.Zero);", "WaitHandle.WaitOne(TimeSpan)")]
        [InlineData("bool b = new AutoResetEvent(false).WaitOne(TimeSpan.Zero, false);", "WaitHandle.WaitOne(TimeSpan, bool)")]
        public void Banned_bcl_member_is_reported_as_NANO013_naming_it_and_the_alternative(string statement, string named)
        {
            var d = AssertMarked(InMethod(statement));
            string message = d[0].GetMessage();
            Assert.Contains(named, message);
            Assert.Contains("does not exist on nanoFramework", message);
            Assert.Equal(DiagnosticSeverity.Error, d[0].Severity);
        }

        [Fact]
        public void Enum_ToString_on_an_enum_value_carries_the_name_table_advice()
        {
            var d = AssertMarked(InMethod("string s = mode.ToString();"));
            Assert.Contains("name table", d[0].GetMessage());
        }

        [Fact]
        public void Enum_formatted_implicitly_by_concatenation_interpolation_or_format_argument_is_reported()
        {
            var d = AssertMarked(@"
using System;
using System.Text;
enum Mode { Off, On }
class C
{
    string M(Mode mode, StringBuilder sb)
    {
        string a = ""mode "" + mode;                     //~ NANO013
        string b = $""mode {mode}"";                     //~ NANO013
        string c = string.Format(""{0} {1} {2} {3}"", 1, 2, 3, mode);  //~ NANO013
        sb.Append(mode);                                 //~ NANO013
        Console.WriteLine(""mode "" + mode);             //~ NANO013
        return a + b + c;
    }
}");
            Assert.All(d, x => Assert.Contains("formatted as text", x.GetMessage()));
        }

        [Fact]
        public void Enum_cast_to_int_or_looked_up_in_a_name_table_is_not_reported()
        {
            AssertMarked(@"
enum Mode { Off, On }
class C
{
    static readonly string[] s_names = { ""off"", ""on"" };
    string M(Mode mode) => ""mode "" + s_names[(int)mode] + "" "" + (int)mode + $"" {(byte)mode}"" + string.Format(""{0}"", (int)mode);
}");
        }

        [Fact]
        public void Instance_member_of_a_banned_type_is_reported_even_when_var_hides_the_type()
        {
            AssertMarked(@"
class C
{
    long M(object o)
    {
        var sw = (System.Diagnostics.Stopwatch)o;   //~ NANO013
        return sw.ElapsedMilliseconds;             //~ NANO013
    }
}");
        }

        [Fact]
        public void Target_typed_new_of_a_banned_type_is_reported()
        {
            AssertMarked(@"
class C
{
    object M() { System.Text.StringBuilder ok = new(); return ok; }
    void N(out System.Diagnostics.Stopwatch sw) { sw = new(); }   //~ NANO013
}");
        }

        [Fact]
        public void Entry_without_parameter_list_bans_every_overload_and_reason_is_the_message()
        {
            var (_, nano) = Run(new[] { Parse(@"
class C
{
    string M(string s) => s.PadLeft(3) + s.PadLeft(3, '0') + s.PadRight(2);
}") }, "M:System.String.PadLeft;pad by hand\n");
            Assert.Equal(2, nano.Length);
            Assert.All(nano, x => Assert.EndsWith("pad by hand", x.GetMessage()));
        }

        [Fact]
        public void Malformed_list_line_is_an_error_so_a_typo_cannot_silently_ban_nothing()
        {
            var (_, nano) = Run(new[] { Parse("class C { }") }, "# comment\nSystem.String.Join;no prefix\n");
            Diagnostic d = Assert.Single(nano);
            Assert.Equal("NANO014", d.Id);
            Assert.Contains("line 2", d.GetMessage());
        }

        [Fact]
        public void Every_entry_of_the_shipped_list_resolves_against_net10()
        {
            var compilation = Compile(Array.Empty<SyntaxTree>());
            var unresolved = File.ReadAllLines(BannedListPath)
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal))
                .Select(l => l.Split(';')[0].Trim())
                .Where(id => !Resolves(compilation, id))
                .ToList();
            Assert.True(unresolved.Count == 0, "entries naming nothing: " + string.Join(", ", unresolved));
            Assert.True(File.ReadAllLines(BannedListPath).Count(l => l.Contains(';') && !l.StartsWith("#")) >= 40);
        }

        private static bool Resolves(Compilation compilation, string id)
        {
            if (DocumentationCommentId.GetFirstSymbolForDeclarationId(id, compilation) != null)
            {
                return true;
            }

            if (id.StartsWith("M:", StringComparison.Ordinal) && !id.Contains('('))
            {
                int dot = id.LastIndexOf('.');
                var type = DocumentationCommentId.GetFirstSymbolForDeclarationId("T:" + id.Substring(2, dot - 2), compilation) as INamedTypeSymbol;
                return type != null && type.GetMembers(id.Substring(dot + 1)).Any(m => m is IMethodSymbol);
            }

            return false;
        }
    }
}
