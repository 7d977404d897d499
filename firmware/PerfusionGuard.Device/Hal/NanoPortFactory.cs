using System;
using System.Device.Adc;
using System.Device.Gpio;
using PerfusionGuard.Boards;
using PerfusionGuard.Hal;
#if ESP32
using nanoFramework.Hardware.Esp32;
#endif

namespace PerfusionGuard.Device.Hal
{
    /// <summary>
    /// Opens a validated board's pins on nanoFramework: GPIO inputs and outputs, ADC channels,
    /// ESP32 pulse counters, and (ESP32) routes the console UART and the speed-limit PWM to the
    /// board's pins with Configuration.SetPinFunction. One GpioController and one AdcController for
    /// the whole board. API: nanoframework/System.Device.Gpio, nanoframework/System.Device.Adc,
    /// nanoframework/nanoFramework.Hardware.Esp32 Configuration.cs (SetPinFunction, DeviceFunction).
    /// </summary>
    public sealed class NanoPortFactory : IBoardPortFactory
    {
        private readonly BoardDefinition _board;
        private readonly GpioController _gpio;
        private AdcController _adc;

        /// <summary>A factory for <paramref name="board"/>.</summary>
        public NanoPortFactory(BoardDefinition board)
        {
            _board = board;
            _gpio = new GpioController();
        }

        /// <inheritdoc />
        public IDigitalInput OpenInput(BoardPin pin)
        {
            PinMode mode = pin.Pull == PinPull.Up ? PinMode.InputPullUp : pin.Pull == PinPull.Down ? PinMode.InputPullDown : PinMode.Input;
            return new GpioDigitalInput(_gpio, pin.Number, mode);
        }

        /// <inheritdoc />
        public IDigitalOutput OpenOutput(BoardPin pin)
        {
            return new GpioDigitalOutput(_gpio, pin.Number);
        }

        /// <inheritdoc />
        public IAnalogInput OpenAnalog(BoardPin pin)
        {
            if (_adc == null)
            {
                _adc = new AdcController();
            }

            return new AdcAnalogInput(_adc, pin.AdcChannel);
        }

        /// <inheritdoc />
        public IEdgeCounter OpenCounter(BoardPin pin)
        {
#if ESP32
            return new Esp32PulseEdgeCounter(pin.Number);
#else
            // BoardValidator rejects count: pins on chips without a hardware counter (SAF-BRD-009).
            throw new NotSupportedException("board " + _board.Id + ": pin " + pin.Label + ": no hardware pulse counter on this target");
#endif
        }

        /// <summary>
        /// Routes COM2 to the board's uart:console_tx / uart:console_rx pins (ESP32: COM1 is the
        /// debugger's, NANO-PLATFORM.md). STM32 UART pins are fixed by the firmware target.
        /// </summary>
        public void RouteConsolePins()
        {
#if ESP32
            BoardPin tx = _board.FindPin(PinRole.ConsoleTx);
            BoardPin rx = _board.FindPin(PinRole.ConsoleRx);
            if (tx != null && rx != null)
            {
                Configuration.SetPinFunction(tx.Number, DeviceFunction.COM2_TX);
                Configuration.SetPinFunction(rx.Number, DeviceFunction.COM2_RX);
            }
#endif
        }

        /// <summary>The speed-limit output on the board's pwm:speed_limit pin; null when the board has none.</summary>
        public IAnalogOutput OpenSpeedLimit()
        {
            BoardPin pin = _board.FindPin(PinRole.SpeedLimit);
            if (pin == null)
            {
                return null;
            }

#if ESP32
            Configuration.SetPinFunction(pin.Number, DeviceFunction.PWM1);
#endif
            return new PwmSpeedLimitOutput(pin.Number);
        }
    }
}
