using Xunit;
using static PerfusionGuard.NanoSubset.Tests.AnalyzerHarness;

namespace PerfusionGuard.NanoSubset.Tests
{
    /// <summary>
    /// SAF-PORT-001, the other half: code nanoFramework does run (NANO-PLATFORM.md "Works") stays
    /// quiet, so the check never breaks a correct firmware build. Each source must also compile.
    /// </summary>
    [Trait("Requirement", "SAF-PORT-001")]
    public class AllowedCodeTests
    {
        [Fact]
        public void Classes_structs_readonly_structs_interfaces_and_enums_are_allowed()
        {
            AssertMarked(@"
using System;
interface IChannel { int Id { get; } void Sample(long nowMicros); event EventHandler Changed; }
readonly struct Pressure { public readonly double MmHg; public Pressure(double mmHg) { MmHg = mmHg; } }
struct Sample { public Pressure P; public int Raw; }
[Flags] enum Quality : ushort { Good = 0, Open = 1 }
abstract class ChannelBase : IChannel
{
    public abstract int Id { get; }
    public abstract void Sample(long nowMicros);
    public event EventHandler Changed;
    protected void Raise() => Changed?.Invoke(this, EventArgs.Empty);
}
sealed class Channel : ChannelBase
{
    public override int Id => 1;
    public override void Sample(long nowMicros) { Raise(); }
    public override string ToString() => ""channel "" + Id.ToString();
}");
        }

        [Fact]
        public void Non_generic_delegates_events_lambdas_closures_and_local_functions_are_allowed()
        {
            AssertMarked(@"
using System;
using System.Threading;
delegate void PinChanged(int pin, bool high);
class C
{
    public event PinChanged Changed;
    void M()
    {
        int count = 0;
        Changed += (pin, high) => count++;
        PinChanged p = delegate (int pin, bool high) { count--; };
        ThreadStart start = () => Loop(3);
        var t = new Thread(start);
        Action a = () => count = Twice(count);
        int Twice(int x) => x * 2;
        t.Start();
        a();
    }
    static void Loop(int n) { for (int i = 0; i < n; i++) { Thread.Sleep(10); } }
}");
        }

        [Fact]
        public void Switch_expressions_patterns_string_switch_and_exception_filters_are_allowed()
        {
            AssertMarked(@"
using System;
class C
{
    static string Level(double mmHg) => mmHg switch
    {
        < 0 => ""negative"",
        >= 0 and < 300 => ""normal"",
        _ => ""high"",
    };
    static int Parse(string command)
    {
        switch (command)
        {
            case ""reset"": return 1;
            case ""status"": return 2;
            default: return 0;
        }
    }
    static bool IsPressure(object o) => o is Exception { Message: ""p"" } || o is string s && s.Length > 0;
    static void Guard()
    {
        try { Parse(""x""); }
        catch (InvalidOperationException e) when (e.Message.Length > 0) { }
        if (""a"" is not null) { }
    }
}");
        }

        [Fact]
        public void Using_var_nameof_params_target_typed_new_lock_default_and_init_are_allowed()
        {
            AssertMarked(@"
using System;
using System.IO;
class Settings { public int Baud { get; init; } }
class C
{
    private readonly object _lock = new();
    private readonly byte[] _buffer = new byte[64];
    private Settings _settings = new() { Baud = 115200 };
    static int Sum(params int[] values) { int s = 0; foreach (int v in values) { s += v; } return s; }
    static string Format(string format, params object[] args) => string.Format(format, args);
    void M(string name)
    {
        if (name == null) { throw new ArgumentNullException(nameof(name)); }
        string n1 = nameof(System.Diagnostics.Stopwatch) + nameof(System.Collections.Generic.List<int>);
        using var stream = new MemoryStream(_buffer);
        lock (_lock) { stream.WriteByte(1); }
        int total = Sum(1, 2, 3);
        int zero = default;
        string s = default;
        string text = Format(""{0} {1}"", total, zero) + (s ?? ""none"") + name?.Trim();
        Exception e = null;
        string m = e?.Message;
    }
}");
        }

        [Fact]
        public void Foreach_over_arrays_ArrayList_Hashtable_and_string_and_jagged_arrays_are_allowed()
        {
            AssertMarked(@"
using System.Collections;
class C
{
    private readonly int[][] _jagged = new int[3][];
    private readonly double[] _samples = { 1.0, 2.0 };
    int M(string text)
    {
        var list = new ArrayList();
        list.Add(1);
        var table = new Hashtable();
        table[""a""] = 1;
        int n = 0;
        foreach (double d in _samples) { n++; }
        foreach (object o in list) { n++; }
        foreach (DictionaryEntry e in table) { n++; }
        foreach (char c in text) { n++; }
        _jagged[0] = new int[] { 1, 2 };
        var implicitArray = new[] { 1, 2 };
        return n + _jagged[0][1] + implicitArray.Length + list.Count + table.Count;
    }
}");
        }

        [Fact]
        public void Allowed_bcl_members_TickCount64_string_Format_and_three_argument_GetString_are_quiet()
        {
            AssertMarked(@"
using System;
using System.Text;
using System.Diagnostics;
class C
{
    string M(byte[] bytes, int n, double mmHg, long a, long b, int i)
    {
        long t = Environment.TickCount64;
        string s = Encoding.UTF8.GetString(bytes, 0, n);
        byte[] raw = Encoding.UTF8.GetBytes(s);
        Array.Copy(bytes, raw, 1);
        Debug.WriteLine(""x"");
        Console.WriteLine(""y"");
        int k = Math.Max(i, 3) + Math.Abs(i) + Math.Min(i, 2);
        double c = Math.Clamp(mmHg, 0.0, 10.0) + Math.Round(mmHg) + Math.Abs(mmHg);
        DateTime now = DateTime.UtcNow;
        TimeSpan span = TimeSpan.FromMilliseconds(a);
        return string.Format(""{0} {1}"", t, k) + mmHg.ToString(""F1"") + s.IndexOf('x') + s.Contains(""ab"")
            + s.Split(',').Length + string.IsNullOrEmpty(s) + $""{mmHg:F1}"" + c + now.Ticks + span.Ticks;
    }
}");
        }

        [Fact]
        public void Operators_properties_indexers_ref_out_in_throw_expressions_and_extension_methods_are_allowed()
        {
            AssertMarked(@"
using System;
readonly struct Volume
{
    public readonly double Ml;
    public Volume(double ml) { Ml = ml; }
    public static Volume operator +(Volume a, Volume b) => new Volume(a.Ml + b.Ml);
    public static bool operator ==(Volume a, Volume b) => a.Ml == b.Ml;
    public static bool operator !=(Volume a, Volume b) => a.Ml != b.Ml;
    public override bool Equals(object obj) => obj is Volume v && v.Ml == Ml;
    public override int GetHashCode() => Ml.GetHashCode();
}
sealed class Ring
{
    private readonly long[] _items = new long[16];
    private int _count;
    public int Overflows { get; private set; }
    public long this[int index] => index < _count ? _items[index] : throw new ArgumentOutOfRangeException(nameof(index));
    public bool TryAdd(in long value, out int at)
    {
        at = _count;
        if (_count == _items.Length) { Overflows++; return false; }
        _items[_count++] = value;
        return true;
    }
    public void Swap(ref long a, ref long b) { long t = a; a = b; b = t; }
}
static class VolumeExtensions
{
    public static Volume Twice(this Volume v) => v + v;
    public static bool IsEmpty(this Ring r) => r[0] == 0;
}
partial class P { partial void Hook(); }
partial class P { partial void Hook() { } }
class Q
{
    const long MicrosPerSecond = 1000000;
    static readonly int[] s_table = { 1, 2 };
    long M(long nowMicros, ulong ticks, float f) => checked(nowMicros * 2) + unchecked((long)ticks) + (long)f + s_table[0] + MicrosPerSecond;
    string N(double x) => x.ToString(""F1"") + 5.ToString() + true.ToString() + 'c' + 2L;
    bool O(string s, out double mmHg) => double.TryParse(s, out mmHg) && int.TryParse(s, out int _);
}");
        }

        [Fact]
        public void Format_calls_with_many_arguments_bind_to_params_object_array_not_to_span_overloads()
        {
            AssertMarked(@"
using System;
using System.Text;
class C
{
    string M(int a, double b, long c, string d, object e)
    {
        var sb = new StringBuilder(64);
        sb.Append(a).Append(' ').Append(b.ToString(""F2"")).Append(d).AppendLine();
        Console.WriteLine(""x"");
        return string.Format(""{0} {1} {2} {3} {4}"", a, b, c, d, e) + string.Concat(""a"", ""b"", ""c"", ""d"", ""e"") + sb.ToString()
            + System.IO.Path.Combine(""a"", ""b"") + string.Concat(d, d) + d.Trim().ToLower().Substring(1) + d.Split(',', ' ').Length;
    }
}");
        }

        [Fact]
        public void Enum_cast_comparison_and_name_table_are_allowed()
        {
            AssertMarked(@"
enum Action : byte { None = 0, Stop = 1 }
static class Names
{
    static readonly string[] s_names = { ""none"", ""stop"" };
    public static string NameOf(Action a) => s_names[(int)a];
    public static bool Worse(Action a, Action b) => a > b;
    public static bool HasStop(Action a) => a == Action.Stop;
}");
        }
    }
}
