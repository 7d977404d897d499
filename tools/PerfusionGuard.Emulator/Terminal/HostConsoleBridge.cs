using System;
using System.IO;
using System.Text;
using PerfusionGuard.Hal;
using PerfusionGuard.Shell;

namespace PerfusionGuard.Emulator.Terminal
{
    /// <summary>
    /// Connects the emulated module's console shell to the host: `run --console stdio` (the
    /// emulator's own terminal, or a pipe of command lines) or `run --console pty` (a
    /// pseudo-terminal for picocom / screen / minicom). The firmware host builds a fresh shell at
    /// every boot through <see cref="Attach"/>; the run loop calls <see cref="Poll"/> every safety
    /// cycle, on the run's own thread, so the console sees the module exactly as the cycle left it.
    /// </summary>
    public sealed class HostConsoleBridge : IDisposable
    {
        /// <summary>The emulator's service PIN when none is given (emulator only; a device is provisioned).</summary>
        public const string DefaultEmulatorPin = "1234";

        private readonly IDisposable _owned;
        private readonly StdioByteStream _stdio;
        private SerialShell _shell;

        private HostConsoleBridge(IByteStream stream, EchoMode echo, string description, IDisposable owned, StdioByteStream stdio, PinCredential credential)
        {
            Stream = stream;
            Echo = echo;
            Description = description;
            _owned = owned;
            _stdio = stdio;
            Credential = credential;
        }

        /// <summary>The byte stream the shell reads and writes.</summary>
        public IByteStream Stream { get; }

        /// <summary>Echo mode of the shells this bridge builds.</summary>
        public EchoMode Echo { get; }

        /// <summary>"pty /dev/pts/5" or "stdio (pipe)".</summary>
        public string Description { get; }

        /// <summary>The PIN credential of the emulated module.</summary>
        public PinCredential Credential { get; }

        /// <summary>The shell of the current boot (null while unpowered).</summary>
        public SerialShell Shell => _shell;

        /// <summary>True when the person at the terminal asked to end the run (Ctrl-]).</summary>
        public bool QuitRequested => _stdio != null && _stdio.QuitRequested;

        /// <summary>True when input is a pipe that has ended and every line has been handled.</summary>
        public bool InputFinished => _stdio != null && _stdio.InputIsPipe && _stdio.EndOfInput;

        /// <summary>
        /// Opens the console for <paramref name="mode"/> ("stdio" or "pty") with the service
        /// <paramref name="pin"/>; tells the user where it is on <paramref name="info"/>.
        /// </summary>
        public static HostConsoleBridge Open(string mode, string pin, TextWriter info)
        {
            PinCredential credential = PinCredential.Create(pin ?? DefaultEmulatorPin, Encoding.ASCII.GetBytes("pg-emulator-salt"), PinCredential.DefaultIterations);
            if (mode == "pty")
            {
                var pty = new PtyByteStream();
                info?.WriteLine("console: " + pty.SlavePath + "  (e.g. picocom -b 115200 " + pty.SlavePath + ")");
                return new HostConsoleBridge(pty, EchoMode.Plain, "pty " + pty.SlavePath, pty, null, credential);
            }

            if (mode == "stdio")
            {
                var stdio = new StdioByteStream();
                return new HostConsoleBridge(stdio, stdio.InputIsPipe ? EchoMode.Silent : EchoMode.Plain,
                    stdio.InputIsPipe ? "stdio (pipe)" : "stdio (terminal)", stdio, stdio, credential);
            }

            throw new ArgumentException("--console: '" + mode + "' is not a console; use stdio or pty");
        }

        /// <summary>Builds the shell of a new boot over <paramref name="services"/>.</summary>
        public void Attach(ShellServices services)
        {
            _shell = new SerialShell(Stream, services, Credential, Echo, SerialShell.DefaultOutputBytes);
        }

        /// <summary>The module lost power: the shell is gone until the next boot.</summary>
        public void Detach()
        {
            _shell = null;
        }

        /// <summary>Reads and answers whatever the terminal sent; never blocks.</summary>
        public void Poll(long nowMicros)
        {
            if (QuitRequested)
            {
                // Ctrl-] at the terminal: the run has no cancellation, so end the process cleanly.
                Dispose();
                System.Console.Error.WriteLine("\nconsole: run ended by Ctrl-]");
                Environment.Exit(130);
            }

            _shell?.Poll(nowMicros);
        }

        /// <summary>Restores the terminal and closes the pty.</summary>
        public void Dispose()
        {
            _owned?.Dispose();
        }
    }
}
