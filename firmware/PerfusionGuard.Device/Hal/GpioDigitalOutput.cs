using System.Device.Gpio;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Device.Hal
{
    /// <summary>
    /// A push-pull digital output on System.Device.Gpio, driven low (de-energized, the safe level
    /// of every energize-to-run output) as soon as it is opened. API: nanoframework/System.Device.Gpio,
    /// GpioController.OpenPin(int, PinMode.Output), GpioPin.Write(PinValue).
    /// </summary>
    public sealed class GpioDigitalOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;

        /// <summary>Opens <paramref name="pinNumber"/> as an output, low.</summary>
        public GpioDigitalOutput(GpioController controller, int pinNumber)
        {
            _pin = controller.OpenPin(pinNumber, PinMode.Output);
            _pin.Write(PinValue.Low);
        }

        /// <inheritdoc />
        public void Write(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
        }

        /// <summary>Inverts the level (watchdog feed).</summary>
        public void Toggle()
        {
            _pin.Toggle();
        }
    }
}
