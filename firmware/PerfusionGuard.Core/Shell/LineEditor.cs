using System.Text;

namespace PerfusionGuard.Shell
{
    /// <summary>What one input byte completed.</summary>
    public enum LineEvent : byte
    {
        /// <summary>Nothing yet: the byte was edited into the line, or ignored.</summary>
        None = 0,
        /// <summary>Enter: a line is ready (see <see cref="LineEditor.TakeLine"/>).</summary>
        Line = 1,
        /// <summary>Ctrl-C: the line was thrown away.</summary>
        Cancelled = 2,
    }

    /// <summary>How typed characters are echoed.</summary>
    public enum EchoMode : byte
    {
        /// <summary>Echo what is typed (a person at a terminal).</summary>
        Plain = 0,
        /// <summary>Echo '*' per character (PIN entry).</summary>
        Masked = 1,
        /// <summary>No echo and no prompt (a script on a pipe).</summary>
        Silent = 2,
    }

    /// <summary>
    /// A byte-at-a-time line editor for a serial terminal: echo, backspace / DEL, Ctrl-U (clear
    /// line), Ctrl-C (cancel), a small history on the up / down arrows (ANSI CSI and SS3
    /// sequences, which may arrive split across reads), CR, LF or CRLF as Enter. Every buffer is
    /// allocated once: a line longer than <see cref="MaxLineBytes"/> is refused whole when Enter
    /// comes (SAF-CON-001), never grown. Invalid UTF-8 and stray control bytes are not put into the
    /// line; a line that had any is refused whole, so nothing the operator did not see is executed.
    /// Everything typed after the word <see cref="SecretAfterWord"/> and a space is echoed as '*'
    /// (the PIN of `login PIN`, SAF-CON-014), in every echo of the line, redraws included.
    /// </summary>
    public sealed class LineEditor
    {
        /// <summary>Default longest line in bytes.</summary>
        public const int DefaultMaxLineBytes = 128;

        /// <summary>Default number of history lines.</summary>
        public const int DefaultHistoryLines = 8;

        private const byte Bell = 0x07;
        private const int MaxEscapeBytes = 16;

        private readonly ShellOutput _out;
        private readonly byte[] _line;
        private int _length;
        private bool _tooLong;
        private int _invalidBytes;

        private readonly byte[] _sequence = new byte[4];
        private int _sequenceLength;
        private int _sequenceNeeded;

        // 0: none, 1: after ESC, 2: inside a CSI / SS3 sequence.
        private int _escapeState;
        private int _escapeLength;
        private bool _lastWasCr;

        private readonly byte[][] _history;
        private readonly int[] _historyLength;
        private int _historyCount;
        private int _historyNewest = -1;
        private int _historyCursor = -1;
        private readonly byte[] _saved;
        private int _savedLength;

        private string _completedLine;
        private bool _completedTooLong;
        private int _completedInvalidBytes;

        /// <summary>Creates an editor echoing into <paramref name="output"/>.</summary>
        public LineEditor(ShellOutput output, int maxLineBytes, int historyLines)
        {
            _out = output;
            _line = new byte[maxLineBytes];
            _saved = new byte[maxLineBytes];
            _history = new byte[historyLines][];
            _historyLength = new int[historyLines];
            for (int i = 0; i < historyLines; i++)
            {
                _history[i] = new byte[maxLineBytes];
            }

            Prompt = "";
        }

        /// <summary>Longest accepted line in bytes (UTF-8).</summary>
        public int MaxLineBytes => _line.Length;

        /// <summary>How input is echoed now.</summary>
        public EchoMode Echo { get; set; }

        /// <summary>The prompt redrawn by Ctrl-U and history recall.</summary>
        public string Prompt { get; set; }

        /// <summary>
        /// A word (lower-case ASCII; matched in any case) after which the rest of the line is a secret,
        /// echoed as one '*' per character: "login" for `login PIN`; null for none.
        /// </summary>
        public string SecretAfterWord { get; set; }

        /// <summary>Bytes of the line being typed.</summary>
        public int CurrentLength => _length;

