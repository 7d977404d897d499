using System.Linq;
using System.Text.Json.Nodes;
using PerfusionGuard.Boards;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using Xunit;
using static PerfusionGuard.Tests.Boards.BoardFiles;

namespace PerfusionGuard.Tests.Boards
{
    /// <summary>Each rule of <see cref="BoardValidator"/> against a shipped board broken in exactly one way.</summary>
    public class BoardValidatorTests
    {
        private static string SingleError(BoardDefinition board, CircuitProfile profile = null)
        {
            string[] errors = Errors(board, profile);
            Assert.True(errors.Length == 1, "expected one error, got:\n" + string.Join("\n", errors));
            return errors[0];
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-001")]
        public void A_pin_used_twice_is_rejected_naming_the_pin_and_both_functions()
        {
            var board = LoadEdited("esp32-devkitc", root => PinWithFunction(root, "out:clamp")["pin"] = 23);
            Assert.Equal("board esp32-devkitc: pin 23 is used twice, for out:pump_enable and out:clamp; give each function its own pin", SingleError(board));
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-001")]
        public void A_function_on_two_pins_is_rejected()
        {
            var board = LoadEdited("esp32-devkitc", root => PinWithFunction(root, "out:clamp")["function"] = "out:pump_enable");
            Assert.Equal("board esp32-devkitc: function out:pump_enable is on two pins, 23 and 26; keep one", SingleError(board));
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-003")]
        public void A_sensor_on_ADC2_while_WiFi_is_used_is_rejected_with_the_fix()
        {
            var board = LoadEdited("esp32-devkitc", root =>
            {
                RemovePin(root, "pwm:speed_limit"); // frees GPIO 25
                root["calibration"]!["p_arterial"]!.AsObject();
                var pin = PinWithFunction(root, "adc:p_arterial");
                pin["pin"] = 25;
                pin["adc_channel"] = 18;
            });
            string[] errors = Errors(board);
            Assert.Contains("board esp32-devkitc: pin 25 is ADC2, unusable with Wi-Fi on; move p_arterial to an ADC1 pin (32-39)", errors);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-003")]
        public void A_sensor_on_ADC2_is_accepted_when_the_board_uses_no_WiFi()
        {
            var board = LoadEdited("esp32-devkitc", root =>
            {
                root["network"] = "none";
                RemovePin(root, "pwm:speed_limit");
                var pin = PinWithFunction(root, "adc:p_arterial");
                pin["pin"] = 25;
                pin["adc_channel"] = 18;
            });
            Assert.DoesNotContain(Errors(board), e => e.Contains("ADC2"));
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-004")]
        public void An_output_on_an_input_only_pin_is_rejected()
        {
            var board = LoadEdited("esp32-devkitc", root =>
            {
                RemovePin(root, "adc:p_post_oxygenator"); // frees GPIO 34
                root["calibration"]!.AsObject().Remove("p_post_oxygenator");
                PinWithFunction(root, "out:pump_enable")["pin"] = 34;
            });
            Assert.Equal("board esp32-devkitc: pin 34 is input-only (GPIO 34-39 have no output driver); out:pump_enable needs an output-capable pin", SingleError(board));
        }

        [Theory]
        [Trait("Requirement", "SAF-BRD-005")]
        [InlineData(6)]
        [InlineData(9)]
        [InlineData(11)]
        public void The_flash_pins_are_rejected(int flashPin)
        {
            var board = LoadEdited("esp32-devkitc", root => PinWithFunction(root, "in:bubble_arterial")["pin"] = flashPin);
            Assert.Equal($"board esp32-devkitc: pin {flashPin} is wired to the module's SPI flash (GPIO 6-11) and cannot be used; move in:bubble_arterial to a free pin", SingleError(board));
        }

        [Theory]
        [Trait("Requirement", "SAF-BRD-005")]
        [InlineData("esp32-s3-devkitc-1", "out:clamp", 30, "pin 30 is wired to the module's SPI flash and PSRAM (GPIO 26-32)")]
        [InlineData("esp32-s3-devkitc-1", "out:clamp", 35, "pin 35 is used by octal PSRAM on ESP32-S3-WROOM-1 N8R8 modules (GPIO 33-37)")]
        [InlineData("esp32-s3-devkitc-1", "uart:console_tx", 43, "pin 43 is UART0, nanoFramework's debugger port COM1 (GPIO 43 and 44)")]
        [InlineData("stm32f769i-discovery", "out:clamp", "PA7", "pin PA7 is wired to the on-board Ethernet PHY (RMII)")]
        public void Each_chip_reserves_its_own_flash_debugger_and_PHY_pins(string id, string function, object pin, string expected)
        {
            var board = LoadEdited(id, root => PinWithFunction(root, function)["pin"] = pin is string label ? (JsonNode)label : (int)pin);
            Assert.Equal($"board {id}: {expected} and cannot be used; move {function} to a free pin", SingleError(board));
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-005")]
        public void The_debugger_UART_pins_are_rejected()
        {
            var board = LoadEdited("esp32-devkitc", root => PinWithFunction(root, "uart:console_tx")["pin"] = 1);
            Assert.Contains("pin 1 is UART0, nanoFramework's debugger port COM1", SingleError(board));
        }

        [Theory]
        [Trait("Requirement", "SAF-BRD-006")]
        [InlineData(0)]
        [InlineData(2)]
        [InlineData(12)]
        [InlineData(15)]
        public void Outputs_on_strapping_pins_are_rejected(int strappingPin)
        {
            var board = LoadEdited("esp32-devkitc", root =>
            {
                // Free the strapping pins the shipped board uses as inputs.
                RemovePin(root, "in:reset_key");
                RemovePin(root, "in:pump_enable_readback");
                PinWithFunction(root, "uart:console_rx")["pin"] = 12 == strappingPin ? 15 : 12;
                if (strappingPin == 15)
                {
                    PinWithFunction(root, "uart:console_rx")["pin"] = 12;
                }

                PinWithFunction(root, "out:buzzer")["pin"] = strappingPin;
            });
            string[] errors = Errors(board);
            Assert.Contains($"board esp32-devkitc: pin {strappingPin} is a strapping pin (its level at reset selects the boot mode); out:buzzer could stop the board from booting or glitch during reset; move it to a non-strapping pin", errors);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-006")]
        public void Inputs_on_strapping_pins_are_allowed()
        {
            // The shipped DevKitC reads the BOOT button (GPIO 0) and two inputs on GPIO 2 and 5.
            var board = Load("esp32-devkitc");
            Assert.Equal(0, board.FindPin(PinRole.ResetKey).Number);
            Assert.Empty(Errors(board));
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-006")]
        public void ESP32_S3_strapping_pins_are_its_own()
        {
            var board = LoadEdited("esp32-s3-devkitc-1", root =>
            {
                RemovePin(root, "in:pump_enable_readback"); // GPIO 46
                PinWithFunction(root, "out:led_yellow")["pin"] = 46;
            });
            Assert.Contains("pin 46 is a strapping pin", string.Join("\n", Errors(board)));
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-007")]
        public void An_ADC_channel_that_reads_another_pin_is_rejected_with_the_right_channel()
        {
            var board = LoadEdited("esp32-devkitc", root => PinWithFunction(root, "adc:p_arterial")["adc_channel"] = 3);
            string[] errors = Errors(board);
            Assert.Contains("board esp32-devkitc: pin 36 has adc_channel 3, but on esp32 that channel reads pin 39; use adc_channel 0", errors);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-007")]
        public void A_sensor_on_a_pin_without_ADC_is_rejected()
        {
            var board = LoadEdited("stm32f769i-discovery", root =>
            {
                RemovePin(root, "in:silence_key");
                PinWithFunction(root, "adc:p_venous")["pin"] = "PF9";
            });
            Assert.Equal("board stm32f769i-discovery: pin PF9 has adc_channel 3, but on stm32f7 that channel reads pin 90; pin PF9 has no ADC input, move p_venous to an ADC pin", SingleError(board));
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-002")]
        public void A_board_without_pump_enable_readback_is_rejected()
        {
            var board = LoadEdited("esp32-devkitc", root => RemovePin(root, "in:pump_enable_readback"));
            Assert.Equal("board esp32-devkitc: no in:pump_enable_readback pin; the firmware must read back the pump-enable line", SingleError(board));
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-002")]
        public void A_board_without_pump_enable_watchdog_feed_or_pump_running_input_is_rejected()
        {
            var board = LoadEdited("esp32-devkitc", root =>
            {
                RemovePin(root, "out:pump_enable");
                RemovePin(root, "out:watchdog_feed");
                RemovePin(root, "in:guarded_pump_running");
            });
            string[] errors = Errors(board);
            Assert.Contains("board esp32-devkitc: no in:guarded_pump_running pin; the safety cycle must know whether the guarded pump runs", errors);
            Assert.Contains("board esp32-devkitc: no out:pump_enable pin; the energize-to-run pump-enable output is required", errors);
            Assert.Contains("board esp32-devkitc: no out:watchdog_feed pin; the external watchdog must be fed after each complete cycle", errors);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-002")]
        public void An_air_detector_without_latch_readback_or_test_output_is_rejected()
        {
            var board = LoadEdited("esp32-devkitc", root =>
            {
                RemovePin(root, "in:latch_readback:bubble_arterial");
                RemovePin(root, "out:detector_test:bubble_arterial");
            });
            string[] errors = Errors(board);
            Assert.Contains("board esp32-devkitc: pin 4 is air detector bubble_arterial but no in:latch_readback:bubble_arterial pin reads back its hardware latch; add one", errors);
            Assert.Contains("board esp32-devkitc: pin 4 is air detector bubble_arterial but no out:detector_test:bubble_arterial pin can test it at start-up; add one", errors);
            Assert.Equal(2, errors.Length);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-002")]
        public void Air_detectors_without_latch_reset_and_software_trip_are_rejected()
        {
            var board = LoadEdited("esp32-devkitc", root =>
            {
                RemovePin(root, "out:latch_reset");
                RemovePin(root, "out:software_trip");
            });
            string[] errors = Errors(board);
            Assert.Contains("board esp32-devkitc: has air detectors but no out:latch_reset pin to reset their hardware latches", errors);
            Assert.Contains("board esp32-devkitc: has air detectors but no out:software_trip pin to trip their hardware latches", errors);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-002")]
        public void A_watchdog_shorter_than_two_cycles_is_rejected()
        {
            var board = LoadEdited("esp32-devkitc", root => root["watchdog_timeout_us"] = 15000);
            Assert.Equal("board esp32-devkitc: watchdog_timeout_us 15000 must be given and at least two cycle periods (20000)", SingleError(board));
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-016")]
        public void Safety_signals_must_fail_to_their_dangerous_state_on_a_broken_wire()
        {
            var board = LoadEdited("esp32-devkitc", root =>
            {
                PinWithFunction(root, "in:bubble_arterial").Remove("active_low");
                PinWithFunction(root, "in:latch_readback:bubble_arterial")["active_low"] = false;
                PinWithFunction(root, "out:software_trip").Remove("active_low");
                PinWithFunction(root, "out:pump_enable")["active_low"] = true;
            });
            Assert.Equal(new[]
            {
                "board esp32-devkitc: pin 4 is in:bubble_arterial but active high; it must be active low so that a broken wire reads as air",
                "board esp32-devkitc: pin 16 is in:latch_readback:bubble_arterial but active high; it must be active low (low = tripped) so that a broken wire reads as a tripped latch",
                "board esp32-devkitc: pin 22 is out:software_trip but active high; it must be active low (low = trip) so that a dead or resetting controller trips the latches",
                "board esp32-devkitc: pin 23 is out:pump_enable but active low; it must be active high (high = run): energize-to-run, so that a dead controller stops the pump",
            }, Errors(board));
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-008")]
        public void A_sensor_without_default_calibration_or_with_the_wrong_unit_is_rejected()
        {
            var missing = LoadEdited("esp32-devkitc", root => root["calibration"]!.AsObject().Remove("p_venous"));
            Assert.Equal("board esp32-devkitc: pin 39 is adc:p_venous but calibration.p_venous is missing; give its default zero and span", SingleError(missing));

            var wrongUnit = LoadEdited("esp32-devkitc", root => root["calibration"]!["flow_arterial"]!["unit"] = "mmHg");
            Assert.Equal("board esp32-devkitc: calibration.flow_arterial: unit is \"mmHg\" but flow_arterial is measured in L/min", SingleError(wrongUnit));

            var flat = LoadEdited("esp32-devkitc", root => root["calibration"]!["p_arterial"]!["counts_per_unit"] = 0);
            Assert.Equal("board esp32-devkitc: calibration.p_arterial: counts_per_unit is 0; the channel could never change", SingleError(flat));
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-009")]
        public void A_microbubble_counter_on_a_chip_without_pulse_counter_is_rejected()
        {
            var board = LoadEdited("stm32f769i-discovery", root =>
                PinWithFunction(root, "in:detector_fault:bubble_return")["function"] = "count:microbubbles:bubble_return");
            Assert.Contains("has no hardware pulse counter in nanoFramework", SingleError(board));
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-010")]
        public void A_channel_the_profile_needs_but_the_board_lacks_is_rejected()
        {
            var profile = new CircuitProfile
            {
                Name = "cardioplegia-retrograde",
                Circuit = CircuitKind.CardioplegiaRetrograde,
                Channels = new[] { ChannelId.PCardioplegia, ChannelId.PCoronarySinus, ChannelId.BubbleCardioplegia },
                Rules = new ConditionRule[0],
            };
            string[] errors = Errors(Load("esp32-devkitc"), profile);
            Assert.Equal(new[]
            {
                "board esp32-devkitc: profile cardioplegia-retrograde needs channel p_cardioplegia but the board has no adc:p_cardioplegia pin",
                "board esp32-devkitc: profile cardioplegia-retrograde needs channel p_coronary_sinus but the board has no adc:p_coronary_sinus pin",
                "board esp32-devkitc: profile cardioplegia-retrograde needs channel bubble_cardioplegia but the board has no in:bubble_cardioplegia and in:latch_readback:bubble_cardioplegia pin",
            }, errors);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-010")]
        public void Outputs_the_profile_rules_use_must_exist()
        {
            var profile = new CircuitProfile
            {
                Name = "cardioplegia-antegrade",
                Channels = new ChannelId[0],
                Rules = new[]
                {
                    new ConditionRule { Kind = ConditionKind.CardioplegiaWithoutArterial, Action = SafetyAction.Stop },
                    new ConditionRule { Kind = ConditionKind.PressureServo, Action = SafetyAction.SpeedLimit },
                    new ConditionRule { Kind = ConditionKind.Air, Action = SafetyAction.LatchedStop, CloseClamp = true },
                },
            };
            var board = LoadEdited("esp32-devkitc", root =>
            {
                RemovePin(root, "pwm:speed_limit");
                RemovePin(root, "out:clamp");
            });
            string[] errors = Errors(board, profile);
            Assert.Equal(new[]
            {
                "board esp32-devkitc: profile cardioplegia-antegrade checks that the arterial pump runs but the board has no in:arterial_pump_running pin",
                "board esp32-devkitc: profile cardioplegia-antegrade limits pump speed but the board has no pwm:speed_limit pin",
                "board esp32-devkitc: profile cardioplegia-antegrade closes the line clamp but the board has no out:clamp pin",
            }, errors);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-010")]
        public void A_level_channel_is_provided_by_pads_or_a_continuous_sensor()
        {
            var profile = new CircuitProfile { Name = "adult-cpb", Channels = new[] { ChannelId.LevelReservoir }, Rules = new ConditionRule[0] };
            Assert.Empty(Errors(Load("esp32-devkitc"), profile));

            var padsOnly = LoadEdited("esp32-devkitc", root =>
            {
                var level = PinWithFunction(root, "adc:level_reservoir");
                level["function"] = "in:level_pad_stop";
                level.Remove("adc_channel");
                root["calibration"]!.AsObject().Remove("level_reservoir");
            });
            Assert.Empty(Errors(padsOnly, profile));
        }
    }
}
