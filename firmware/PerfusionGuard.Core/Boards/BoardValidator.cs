using System.Collections;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Boards
{
    /// <summary>
    /// Checks a loaded board against the electrical rules of its chip and the safety needs of the
    /// firmware and, when given, of a circuit profile. Every message names the board, the pin and
    /// the rule, and says what to do ("board esp32-devkitc: pin 25 is ADC2, unusable with Wi-Fi
    /// on; move p_arterial to an ADC1 pin (32-39)"). The device refuses to start on an invalid
    /// board (SAF-BRD-001..010, firmware/SAFETY.md).
    /// </summary>
    public static class BoardValidator
    {
        /// <summary>
        /// Validates <paramref name="board"/>; <paramref name="profile"/> may be null (then only the
        /// board's own rules apply). Returns true when <paramref name="errors"/> is empty.
        /// </summary>
        public static bool Validate(BoardDefinition board, CircuitProfile profile, out string[] errors)
        {
            ArrayList found = new ArrayList();
            string prefix = "board " + board.Id + ": ";

            CheckPinsUsedOnce(board, prefix, found);
            CheckFunctionsUsedOnce(board, prefix, found);
            for (int i = 0; i < board.Pins.Length; i++)
            {
                CheckElectrical(board, board.Pins[i], prefix, found);
            }

            CheckSafetyOutputs(board, prefix, found);
            CheckFailSafePolarity(board, prefix, found);
            CheckCalibrations(board, prefix, found);
            CheckConsoleAndTiming(board, prefix, found);
            if (profile != null)
            {
                CheckProfile(board, profile, prefix, found);
            }

            errors = new string[found.Count];
            for (int i = 0; i < found.Count; i++)
            {
                errors[i] = (string)found[i];
            }

            return errors.Length == 0;
        }

        // SAF-BRD-001: one pin, one function.
        private static void CheckPinsUsedOnce(BoardDefinition board, string prefix, ArrayList found)
        {
            for (int i = 0; i < board.Pins.Length; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    if (board.Pins[i].Number == board.Pins[j].Number)
                    {
                        found.Add(prefix + "pin " + board.Pins[i].Label + " is used twice, for " + board.Pins[j].Function
                            + " and " + board.Pins[i].Function + "; give each function its own pin");
                        break;
                    }
                }
            }
        }

        // SAF-BRD-001: one function, one pin (two pump-enable pins would leave one undriven).
        private static void CheckFunctionsUsedOnce(BoardDefinition board, string prefix, ArrayList found)
        {
            for (int i = 0; i < board.Pins.Length; i++)
            {
                BoardPin pin = board.Pins[i];
                for (int j = 0; j < i; j++)
                {
                    BoardPin other = board.Pins[j];
                    if (pin.Role == other.Role && (!pin.HasChannel || pin.Channel == other.Channel))
                    {
                        found.Add(prefix + "function " + pin.Function + " is on two pins, " + other.Label + " and " + pin.Label + "; keep one");
                        break;
                    }
                }
            }
        }

        private static void CheckElectrical(BoardDefinition board, BoardPin pin, string prefix, ArrayList found)
        {
            ChipFamily chip = board.Chip;
            string at = prefix + "pin " + pin.Label + " ";
            if (!ChipPinRules.Exists(chip, pin.Number))
            {
                found.Add(at + "does not exist on " + BoardNames.NameOf(chip) + "; " + pin.Function + " needs a real pin");
                return;
            }

            // SAF-BRD-005: flash and debugger pins.
            string reserved = ChipPinRules.ReservedReason(chip, pin.Number);
            if (reserved != null)
            {
                found.Add(at + reserved + " and cannot be used; move " + pin.Function + " to a free pin");
                return;
            }

            bool drives = PinFunctions.Drives(pin.Role);

            // SAF-BRD-004: outputs on input-only pins.
            if (drives && ChipPinRules.IsInputOnly(chip, pin.Number))
            {
                found.Add(at + "is input-only (GPIO 34-39 have no output driver); " + pin.Function + " needs an output-capable pin");
            }

            // SAF-BRD-006: outputs on strapping pins.
            if (drives && ChipPinRules.IsStrapping(chip, pin.Number))
            {
                found.Add(at + "is a strapping pin (its level at reset selects the boot mode); " + pin.Function
                    + " could stop the board from booting or glitch during reset; move it to a non-strapping pin");
            }

            if (pin.Io == PinIo.Adc)
            {
                CheckAdc(board, pin, at, found);
            }

            // SAF-BRD-009: fast edges only on hardware counters.
            if (pin.Io == PinIo.Count && !ChipPinRules.HasPulseCounter(chip))
            {
                found.Add(at + "is " + pin.Function + " but " + BoardNames.NameOf(chip)
                    + " has no hardware pulse counter in nanoFramework, and managed GPIO events are too late to count microbubbles; drop the counter or use an ESP32 board");
            }
        }

        private static void CheckAdc(BoardDefinition board, BoardPin pin, string at, ArrayList found)
        {
            ChipFamily chip = board.Chip;
            string channelName = pin.HasChannel ? ChannelNames.NameOf(pin.Channel) : pin.Function;
            int gpioOfChannel = ChipPinRules.AdcChannelGpio(chip, pin.AdcChannel);
            if (gpioOfChannel != -2 && gpioOfChannel != pin.Number)
            {
                // SAF-BRD-007: the channel number must read this very pin.
                int right = ChipPinRules.AdcChannelOfGpio(chip, pin.Number);
                found.Add(at + "has adc_channel " + pin.AdcChannel.ToString() + ", but on " + BoardNames.NameOf(chip) + " "
                    + (gpioOfChannel < 0 ? "that channel reads no pin" : "that channel reads pin " + gpioOfChannel.ToString())
                    + (right < 0 ? "; pin " + pin.Label + " has no ADC input, move " + channelName + " to an ADC pin" : "; use adc_channel " + right.ToString()));
                return;
            }

            // SAF-BRD-003: ADC2 belongs to the Wi-Fi driver while Wi-Fi runs.
            if (board.Network == NetworkKind.Wifi && ChipPinRules.IsAdc2(chip, pin.AdcChannel))
            {
                found.Add(at + "is ADC2, unusable with Wi-Fi on; move " + channelName + " to an ADC1 pin (" + ChipPinRules.Adc1PinList(chip) + ")");
            }
        }

        // SAF-BRD-002: the safety outputs and their read-backs must exist.
        private static void CheckSafetyOutputs(BoardDefinition board, string prefix, ArrayList found)
        {
            if (board.FindPin(PinRole.PumpEnable) == null)
            {
                found.Add(prefix + "no out:pump_enable pin; the energize-to-run pump-enable output is required");
            }

            if (board.FindPin(PinRole.PumpEnableReadback) == null)
            {
                found.Add(prefix + "no in:pump_enable_readback pin; the firmware must read back the pump-enable line");
            }

            if (board.FindPin(PinRole.GuardedPumpRunning) == null)
            {
                found.Add(prefix + "no in:guarded_pump_running pin; the safety cycle must know whether the guarded pump runs");
            }

            if (board.FindPin(PinRole.WatchdogFeed) == null)
            {
                found.Add(prefix + "no out:watchdog_feed pin; the external watchdog must be fed after each complete cycle");
            }

            bool anyAir = false;
            for (int i = 0; i < board.Pins.Length; i++)
            {
                BoardPin pin = board.Pins[i];
                if (pin.Role == PinRole.AirDetector)
                {
                    anyAir = true;
                    string name = ChannelNames.NameOf(pin.Channel);
                    if (board.FindPin(PinRole.LatchReadback, pin.Channel) == null)
                    {
                        found.Add(prefix + "pin " + pin.Label + " is air detector " + name + " but no in:latch_readback:" + name
                            + " pin reads back its hardware latch; add one");
                    }

                    if (board.FindPin(PinRole.DetectorTest, pin.Channel) == null)
                    {
                        found.Add(prefix + "pin " + pin.Label + " is air detector " + name + " but no out:detector_test:" + name
                            + " pin can test it at start-up; add one");
                    }
                }
            }

            for (int i = 0; i < board.Pins.Length; i++)
            {
                BoardPin pin = board.Pins[i];
                bool perDetector = pin.Role == PinRole.LatchReadback || pin.Role == PinRole.DetectorTest
                    || pin.Role == PinRole.DetectorFault || pin.Role == PinRole.Microbubbles;
                if (perDetector && board.FindPin(PinRole.AirDetector, pin.Channel) == null)
                {
                    found.Add(prefix + "pin " + pin.Label + " is " + pin.Function + " but the board has no in:"
                        + ChannelNames.NameOf(pin.Channel) + " detector input");
                }
            }

            if (anyAir)
            {
                if (board.FindPin(PinRole.LatchReset) == null)
                {
                    found.Add(prefix + "has air detectors but no out:latch_reset pin to reset their hardware latches");
                }

                if (board.FindPin(PinRole.SoftwareTrip) == null)
                {
                    found.Add(prefix + "has air detectors but no out:software_trip pin to trip their hardware latches");
                }
            }
        }

        // SAF-BRD-016: a broken wire, an unplugged connector or a controller that drives nothing
        // must read as the dangerous state (the channels' AirDetectorConfig defaults agree).
        // The virtual board has no wires to break: its polarities are whatever the emulator's
        // simulated wiring uses, and the firmware reads them from the board like any other.
        private static void CheckFailSafePolarity(BoardDefinition board, string prefix, ArrayList found)
        {
            if (board.Chip == ChipFamily.Virtual)
            {
                return;
            }

            for (int i = 0; i < board.Pins.Length; i++)
            {
                BoardPin pin = board.Pins[i];
                string reason = null;
                bool mustBeActiveLow = true;
                switch (pin.Role)
                {
                    case PinRole.AirDetector: reason = "so that a broken wire reads as air"; break;
                    case PinRole.LatchReadback: reason = "(low = tripped) so that a broken wire reads as a tripped latch"; break;
                    case PinRole.DetectorFault: reason = "(low = fault) so that a broken wire reads as a faulted detector"; break;
                    case PinRole.SoftwareTrip: reason = "(low = trip) so that a dead or resetting controller trips the latches"; break;
                    case PinRole.PumpEnable:
                        mustBeActiveLow = false;
                        reason = "(high = run): energize-to-run, so that a dead controller stops the pump";
                        break;
                }

                if (reason != null && pin.ActiveLow != mustBeActiveLow)
                {
                    found.Add(prefix + "pin " + pin.Label + " is " + pin.Function + " but active " + (pin.ActiveLow ? "low" : "high")
                        + "; it must be active " + (mustBeActiveLow ? "low " : "high ") + reason);
                }
            }
        }

        // SAF-BRD-008: every analog channel starts from a sane default calibration.
        private static void CheckCalibrations(BoardDefinition board, string prefix, ArrayList found)
        {
            for (int i = 0; i < board.Pins.Length; i++)
            {
                BoardPin pin = board.Pins[i];
                if (pin.Role != PinRole.Sensor)
                {
                    continue;
                }

                string name = ChannelNames.NameOf(pin.Channel);
                ChannelCalibration calibration = board.FindCalibration(pin.Channel);
                if (calibration == null)
                {
                    found.Add(prefix + "pin " + pin.Label + " is " + pin.Function + " but calibration." + name + " is missing; give its default zero and span");
                    continue;
                }

                string at = prefix + "calibration." + name + ": ";
                string unit = ChannelNames.UnitOf(pin.Channel);
                if (calibration.Unit != unit)
                {
                    found.Add(at + "unit is \"" + calibration.Unit + "\" but " + name + " is measured in " + unit);
                }

                if (calibration.CountsPerUnit == 0)
                {
                    found.Add(at + "counts_per_unit is 0; the channel could never change");
                }

                if (calibration.ZeroCounts < 0 || calibration.ZeroCounts > board.AdcMaxCounts)
                {
                    found.Add(at + "zero_counts " + calibration.ZeroCounts.ToString("F1") + " is outside the ADC range 0-" + board.AdcMaxCounts.ToString());
                }

                int max = calibration.MaxPlausibleCounts == int.MaxValue ? board.AdcMaxCounts : calibration.MaxPlausibleCounts;
                if (calibration.MinPlausibleCounts < 0 || calibration.MinPlausibleCounts >= max || max > board.AdcMaxCounts)
                {
                    found.Add(at + "plausible range " + calibration.MinPlausibleCounts.ToString() + "-" + max.ToString()
                        + " is not inside the ADC range 0-" + board.AdcMaxCounts.ToString());
                }
            }

            for (int i = 0; i < board.Calibrations.Length; i++)
            {
                ChannelId channel = board.Calibrations[i].Channel;
                if (board.FindPin(PinRole.Sensor, channel) == null)
                {
                    found.Add(prefix + "calibration." + ChannelNames.NameOf(channel) + " is given but no adc:" + ChannelNames.NameOf(channel) + " pin exists");
                }
            }
        }

        private static void CheckConsoleAndTiming(BoardDefinition board, string prefix, ArrayList found)
        {
            bool esp = board.Chip == ChipFamily.Esp32 || board.Chip == ChipFamily.Esp32S3;
            BoardPin tx = board.FindPin(PinRole.ConsoleTx);
            BoardPin rx = board.FindPin(PinRole.ConsoleRx);
            if (board.ConsolePort != null && esp && (tx == null || rx == null))
            {
                found.Add(prefix + "console on " + board.ConsolePort + " needs uart:console_tx and uart:console_rx pins (ESP32 routes COM2 to any pin with Configuration.SetPinFunction)");
            }

            if (board.ConsolePort == "COM1" && esp)
            {
                found.Add(prefix + "console on COM1, which is nanoFramework's debugger port on ESP32; use COM2");
            }

            if (board.CyclePeriodMicros < 1000 || board.CyclePeriodMicros > 100000)
            {
                found.Add(prefix + "cycle_period_us " + board.CyclePeriodMicros.ToString() + " is outside 1000-100000");
            }

            // SAF-BRD-002: a watchdog shorter than two cycles resets a healthy board; one that is
            // unknown cannot be argued about.
            if (board.Chip != ChipFamily.Virtual && board.WatchdogTimeoutMicros < 2 * board.CyclePeriodMicros)
            {
                found.Add(prefix + "watchdog_timeout_us " + board.WatchdogTimeoutMicros.ToString()
                    + " must be given and at least two cycle periods (" + (2 * board.CyclePeriodMicros).ToString() + ")");
            }
        }

        // SAF-BRD-010: the board must carry what the chosen circuit needs.
        private static void CheckProfile(BoardDefinition board, CircuitProfile profile, string prefix, ArrayList found)
        {
            string name = profile.Name ?? CircuitNames.NameOf(profile.Circuit);
            if (profile.Channels != null)
            {
                for (int i = 0; i < profile.Channels.Length; i++)
                {
                    ChannelId channel = profile.Channels[i];
                    if (!board.Provides(channel))
                    {
                        found.Add(prefix + "profile " + name + " needs channel " + ChannelNames.NameOf(channel) + " but the board has no "
                            + RequiredFunctionOf(channel) + " pin");
                    }
                }
            }

            if (profile.Rules == null)
            {
                return;
            }

            bool needsArterialRunning = false;
            bool needsSpeedLimit = false;
            bool needsClamp = false;
            for (int i = 0; i < profile.Rules.Length; i++)
            {
                ConditionRule rule = profile.Rules[i];
                needsArterialRunning |= rule.Kind == ConditionKind.CardioplegiaWithoutArterial;
                needsSpeedLimit |= rule.Kind == ConditionKind.PressureServo || rule.Action == SafetyAction.SpeedLimit;
                needsClamp |= rule.CloseClamp;
            }

            if (needsArterialRunning && board.FindPin(PinRole.ArterialPumpRunning) == null)
            {
                found.Add(prefix + "profile " + name + " checks that the arterial pump runs but the board has no in:arterial_pump_running pin");
            }

            if (needsSpeedLimit && board.FindPin(PinRole.SpeedLimit) == null)
            {
                found.Add(prefix + "profile " + name + " limits pump speed but the board has no pwm:speed_limit pin");
            }

            if (needsClamp && board.FindPin(PinRole.Clamp) == null)
            {
                found.Add(prefix + "profile " + name + " closes the line clamp but the board has no out:clamp pin");
            }
        }

        private static string RequiredFunctionOf(ChannelId channel)
        {
            string name = ChannelNames.NameOf(channel);
            switch (ChannelNames.KindOf(channel))
            {
                case ChannelKind.Air: return "in:" + name + " and in:latch_readback:" + name;
                case ChannelKind.Level: return "adc:" + name + " or in:level_pad_*";
                default: return "adc:" + name;
            }
        }
    }
}
