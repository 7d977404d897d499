using System.Collections;
using PerfusionGuard.Channels;
using PerfusionGuard.Text;

namespace PerfusionGuard.Boards
{
    /// <summary>
    /// Reads a board.json (schema in boards/README.md) into a <see cref="BoardDefinition"/>. It
    /// checks the shape (required members, types, known words, no unknown members so that a typo
    /// cannot silently drop a pin); the electrical and safety rules are <see cref="BoardValidator"/>'s.
    /// Runs at start-up and on the host, never in the safety cycle.
    /// </summary>
    public static class BoardLoader
    {
        /// <summary>The board.json schema version this loader reads.</summary>
        public const int SchemaVersion = 1;

        private static readonly string[] s_topMembers =
        {
            "schema", "id", "name", "description", "chip", "module", "nanoff_target", "network", "adc_bits",
            "console", "cycle_period_us", "watchdog_timeout_us", "pins", "calibration",
        };

        private static readonly string[] s_pinMembers = { "pin", "function", "adc_channel", "pull", "active_low", "note" };

        private static readonly string[] s_calibrationMembers =
        {
            "unit", "zero_counts", "counts_per_unit", "min_plausible_counts", "max_plausible_counts", "note",
        };

        /// <summary>
        /// Parses <paramref name="json"/> as the board <paramref name="boardId"/> (the folder name;
        /// null skips the id check). Returns false with every problem found, one per line, each
        /// starting "board &lt;id&gt;:" and naming the pin or member.
        /// </summary>
        public static bool TryLoad(string json, string boardId, out BoardDefinition board, out string error)
        {
            board = null;
            string prefix = "board " + (boardId ?? "?") + ": ";
            object root;
            string jsonError;
            if (!JsonReader.TryParse(json, out root, out jsonError))
            {
                error = prefix + "board.json is not valid JSON: " + jsonError;
                return false;
            }

            Hashtable top = root as Hashtable;
            if (top == null)
            {
                error = prefix + "board.json must be a JSON object";
                return false;
            }

            ArrayList errors = new ArrayList();
            BoardDefinition result = new BoardDefinition();
            CheckMembers(top, s_topMembers, prefix, "", errors);

            double schema = ReadNumber(top, "schema", -1, prefix, "", errors, true);
            if (schema >= 0 && schema != SchemaVersion)
            {
                errors.Add(prefix + "schema " + ((int)schema).ToString() + " is not supported (this firmware reads schema " + SchemaVersion.ToString() + ")");
            }

            result.Id = ReadString(top, "id", null, prefix, "", errors, true);
            if (boardId != null && result.Id != null && result.Id != boardId)
            {
                errors.Add(prefix + "id is \"" + result.Id + "\" but the board folder is \"" + boardId + "\"; they must match");
            }

            if (result.Id != null && boardId == null)
            {
                prefix = "board " + result.Id + ": ";
            }

            result.Name = ReadString(top, "name", result.Id, prefix, "", errors, false);

            string chip = ReadString(top, "chip", null, prefix, "", errors, true);
            if (chip != null && !BoardNames.TryParseChip(chip, out result.Chip))
            {
                errors.Add(prefix + "chip \"" + chip + "\" is unknown (one of " + BoardNames.ChipList() + ")");
            }

            result.NanoffTarget = ReadString(top, "nanoff_target", null, prefix, "", errors, false);

            string network = ReadString(top, "network", null, prefix, "", errors, true);
            if (network != null && !BoardNames.TryParseNetwork(network, out result.Network))
            {
                errors.Add(prefix + "network \"" + network + "\" is unknown (one of " + BoardNames.NetworkList() + ")");
            }

            result.AdcBits = ReadInt(top, "adc_bits", 12, prefix, "", errors, false);
            if (result.AdcBits < 8 || result.AdcBits > 16)
            {
                errors.Add(prefix + "adc_bits " + result.AdcBits.ToString() + " is outside 8-16");
                result.AdcBits = 12;
            }

            result.CyclePeriodMicros = ReadInt(top, "cycle_period_us", 10000, prefix, "", errors, false);
            result.WatchdogTimeoutMicros = ReadInt(top, "watchdog_timeout_us", 0, prefix, "", errors, false);

            object consoleValue = top["console"];
            if (consoleValue != null)
            {
                Hashtable console = consoleValue as Hashtable;
                if (console == null)
                {
                    errors.Add(prefix + "console must be an object { \"port\": \"COM2\", \"baud\": 115200 }");
                }
                else
                {
                    CheckMembers(console, new string[] { "port", "baud" }, prefix, "console.", errors);
                    result.ConsolePort = ReadString(console, "port", null, prefix, "console.", errors, true);
                    result.ConsoleBaud = ReadInt(console, "baud", 115200, prefix, "console.", errors, false);
                }
            }

            result.Pins = ReadPins(top, prefix, errors);
            result.Calibrations = ReadCalibrations(top, prefix, errors);

            if (errors.Count > 0)
            {
                error = JoinLines(errors);
                return false;
            }

            board = result;
            error = null;
            return true;
        }

