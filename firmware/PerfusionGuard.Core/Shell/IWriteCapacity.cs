namespace PerfusionGuard.Shell
{
    /// <summary>
    /// Optional companion of <see cref="Hal.IByteStream"/>: how many bytes the stream accepts now
    /// without blocking (free space in the UART driver's transmit buffer, a non-blocking pty). A
    /// stream that implements it never receives more than that, so a slow or silent terminal only
    /// fills the shell's own bounded output ring (SAF-CON-002).
    /// </summary>
    public interface IWriteCapacity
    {
        /// <summary>Bytes that can be written now without blocking.</summary>
        int WriteCapacityBytes { get; }
    }
}
