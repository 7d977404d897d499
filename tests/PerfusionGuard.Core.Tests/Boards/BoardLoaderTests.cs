using PerfusionGuard.Boards;
using Xunit;
using static PerfusionGuard.Tests.Boards.BoardFiles;

namespace PerfusionGuard.Tests.Boards
{
    public class BoardLoaderTests
    {
        private static string LoadError(string json, string id = "esp32-devkitc")
        {
            Assert.False(BoardLoader.TryLoad(json, id, out BoardDefinition board, out string error));
            Assert.Null(board);
            return error;
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-011")]
        public void Malformed_board_json_is_rejected_with_line_and_column()
        {
            string json = BoardJson("esp32-devkitc").Replace("\"adc_bits\": 12,", "\"adc_bits\": 12");
            string error = LoadError(json);
            Assert.StartsWith("board esp32-devkitc: board.json is not valid JSON: line 12, column 3: expected ',' or '}' after member \"adc_bits\"", error);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-011")]
        public void A_misspelt_function_is_rejected_naming_the_pin()
        {
            string error = LoadError(Edited("esp32-devkitc", root => PinWithFunction(root, "out:pump_enable")["function"] = "out:pump_enabel"));
            Assert.Equal("board esp32-devkitc: pin 23: function \"out:pump_enabel\": unknown role or channel \"pump_enabel\" (boards/README.md lists them)", error);
        }

        [Theory]
        [Trait("Requirement", "SAF-BRD-011")]
        [InlineData("in:p_arterial", "a pressure channel cannot be read through in (analog sensors are adc:<channel>)")]
        [InlineData("adc:bubble_arterial", "a air channel cannot be read through adc (air detectors are in:<channel>)")]
        [InlineData("in:pump_enable", "pump_enable is out:pump_enable, not in")]
        [InlineData("in:latch_readback", "latch_readback needs an air detector channel, as in in:latch_readback:bubble_arterial")]
        [InlineData("out:clamp:bubble_arterial", "clamp takes no channel")]
        [InlineData("gpio:clamp", "is not io:role[:channel]")]
        public void Functions_are_checked_against_the_vocabulary(string function, string expected)
        {
            string error = LoadError(Edited("esp32-devkitc", root => PinWithFunction(root, "out:clamp")["function"] = function));
            Assert.Contains(expected, error);
            Assert.StartsWith("board esp32-devkitc: pin 26: ", error);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-011")]
        public void Unknown_members_are_rejected_so_a_typo_cannot_silently_drop_a_setting()
        {
            string error = LoadError(Edited("esp32-devkitc", root => PinWithFunction(root, "out:clamp")["adc_chanel"] = 3));
            Assert.Equal("board esp32-devkitc: pin 26: unknown member \"adc_chanel\" (a typo? boards/README.md lists the members)", error);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-011")]
        public void The_id_must_match_the_board_folder()
        {
            string error = LoadError(BoardJson("esp32-devkitc"), "esp32-wrover");
            Assert.Equal("board esp32-wrover: id is \"esp32-devkitc\" but the board folder is \"esp32-wrover\"; they must match", error);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-011")]
        public void Every_problem_is_reported_not_only_the_first()
        {
            string error = LoadError(Edited("esp32-devkitc", root =>
            {
                root["chip"] = "esp8266";
                root["network"] = "lora";
            }));
            Assert.Equal(2, error.Split('\n').Length);
            Assert.Contains("chip \"esp8266\" is unknown (one of esp32, esp32s3, stm32f7, virtual)", error);
            Assert.Contains("network \"lora\" is unknown", error);
        }

        [Fact]
        public void STM32_port_pins_are_numbered_as_nanoFramework_numbers_them()
        {
            var board = Load("stm32f769i-discovery");
            Assert.Equal(2 * 16 + 6, board.FindPin(PinRole.ConsoleTx).Number); // PC6
            Assert.Equal("PC6", board.FindPin(PinRole.ConsoleTx).Label);
            Assert.Equal(9 * 16 + 13, board.FindPin(PinRole.LedRed).Number); // PJ13
        }

        [Fact]
        public void Default_calibration_converts_counts_to_clinical_units()
        {
            var board = Load("esp32-devkitc");
            var arterial = board.FindCalibration(Channels.ChannelId.PArterial);
            // 0.5-4.5 V = -300..+700 mmHg, × 0.66 into 0-3.3 V, 12 bit: 100 mmHg = 2.1 V × 0.66 = 1.386 V = 1720 counts.
            Assert.Equal(100.0, arterial.ToUnits(1.386 / 3.3 * 4095), 1);
            Assert.Equal(0.0, arterial.ToUnits(arterial.ZeroCounts), 6);
        }
    }
}
