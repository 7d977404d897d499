using System.Text;

namespace PerfusionGuard.Shell
{
    /// <summary>
    /// Builds one console response in either form from the same calls: human text (one
    /// "key: value unit" line per field, lists as indented rows) or one JSON object on one line
    /// with "ok" first (SAF-CON-003). Numbers always carry their unit: in human text after the
    /// value, in JSON in the key ("pressure_mmHg") or beside it ("value" + "unit"). Once
    /// <see cref="Fail"/> is called the response is the error alone.
    /// </summary>
    public sealed class ShellReply
    {
        private readonly StringBuilder _text = new StringBuilder(1024);
        private bool _json;
        private bool _failed;
        private string _errorCode;

        // 0: top level, 1: inside a list, 2: inside a list item.
        private int _depth;
        private bool _firstInContainer;
        private int _itemsInList;

        /// <summary>True when the response is JSON.</summary>
        public bool Json => _json;

        /// <summary>True when the response is an error.</summary>
        public bool Failed => _failed;

        /// <summary>The error code when <see cref="Failed"/> ("E_ARGS"), else null.</summary>
        public string ErrorCode => _errorCode;

        /// <summary>Starts a new, successful response.</summary>
        public void Begin(bool json)
        {
            _text.Length = 0;
            _json = json;
            _failed = false;
            _errorCode = null;
            _depth = 0;
            if (json)
            {
                _text.Append("{\"ok\":true");
            }
        }

        /// <summary>Replaces the response by an error with <paramref name="code"/> (ShellErrors) and a message a person can act on.</summary>
        public void Fail(string code, string message)
        {
            _text.Length = 0;
            _failed = true;
            _errorCode = code;
            _depth = 0;
            if (_json)
            {
                _text.Append("{\"ok\":false,\"error\":");
                AppendJsonString(code);
                _text.Append(",\"message\":");
                AppendJsonString(message);
            }
            else
            {
                _text.Append("error ").Append(code).Append(": ").Append(message).Append("\r\n");
            }
        }

        /// <summary>A text field.</summary>
        public void Text(string key, string value)
        {
            Cell(key, value, 0);
        }

        /// <summary>A text field, padded to <paramref name="width"/> characters in a human list row.</summary>
        public void Cell(string key, string value, int width)
        {
            if (_failed)
            {
                return;
            }

            if (_json)
            {
                Key(key);
                AppendJsonString(value);
                return;
            }

            HumanField(key, value == null ? "-" : value, width);
        }

        /// <summary>A number with its unit: JSON key "key_unit" (for example "limit_mmHg").</summary>
        public void Quantity(string key, double value, string format, string unit)
        {
            QuantityCell(key, value, format, unit, 0);
        }

        /// <summary>A number with its unit, padded in a human list row.</summary>
        public void QuantityCell(string key, double value, string format, string unit, int width)
        {
            if (_failed)
            {
                return;
            }

            if (_json)
            {
                KeyWithUnit(key, unit);
                AppendJsonNumber(value, format);
                return;
            }

            HumanField(key, FormatNumber(value, format) + (unit.Length > 0 ? " " + unit : ""), width);
        }

        /// <summary>A channel reading: JSON "value" and "unit" side by side, human "123.4 mmHg".</summary>
        public void Measurement(double value, string format, string unit, int width)
        {
            if (_failed)
            {
                return;
            }

            if (_json)
            {
                Key("value");
                AppendJsonNumber(value, format);
                Key("unit");
                AppendJsonString(unit);
                return;
            }

            HumanField("value", FormatNumber(value, format) + (unit.Length > 0 ? " " + unit : ""), width);
        }

        /// <summary>A whole number with its unit ("" for a count).</summary>
        public void Integer(string key, long value, string unit)
        {
            if (_failed)
            {
                return;
            }

            if (_json)
            {
                KeyWithUnit(key, unit);
                _text.Append(value.ToString());
                return;
            }

            HumanField(key, value.ToString() + (unit.Length > 0 ? " " + unit : ""), 0);
        }

        /// <summary>
        /// A whole number whose unit the response names in a separate "unit" field: JSON plain
        /// "key":n, human "key: n unit" (settings, where each key has its own unit).
        /// </summary>
        public void IntegerInUnit(string key, long value, string unit)
        {
            if (_failed)
            {
                return;
            }

            if (_json)
            {
                Key(key);
                _text.Append(value.ToString());
                return;
            }

            HumanField(key, value.ToString() + (unit.Length > 0 ? " " + unit : ""), 0);
        }

        /// <summary>A monotonic time: JSON "key_us" in µs, human seconds since boot with three decimals.</summary>
        public void Time(string key, long micros)
        {
            if (_failed)
            {
                return;
            }

            if (_json)
            {
                KeyWithUnit(key, "us");
                _text.Append(micros.ToString());
                return;
            }

            HumanField(key, FormatSeconds(micros) + " s", 0);
        }

        /// <summary>A yes / no field: JSON true / false, human the matching word.</summary>
        public void Flag(string key, bool value, string trueText, string falseText)
        {
            if (_failed)
            {
                return;
            }

            if (_json)
            {
                Key(key);
                _text.Append(value ? "true" : "false");
                return;
            }

            HumanField(key, value ? trueText : falseText, 0);
        }

