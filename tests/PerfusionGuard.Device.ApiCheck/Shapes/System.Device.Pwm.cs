// API shape of nanoFramework.System.Device.Pwm (assembly System.Device.Pwm): declarations only,
// for the host compile check of firmware/PerfusionGuard.Device (see ../README.md). Nothing here runs.
// Confirmed against nanoframework/System.Device.Pwm System.Device.Pwm/PwmChannel.cs
// (commit 15aad8d6eeb50623a778b110dbcc233f08423ccc); usage as in nanoframework/Samples
// samples/Gpio/Esp32PulseCounter/Program.cs (SetPinFunction(pin, PWM1), then CreateFromPin).
// Behaviour worth knowing: CreateFromPin returns null when no PWM timer serves the pin, and the
// DutyCycle setter throws ArgumentOutOfRangeException outside 0.0..1.0.
using System;

namespace System.Device.Pwm
{
    /// <summary>PwmChannel.cs.</summary>
    public sealed class PwmChannel : IDisposable
    {
        /// <summary>PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) — confirmed.</summary>
        public PwmChannel(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) { throw new NotSupportedException(); }

        /// <summary>int Frequency { get; set; } — confirmed (hertz).</summary>
        public int Frequency { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>double DutyCycle { get; set; } — confirmed (0.0 .. 1.0).</summary>
        public double DutyCycle { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>static PwmChannel Create(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) — confirmed.</summary>
        public static PwmChannel Create(int chip, int channel, int frequency = 400, double dutyCyclePercentage = 0.5) { throw new NotSupportedException(); }

        /// <summary>static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) — confirmed; null when the pin has no PWM.</summary>
        public static PwmChannel CreateFromPin(int pin, int frequency = 400, double dutyCyclePercentage = 0.5) { throw new NotSupportedException(); }

        /// <summary>void Start() — confirmed.</summary>
        public void Start() { throw new NotSupportedException(); }

        /// <summary>void Stop() — confirmed.</summary>
        public void Stop() { throw new NotSupportedException(); }

        /// <summary>void Dispose() — confirmed.</summary>
        public void Dispose() { throw new NotSupportedException(); }
    }
}
