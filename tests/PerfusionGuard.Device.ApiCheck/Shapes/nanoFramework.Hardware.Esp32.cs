// API shape of nanoFramework.Hardware.Esp32 (assembly nanoFramework.Hardware.Esp32): declarations
// only, for the host compile check of firmware/PerfusionGuard.Device (see ../README.md). Nothing
// here runs. Compiled only into the ESP32 check (PerfusionGuard.Device.nfproj references this
// package only for TargetChip=esp32), so ESP32-only code outside `#if ESP32` fails the STM32 check.
// Confirmed against nanoframework/nanoFramework.Hardware.Esp32:
//   nanoFramework.Hardware.Esp32/HighResTimer.cs      (commit 2fcc3520f586c75ff6001c1bf91425df1b8dd053)
//   nanoFramework.Hardware.Esp32/Configuration.cs     (commit 2fcc3520f586c75ff6001c1bf91425df1b8dd053)
//   nanoFramework.Hardware.Esp32/DeviceTypePins.cs    (commit 2eb59efa386f01421d0ab7ab316480c14268ebcc)
//   nanoFramework.Hardware.Esp32/Gpio/GpioPulseCount.cs, Gpio/GpioPulsePolarity.cs (commit 3d6f6754ae6e0d33a8ac95466239d528f1528c0e)
//   nanoFramework.Hardware.Esp32/Gpio/GpioPulseCounter.cs (its file name carries a zero-width space,
//     so the index lists it under no path; read through find_string; usage as in nanoframework/Samples
//     samples/Gpio/Esp32PulseCounter, which references this package and not System.Device.Gpio)
// NANO-PLATFORM.md says `GpioPulseCounter(int pinA)` under nanoFramework.Hardware.Esp32; the source
// has GpioPulseCounter(int pinNumberA, int pinNumberB = -1) in namespace System.Device.Gpio, and
// FilterPulses is a ushort of 80 MHz APB clock cycles (0..1023), not microseconds.
// Left out: touch pads, sleep, logging, NativeMemory, ADC/I2S/SDMMC/SPI/I2C device functions.
using System;

namespace nanoFramework.Hardware.Esp32
{
    /// <summary>HighResTimer.cs: delegate void HighResTimerExpiredEventHandler(HighResTimer sender, object e) — confirmed.</summary>
    public delegate void HighResTimerExpiredEventHandler(HighResTimer sender, object e);

    /// <summary>HighResTimer.cs: the ESP32 esp_timer.</summary>
    public class HighResTimer : IDisposable
    {
        /// <summary>HighResTimer() — confirmed (at most 10 timers).</summary>
        public HighResTimer() { throw new NotSupportedException(); }

        /// <summary>event HighResTimerExpiredEventHandler OnHighResTimerExpired — confirmed.</summary>
        public event HighResTimerExpiredEventHandler OnHighResTimerExpired;

        /// <summary>static UInt64 GetCurrent() — confirmed (microseconds since boot).</summary>
        public static ulong GetCurrent() { throw new NotSupportedException(); }

        /// <summary>void Stop() — confirmed.</summary>
        public void Stop() { throw new NotSupportedException(); }

        /// <summary>void StartOneShot(UInt64 timeout_us) — confirmed.</summary>
        public void StartOneShot(ulong timeout_us) { throw new NotSupportedException(); }

        /// <summary>void StartOnePeriodic(UInt64 period_us) — confirmed.</summary>
        public void StartOnePeriodic(ulong period_us) { throw new NotSupportedException(); }

        /// <summary>void Dispose() — confirmed.</summary>
        public void Dispose() { throw new NotSupportedException(); }
    }

    /// <summary>Configuration.cs: pin multiplexing.</summary>
    public class Configuration
    {
        /// <summary>static void SetPinFunction(int pin, DeviceFunction value) — confirmed.</summary>
        public static void SetPinFunction(int pin, DeviceFunction value) { throw new NotSupportedException(); }

        /// <summary>static int GetFunctionPin(DeviceFunction function) — confirmed (-1: not assigned).</summary>
        public static int GetFunctionPin(DeviceFunction function) { throw new NotSupportedException(); }
    }

