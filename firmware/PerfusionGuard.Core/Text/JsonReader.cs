using System.Collections;

namespace PerfusionGuard.Text
{
    /// <summary>
    /// A small JSON reader for the nanoFramework subset (no System.Text.Json there, NANO-PLATFORM.md):
    /// objects become <see cref="Hashtable"/> (string keys), arrays <see cref="ArrayList"/>, strings
    /// <see cref="string"/>, numbers <see cref="double"/>, true/false <see cref="bool"/> and null
    /// <c>null</c>. It also accepts <c>//</c> and <c>/* */</c> comments and trailing commas, as the
    /// scenario files do (SCENARIOS.md). Every error names the line and column (1-based) where it
    /// was found. Used for board definitions and reusable by the console; never on the safety path.
    /// </summary>
    public sealed class JsonReader
    {
        /// <summary>Deepest nesting of objects and arrays accepted; bounds the recursion on a device stack.</summary>
        public const int MaxDepth = 32;

        // Powers of ten that are exact in a double (10^0..10^22): a mantissa below 2^53 times or
        // divided by one of them is correctly rounded, so "3.72" reads as the nearest double.
        private static readonly double[] s_powersOfTen =
        {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        };

        private readonly string _text;
        private int _index;
        private string _error;
        private int _errorIndex;

        private JsonReader(string text)
        {
            _text = text;
        }

        /// <summary>
        /// Parses one JSON document. Returns false with an error such as
        /// "line 3, column 7: expected ',' or '}' after a member, found 'x'" when the text is not JSON.
        /// </summary>
        public static bool TryParse(string text, out object value, out string error)
        {
            value = null;
            if (text == null)
            {
                error = "line 1, column 1: no text";
                return false;
            }

            JsonReader reader = new JsonReader(text);
            if (!reader.SkipBlank())
            {
                error = reader.FormatError();
                return false;
            }

            if (reader._index >= text.Length)
            {
                reader.Fail("empty document, expected a JSON value");
                error = reader.FormatError();
                return false;
            }

            object result;
            if (!reader.ReadValue(0, out result) || !reader.SkipBlank())
            {
                error = reader.FormatError();
                return false;
            }

            if (reader._index < text.Length)
            {
                reader.Fail("unexpected " + Describe(text[reader._index]) + " after the end of the document");
                error = reader.FormatError();
                return false;
            }

            value = result;
            error = null;
            return true;
        }

        /// <summary>Line and column (1-based) of a character index in <paramref name="text"/>.</summary>
        public static void LineColumnOf(string text, int index, out int line, out int column)
        {
            line = 1;
            column = 1;
            int end = index < text.Length ? index : text.Length;
            for (int i = 0; i < end; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else
                {
                    column++;
                }
            }
        }

        private string FormatError()
        {
            int line;
            int column;
            LineColumnOf(_text, _errorIndex, out line, out column);
            return "line " + line.ToString() + ", column " + column.ToString() + ": " + _error;
        }

        private bool Fail(string message)
        {
            return FailAt(_index, message);
        }

        private bool FailAt(int index, string message)
        {
            if (_error == null)
            {
                _error = message;
                _errorIndex = index;
            }

            return false;
        }

        private static string Describe(char c)
        {
            if (c == '\n')
            {
                return "end of line";
            }

            if (c < ' ')
            {
                return "control character " + ((int)c).ToString();
            }

            return "'" + c.ToString() + "'";
        }

        private string DescribeCurrent()
        {
            return _index < _text.Length ? Describe(_text[_index]) : "end of text";
        }

        /// <summary>Skips white space and comments; false only for an unterminated block comment.</summary>
        private bool SkipBlank()
        {
            while (_index < _text.Length)
            {
                char c = _text[_index];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF')
                {
                    _index++;
                }
                else if (c == '/' && _index + 1 < _text.Length && _text[_index + 1] == '/')
                {
                    while (_index < _text.Length && _text[_index] != '\n')
                    {
                        _index++;
                    }
                }
                else if (c == '/' && _index + 1 < _text.Length && _text[_index + 1] == '*')
                {
                    int start = _index;
                    _index += 2;
                    while (_index + 1 < _text.Length && !(_text[_index] == '*' && _text[_index + 1] == '/'))
                    {
                        _index++;
                    }

                    if (_index + 1 >= _text.Length)
                    {
                        return FailAt(start, "unterminated /* comment");
                    }

                    _index += 2;
                }
                else
                {
                    return true;
                }
            }

            return true;
        }

