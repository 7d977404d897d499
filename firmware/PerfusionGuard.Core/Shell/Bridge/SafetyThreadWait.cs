using System.Threading;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>
    /// The device's wait (and the two-thread tests'): the console thread sleeps in short steps until
    /// the safety loop, which services the mailbox at the start of every cycle, has answered, or
    /// until <see cref="TimeoutMicros"/> on the monotonic clock has passed. Only the console thread
    /// waits here; the safety thread never waits for it (SAF-CON-012).
    /// </summary>
    public sealed class SafetyThreadWait : IConsoleWait
    {
        private readonly IMicrosClock _clock;
        private readonly long _timeoutMicros;
        private readonly int _sleepMillis;

        /// <summary>
        /// Waits at most <paramref name="timeoutMicros"/> on <paramref name="clock"/>, sleeping
        /// <paramref name="sleepMillis"/> between looks (Thread.Sleep steps in 10 ms on ESP32 anyway).
        /// </summary>
        public SafetyThreadWait(IMicrosClock clock, long timeoutMicros, int sleepMillis)
        {
            _clock = clock;
            _timeoutMicros = timeoutMicros;
            _sleepMillis = sleepMillis;
        }

        /// <summary>The device's bound: ten safety periods, at least 100 ms (a GC pause or two on the ESP32).</summary>
        public static long DeviceTimeoutMicros(long cyclePeriodMicros)
        {
            long tenCycles = 10 * cyclePeriodMicros;
            return tenCycles < 100000 ? 100000 : tenCycles;
        }

        /// <inheritdoc />
        public long TimeoutMicros => _timeoutMicros;

        /// <inheritdoc />
        public bool WaitUntil(ModuleConsoleBridge bridge, ConsoleCondition condition, long nowMicros)
        {
            long start = _clock.NowMicros;
            while (!condition())
            {
                if (_clock.NowMicros - start >= _timeoutMicros)
                {
                    return condition();
                }

                Thread.Sleep(_sleepMillis);
            }

            return true;
        }
    }
}
