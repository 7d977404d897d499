using PerfusionGuard.Hal;

namespace PerfusionGuard.Boards
{
    /// <summary>
    /// Opens one pin of a board as a HAL port: GPIO / ADC / pulse counter on the device
    /// (PerfusionGuard.Device's NanoPortFactory), simulated ports in the emulator, fakes in tests.
    /// <see cref="BoardPorts.Open"/> calls it once per pin of the board's table.
    /// </summary>
    public interface IBoardPortFactory
    {
        /// <summary>Opens a digital input with the pin's pull.</summary>
        IDigitalInput OpenInput(BoardPin pin);

        /// <summary>Opens a digital output and drives it low (the safe, de-energized level) before returning.</summary>
        IDigitalOutput OpenOutput(BoardPin pin);

        /// <summary>Opens the ADC channel of an adc: pin.</summary>
        IAnalogInput OpenAnalog(BoardPin pin);

        /// <summary>Opens a hardware edge counter on a count: pin and starts it.</summary>
        IEdgeCounter OpenCounter(BoardPin pin);
    }
}
