// API shape of nanoFramework.System.Device.Gpio (assembly System.Device.Gpio): declarations only,
// for the host compile check of firmware/PerfusionGuard.Device (see ../README.md). Nothing here runs.
// Confirmed against nanoframework/System.Device.Gpio:
//   System.Device.Gpio/GpioController.cs (commit 162ca3b8531e0ae533721f4de5b92a0020ad68d6)
//   System.Device.Gpio/GpioPin.cs        (commit 3a608e15888b3f1cff6ac2dd11749f424bd59cca)
//   System.Device.Gpio/PinMode.cs, PinValue.cs (commit 5a27dd88672fc3885f218217169eec48e3169ef2)
// Left out on purpose (the device layer polls, NANO-PLATFORM.md timing): ValueChanged,
// RegisterCallbackForPinValueChangedEvent, PinEventTypes, PinNumberingScheme.
// The ESP32 pulse counter (GpioPulseCounter) is in namespace System.Device.Gpio too, but ships in
// nanoFramework.Hardware.Esp32: see nanoFramework.Hardware.Esp32.cs.
using System;

namespace System.Device.Gpio
{
    /// <summary>GpioController.cs: a sealed IDisposable; pins are opened by logical number.</summary>
    public sealed class GpioController : IDisposable
    {
        /// <summary>GpioController() — confirmed.</summary>
        public GpioController() { throw new NotSupportedException(); }

        /// <summary>int PinCount { get; } — confirmed.</summary>
        public int PinCount { get { throw new NotSupportedException(); } }

        /// <summary>GpioPin OpenPin(int pinNumber) — confirmed.</summary>
        public GpioPin OpenPin(int pinNumber) { throw new NotSupportedException(); }

        /// <summary>GpioPin OpenPin(int pinNumber, PinMode mode) — confirmed.</summary>
        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw new NotSupportedException(); }

        /// <summary>void ClosePin(int pinNumber) — confirmed.</summary>
        public void ClosePin(int pinNumber) { throw new NotSupportedException(); }

        /// <summary>bool IsPinOpen(int pinNumber) — confirmed.</summary>
        public bool IsPinOpen(int pinNumber) { throw new NotSupportedException(); }

        /// <summary>bool IsPinModeSupported(int pinNumber, PinMode mode) — confirmed.</summary>
        public bool IsPinModeSupported(int pinNumber, PinMode mode) { throw new NotSupportedException(); }

        /// <summary>PinMode GetPinMode(int pinNumber) — confirmed.</summary>
        public PinMode GetPinMode(int pinNumber) { throw new NotSupportedException(); }

        /// <summary>void SetPinMode(int pinNumber, PinMode mode) — confirmed.</summary>
        public void SetPinMode(int pinNumber, PinMode mode) { throw new NotSupportedException(); }

        /// <summary>PinValue Read(int pinNumber) — confirmed.</summary>
        public PinValue Read(int pinNumber) { throw new NotSupportedException(); }

        /// <summary>void Write(int pinNumber, PinValue value) — confirmed.</summary>
        public void Write(int pinNumber, PinValue value) { throw new NotSupportedException(); }

        /// <summary>void Dispose() — confirmed.</summary>
        public void Dispose() { throw new NotSupportedException(); }
    }

    /// <summary>GpioPin.cs: created only by GpioController.OpenPin (internal constructor).</summary>
    public sealed class GpioPin : IDisposable
    {
        private GpioPin() { }

        /// <summary>int PinNumber { get; } — confirmed.</summary>
        public int PinNumber { get { throw new NotSupportedException(); } }

        /// <summary>TimeSpan DebounceTimeout { get; set; } — confirmed.</summary>
        public TimeSpan DebounceTimeout { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>PinMode GetPinMode() — confirmed.</summary>
        public PinMode GetPinMode() { throw new NotSupportedException(); }

        /// <summary>bool IsPinModeSupported(PinMode pinMode) — confirmed.</summary>
        public bool IsPinModeSupported(PinMode pinMode) { throw new NotSupportedException(); }

        /// <summary>void SetPinMode(PinMode value) — confirmed.</summary>
        public void SetPinMode(PinMode value) { throw new NotSupportedException(); }

        /// <summary>PinValue Read() — confirmed (native).</summary>
        public PinValue Read() { throw new NotSupportedException(); }

        /// <summary>void Write(PinValue value) — confirmed.</summary>
        public void Write(PinValue value) { throw new NotSupportedException(); }

        /// <summary>void Toggle() — confirmed (native; outputs only).</summary>
        public void Toggle() { throw new NotSupportedException(); }

        /// <summary>void Dispose() — confirmed.</summary>
        public void Dispose() { throw new NotSupportedException(); }
    }

    /// <summary>PinMode.cs — every value confirmed, in this order.</summary>
    public enum PinMode
    {
        /// <summary>Floating input.</summary>
        Input,
        /// <summary>Input with pull-down.</summary>
        InputPullDown,
        /// <summary>Input with pull-up.</summary>
        InputPullUp,
        /// <summary>Push-pull output.</summary>
        Output,
        /// <summary>Open-drain output.</summary>
        OutputOpenDrain,
        /// <summary>Open-drain output with pull-up.</summary>
        OutputOpenDrainPullUp,
        /// <summary>Open-source output.</summary>
        OutputOpenSource,
        /// <summary>Open-source output with pull-down.</summary>
        OutputOpenSourcePullDown,
    }

    /// <summary>PinValue.cs: a readonly struct (not an enum) with High / Low and == / !=.</summary>
    public readonly struct PinValue
    {
        /// <summary>static PinValue High { get; } — confirmed.</summary>
        public static PinValue High { get { throw new NotSupportedException(); } }

        /// <summary>static PinValue Low { get; } — confirmed.</summary>
        public static PinValue Low { get { throw new NotSupportedException(); } }

        /// <summary>implicit operator PinValue(int) — confirmed (0 is Low).</summary>
        public static implicit operator PinValue(int value) { throw new NotSupportedException(); }

        /// <summary>implicit operator PinValue(bool) — confirmed.</summary>
        public static implicit operator PinValue(bool value) { throw new NotSupportedException(); }

        /// <summary>explicit operator byte(PinValue) — confirmed.</summary>
        public static explicit operator byte(PinValue value) { throw new NotSupportedException(); }

        /// <summary>explicit operator int(PinValue) — confirmed.</summary>
        public static explicit operator int(PinValue value) { throw new NotSupportedException(); }

        /// <summary>explicit operator bool(PinValue) — confirmed.</summary>
        public static explicit operator bool(PinValue value) { throw new NotSupportedException(); }

        /// <summary>operator == — confirmed.</summary>
        public static bool operator ==(PinValue a, PinValue b) { throw new NotSupportedException(); }

        /// <summary>operator != — confirmed.</summary>
        public static bool operator !=(PinValue a, PinValue b) { throw new NotSupportedException(); }

        /// <summary>bool Equals(PinValue other) — confirmed.</summary>
        public bool Equals(PinValue other) { throw new NotSupportedException(); }

        /// <inheritdoc />
        public override bool Equals(object obj) { throw new NotSupportedException(); }

        /// <inheritdoc />
        public override int GetHashCode() { throw new NotSupportedException(); }

        /// <summary>string ToString() — confirmed ("Low" / "High").</summary>
        public override string ToString() { throw new NotSupportedException(); }
    }
}