        private static BoardPin[] ReadPins(Hashtable top, string prefix, ArrayList errors)
        {
            object pinsValue = top["pins"];
            ArrayList list = pinsValue as ArrayList;
            if (list == null)
            {
                errors.Add(prefix + (pinsValue == null ? "pins is missing" : "pins must be an array of { \"pin\", \"function\" } objects"));
                return new BoardPin[0];
            }

            BoardPin[] pins = new BoardPin[list.Count];
            int count = 0;
            for (int i = 0; i < list.Count; i++)
            {
                string where = "pins[" + i.ToString() + "]";
                Hashtable entry = list[i] as Hashtable;
                if (entry == null)
                {
                    errors.Add(prefix + where + " must be an object { \"pin\": 32, \"function\": \"adc:p_arterial\" }");
                    continue;
                }

                BoardPin pin = new BoardPin();
                object number = entry["pin"];
                if (number is double)
                {
                    double d = (double)number;
                    if (d != (int)d || d < 0)
                    {
                        errors.Add(prefix + where + ": pin " + d.ToString("F1") + " is not a pin number");
                        continue;
                    }

                    pin.Number = (int)d;
                    pin.Label = pin.Number.ToString();
                }
                else if (number is string)
                {
                    pin.Label = (string)number;
                    if (!ChipPinRules.TryParsePinLabel(pin.Label, out pin.Number))
                    {
                        errors.Add(prefix + where + ": pin \"" + pin.Label + "\" is neither a number nor a port pin such as \"PC6\"");
                        continue;
                    }
                }
                else
                {
                    errors.Add(prefix + where + ": \"pin\" is missing or not a number");
                    continue;
                }

                string pinPrefix = prefix + "pin " + pin.Label + ": ";
                CheckMembers(entry, s_pinMembers, pinPrefix, "", errors);
                pin.Function = ReadString(entry, "function", null, pinPrefix, "", errors, true);
                if (pin.Function == null)
                {
                    continue;
                }

                string functionError;
                if (!PinFunctions.TryParse(pin.Function, out pin.Role, out pin.Channel, out pin.HasChannel, out functionError))
                {
                    errors.Add(pinPrefix + functionError);
                    continue;
                }

                pin.AdcChannel = ReadInt(entry, "adc_channel", -1, pinPrefix, "", errors, false);
                if (pin.Io == PinIo.Adc && pin.AdcChannel < 0)
                {
                    errors.Add(pinPrefix + pin.Function + " needs \"adc_channel\" (the AdcController channel that reads this pin)");
                }
                else if (pin.Io != PinIo.Adc && entry.Contains("adc_channel"))
                {
                    errors.Add(pinPrefix + "adc_channel is given but " + pin.Function + " is not an adc: function");
                }

                string pull = ReadString(entry, "pull", "none", pinPrefix, "", errors, false);
                if (pull == "up")
                {
                    pin.Pull = PinPull.Up;
                }
                else if (pull == "down")
                {
                    pin.Pull = PinPull.Down;
                }
                else if (pull != "none")
                {
                    errors.Add(pinPrefix + "pull \"" + pull + "\" is unknown (up, down or none)");
                }

                pin.ActiveLow = ReadBool(entry, "active_low", false, pinPrefix, errors);
                pin.Note = ReadString(entry, "note", null, pinPrefix, "", errors, false);
                pins[count++] = pin;
            }

            if (count == pins.Length)
            {
                return pins;
            }

            BoardPin[] trimmed = new BoardPin[count];
            System.Array.Copy(pins, trimmed, count);
            return trimmed;
        }