    /// <summary>
    /// DeviceTypePins.cs: the serial and PWM device functions (confirmed, with their values:
    /// device type × 0x10000 + device index × 0x100 + function). The others are not declared.
    /// </summary>
    public enum DeviceFunction
    {
        /// <summary>COM1 TX.</summary>
        COM1_TX = 0x30000 + (1 * 0x100) + 0,
        /// <summary>COM1 RX.</summary>
        COM1_RX = 0x30000 + (1 * 0x100) + 1,
        /// <summary>COM1 RTS.</summary>
        COM1_RTS = 0x30000 + (1 * 0x100) + 2,
        /// <summary>COM1 CTS.</summary>
        COM1_CTS = 0x30000 + (1 * 0x100) + 3,
        /// <summary>COM2 TX.</summary>
        COM2_TX = 0x30000 + (2 * 0x100) + 0,
        /// <summary>COM2 RX.</summary>
        COM2_RX = 0x30000 + (2 * 0x100) + 1,
        /// <summary>COM2 RTS.</summary>
        COM2_RTS = 0x30000 + (2 * 0x100) + 2,
        /// <summary>COM2 CTS.</summary>
        COM2_CTS = 0x30000 + (2 * 0x100) + 3,
        /// <summary>COM3 TX.</summary>
        COM3_TX = 0x30000 + (3 * 0x100) + 0,
        /// <summary>COM3 RX.</summary>
        COM3_RX = 0x30000 + (3 * 0x100) + 1,
        /// <summary>COM3 RTS.</summary>
        COM3_RTS = 0x30000 + (3 * 0x100) + 2,
        /// <summary>COM3 CTS.</summary>
        COM3_CTS = 0x30000 + (3 * 0x100) + 3,
        /// <summary>PWM1.</summary>
        PWM1 = 0x40000 + (1 * 0x100),
        /// <summary>PWM2.</summary>
        PWM2 = 0x40000 + (2 * 0x100),
        /// <summary>PWM3.</summary>
        PWM3 = 0x40000 + (3 * 0x100),
        /// <summary>PWM4.</summary>
        PWM4 = 0x40000 + (4 * 0x100),
        /// <summary>PWM5.</summary>
        PWM5 = 0x40000 + (5 * 0x100),
        /// <summary>PWM6.</summary>
        PWM6 = 0x40000 + (6 * 0x100),
        /// <summary>PWM7.</summary>
        PWM7 = 0x40000 + (7 * 0x100),
        /// <summary>PWM8.</summary>
        PWM8 = 0x40000 + (8 * 0x100),
        /// <summary>PWM9.</summary>
        PWM9 = 0x40000 + (9 * 0x100),
        /// <summary>PWM10.</summary>
        PWM10 = 0x40000 + (10 * 0x100),
        /// <summary>PWM11.</summary>
        PWM11 = 0x40000 + (11 * 0x100),
        /// <summary>PWM12.</summary>
        PWM12 = 0x40000 + (12 * 0x100),
        /// <summary>PWM13.</summary>
        PWM13 = 0x40000 + (13 * 0x100),
        /// <summary>PWM14.</summary>
        PWM14 = 0x40000 + (14 * 0x100),
        /// <summary>PWM15.</summary>
        PWM15 = 0x40000 + (15 * 0x100),
        /// <summary>PWM16.</summary>
        PWM16 = 0x40000 + (16 * 0x100),
    }
}

namespace System.Device.Gpio
{
    /// <summary>GpioPulseCounter.cs: counts edges in the ESP32 PCNT peripheral.</summary>
    public sealed class GpioPulseCounter : IDisposable
    {
        /// <summary>GpioPulseCounter(int pinNumberA, int pinNumberB = -1) — confirmed.</summary>
        public GpioPulseCounter(int pinNumberA, int pinNumberB = -1) { throw new NotSupportedException(); }

        /// <summary>bool IsStarted { get; } — confirmed.</summary>
        public bool IsStarted { get { throw new NotSupportedException(); } }

        /// <summary>GpioPulsePolarity Polarity { get; set; } — confirmed (Falling by default; set before Start).</summary>
        public GpioPulsePolarity Polarity { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>ushort FilterPulses { get; set; } — confirmed (APB clock cycles, 0..1023; set before Start).</summary>
        public ushort FilterPulses { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>GpioPulseCount Read() — confirmed.</summary>
        public GpioPulseCount Read() { throw new NotSupportedException(); }

        /// <summary>GpioPulseCount Reset() — confirmed (returns the count, then zeroes it).</summary>
        public GpioPulseCount Reset() { throw new NotSupportedException(); }

        /// <summary>void Start() — confirmed.</summary>
        public void Start() { throw new NotSupportedException(); }

        /// <summary>void Stop() — confirmed.</summary>
        public void Stop() { throw new NotSupportedException(); }

        /// <summary>void Dispose() — confirmed.</summary>
        public void Dispose() { throw new NotSupportedException(); }
    }

    /// <summary>GpioPulseCount.cs — confirmed: a struct with two public fields.</summary>
    public struct GpioPulseCount
    {
        /// <summary>long Count — confirmed.</summary>
        public long Count;

        /// <summary>TimeSpan RelativeTime — confirmed.</summary>
        public TimeSpan RelativeTime;
    }

    /// <summary>GpioPulsePolarity.cs — every value confirmed, in this order.</summary>
    public enum GpioPulsePolarity
    {
        /// <summary>Both edges.</summary>
        Both,
        /// <summary>High to low.</summary>
        Falling,
        /// <summary>Low to high.</summary>
        Rising,
    }
}
