using PerfusionGuard.Hal;

namespace PerfusionGuard.Shell
{
    /// <summary>
    /// The console's bounded output: a fixed byte ring drained into the byte stream as fast as the
    /// stream accepts (see <see cref="IWriteCapacity"/>). When the ring is full, echo bytes are
    /// dropped one by one and a whole response that does not fit is dropped as a unit (so a JSON
    /// line is never cut in half); both are counted (SAF-CON-002). Memory never grows.
    /// </summary>
    public sealed class ShellOutput
    {
        private readonly IByteStream _stream;
        private readonly IWriteCapacity _capacity;
        private readonly byte[] _ring;
        private readonly byte[] _chunk;
        private int _head;
        private int _count;
        private long _droppedBytes;
        private long _droppedResponses;

        /// <summary>Creates an output of <paramref name="capacityBytes"/> over <paramref name="stream"/>.</summary>
        public ShellOutput(IByteStream stream, int capacityBytes)
        {
            _stream = stream;
            _capacity = stream as IWriteCapacity;
            _ring = new byte[capacityBytes];
            _chunk = new byte[256];
        }

        /// <summary>Ring size in bytes.</summary>
        public int CapacityBytes => _ring.Length;

        /// <summary>Bytes waiting to be sent.</summary>
        public int PendingBytes => _count;

        /// <summary>Free bytes in the ring.</summary>
        public int FreeBytes => _ring.Length - _count;

        /// <summary>Single bytes (echo, prompts) dropped because the ring was full.</summary>
        public long DroppedBytes => _droppedBytes;

        /// <summary>Whole responses dropped because they did not fit.</summary>
        public long DroppedResponses => _droppedResponses;

        /// <summary>Queues one byte; drops it (counted) when the ring is full.</summary>
        public void WriteByte(byte b)
        {
            if (_count == _ring.Length)
            {
                _droppedBytes++;
                return;
            }

            _ring[(_head + _count) % _ring.Length] = b;
            _count++;
        }

        /// <summary>Queues ASCII / UTF-8 text byte by byte (echo, prompt); bytes that do not fit are dropped.</summary>
        public void WriteText(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x80)
                {
                    WriteByte((byte)c);
                }
                else
                {
                    WriteCodePoint(c);
                }
            }
        }

        /// <summary>
        /// Queues a whole block or nothing: false (and one dropped response counted) when it does
        /// not fit in the free space.
        /// </summary>
        public bool TryWriteBlock(byte[] data, int offset, int count)
        {
            if (count > _ring.Length - _count)
            {
                _droppedResponses++;
                return false;
            }

            for (int i = 0; i < count; i++)
            {
                _ring[(_head + _count) % _ring.Length] = data[offset + i];
                _count++;
            }

            return true;
        }

        /// <summary>Sends as much as the stream accepts now; returns the bytes sent.</summary>
        public int Drain()
        {
            int sent = 0;
            while (_count > 0)
            {
                int n = _count;
                if (n > _chunk.Length)
                {
                    n = _chunk.Length;
                }

                if (_capacity != null)
                {
                    int free = _capacity.WriteCapacityBytes;
                    if (free <= 0)
                    {
                        break;
                    }

                    if (n > free)
                    {
                        n = free;
                    }
                }

                for (int i = 0; i < n; i++)
                {
                    _chunk[i] = _ring[(_head + i) % _ring.Length];
                }

                _stream.Write(_chunk, 0, n);
                _head = (_head + n) % _ring.Length;
                _count -= n;
                sent += n;
            }

            return sent;
        }

        /// <summary>Forgets everything queued (counted as dropped bytes).</summary>
        public void Clear()
        {
            _droppedBytes += _count;
            _count = 0;
            _head = 0;
        }

        private void WriteCodePoint(char c)
        {
            // Characters of the console's own text are in the BMP; surrogates are not produced.
            if (c < 0x800)
            {
                WriteByte((byte)(0xC0 | (c >> 6)));
                WriteByte((byte)(0x80 | (c & 0x3F)));
            }
            else
            {
                WriteByte((byte)(0xE0 | (c >> 12)));
                WriteByte((byte)(0x80 | ((c >> 6) & 0x3F)));
                WriteByte((byte)(0x80 | (c & 0x3F)));
            }
        }
    }
}
