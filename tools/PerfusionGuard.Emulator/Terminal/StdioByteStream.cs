using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Emulator.Terminal
{
    /// <summary>
    /// The emulated module's serial port on the emulator's own standard input and output. A
    /// background thread reads stdin (a person at a terminal, put in raw mode, or a pipe) into a
    /// bounded queue; <see cref="Read"/> never blocks. On a pipe, CR LF is written as LF so the
    /// output reads as ordinary lines. Ctrl-] (0x1D) typed at a terminal ends the run.
    /// </summary>
    public sealed class StdioByteStream : IByteStream, IDisposable
    {
        private const int MaxQueuedBytes = 65536;
        private const byte QuitByte = 0x1D;

        private readonly BlockingCollection<byte> _input = new BlockingCollection<byte>(MaxQueuedBytes);
        private readonly Stream _stdout;
        private readonly byte[] _savedTermios;
        private readonly bool _pipeOutput;
        private volatile bool _endOfInput;
        private volatile bool _quit;

        /// <summary>Starts reading stdin; puts a terminal in raw mode (restored by <see cref="Dispose"/>).</summary>
        public StdioByteStream()
        {
            InputIsPipe = Console.IsInputRedirected;
            _pipeOutput = Console.IsOutputRedirected || InputIsPipe;
            _stdout = Console.OpenStandardOutput();
            if (!InputIsPipe && LibC.isatty(0) == 1)
            {
                _savedTermios = LibC.MakeRaw(0);
            }

            var reader = new Thread(ReadLoop) { IsBackground = true, Name = "console-stdin" };
            reader.Start();
        }

        /// <summary>True when stdin is a pipe or a file: no echo, no prompt, one response per line.</summary>
        public bool InputIsPipe { get; }

        /// <summary>True once stdin reached its end.</summary>
        public bool EndOfInput => _endOfInput && _input.Count == 0;

        /// <summary>True after Ctrl-] at a terminal.</summary>
        public bool QuitRequested => _quit;

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _input.TryTake(out byte b))
            {
                buffer[offset + n++] = b;
            }

            return n;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            if (!_pipeOutput)
            {
                _stdout.Write(buffer, offset, count);
                _stdout.Flush();
                return;
            }

            byte[] lines = new byte[count];
            int m = 0;
            for (int i = 0; i < count; i++)
            {
                if (buffer[offset + i] != (byte)'\r')
                {
                    lines[m++] = buffer[offset + i];
                }
            }

            _stdout.Write(lines, 0, m);
            _stdout.Flush();
        }

        private void ReadLoop()
        {
            using Stream stdin = Console.OpenStandardInput();
            byte[] chunk = new byte[256];
            while (true)
            {
                int n;
                try
                {
                    n = stdin.Read(chunk, 0, chunk.Length);
                }
                catch (IOException)
                {
                    n = 0;
                }

                if (n <= 0)
                {
                    _endOfInput = true;
                    return;
                }

                for (int i = 0; i < n; i++)
                {
                    if (chunk[i] == QuitByte && !InputIsPipe)
                    {
                        _quit = true;
                        continue;
                    }

                    _input.Add(chunk[i]);
                }
            }
        }

        /// <summary>Restores the terminal.</summary>
        public void Dispose()
        {
            if (_savedTermios != null)
            {
                LibC.tcsetattr(0, LibC.TCSANOW, _savedTermios);
            }
        }
    }
}
