using System.Device.Gpio;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Device.Hal
{
    /// <summary>
    /// A digital input on System.Device.Gpio, sampled by polling from the safety cycle: never by
    /// ValueChanged events, which nanoFramework queues to one managed thread and delivers late
    /// (NANO-PLATFORM.md, timing). API: nanoframework/System.Device.Gpio, GpioController.OpenPin(int, PinMode),
    /// GpioPin.Read().
    /// </summary>
    public sealed class GpioDigitalInput : IDigitalInput
    {
        private readonly GpioPin _pin;

        /// <summary>Opens <paramref name="pinNumber"/> as an input with the given bias.</summary>
        public GpioDigitalInput(GpioController controller, int pinNumber, PinMode mode)
        {
            _pin = controller.OpenPin(pinNumber, mode);
        }

        /// <inheritdoc />
        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }
    }
}
