// API shape of nanoFramework.System.IO.Ports (assembly System.IO.Ports): declarations only, for
// the host compile check of firmware/PerfusionGuard.Device (see ../README.md). Nothing here runs.
// Confirmed against nanoframework/System.IO.Ports System.IO.Ports/SerialPort.cs
// (commit 04e9eab8ffe1d337ac4f18cdc8827988dbd3e46c). Behaviour worth knowing: Read(byte[], int, int)
// is documented to throw TimeoutException when no byte is available, so the console reads only
// what BytesToRead reports; the port name's 4th character is the port index ("COM2").
// Left out: DataReceived (its handler type was not read), Handshake, Mode, WatchChar, Encoding, BaseStream.
// System.IO.Ports is not part of net10.0's shared framework, so nothing is shadowed here.
using System;

namespace System.IO.Ports
{
    /// <summary>SerialPort.cs.</summary>
    public sealed class SerialPort : IDisposable
    {
        /// <summary>const int InfiniteTimeout = -1 — confirmed.</summary>
        public const int InfiniteTimeout = -1;

        /// <summary>SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) — confirmed.</summary>
        public SerialPort(string portName, int baudRate = 9600, Parity parity = Parity.None, int dataBits = 8, StopBits stopBits = StopBits.One) { throw new NotSupportedException(); }

        /// <summary>static string[] GetPortNames() — confirmed.</summary>
        public static string[] GetPortNames() { throw new NotSupportedException(); }

        /// <summary>void Open() — confirmed.</summary>
        public void Open() { throw new NotSupportedException(); }

        /// <summary>void Close() — confirmed.</summary>
        public void Close() { throw new NotSupportedException(); }

        /// <summary>int BaudRate { get; set; } — confirmed.</summary>
        public int BaudRate { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>int DataBits { get; set; } — confirmed.</summary>
        public int DataBits { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>Parity Parity { get; set; } — confirmed.</summary>
        public Parity Parity { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>StopBits StopBits { get; set; } — confirmed.</summary>
        public StopBits StopBits { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>string PortName { get; } — confirmed.</summary>
        public string PortName { get { throw new NotSupportedException(); } }

        /// <summary>bool IsOpen { get; } — confirmed.</summary>
        public bool IsOpen { get { throw new NotSupportedException(); } }

        /// <summary>string NewLine { get; set; } — confirmed.</summary>
        public string NewLine { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>int ReadTimeout { get; set; } — confirmed (the setter rejects values &lt;= 0).</summary>
        public int ReadTimeout { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>int WriteTimeout { get; set; } — confirmed.</summary>
        public int WriteTimeout { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>int ReceivedBytesThreshold { get; set; } — confirmed.</summary>
        public int ReceivedBytesThreshold { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>int BytesToRead { get; } — confirmed (native).</summary>
        public int BytesToRead { get { throw new NotSupportedException(); } }

        /// <summary>int Read(byte[] buffer, int offset, int count) — confirmed.</summary>
        public int Read(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }

        /// <summary>int ReadByte() — confirmed.</summary>
        public int ReadByte() { throw new NotSupportedException(); }

        /// <summary>string ReadExisting() — confirmed.</summary>
        public string ReadExisting() { throw new NotSupportedException(); }

        /// <summary>string ReadLine() — confirmed.</summary>
        public string ReadLine() { throw new NotSupportedException(); }

        /// <summary>void Write(byte[] buffer, int offset, int count) — confirmed.</summary>
        public void Write(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }

        /// <summary>void Write(string text) — confirmed.</summary>
        public void Write(string text) { throw new NotSupportedException(); }

        /// <summary>void Write(char[] buffer, int offset, int count) — confirmed.</summary>
        public void Write(char[] buffer, int offset, int count) { throw new NotSupportedException(); }

        /// <summary>void WriteLine(string text) — confirmed.</summary>
        public void WriteLine(string text) { throw new NotSupportedException(); }

        /// <summary>void Dispose() — IDisposable, confirmed by the class declaration.</summary>
        public void Dispose() { throw new NotSupportedException(); }
    }

    /// <summary>Parity.cs: Parity.None confirmed (constructor default); the other values unconfirmed (as on .NET).</summary>
    public enum Parity
    {
        /// <summary>No parity bit — confirmed.</summary>
        None,
        /// <summary>Unconfirmed.</summary>
        Odd,
        /// <summary>Unconfirmed.</summary>
        Even,
        /// <summary>Unconfirmed.</summary>
        Mark,
        /// <summary>Unconfirmed.</summary>
        Space,
    }

    /// <summary>StopBits.cs: StopBits.One confirmed (constructor default); the other values unconfirmed (as on .NET).</summary>
    public enum StopBits
    {
        /// <summary>Unconfirmed.</summary>
        None,
        /// <summary>One stop bit — confirmed.</summary>
        One,
        /// <summary>Unconfirmed.</summary>
        Two,
        /// <summary>Unconfirmed.</summary>
        OnePointFive,
    }
}
