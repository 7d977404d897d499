using System;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using PerfusionGuard.Shell;

namespace PerfusionGuard.Emulator.Terminal
{
    /// <summary>
    /// A scripted client of the console over a terminal device (the emulator's pty, or a real
    /// serial port set to 115200 8N1 raw): sends `json LINE`, skips the echo and the prompt, and
    /// returns the one JSON response line. Host tool code: it waits with a bounded timeout.
    /// </summary>
    public sealed class TerminalLineClient : IDisposable
    {
        private readonly int _fd;
        private readonly byte[] _buffer = new byte[512];
        private readonly StringBuilder _pending = new StringBuilder();

        /// <summary>Opens <paramref name="path"/> read-write, raw, non-blocking.</summary>
        public TerminalLineClient(string path)
        {
            _fd = LibC.open(path, LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_NONBLOCK);
            if (_fd < 0)
            {
                throw new InvalidOperationException("console: cannot open " + path + " (errno " + Marshal.GetLastWin32Error() + "); is the emulator running with --console pty?");
            }

            LibC.MakeRaw(_fd);
        }

        /// <summary>Reads and forgets whatever is waiting (earlier output nobody read) until the line is quiet for <paramref name="quietMs"/>.</summary>
        public void Drain(int quietMs)
        {
            var quiet = Stopwatch.StartNew();
            var total = Stopwatch.StartNew();
            while (quiet.ElapsedMilliseconds < quietMs && total.ElapsedMilliseconds < 10 * quietMs + 1000)
            {
                if (ReadSome() > 0)
                {
                    quiet.Restart();
                }
                else
                {
                    Thread.Sleep(5);
                }
            }

            _pending.Clear();
        }

        /// <summary>Sends `json <paramref name="line"/>` and returns its JSON response; null after <paramref name="timeoutMs"/>.</summary>
        public string Execute(string line, int timeoutMs)
        {
            string command = "json " + line;
            byte[] bytes = Encoding.UTF8.GetBytes(command + "\r");
            if (LibC.write(_fd, bytes, bytes.Length) != bytes.Length)
            {
                throw new InvalidOperationException("console: write to the terminal failed (errno " + Marshal.GetLastWin32Error() + ")");
            }

            // The shell masks a PIN in its echo (SAF-CON-014): wait for the line as the terminal shows it.
            string echo = LineEditor.EchoOf(command, SerialShell.SecretWord);
            bool echoSeen = false;
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < timeoutMs)
            {
                string text;
                while ((text = TakeLine()) != null)
                {
                    if (!echoSeen)
                    {
                        // The shell echoes the command after its prompt; the response follows.
                        echoSeen = text.EndsWith(echo, StringComparison.Ordinal);
                        continue;
                    }

                    int brace = text.IndexOf("{\"ok\":", StringComparison.Ordinal);
                    if (brace >= 0)
                    {
                        return text.Substring(brace);
                    }
                }

                if (ReadSome() == 0)
                {
                    Thread.Sleep(2);
                }
            }

            return null;
        }

        private int ReadSome()
        {
            nint n = LibC.read(_fd, _buffer, _buffer.Length);
            if (n <= 0)
            {
                return 0;
            }

            _pending.Append(Encoding.UTF8.GetString(_buffer, 0, (int)n));
            return (int)n;
        }

        private string TakeLine()
        {
            for (int i = 0; i < _pending.Length; i++)
            {
                if (_pending[i] == '\n')
                {
                    string line = _pending.ToString(0, i).TrimEnd('\r');
                    _pending.Remove(0, i + 1);
                    return line;
                }
            }

            return null;
        }

        /// <summary>Closes the device.</summary>
        public void Dispose()
        {
            LibC.close(_fd);
        }
    }
}