        /// <summary>Lines in the history.</summary>
        public int HistoryCount => _historyCount;

        /// <summary>True when the last completed line was longer than <see cref="MaxLineBytes"/>.</summary>
        public bool LastLineTooLong => _completedTooLong;

        /// <summary>Invalid bytes (bad UTF-8, control bytes) ignored in the last completed line.</summary>
        public int LastLineInvalidBytes => _completedInvalidBytes;

        /// <summary>
        /// The last completed line, or null when it was refused (too long or with invalid bytes).
        /// </summary>
        public string TakeLine()
        {
            string line = _completedLine;
            _completedLine = null;
            return line;
        }

        /// <summary>Stores a line in the history (the shell decides which lines: never a PIN).</summary>
        public void AddToHistory(string line)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(line);
            int n = bytes.Length;
            if (n == 0 || n > _line.Length || _history.Length == 0)
            {
                return;
            }

            if (_historyCount > 0 && SameAs(_history[_historyNewest], _historyLength[_historyNewest], bytes, n))
            {
                return;
            }

            _historyNewest = (_historyNewest + 1) % _history.Length;
            for (int i = 0; i < n; i++)
            {
                _history[_historyNewest][i] = bytes[i];
            }

            _historyLength[_historyNewest] = n;
            if (_historyCount < _history.Length)
            {
                _historyCount++;
            }
        }

        /// <summary>Feeds one received byte.</summary>
        public LineEvent Feed(byte b)
        {
            if (_escapeState != 0 && ContinueEscape(b))
            {
                return LineEvent.None;
            }

            if (b == (byte)'\n' && _lastWasCr)
            {
                _lastWasCr = false;
                return LineEvent.None;
            }

            _lastWasCr = false;

            if (_sequenceNeeded > 0)
            {
                if ((b & 0xC0) == 0x80)
                {
                    _sequence[_sequenceLength++] = b;
                    if (_sequenceLength == _sequenceNeeded)
                    {
                        CompleteSequence();
                    }

                    return LineEvent.None;
                }

                // A lead byte without its continuation bytes: the partial character is invalid.
                _invalidBytes += _sequenceLength;
                _sequenceNeeded = 0;
                _sequenceLength = 0;
            }

            switch (b)
            {
                case (byte)'\r':
                    _lastWasCr = true;
                    return EndLine();
                case (byte)'\n':
                    return EndLine();
                case 0x03:
                    return Cancel();
                case 0x15:
                    ClearLine();
                    return LineEvent.None;
                case 0x08:
                case 0x7F:
                    Backspace();
                    return LineEvent.None;
                case 0x1B:
                    _escapeState = 1;
                    _escapeLength = 0;
                    return LineEvent.None;
                case 0x00:
                case 0x11:
                case 0x13:
                    // NUL padding after CR and XON / XOFF flow control are line noise, not input.
                    return LineEvent.None;
                case 0x09:
                    _sequence[0] = (byte)' ';
                    Append(_sequence, 1);
                    return LineEvent.None;
            }

            if (b < 0x20)
            {
                _invalidBytes++;
                return LineEvent.None;
            }

            if (b < 0x80)
            {
                _sequence[0] = b;
                Append(_sequence, 1);
                return LineEvent.None;
            }

            // UTF-8 lead bytes (RFC 3629): C2..DF two bytes, E0..EF three, F0..F4 four.
            if (b >= 0xC2 && b <= 0xDF)
            {
                StartSequence(b, 2);
            }
            else if (b >= 0xE0 && b <= 0xEF)
            {
                StartSequence(b, 3);
            }
            else if (b >= 0xF0 && b <= 0xF4)
            {
                StartSequence(b, 4);
            }
            else
            {
                _invalidBytes++;
            }

            return LineEvent.None;
        }

        /// <summary>Throws away the line being typed without echo (used when the shell changes mode).</summary>
        public void Discard()
        {
            ResetLine();
            _escapeState = 0;
            _historyCursor = -1;
        }