        /// <summary>A sentence: JSON "message", human its own line.</summary>
        public void Message(string message)
        {
            if (_failed)
            {
                return;
            }

            if (_json)
            {
                Key("message");
                AppendJsonString(message);
                return;
            }

            if (_depth == 0)
            {
                _text.Append(message).Append("\r\n");
            }
            else
            {
                HumanField("message", message, 0);
            }
        }

        /// <summary>A line of human text only (help layout); nothing in JSON.</summary>
        public void HumanLine(string line)
        {
            if (_failed || _json)
            {
                return;
            }

            _text.Append(line).Append("\r\n");
        }

        /// <summary>Opens a list; <paramref name="title"/> heads it in human text.</summary>
        public void BeginList(string key, string title)
        {
            if (_failed)
            {
                return;
            }

            _itemsInList = 0;
            if (_json)
            {
                Key(key);
                _text.Append('[');
            }
            else
            {
                _text.Append(title).Append(":\r\n");
            }

            _depth = 1;
            _firstInContainer = true;
        }

        /// <summary>Closes the list.</summary>
        public void EndList()
        {
            if (_failed)
            {
                return;
            }

            if (_json)
            {
                _text.Append(']');
            }
            else if (_itemsInList == 0)
            {
                _text.Append("  (none)\r\n");
            }

            _depth = 0;
        }

        /// <summary>Opens one row of the list.</summary>
        public void BeginItem()
        {
            if (_failed)
            {
                return;
            }

            if (_json)
            {
                if (!_firstInContainer)
                {
                    _text.Append(',');
                }

                _text.Append('{');
            }
            else
            {
                _text.Append(' ');
            }

            _itemsInList++;
            _depth = 2;
            _firstInContainer = true;
        }

        /// <summary>Closes the row.</summary>
        public void EndItem()
        {
            if (_failed)
            {
                return;
            }

            if (_json)
            {
                _text.Append('}');
            }
            else
            {
                // Trailing padding of the last cell is not wanted on a terminal.
                int end = _text.Length;
                while (end > 0 && _text[end - 1] == ' ')
                {
                    end--;
                }

                _text.Length = end;
                _text.Append("\r\n");
            }

            _depth = 1;
            _firstInContainer = false;
        }

        /// <summary>The finished response, ending with CR LF.</summary>
        public string Finish()
        {
            if (_json)
            {
                _text.Append("}\r\n");
            }
            else if (_text.Length == 0)
            {
                _text.Append("ok\r\n");
            }

            return _text.ToString();
        }

        /// <summary>"12.345": seconds with three decimals from microseconds, without floating point.</summary>
        public static string FormatSeconds(long micros)
        {
            bool negative = micros < 0;
            long abs = negative ? -micros : micros;
            long millis = abs / 1000;
            long fraction = millis % 1000;
            string digits = fraction < 10 ? "00" + fraction.ToString() : fraction < 100 ? "0" + fraction.ToString() : fraction.ToString();
            return (negative ? "-" : "") + (millis / 1000).ToString() + "." + digits;
        }

        private static string FormatNumber(double value, string format)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                return "n/a";
            }

            return value.ToString(format);
        }

        private void HumanField(string key, string value, int width)
        {
            if (_depth == 2)
            {
                _text.Append(' ').Append(value);
                for (int i = value.Length; i < width; i++)
                {
                    _text.Append(' ');
                }

                _text.Append(' ');
                return;
            }

            _text.Append(key).Append(": ").Append(value).Append("\r\n");
        }

        private void Key(string key)
        {
            if (_depth == 2 && _firstInContainer)
            {
                _firstInContainer = false;
            }
            else
            {
                _text.Append(',');
            }

            _text.Append('"').Append(key).Append("\":");
        }

        private void KeyWithUnit(string key, string unit)
        {
            if (unit.Length == 0)
            {
                Key(key);
                return;
            }

            if (_depth == 2 && _firstInContainer)
            {
                _firstInContainer = false;
            }
            else
            {
                _text.Append(',');
            }

            _text.Append('"').Append(key).Append('_');
            for (int i = 0; i < unit.Length; i++)
            {
                // "L/min" -> "L_per_min", "%" -> "pct": keys stay plain identifiers.
                char c = unit[i];
                if (c == '/')
                {
                    _text.Append(i == 0 ? "per_" : "_per_");
                }
                else if (c == '%')
                {
                    _text.Append("pct");
                }
                else
                {
                    _text.Append(c);
                }
            }

            _text.Append("\":");
        }

        private void AppendJsonNumber(double value, string format)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                _text.Append("null");
                return;
            }

            _text.Append(value.ToString(format));
        }

        private void AppendJsonString(string value)
        {
            if (value == null)
            {
                _text.Append("null");
                return;
            }

            _text.Append('"');
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '"' || c == '\\')
                {
                    _text.Append('\\').Append(c);
                }
                else if (c < 0x20)
                {
                    const string hex = "0123456789abcdef";
                    _text.Append("\\u00").Append(hex[c >> 4]).Append(hex[c & 0xF]);
                }
                else
                {
                    _text.Append(c);
                }
            }

            _text.Append('"');
        }
    }
}
