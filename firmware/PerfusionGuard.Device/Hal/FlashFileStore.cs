using System.IO;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Device.Hal
{
    /// <summary>
    /// The non-volatile store as one fixed-size file on the internal flash drive I:\ (LittleFS on
    /// ESP32, NANO-PLATFORM.md storage). The file is created full size on first use so that later
    /// writes never grow it. Atomicity is the callers' business (CRC-framed records, INonVolatileStore).
    /// API: nanoframework/System.IO.FileSystem, FileStream(path, FileMode, FileAccess), Seek, Read,
    /// Write, Flush.
    /// </summary>
    public sealed class FlashFileStore : INonVolatileStore
    {
        private readonly FileStream _file;
        private readonly int _sizeBytes;
        private readonly object _lock = new object();

        /// <summary>Opens (or creates, zero-filled) <paramref name="path"/> with <paramref name="sizeBytes"/> bytes.</summary>
        public FlashFileStore(string path, int sizeBytes)
        {
            _sizeBytes = sizeBytes;
            _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite);
            if (_file.Length < sizeBytes)
            {
                byte[] zeros = new byte[256];
                _file.Seek(_file.Length, SeekOrigin.Begin);
                long missing = sizeBytes - _file.Length;
                while (missing > 0)
                {
                    int count = missing > zeros.Length ? zeros.Length : (int)missing;
                    _file.Write(zeros, 0, count);
                    missing -= count;
                }

                _file.Flush();
            }
        }

        /// <inheritdoc />
        public int SizeBytes => _sizeBytes;

        /// <inheritdoc />
        public void Read(int address, byte[] buffer, int offset, int count)
        {
            lock (_lock)
            {
                _file.Seek(address, SeekOrigin.Begin);
                int done = 0;
                while (done < count)
                {
                    int read = _file.Read(buffer, offset + done, count - done);
                    if (read <= 0)
                    {
                        throw new IOException("store file shorter than its size");
                    }

                    done += read;
                }
            }
        }

        /// <inheritdoc />
        public void Write(int address, byte[] buffer, int offset, int count)
        {
            lock (_lock)
            {
                _file.Seek(address, SeekOrigin.Begin);
                _file.Write(buffer, offset, count);
            }
        }

        /// <inheritdoc />
        public void Flush()
        {
            lock (_lock)
            {
                _file.Flush();
            }
        }
    }
}
