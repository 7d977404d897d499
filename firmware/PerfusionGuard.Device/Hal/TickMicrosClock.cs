using System;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Device.Hal
{
    /// <summary>
    /// Microseconds since boot on boards without the ESP32 high-resolution timer (STM32):
    /// Environment.TickCount64 × 1000. Honest limit: TickCount64 counts milliseconds and advances
    /// in steps of the RTOS tick (10 ms on ESP32, NANO-PLATFORM.md; 1 ms on the ChibiOS STM32
    /// targets is expected but not measured here), so persistence timers and latencies measured
    /// with this clock are only as fine as that step. API: nanoframework/nanoFramework.Runtime.Native
    /// System/Environment.cs, TickCount64.
    /// </summary>
    public sealed class TickMicrosClock : IMicrosClock
    {
        /// <inheritdoc />
        public long NowMicros => Environment.TickCount64 * 1000;
    }
}
