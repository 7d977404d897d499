namespace PerfusionGuard.Text
{
    /// <summary>
    /// Writes compact JSON as ASCII bytes into a byte array allocated once, at construction. Nothing
    /// it does afterwards allocates: strings are copied character by character, integers and
    /// fixed-decimal numbers are written digit by digit (never through <c>ToString</c>, which
    /// allocates and, on nanoFramework, may print <c>21.499999999999999</c> for a double; NANO-PLATFORM.md).
    /// Non-ASCII characters are written as <c>\uXXXX</c> escapes, so the output is always 7-bit.
    /// When the buffer is too small the writer stops writing and sets <see cref="Overflowed"/>
    /// instead of throwing: the safety cycle must never see an exception from telemetry.
    /// </summary>
    public sealed class JsonByteWriter
    {
        /// <summary>Deepest nesting of objects and arrays the writer tracks.</summary>
        public const int MaxDepth = 8;

        /// <summary>Most decimals <see cref="WriteFixedValue"/> accepts.</summary>
        public const int MaxDecimals = 6;

        // Largest magnitude a fixed-decimal number may have once scaled, so that the scaled value
        // fits a long with room to spare (9.2e18).
        private const double MaxScaled = 9.0e17;

        private static readonly long[] s_powersOfTen = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
        private static readonly byte[] s_hexDigits =
        {
            (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7',
            (byte)'8', (byte)'9', (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f',
        };

        private readonly byte[] _buffer;
        private readonly bool[] _hasElement = new bool[MaxDepth + 1];
        private readonly byte[] _digits = new byte[20];
        private int _length;
        private int _depth;
        private bool _afterPropertyName;
        private bool _overflowed;

        /// <summary>Creates a writer over a new buffer of <paramref name="capacityBytes"/> bytes.</summary>
        public JsonByteWriter(int capacityBytes)
        {
            _buffer = new byte[capacityBytes];
        }

        /// <summary>The buffer the JSON is written into; the text is its first <see cref="Length"/> bytes.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Number of bytes written since the last <see cref="Reset"/>.</summary>
        public int Length => _length;

        /// <summary>Capacity of the buffer in bytes.</summary>
        public int Capacity => _buffer.Length;

        /// <summary>True when something did not fit, or nesting was deeper than <see cref="MaxDepth"/>: the text is incomplete.</summary>
        public bool Overflowed => _overflowed;

        /// <summary>Starts a new document in the same buffer.</summary>
        public void Reset()
        {
            _length = 0;
            _depth = 0;
            _hasElement[0] = false;
            _afterPropertyName = false;
            _overflowed = false;
        }

        /// <summary>Writes <c>{</c>, as a value (top level, array element, or after a property name).</summary>
        public void BeginObject()
        {
            BeforeValue();
            Push((byte)'{');
        }

        /// <summary>Writes <c>}</c>.</summary>
        public void EndObject()
        {
            Pop((byte)'}');
        }

        /// <summary>Writes <c>[</c>, as a value.</summary>
        public void BeginArray()
        {
            BeforeValue();
            Push((byte)'[');
        }

        /// <summary>Writes <c>]</c>.</summary>
        public void EndArray()
        {
            Pop((byte)']');
        }

        /// <summary>Writes <c>"name":</c> inside an object; the next write is its value.</summary>
        public void WritePropertyName(string name)
        {
            Separator();
            WriteQuoted(name);
            Put((byte)':');
            _afterPropertyName = true;
        }

        /// <summary>Writes a string value, escaped; null writes <c>null</c>.</summary>
        public void WriteStringValue(string text)
        {
            BeforeValue();
            if (text == null)
            {
                PutAscii("null");
                return;
            }

            WriteQuoted(text);
        }

        /// <summary>Writes an integer value.</summary>
        public void WriteNumberValue(long number)
        {
            BeforeValue();
            PutInteger(number);
        }

        /// <summary>
        /// Writes <paramref name="number"/> with exactly <paramref name="decimals"/> decimals (0..6),
        /// rounded half away from zero, as <c>ToString("F" + decimals)</c> would but without
        /// allocating. NaN, infinities and magnitudes beyond 9e17 / 10^decimals write <c>null</c>:
        /// JSON has no representation for them and a reader must see "no value", not a wrong one.
        /// </summary>
        public void WriteFixedValue(double number, int decimals)
        {
            BeforeValue();
            if (decimals < 0)
            {
                decimals = 0;
            }
            else if (decimals > MaxDecimals)
            {
                decimals = MaxDecimals;
            }

            // NaN fails every comparison, so this test also rejects it.
            double scaled = number * s_powersOfTen[decimals];
            if (!(scaled < MaxScaled && scaled > -MaxScaled))
            {
                PutAscii("null");
                return;
            }

            bool negative = scaled < 0;
            double magnitude = negative ? -scaled : scaled;
            long rounded = (long)(magnitude + 0.5);
            if (negative && rounded != 0)
            {
                Put((byte)'-');
            }

            long power = s_powersOfTen[decimals];
            PutUnsigned(rounded / power);
            if (decimals > 0)
            {
                Put((byte)'.');
                long fraction = rounded % power;
                for (int i = decimals - 1; i >= 0; i--)
                {
                    long digit = fraction / s_powersOfTen[i];
                    Put((byte)('0' + (int)digit));
                    fraction -= digit * s_powersOfTen[i];
                }
            }
        }

        /// <summary>Writes <c>true</c> or <c>false</c>.</summary>
        public void WriteBooleanValue(bool flag)
        {
            BeforeValue();
            PutAscii(flag ? "true" : "false");
        }

        /// <summary>Writes <c>null</c>.</summary>
        public void WriteNullValue()
        {
            BeforeValue();
            PutAscii("null");
        }

        /// <summary>Writes <c>"name":"text"</c>.</summary>
        public void WriteString(string name, string text)
        {
            WritePropertyName(name);
            WriteStringValue(text);
        }

        /// <summary>Writes <c>"name":number</c>.</summary>
        public void WriteNumber(string name, long number)
        {
            WritePropertyName(name);
            WriteNumberValue(number);
        }

        /// <summary>Writes <c>"name":number</c> with a fixed number of decimals (see <see cref="WriteFixedValue"/>).</summary>
        public void WriteFixed(string name, double number, int decimals)
        {
            WritePropertyName(name);
            WriteFixedValue(number, decimals);
        }

        /// <summary>Writes <c>"name":true|false</c>.</summary>
        public void WriteBoolean(string name, bool flag)
        {
            WritePropertyName(name);
            WriteBooleanValue(flag);
        }

        /// <summary>Writes <c>"name":null</c>.</summary>
        public void WriteNull(string name)
        {
            WritePropertyName(name);
            WriteNullValue();
        }

        /// <summary>Copies the text written so far into <paramref name="destination"/> at <paramref name="offset"/>; returns the byte count.</summary>
        public int CopyTo(byte[] destination, int offset)
        {
            System.Array.Copy(_buffer, 0, destination, offset, _length);
            return _length;
        }

        private void BeforeValue()
        {
            if (_afterPropertyName)
            {
                _afterPropertyName = false;
                return;
            }

            Separator();
        }

        private void Separator()
        {
            if (_hasElement[_depth])
            {
                Put((byte)',');
            }

            _hasElement[_depth] = true;
        }

        private void Push(byte opening)
        {
            Put(opening);
            if (_depth == MaxDepth)
            {
                _overflowed = true;
                return;
            }

            _depth++;
            _hasElement[_depth] = false;
        }

        private void Pop(byte closing)
        {
            if (_depth > 0)
            {
                _depth--;
            }

            _afterPropertyName = false;
            Put(closing);
        }

        private void WriteQuoted(string text)
        {
            Put((byte)'"');
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '"' || c == '\\')
                {
                    Put((byte)'\\');
                    Put((byte)c);
                }
                else if (c == '\n')
                {
                    Put((byte)'\\');
                    Put((byte)'n');
                }
                else if (c == '\r')
                {
                    Put((byte)'\\');
                    Put((byte)'r');
                }
                else if (c == '\t')
                {
                    Put((byte)'\\');
                    Put((byte)'t');
                }
                else if (c < ' ' || c > '~')
                {
                    // Control characters must be escaped (RFC 8259 §7); non-ASCII is escaped too so
                    // that the payload stays 7-bit whatever the device's string encoding.
                    Put((byte)'\\');
                    Put((byte)'u');
                    Put(s_hexDigits[(c >> 12) & 0xF]);
                    Put(s_hexDigits[(c >> 8) & 0xF]);
                    Put(s_hexDigits[(c >> 4) & 0xF]);
                    Put(s_hexDigits[c & 0xF]);
                }
                else
                {
                    Put((byte)c);
                }
            }

            Put((byte)'"');
        }

        private void PutInteger(long number)
        {
            if (number < 0)
            {
                Put((byte)'-');
                if (number == long.MinValue)
                {
                    // -long.MinValue overflows: write its digits from the constant.
                    PutAscii("9223372036854775808");
                    return;
                }

                number = -number;
            }

            PutUnsigned(number);
        }

        private void PutUnsigned(long number)
        {
            int count = 0;
            do
            {
                _digits[count++] = (byte)('0' + (int)(number % 10));
                number /= 10;
            }
            while (number > 0);

            while (count > 0)
            {
                Put(_digits[--count]);
            }
        }

        private void PutAscii(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                Put((byte)text[i]);
            }
        }

        private void Put(byte b)
        {
            if (_length >= _buffer.Length)
            {
                _overflowed = true;
                return;
            }

            _buffer[_length++] = b;
        }
    }
}
