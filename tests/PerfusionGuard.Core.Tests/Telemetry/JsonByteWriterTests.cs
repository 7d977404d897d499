using System;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using PerfusionGuard.Text;
using Xunit;

namespace PerfusionGuard.Tests.Telemetry
{
    public class JsonByteWriterTests
    {
        private static string TextOf(JsonByteWriter writer) => Encoding.ASCII.GetString(writer.Buffer, 0, writer.Length);

        [Fact]
        public void Writes_compact_json_with_nested_objects_and_arrays()
        {
            var writer = new JsonByteWriter(256);
            writer.BeginObject();
            writer.WriteNumber("seq", 42);
            writer.WriteBoolean("ok", true);
            writer.WriteNull("cause");
            writer.WritePropertyName("list");
            writer.BeginArray();
            writer.WriteNumberValue(-1);
            writer.WriteStringValue("a");
            writer.BeginObject();
            writer.WriteFixed("x", 1.5, 2);
            writer.EndObject();
            writer.EndArray();
            writer.WriteString("s", "b");
            writer.EndObject();

            Assert.Equal("{\"seq\":42,\"ok\":true,\"cause\":null,\"list\":[-1,\"a\",{\"x\":1.50}],\"s\":\"b\"}", TextOf(writer));
            Assert.False(writer.Overflowed);
        }

        [Theory]
        [InlineData(0.0, 1, "0.0")]
        [InlineData(251.0, 1, "251.0")]
        [InlineData(-0.04, 1, "0.0")]
        [InlineData(-0.05, 1, "-0.1")]
        [InlineData(21.45, 1, "21.5")]
        [InlineData(4.5, 2, "4.50")]
        [InlineData(-150.25, 2, "-150.25")]
        [InlineData(0.000123, 6, "0.000123")]
        [InlineData(1234567.891, 0, "1234568")]
        [InlineData(-3.999, 0, "-4")]
        public void Fixed_decimals_are_written_digit_by_digit_like_the_F_format(double number, int decimals, string expected)
        {
            var writer = new JsonByteWriter(64);
            writer.WriteFixedValue(number, decimals);
            Assert.Equal(expected, TextOf(writer));
        }

        [Theory]
        [InlineData(double.NaN)]
        [InlineData(double.PositiveInfinity)]
        [InlineData(double.NegativeInfinity)]
        [InlineData(1e300)]
        public void Numbers_json_cannot_hold_are_written_as_null(double number)
        {
            var writer = new JsonByteWriter(64);
            writer.WriteFixedValue(number, 1);
            Assert.Equal("null", TextOf(writer));
        }

        [Fact]
        public void Fixed_decimals_read_back_within_half_a_unit_of_the_last_digit()
        {
            Prop.ForAll(Gen.Choose(-1_000_000_000, 1_000_000_000).ToArbitrary(), Gen.Choose(0, 6).ToArbitrary(), (int raw, int decimals) =>
            {
                double number = raw / 1000.0;
                var writer = new JsonByteWriter(64);
                writer.WriteFixedValue(number, decimals);
                string text = TextOf(writer);
                double parsed = double.Parse(text, CultureInfo.InvariantCulture);
                int point = text.IndexOf('.');
                bool rightDecimals = decimals == 0 ? point < 0 : text.Length - point - 1 == decimals;
                return rightDecimals && Math.Abs(parsed - number) <= 0.5 * Math.Pow(10, -decimals) + 1e-9 * Math.Abs(number);
            }).QuickCheckThrowOnFailure();
        }

        [Theory]
        [InlineData(0L)]
        [InlineData(7L)]
        [InlineData(-7L)]
        [InlineData(long.MaxValue)]
        [InlineData(long.MinValue)]
        public void Integers_are_written_exactly(long number)
        {
            var writer = new JsonByteWriter(64);
            writer.WriteNumberValue(number);
            Assert.Equal(number.ToString(CultureInfo.InvariantCulture), TextOf(writer));
        }

        [Fact]
        public void Any_string_round_trips_through_a_json_parser_and_the_output_stays_ascii()
        {
            Prop.ForAll<string>(text =>
            {
                var writer = new JsonByteWriter(8192);
                writer.BeginObject();
                writer.WriteString("k", text);
                writer.EndObject();
                for (int i = 0; i < writer.Length; i++)
                {
                    if (writer.Buffer[i] > 0x7E || writer.Buffer[i] < 0x20)
                    {
                        return false;
                    }
                }

                using JsonDocument doc = JsonDocument.Parse(TextOf(writer));
                return doc.RootElement.GetProperty("k").GetString() == text;
            }).QuickCheckThrowOnFailure();
        }

        [Fact]
        public void Escapes_quotes_backslashes_controls_and_non_ascii()
        {
            var writer = new JsonByteWriter(128);
            writer.WriteStringValue("a\"b\\c\n\u0001é");
            Assert.Equal("\"a\\\"b\\\\c\\n\\u0001\\u00e9\"", TextOf(writer));
        }

        [Fact]
        public void A_full_buffer_sets_overflowed_instead_of_throwing()
        {
            var writer = new JsonByteWriter(10);
            writer.BeginObject();
            writer.WriteString("name", "longer than ten bytes");
            writer.EndObject();
            Assert.True(writer.Overflowed);
            Assert.Equal(10, writer.Length);

            writer.Reset();
            writer.WriteNumberValue(1);
            Assert.False(writer.Overflowed);
            Assert.Equal("1", TextOf(writer));
        }

        [Fact]
        public void Writing_allocates_nothing()
        {
            var writer = new JsonByteWriter(512);
            void Write()
            {
                writer.Reset();
                writer.BeginObject();
                writer.WriteNumber("seq", 123456789);
                writer.WriteFixed("p_arterial_mmHg", 182.35, 1);
                writer.WriteString("action", "latched_stop");
                writer.WriteBoolean("pump_enable", false);
                writer.WritePropertyName("a");
                writer.BeginArray();
                writer.WriteFixedValue(-0.5, 2);
                writer.EndArray();
                writer.EndObject();
            }

            Write();
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100; i++)
            {
                Write();
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }
    }
}
