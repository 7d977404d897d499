namespace PerfusionGuard.Hal
{
    /// <summary>
    /// A hardware edge counter (ESP32 GpioPulseCounter on the device). Fast edges such as
    /// microbubble pulses are counted in hardware, never by managed GPIO events, which are queued
    /// and dispatched late (NANO-PLATFORM.md, timing).
    /// </summary>
    public interface IEdgeCounter
    {
        /// <summary>Total edges counted since start; monotonic, wraps only after 2^63.</summary>
        long ReadCount();
    }
}
