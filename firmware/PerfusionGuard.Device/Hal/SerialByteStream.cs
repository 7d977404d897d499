using System.IO.Ports;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Device.Hal
{
    /// <summary>
    /// The console UART as an <see cref="IByteStream"/>. Console.WriteLine goes to the debugger,
    /// not to a UART (NANO-PLATFORM.md), so the console uses SerialPort; on ESP32 COM1 is the
    /// debugger's and the console is COM2, routed to the board's uart: pins before opening (see
    /// NanoPortFactory.RouteConsolePins). Reads never block: only BytesToRead bytes are taken.
    /// API: nanoframework/System.IO.Ports SerialPort.cs, SerialPort(string, int), Open(),
    /// BytesToRead, Read(byte[], int, int), Write(byte[], int, int).
    /// </summary>
    public sealed class SerialByteStream : IByteStream
    {
        private readonly SerialPort _port;

        /// <summary>Opens <paramref name="portName"/> ("COM2") at <paramref name="baud"/>, 8N1.</summary>
        public SerialByteStream(string portName, int baud)
        {
            _port = new SerialPort(portName, baud);
            _port.Open();
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            int waiting = _port.BytesToRead;
            if (waiting <= 0)
            {
                return 0;
            }

            return _port.Read(buffer, offset, waiting < count ? waiting : count);
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            _port.Write(buffer, offset, count);
        }
    }
}
