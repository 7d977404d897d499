using System.Collections;
using PerfusionGuard.Text;
using Xunit;

namespace PerfusionGuard.Tests.Text
{
    public class JsonReaderTests
    {
        private static object Parse(string json)
        {
            Assert.True(JsonReader.TryParse(json, out object value, out string error), error);
            return value;
        }

        private static string ErrorOf(string json)
        {
            Assert.False(JsonReader.TryParse(json, out _, out string error));
            return error;
        }

        [Fact]
        public void Objects_arrays_strings_numbers_booleans_and_null_map_to_portable_types()
        {
            var root = (Hashtable)Parse("{\"a\": [1, -2.5, 3e2, \"x\\n\\u0041\", true, false, null], \"b\": {}}");
            var a = (ArrayList)root["a"];
            Assert.Equal(1.0, a[0]);
            Assert.Equal(-2.5, a[1]);
            Assert.Equal(300.0, a[2]);
            Assert.Equal("x\nA", a[3]);
            Assert.Equal(true, a[4]);
            Assert.Equal(false, a[5]);
            Assert.Null(a[6]);
            Assert.Empty((Hashtable)root["b"]);
        }

        [Theory]
        [InlineData("3.276")]
        [InlineData("1392.3")]
        [InlineData("0.819")]
        [InlineData("-0.1")]
        [InlineData("123456789.125")]
        [InlineData("6.02214076e23")]
        [InlineData("1e-7")]
        public void Numbers_read_as_the_nearest_double(string text)
        {
            Assert.Equal(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), (double)Parse(text));
        }

        [Fact]
        public void Comments_and_trailing_commas_are_accepted_as_in_scenario_files()
        {
            var root = (Hashtable)Parse("// board\n{ /* pins */ \"a\": [1, 2,], \"b\": 3, }\n");
            Assert.Equal(2, ((ArrayList)root["a"]).Count);
        }

        [Theory]
        [InlineData("{\n  \"a\": 1\n  \"b\": 2\n}", "line 3, column 3: expected ',' or '}' after member \"a\"")]
        [InlineData("{\"a\": tru}", "line 1, column 7: unknown word, expected 'true'")]
        [InlineData("[1, 2", "line 1, column 6: expected ',' or ']' after an array item, found end of text")]
        [InlineData("{\"a\": \"open\n}", "line 1, column 12: unterminated string")]
        [InlineData("{\"a\": 1, \"a\": 2}", "line 1, column 10: duplicate member \"a\"")]
        [InlineData("\n\n  @", "line 3, column 3: unexpected '@', expected a value")]
        [InlineData("{\"a\": 01}", "line 1, column 7: numbers must not have leading zeros")]
        [InlineData("{} x", "line 1, column 4: unexpected 'x' after the end of the document")]
        [InlineData("/* never closed", "line 1, column 1: unterminated /* comment")]
        [InlineData("", "line 1, column 1: empty document")]
        public void Malformed_json_is_rejected_with_line_and_column(string json, string expected)
        {
            Assert.StartsWith(expected, ErrorOf(json));
        }

        [Fact]
        public void Nesting_is_bounded_so_a_hostile_file_cannot_exhaust_the_device_stack()
        {
            string deep = new string('[', JsonReader.MaxDepth + 1) + new string(']', JsonReader.MaxDepth + 1);
            Assert.Contains("nesting deeper than", ErrorOf(deep));
            string ok = new string('[', JsonReader.MaxDepth) + new string(']', JsonReader.MaxDepth);
            Assert.IsType<ArrayList>(Parse(ok));
        }
    }
}
