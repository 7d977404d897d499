using System;
using System.Runtime.InteropServices;
using PerfusionGuard.Hal;
using PerfusionGuard.Shell;

namespace PerfusionGuard.Emulator.Terminal
{
    /// <summary>
    /// The emulated module's serial port as a pseudo-terminal: posix_openpt / grantpt / unlockpt /
    /// ptsname, master side non-blocking. <see cref="SlavePath"/> is what picocom, screen or
    /// minicom open like a serial port. The emulator keeps the slave open itself (raw, 115200 Bd),
    /// so the master never reads EIO while no terminal is attached. Writes never block: what the
    /// pty does not take waits in a bounded buffer, and <see cref="WriteCapacityBytes"/> tells the
    /// shell how much more it may send (SAF-CON-002).
    /// </summary>
    public sealed class PtyByteStream : IByteStream, IWriteCapacity, IDisposable
    {
        private const int PendingBytes = 4096;

        private readonly int _master;
        private readonly int _slaveHold;
        private readonly byte[] _readBuffer = new byte[256];
        private readonly byte[] _pending = new byte[PendingBytes];
        private int _pendingCount;
        private bool _disposed;

        /// <summary>Opens a new pseudo-terminal.</summary>
        public PtyByteStream()
        {
            _master = LibC.posix_openpt(LibC.O_RDWR | LibC.O_NOCTTY);
            if (_master < 0)
            {
                throw new InvalidOperationException("console pty: posix_openpt failed, errno " + Marshal.GetLastWin32Error());
            }

            if (LibC.grantpt(_master) != 0 || LibC.unlockpt(_master) != 0)
            {
                int errno = Marshal.GetLastWin32Error();
                LibC.close(_master);
                throw new InvalidOperationException("console pty: grantpt/unlockpt failed, errno " + errno);
            }

            SlavePath = Marshal.PtrToStringAnsi(LibC.ptsname(_master));
            LibC.SetNonBlocking(_master);
            _slaveHold = LibC.open(SlavePath, LibC.O_RDWR | LibC.O_NOCTTY);
            if (_slaveHold >= 0)
            {
                LibC.MakeRaw(_slaveHold);
            }
        }

        /// <summary>The terminal device to open ("/dev/pts/5").</summary>
        public string SlavePath { get; }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            if (_disposed)
            {
                return 0;
            }

            int n = Math.Min(count, _readBuffer.Length);
            nint got = LibC.read(_master, _readBuffer, n);
            if (got <= 0)
            {
                return 0; // EAGAIN: nothing typed; EIO: no terminal; both are "nothing to read".
            }

            Array.Copy(_readBuffer, 0, buffer, offset, (int)got);
            return (int)got;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            if (_disposed)
            {
                return;
            }

            int take = Math.Min(count, PendingBytes - _pendingCount);
            Array.Copy(buffer, offset, _pending, _pendingCount, take);
            _pendingCount += take;
            Flush();
        }

        /// <inheritdoc />
        public int WriteCapacityBytes
        {
            get
            {
                Flush();
                return PendingBytes - _pendingCount;
            }
        }

        private void Flush()
        {
            if (_pendingCount == 0 || _disposed)
            {
                return;
            }

            nint written = LibC.write(_master, _pending, _pendingCount);
            if (written > 0)
            {
                int n = (int)written;
                Array.Copy(_pending, n, _pending, 0, _pendingCount - n);
                _pendingCount -= n;
            }
        }

        /// <summary>Closes both sides.</summary>
        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_slaveHold >= 0)
            {
                LibC.close(_slaveHold);
            }

            LibC.close(_master);
        }
    }
}
