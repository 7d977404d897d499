namespace PerfusionGuard.Hal
{
    /// <summary>
    /// Monotonic time in microseconds since boot. Never wall-clock: DateTime.UtcNow jumps on SNTP
    /// sync. Injected everywhere so that tests and the emulator advance time themselves.
    /// </summary>
    public interface IMicrosClock
    {
        /// <summary>Microseconds since boot; never decreases.</summary>
        long NowMicros { get; }
    }
}