        private static ChannelCalibration[] ReadCalibrations(Hashtable top, string prefix, ArrayList errors)
        {
            object value = top["calibration"];
            if (value == null)
            {
                return new ChannelCalibration[0];
            }

            Hashtable table = value as Hashtable;
            if (table == null)
            {
                errors.Add(prefix + "calibration must be an object keyed by channel name");
                return new ChannelCalibration[0];
            }

            ChannelCalibration[] result = new ChannelCalibration[table.Count];
            int count = 0;
            foreach (DictionaryEntry member in table)
            {
                string name = (string)member.Key;
                string where = prefix + "calibration." + name + ": ";
                ChannelId channel;
                if (!ChannelNames.TryParse(name, out channel))
                {
                    errors.Add(where + "\"" + name + "\" is not a channel name");
                    continue;
                }

                if (ChannelNames.KindOf(channel) == ChannelKind.Air)
                {
                    errors.Add(where + "air detectors are digital and take no calibration");
                    continue;
                }

                Hashtable entry = member.Value as Hashtable;
                if (entry == null)
                {
                    errors.Add(where + "must be an object { \"unit\", \"zero_counts\", \"counts_per_unit\" }");
                    continue;
                }

                CheckMembers(entry, s_calibrationMembers, where, "", errors);
                ChannelCalibration calibration = new ChannelCalibration();
                calibration.Channel = channel;
                calibration.Unit = ReadString(entry, "unit", null, where, "", errors, true);
                calibration.ZeroCounts = ReadNumber(entry, "zero_counts", 0, where, "", errors, true);
                calibration.CountsPerUnit = ReadNumber(entry, "counts_per_unit", 0, where, "", errors, true);
                calibration.MinPlausibleCounts = ReadInt(entry, "min_plausible_counts", 0, where, "", errors, false);
                calibration.MaxPlausibleCounts = ReadInt(entry, "max_plausible_counts", int.MaxValue, where, "", errors, false);
                result[count++] = calibration;
            }

            ChannelCalibration[] trimmed = new ChannelCalibration[count];
            System.Array.Copy(result, trimmed, count);
            return trimmed;
        }

        private static void CheckMembers(Hashtable table, string[] known, string prefix, string path, ArrayList errors)
        {
            foreach (DictionaryEntry member in table)
            {
                string key = (string)member.Key;
                bool found = false;
                for (int i = 0; i < known.Length; i++)
                {
                    if (known[i] == key)
                    {
                        found = true;
                        break;
                    }
                }

                if (!found && !(key.Length > 0 && key[0] == '$'))
                {
                    errors.Add(prefix + "unknown member \"" + path + key + "\" (a typo? boards/README.md lists the members)");
                }
            }
        }

        private static string ReadString(Hashtable table, string key, string fallback, string prefix, string path, ArrayList errors, bool required)
        {
            object value = table[key];
            if (value == null)
            {
                if (required)
                {
                    errors.Add(prefix + "\"" + path + key + "\" is missing");
                }

                return fallback;
            }

            string text = value as string;
            if (text == null)
            {
                errors.Add(prefix + "\"" + path + key + "\" must be a string");
                return fallback;
            }

            return text;
        }

        private static double ReadNumber(Hashtable table, string key, double fallback, string prefix, string path, ArrayList errors, bool required)
        {
            object value = table[key];
            if (value == null)
            {
                if (required)
                {
                    errors.Add(prefix + "\"" + path + key + "\" is missing");
                }

                return fallback;
            }

            if (!(value is double))
            {
                errors.Add(prefix + "\"" + path + key + "\" must be a number");
                return fallback;
            }

            return (double)value;
        }

        private static int ReadInt(Hashtable table, string key, int fallback, string prefix, string path, ArrayList errors, bool required)
        {
            double number = ReadNumber(table, key, fallback, prefix, path, errors, required);
            if (number != (int)number)
            {
                errors.Add(prefix + "\"" + path + key + "\" must be a whole number");
                return fallback;
            }

            return (int)number;
        }

        private static bool ReadBool(Hashtable table, string key, bool fallback, string prefix, ArrayList errors)
        {
            object value = table[key];
            if (value == null)
            {
                return fallback;
            }

            if (!(value is bool))
            {
                errors.Add(prefix + "\"" + key + "\" must be true or false");
                return fallback;
            }

            return (bool)value;
        }

        /// <summary>Joins messages with newlines (string.Join is missing on nanoFramework).</summary>
        internal static string JoinLines(ArrayList lines)
        {
            string text = "";
            for (int i = 0; i < lines.Count; i++)
            {
                text += (i == 0 ? "" : "\n") + (string)lines[i];
            }

            return text;
        }
    }
}