        private bool ReadValue(int depth, out object value)
        {
            value = null;
            if (_index >= _text.Length)
            {
                return Fail("unexpected end of text, expected a value");
            }

            char c = _text[_index];
            switch (c)
            {
                case '{':
                    return ReadObject(depth, out value);
                case '[':
                    return ReadArray(depth, out value);
                case '"':
                    string text;
                    bool ok = ReadString(out text);
                    value = text;
                    return ok;
                case 't':
                    value = true;
                    return ReadLiteral("true");
                case 'f':
                    value = false;
                    return ReadLiteral("false");
                case 'n':
                    value = null;
                    return ReadLiteral("null");
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber(out value);
                    }

                    return Fail("unexpected " + Describe(c) + ", expected a value (object, array, string, number, true, false or null)");
            }
        }

        private bool ReadLiteral(string literal)
        {
            if (_index + literal.Length <= _text.Length && _text.Substring(_index, literal.Length) == literal)
            {
                _index += literal.Length;
                return true;
            }

            return Fail("unknown word, expected '" + literal + "' (strings need double quotes)");
        }

        private bool ReadObject(int depth, out object value)
        {
            value = null;
            if (depth >= MaxDepth)
            {
                return Fail("nesting deeper than " + MaxDepth.ToString() + " levels");
            }

            Hashtable members = new Hashtable();
            _index++; // '{'
            while (true)
            {
                if (!SkipBlank())
                {
                    return false;
                }

                if (_index >= _text.Length)
                {
                    return Fail("unexpected end of text inside an object, expected '}'");
                }

                if (_text[_index] == '}')
                {
                    _index++;
                    value = members;
                    return true;
                }

                if (_text[_index] != '"')
                {
                    return Fail("expected a member name in double quotes or '}', found " + DescribeCurrent());
                }

                int keyIndex = _index;
                string key;
                if (!ReadString(out key))
                {
                    return false;
                }

                if (members.Contains(key))
                {
                    return FailAt(keyIndex, "duplicate member \"" + key + "\"");
                }

                if (!SkipBlank())
                {
                    return false;
                }

                if (_index >= _text.Length || _text[_index] != ':')
                {
                    return Fail("expected ':' after member name \"" + key + "\", found " + DescribeCurrent());
                }

                _index++;
                if (!SkipBlank())
                {
                    return false;
                }

                object member;
                if (!ReadValue(depth + 1, out member))
                {
                    return false;
                }

                members[key] = member;
                if (!SkipBlank())
                {
                    return false;
                }

                if (_index < _text.Length && _text[_index] == ',')
                {
                    _index++;
                }
                else if (_index >= _text.Length || _text[_index] != '}')
                {
                    return Fail("expected ',' or '}' after member \"" + key + "\", found " + DescribeCurrent());
                }
            }
        }

        private bool ReadArray(int depth, out object value)
        {
            value = null;
            if (depth >= MaxDepth)
            {
                return Fail("nesting deeper than " + MaxDepth.ToString() + " levels");
            }

            ArrayList items = new ArrayList();
            _index++; // '['
            while (true)
            {
                if (!SkipBlank())
                {
                    return false;
                }

                if (_index >= _text.Length)
                {
                    return Fail("unexpected end of text inside an array, expected ']'");
                }

                if (_text[_index] == ']')
                {
                    _index++;
                    value = items;
                    return true;
                }

                object item;
                if (!ReadValue(depth + 1, out item))
                {
                    return false;
                }

                items.Add(item);
                if (!SkipBlank())
                {
                    return false;
                }

                if (_index < _text.Length && _text[_index] == ',')
                {
                    _index++;
                }
                else if (_index >= _text.Length || _text[_index] != ']')
                {
                    return Fail("expected ',' or ']' after an array item, found " + DescribeCurrent());
                }
            }
        }

