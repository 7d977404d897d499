using nanoFramework.TestFramework;
using PerfusionGuard.Boards;

namespace PerfusionGuard.OnTarget
{
    /// <summary>
    /// The board loader and validator as the device runs them at start-up, on a small ESP32
    /// board carried in the test (boards/ is not on the target's file system). SAF-BRD-003, SAF-BRD-011.
    /// </summary>
    [TestClass]
    public class BoardOnTargetTests
    {
        private const string Board =
            "{ \"schema\": 1, \"id\": \"mini\", \"chip\": \"esp32\", \"network\": \"wifi\", \"watchdog_timeout_us\": 50000,\n" +
            "  \"pins\": [\n" +
            "    { \"pin\": 36, \"function\": \"adc:p_arterial\", \"adc_channel\": 0 },\n" +
            "    { \"pin\": 4, \"function\": \"in:bubble_arterial\", \"active_low\": true },\n" +
            "    { \"pin\": 16, \"function\": \"in:latch_readback:bubble_arterial\", \"active_low\": true },\n" +
            "    { \"pin\": 17, \"function\": \"out:detector_test:bubble_arterial\" },\n" +
            "    { \"pin\": 21, \"function\": \"out:latch_reset\" },\n" +
            "    { \"pin\": 22, \"function\": \"out:software_trip\", \"active_low\": true },\n" +
            "    { \"pin\": 23, \"function\": \"out:pump_enable\" },\n" +
            "    { \"pin\": 19, \"function\": \"in:pump_enable_readback\" },\n" +
            "    { \"pin\": 18, \"function\": \"in:guarded_pump_running\" },\n" +
            "    { \"pin\": 13, \"function\": \"out:watchdog_feed\" }\n" +
            "  ],\n" +
            "  \"calibration\": { \"p_arterial\": { \"unit\": \"mmHg\", \"zero_counts\": 1392.3, \"counts_per_unit\": 3.276 } } }";

        [TestMethod]
        public static void A_minimal_ESP32_board_loads_and_validates()
        {
            BoardDefinition board;
            string error;
            Assert.IsTrue(BoardLoader.TryLoad(Board, "mini", out board, out error), error);
            string[] errors;
            Assert.IsTrue(BoardValidator.Validate(board, null, out errors), errors.Length > 0 ? errors[0] : "");
            Assert.AreEqual(10, board.Pins.Length);
            Assert.AreEqual(4095, board.AdcMaxCounts);
        }

        [TestMethod]
        public static void A_sensor_on_ADC2_with_WiFi_is_rejected_on_target_too()
        {
            // SAF-BRD-003
            string broken = Board.Substring(0, Board.IndexOf("{ \"pin\": 36")) + "{ \"pin\": 25, \"function\": \"adc:p_arterial\", \"adc_channel\": 18 }"
                + Board.Substring(Board.IndexOf(",\n    { \"pin\": 4,"));
            BoardDefinition board;
            string error;
            Assert.IsTrue(BoardLoader.TryLoad(broken, "mini", out board, out error), error);
            string[] errors;
            Assert.IsFalse(BoardValidator.Validate(board, null, out errors));
            Assert.AreEqual(1, errors.Length);
            Assert.AreEqual("board mini: pin 25 is ADC2, unusable with Wi-Fi on; move p_arterial to an ADC1 pin (32-39)", errors[0]);
        }

        [TestMethod]
        public static void Malformed_board_json_names_line_and_column()
        {
            // SAF-BRD-011
            BoardDefinition board;
            string error;
            Assert.IsFalse(BoardLoader.TryLoad("{ \"schema\": 1,\n  \"id\": mini }", "mini", out board, out error));
            Assert.AreEqual("board mini: board.json is not valid JSON: line 2, column 9: unexpected 'm', expected a value (object, array, string, number, true, false or null)", error);
        }
    }
}
