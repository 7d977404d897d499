namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// Wall-clock time for telemetry timestamps. It is unknown until the device has synchronised
    /// (SNTP) and it jumps when it does, which is why nothing on the safety path uses it: safety
    /// time is the monotonic microsecond clock.
    /// </summary>
    public interface IUtcClock
    {
        /// <summary>The current UTC time in milliseconds since 1970-01-01; false while unknown.</summary>
        bool TryGetUtcMillis(out long utcMillis);
    }
}
