namespace PerfusionGuard.Hal
{
    /// <summary>
    /// A fixed-size, byte-addressed region of non-volatile memory (a file on the ESP32 internal
    /// flash, a RAM array in the emulator). A write may be cut by power loss at any byte: callers
    /// that need atomicity frame their data with a CRC.
    /// </summary>
    public interface INonVolatileStore
    {
        /// <summary>Size of the region in bytes.</summary>
        int SizeBytes { get; }

        /// <summary>Copies <paramref name="count"/> bytes at <paramref name="address"/> into <paramref name="buffer"/>.</summary>
        void Read(int address, byte[] buffer, int offset, int count);

        /// <summary>Writes <paramref name="count"/> bytes from <paramref name="buffer"/> at <paramref name="address"/>.</summary>
        void Write(int address, byte[] buffer, int offset, int count);

        /// <summary>Makes every preceding write durable.</summary>
        void Flush();
    }
}
