namespace PerfusionGuard.Units
{
    /// <summary>
    /// Time is a <c>long</c> count of microseconds on the monotonic clock, always named with a
    /// <c>Micros</c> suffix (<c>nowMicros</c>, <c>persistMicros</c>). These constants convert.
    /// </summary>
    public static class Time
    {
        /// <summary>Microseconds per millisecond.</summary>
        public const long MicrosPerMilli = 1000;

        /// <summary>Microseconds per second.</summary>
        public const long MicrosPerSecond = 1000000;

        /// <summary>Microseconds per minute.</summary>
        public const long MicrosPerMinute = 60000000;

        /// <summary>Microseconds from whole milliseconds.</summary>
        public static long FromMillis(long millis) => millis * MicrosPerMilli;

        /// <summary>Microseconds from whole seconds.</summary>
        public static long FromSeconds(long seconds) => seconds * MicrosPerSecond;
    }
}