        private bool ReadString(out string value)
        {
            value = null;
            int start = _index;
            _index++; // opening quote
            char[] buffer = null;
            int length = 0;
            while (true)
            {
                if (_index >= _text.Length)
                {
                    return FailAt(start, "unterminated string");
                }

                char c = _text[_index];
                if (c == '"')
                {
                    _index++;
                    value = buffer == null ? "" : new string(buffer, 0, length);
                    return true;
                }

                if (c < ' ')
                {
                    return Fail(c == '\n' ? "unterminated string (end of line inside it)" : "control character in a string, escape it");
                }

                if (c == '\\')
                {
                    if (_index + 1 >= _text.Length)
                    {
                        return FailAt(start, "unterminated string");
                    }

                    char e = _text[_index + 1];
                    switch (e)
                    {
                        case '"': c = '"'; break;
                        case '\\': c = '\\'; break;
                        case '/': c = '/'; break;
                        case 'b': c = '\b'; break;
                        case 'f': c = '\f'; break;
                        case 'n': c = '\n'; break;
                        case 'r': c = '\r'; break;
                        case 't': c = '\t'; break;
                        case 'u':
                            int code = 0;
                            for (int i = 0; i < 4; i++)
                            {
                                int p = _index + 2 + i;
                                int digit = p < _text.Length ? HexDigit(_text[p]) : -1;
                                if (digit < 0)
                                {
                                    return Fail("\\u needs four hexadecimal digits");
                                }

                                code = (code * 16) + digit;
                            }

                            c = (char)code;
                            _index += 4;
                            break;
                        default:
                            return Fail("unknown escape \\" + e.ToString());
                    }

                    _index += 2;
                }
                else
                {
                    _index++;
                }

                if (buffer == null)
                {
                    buffer = new char[16];
                }
                else if (length == buffer.Length)
                {
                    char[] larger = new char[buffer.Length * 2];
                    System.Array.Copy(buffer, larger, length);
                    buffer = larger;
                }

                buffer[length++] = c;
            }
        }

        private static int HexDigit(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        /// <summary>
        /// Reads a JSON number without double.Parse (its culture and accuracy differ between
        /// nanoFramework and .NET): digits into a long mantissa, then one exact power of ten.
        /// </summary>
        private bool ReadNumber(out object value)
        {
            value = null;
            int start = _index;
            bool negative = false;
            if (_text[_index] == '-')
            {
                negative = true;
                _index++;
            }

            if (_index >= _text.Length || _text[_index] < '0' || _text[_index] > '9')
            {
                return Fail("expected a digit after '-'");
            }

            if (_text[_index] == '0' && _index + 1 < _text.Length && _text[_index + 1] >= '0' && _text[_index + 1] <= '9')
            {
                return Fail("numbers must not have leading zeros");
            }

            long mantissa = 0;
            int digits = 0;
            int exponent = 0;
            while (_index < _text.Length && _text[_index] >= '0' && _text[_index] <= '9')
            {
                AddDigit(_text[_index], ref mantissa, ref digits, ref exponent, false);
                _index++;
            }

            if (_index < _text.Length && _text[_index] == '.')
            {
                _index++;
                if (_index >= _text.Length || _text[_index] < '0' || _text[_index] > '9')
                {
                    return Fail("expected a digit after the decimal point");
                }

                while (_index < _text.Length && _text[_index] >= '0' && _text[_index] <= '9')
                {
                    AddDigit(_text[_index], ref mantissa, ref digits, ref exponent, true);
                    _index++;
                }
            }

            if (_index < _text.Length && (_text[_index] == 'e' || _text[_index] == 'E'))
            {
                _index++;
                bool negativeExponent = false;
                if (_index < _text.Length && (_text[_index] == '+' || _text[_index] == '-'))
                {
                    negativeExponent = _text[_index] == '-';
                    _index++;
                }

                if (_index >= _text.Length || _text[_index] < '0' || _text[_index] > '9')
                {
                    return Fail("expected a digit in the exponent");
                }

                int written = 0;
                while (_index < _text.Length && _text[_index] >= '0' && _text[_index] <= '9')
                {
                    if (written < 10000)
                    {
                        written = (written * 10) + (_text[_index] - '0');
                    }

                    _index++;
                }

                exponent += negativeExponent ? -written : written;
            }

            if (exponent > 308 || exponent < -340)
            {
                return FailAt(start, "number out of range");
            }

            double result = mantissa;
            while (exponent > 0)
            {
                int step = exponent > 22 ? 22 : exponent;
                result *= s_powersOfTen[step];
                exponent -= step;
            }

            while (exponent < 0)
            {
                int step = -exponent > 22 ? 22 : -exponent;
                result /= s_powersOfTen[step];
                exponent += step;
            }

            value = negative ? -result : result;
            return true;
        }

        private static void AddDigit(char c, ref long mantissa, ref int digits, ref int exponent, bool fraction)
        {
            // 17 significant digits are all a double holds; later ones only shift the exponent.
            if (digits < 17)
            {
                mantissa = (mantissa * 10) + (c - '0');
                if (mantissa != 0)
                {
                    digits++;
                }

                if (fraction)
                {
                    exponent--;
                }
            }
            else if (!fraction)
            {
                exponent++;
            }
        }
    }
}
