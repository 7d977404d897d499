// ESP32 only: GpioPulseCounter ships in nanoFramework.Hardware.Esp32 (namespace System.Device.Gpio), which PerfusionGuard.Device.nfproj references only for
// TargetChip=esp32 (the STM32 build defines no ESP32 and compiles this file empty).
#if ESP32
using System.Device.Gpio;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Device.Hal
{
    /// <summary>
    /// Microbubble pulses counted by the ESP32 pulse-counter peripheral (PCNT) through
    /// nanoFramework.Hardware.Esp32's GpioPulseCounter: edges are counted in hardware, so none is
    /// lost to the managed GPIO event queue (NANO-PLATFORM.md, timing; SAF-BRD-009). API shape:
    /// nanoframework/nanoFramework.Hardware.Esp32 Gpio/GpioPulseCounter.cs, GpioPulseCount.cs and
    /// GpioPulsePolarity.cs (namespace System.Device.Gpio; GpioPulseCounter(int pinNumberA, int
    /// pinNumberB = -1), Polarity, ushort FilterPulses in 80 MHz APB cycles, Start(), Read().Count),
    /// usage as in nanoframework/Samples samples/Gpio/Esp32PulseCounter; checked on the host by
    /// tests/PerfusionGuard.Device.ApiCheck.
    /// </summary>
    public sealed class Esp32PulseEdgeCounter : IEdgeCounter
    {
        private readonly GpioPulseCounter _counter;

        /// <summary>Counts rising edges on <paramref name="pinNumber"/> from now on.</summary>
        public Esp32PulseEdgeCounter(int pinNumber)
        {
            _counter = new GpioPulseCounter(pinNumber);
            _counter.Polarity = GpioPulsePolarity.Rising;
            // No glitch filter: the detector's pulses are clean logic pulses; a filter (in APB clock
            // cycles, 0..1023) would need the pulse width from the detector's datasheet to be set safely.
            _counter.FilterPulses = 0;
            _counter.Start();
        }

        /// <inheritdoc />
        public long ReadCount()
        {
            return _counter.Read().Count;
        }
    }
}
#endif