        private void StartSequence(byte lead, int needed)
        {
            _sequence[0] = lead;
            _sequenceLength = 1;
            _sequenceNeeded = needed;
        }

        private void CompleteSequence()
        {
            int needed = _sequenceNeeded;
            _sequenceNeeded = 0;
            _sequenceLength = 0;
            byte lead = _sequence[0];
            byte second = _sequence[1];

            // RFC 3629 section 4: no overlong forms, no surrogates, nothing above U+10FFFF.
            bool valid = !((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0)
                || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second >= 0x90));
            if (!valid)
            {
                _invalidBytes += needed;
                return;
            }

            Append(_sequence, needed);
        }

        // Returns true when the byte was consumed by the escape sequence.
        private bool ContinueEscape(byte b)
        {
            if (_escapeState == 1)
            {
                if (b == (byte)'[' || b == (byte)'O')
                {
                    _escapeState = 2;
                    return true;
                }

                // A lone ESC: forget it and treat the byte as ordinary input.
                _escapeState = 0;
                return false;
            }

            if (b >= 0x20 && b <= 0x3F)
            {
                // Parameter and intermediate bytes of a CSI sequence (ECMA-48 5.4).
                _escapeLength++;
                if (_escapeLength > MaxEscapeBytes)
                {
                    _escapeState = 0;
                }

                return true;
            }

            _escapeState = 0;
            if (b >= 0x40 && b <= 0x7E)
            {
                if (b == (byte)'A')
                {
                    HistoryUp();
                }
                else if (b == (byte)'B')
                {
                    HistoryDown();
                }

                // Other final bytes (arrows left / right, function keys) are ignored.
                return true;
            }

            // A control byte cut the sequence short: it is ordinary input again.
            return false;
        }

        private void Append(byte[] bytes, int count)
        {
            if (_tooLong || _length + count > _line.Length)
            {
                if (!_tooLong && Echo != EchoMode.Silent)
                {
                    _out.WriteByte(Bell);
                }

                _tooLong = true;
                return;
            }

            bool secret = Echo == EchoMode.Plain && SecretStart(_line, _length, SecretAfterWord) >= 0;
            for (int i = 0; i < count; i++)
            {
                _line[_length++] = bytes[i];
            }

            if (secret)
            {
                _out.WriteByte((byte)'*');
            }
            else if (Echo == EchoMode.Plain)
            {
                for (int i = 0; i < count; i++)
                {
                    _out.WriteByte(bytes[i]);
                }
            }
            else if (Echo == EchoMode.Masked)
            {
                _out.WriteByte((byte)'*');
            }
        }

        private void Backspace()
        {
            if (_length == 0)
            {
                return;
            }

            // Remove one whole code point: its continuation bytes and its lead byte.
            do
            {
                _length--;
            }
            while (_length > 0 && (_line[_length] & 0xC0) == 0x80);

            if (Echo != EchoMode.Silent)
            {
                _out.WriteByte(0x08);
                _out.WriteByte((byte)' ');
                _out.WriteByte(0x08);
            }
        }

        private void ClearLine()
        {
            ResetLine();
            _historyCursor = -1;
            Redraw();
        }

        private LineEvent Cancel()
        {
            ResetLine();
            _historyCursor = -1;
            if (Echo != EchoMode.Silent)
            {
                _out.WriteText("^C\r\n");
            }

            return LineEvent.Cancelled;
        }

        private LineEvent EndLine()
        {
            if (_sequenceNeeded > 0)
            {
                _invalidBytes += _sequenceLength;
                _sequenceNeeded = 0;
                _sequenceLength = 0;
            }

            _completedTooLong = _tooLong;
            _completedInvalidBytes = _invalidBytes;
            _completedLine = (_tooLong || _invalidBytes > 0) ? null : Encoding.UTF8.GetString(_line, 0, _length);
            if (Echo != EchoMode.Silent)
            {
                _out.WriteByte((byte)'\r');
                _out.WriteByte((byte)'\n');
            }

            ResetLine();
            _historyCursor = -1;
            return LineEvent.Line;
        }

        private void ResetLine()
        {
            _length = 0;
            _tooLong = false;
            _invalidBytes = 0;
            _sequenceNeeded = 0;
            _sequenceLength = 0;
        }

        private void HistoryUp()
        {
            if (Echo != EchoMode.Plain || _historyCount == 0 || _historyCursor >= _historyCount - 1)
            {
                return;
            }

            if (_historyCursor == -1)
            {
                for (int i = 0; i < _length; i++)
                {
                    _saved[i] = _line[i];
                }

                _savedLength = _length;
            }

            _historyCursor++;
            int slot = (_historyNewest - _historyCursor + _history.Length) % _history.Length;
            Load(_history[slot], _historyLength[slot]);
        }

        private void HistoryDown()
        {
            if (Echo != EchoMode.Plain || _historyCursor < 0)
            {
                return;
            }

            _historyCursor--;
            if (_historyCursor == -1)
            {
                Load(_saved, _savedLength);
            }
            else
            {
                int slot = (_historyNewest - _historyCursor + _history.Length) % _history.Length;
                Load(_history[slot], _historyLength[slot]);
            }
        }

        private void Load(byte[] source, int length)
        {
            ResetLine();
            for (int i = 0; i < length; i++)
            {
                _line[i] = source[i];
            }

            _length = length;
            Redraw();
        }

        private void Redraw()
        {
            if (Echo == EchoMode.Silent)
            {
                return;
            }

            // CR, erase to end of line (ECMA-48 EL), prompt, then the line as it stands.
            _out.WriteText("\r\u001b[K");
            _out.WriteText(Prompt);
            if (Echo == EchoMode.Plain)
            {
                int secretFrom = SecretStart(_line, _length, SecretAfterWord);
                for (int i = 0; i < _length; i++)
                {
                    if (secretFrom < 0 || i < secretFrom)
                    {
                        _out.WriteByte(_line[i]);
                    }
                    else if ((_line[i] & 0xC0) != 0x80)
                    {
                        _out.WriteByte((byte)'*');
                    }
                }
            }
        }

        /// <summary>
        /// What a terminal shows for <paramref name="line"/> typed with plain echo: the line with every
        /// character after <paramref name="secretAfterWord"/> and a space replaced by '*' (for a scripted
        /// client that waits for the echo of its own line).
        /// </summary>
        public static string EchoOf(string line, string secretAfterWord)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(line);
            int secretFrom = SecretStart(bytes, bytes.Length, secretAfterWord);
            if (secretFrom < 0)
            {
                return line;
            }

            StringBuilder shown = new StringBuilder(Encoding.UTF8.GetString(bytes, 0, secretFrom));
            for (int i = secretFrom; i < bytes.Length; i++)
            {
                if ((bytes[i] & 0xC0) != 0x80)
                {
                    shown.Append('*');
                }
            }

            return shown.ToString();
        }

        /// <summary>
        /// Index of the first secret byte of <paramref name="line"/>: the one after the first space that
        /// follows the whole word <paramref name="word"/> (ASCII, any case); -1 when there is none yet.
        /// </summary>
        private static int SecretStart(byte[] line, int length, string word)
        {
            if (word == null)
            {
                return -1;
            }

            int i = 0;
            while (i < length)
            {
                while (i < length && line[i] == (byte)' ')
                {
                    i++;
                }

                int start = i;
                while (i < length && line[i] != (byte)' ')
                {
                    i++;
                }

                if (i < length && IsWord(line, start, i - start, word))
                {
                    return i + 1;
                }
            }

            return -1;
        }

        private static bool IsWord(byte[] line, int start, int count, string word)
        {
            if (count != word.Length)
            {
                return false;
            }

            for (int k = 0; k < count; k++)
            {
                int c = line[start + k];
                if (c >= 'A' && c <= 'Z')
                {
                    c += 'a' - 'A';
                }

                if (c != word[k])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameAs(byte[] a, int aLength, byte[] b, int bLength)
        {
            if (aLength != bLength)
            {
                return false;
            }

            for (int i = 0; i < aLength; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
