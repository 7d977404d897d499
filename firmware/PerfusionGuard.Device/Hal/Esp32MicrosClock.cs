// ESP32 only: HighResTimer is in nanoFramework.Hardware.Esp32, which PerfusionGuard.Device.nfproj references only for
// TargetChip=esp32 (the STM32 build defines no ESP32 and compiles this file empty).
#if ESP32
using nanoFramework.Hardware.Esp32;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Device.Hal
{
    /// <summary>
    /// Microseconds since boot from the ESP32 high-resolution timer (esp_timer): 1 µs resolution,
    /// monotonic, unaffected by SNTP. API: nanoframework/nanoFramework.Hardware.Esp32
    /// HighResTimer.cs, static UInt64 GetCurrent().
    /// </summary>
    public sealed class Esp32MicrosClock : IMicrosClock
    {
        /// <inheritdoc />
        public long NowMicros => (long)HighResTimer.GetCurrent();
    }
}
#endif
