using System;
using System.Device.Pwm;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Device.Hal
{
    /// <summary>
    /// The speed-limit signal to the pump console as a 1 kHz PWM duty cycle (RC-filtered on the
    /// board to a voltage). It starts at 0 (limit to stop) so that a controller that never reaches
    /// its first cycle limits the pump. API: nanoframework/System.Device.Pwm,
    /// PwmChannel.CreateFromPin(int pin, int frequency, double dutyCyclePercentage), DutyCycle, Start();
    /// usage as in nanoframework/Samples samples/Gpio/Esp32PulseCounter. CreateFromPin returns null
    /// (it does not throw) when no PWM timer serves the pin, and DutyCycle throws outside 0.0..1.0.
    /// </summary>
    public sealed class PwmSpeedLimitOutput : IAnalogOutput
    {
        private const int FrequencyHz = 1000;
        private readonly PwmChannel _pwm;

        /// <summary>Opens PWM on <paramref name="pinNumber"/> (ESP32: after SetPinFunction PWM1).</summary>
        public PwmSpeedLimitOutput(int pinNumber)
        {
            _pwm = PwmChannel.CreateFromPin(pinNumber, FrequencyHz, 0.0);
            if (_pwm == null)
            {
                throw new InvalidOperationException("pwm:speed_limit on pin " + pinNumber.ToString()
                    + ": no PWM channel serves this pin (ESP32: SetPinFunction(pin, PWM1) first; STM32: a timer pin of the firmware target)");
            }

            _pwm.Start();
        }

        /// <inheritdoc />
        public void WriteFraction(double fraction)
        {
            _pwm.DutyCycle = fraction < 0.0 ? 0.0 : fraction > 1.0 ? 1.0 : fraction;
        }
    }
}
