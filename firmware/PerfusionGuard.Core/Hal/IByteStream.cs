namespace PerfusionGuard.Hal
{
    /// <summary>
    /// A bidirectional byte stream: the serial console's UART on the device, a pseudo-terminal or a
    /// pipe in the emulator. Reads never block.
    /// </summary>
    public interface IByteStream
    {
        /// <summary>Copies up to <paramref name="count"/> received bytes; returns how many (0 when none are waiting).</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Queues <paramref name="count"/> bytes for sending.</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
