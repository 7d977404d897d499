using System;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Tests.Fakes
{
    /// <summary>Thrown by <see cref="PowerCutStore"/> when the power goes in the middle of a write.</summary>
    public sealed class PowerCutException : Exception
    {
        public PowerCutException() : base("power cut") { }
    }

    /// <summary>
    /// A RAM non-volatile store whose power can be cut after a given number of bytes: the write in
    /// progress stops at exactly that byte (the bytes before it are stored, the rest are not), and
    /// every later operation throws, as a dead board would. Two stores may share one byte array: the
    /// second one is the board after the power came back.
    /// </summary>
    public sealed class PowerCutStore : INonVolatileStore
    {
        public PowerCutStore(int sizeBytes, byte fill = 0xFF)
        {
            Bytes = new byte[sizeBytes];
            Array.Fill(Bytes, fill);
        }

        public PowerCutStore(byte[] bytes)
        {
            Bytes = bytes;
        }

        public byte[] Bytes { get; }

        /// <summary>Bytes that may still be written before the power goes; negative = unlimited.</summary>
        public long WriteBudget { get; set; } = -1;

        public bool PowerIsCut { get; private set; }

        public long BytesWritten { get; private set; }

        public int Flushes { get; private set; }

        public int SizeBytes => Bytes.Length;

        public void Read(int address, byte[] buffer, int offset, int count)
        {
            if (PowerIsCut)
            {
                throw new PowerCutException();
            }

            Array.Copy(Bytes, address, buffer, offset, count);
        }

        public void Write(int address, byte[] buffer, int offset, int count)
        {
            if (PowerIsCut)
            {
                throw new PowerCutException();
            }

            for (int i = 0; i < count; i++)
            {
                if (WriteBudget == 0)
                {
                    PowerIsCut = true;
                    throw new PowerCutException();
                }

                Bytes[address + i] = buffer[offset + i];
                BytesWritten++;
                if (WriteBudget > 0)
                {
                    WriteBudget--;
                }
            }
        }

        public void Flush()
        {
            if (PowerIsCut)
            {
                throw new PowerCutException();
            }

            Flushes++;
        }
    }
}
