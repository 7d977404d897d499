using PerfusionGuard.Channels;

namespace PerfusionGuard.Boards
{
    /// <summary>
    /// A board as data (boards/&lt;id&gt;/board.json): chip, network, console, the pin table with
    /// each pin's function and the default calibration of its analog channels. Loaded by
    /// <see cref="BoardLoader"/>, checked by <see cref="BoardValidator"/>; the device's Main and the
    /// emulator build their HAL from it. Like dotnet/iot's Board, it is the one place that knows
    /// which pin serves whom, so two functions cannot claim one pin (SAF-BRD-001).
    /// </summary>
    public sealed class BoardDefinition
    {
        /// <summary>Board id, the folder name ("esp32-devkitc").</summary>
        public string Id;

        /// <summary>Human name ("Espressif ESP32-DevKitC (ESP32-WROOM-32)").</summary>
        public string Name;

        /// <summary>Chip family; decides the pin rules.</summary>
        public ChipFamily Chip;

        /// <summary>nanoFramework firmware target to flash with nanoff ("ESP32_REV0"); null for the virtual board.</summary>
        public string NanoffTarget;

        /// <summary>Network used for telemetry.</summary>
        public NetworkKind Network;

        /// <summary>ADC resolution in bits (12 on ESP32 and STM32F7).</summary>
        public int AdcBits;

        /// <summary>Serial port of the console ("COM2"); null when the board has none.</summary>
        public string ConsolePort;

        /// <summary>Console baud rate.</summary>
        public int ConsoleBaud;

        /// <summary>Safety cycle period in microseconds (10 ms on device, DESIGN.md safety concept 2).</summary>
        public long CyclePeriodMicros;

        /// <summary>External watchdog timeout in microseconds; documentation for the wiring, checked against the cycle.</summary>
        public long WatchdogTimeoutMicros;

        /// <summary>The pin table in board.json order.</summary>
        public BoardPin[] Pins;

        /// <summary>Default calibrations, one per analog channel.</summary>
        public ChannelCalibration[] Calibrations;

        /// <summary>Largest raw ADC count, 2^AdcBits − 1.</summary>
        public int AdcMaxCounts => (1 << AdcBits) - 1;

        /// <summary>The first pin with this role (and channel, for channel roles); null when the board lacks it.</summary>
        public BoardPin FindPin(PinRole role, ChannelId channel)
        {
            for (int i = 0; i < Pins.Length; i++)
            {
                BoardPin pin = Pins[i];
                if (pin.Role == role && (!pin.HasChannel || pin.Channel == channel))
                {
                    return pin;
                }
            }

            return null;
        }

        /// <summary>The first pin with this role whatever its channel; null when the board lacks it.</summary>
        public BoardPin FindPin(PinRole role)
        {
            for (int i = 0; i < Pins.Length; i++)
            {
                if (Pins[i].Role == role)
                {
                    return Pins[i];
                }
            }

            return null;
        }

        /// <summary>The pin number of a role, or -1 when the board lacks it.</summary>
        public int PinNumberOf(PinRole role)
        {
            BoardPin pin = FindPin(role);
            return pin == null ? -1 : pin.Number;
        }

        /// <summary>The default calibration of a channel; null when the board has none.</summary>
        public ChannelCalibration FindCalibration(ChannelId channel)
        {
            for (int i = 0; i < Calibrations.Length; i++)
            {
                if (Calibrations[i].Channel == channel)
                {
                    return Calibrations[i];
                }
            }

            return null;
        }

        /// <summary>
        /// True when the board can provide a channel: a sensor pin for pressure and flow; the
        /// detector input and its latch readback for air; a continuous sensor or a pad for level.
        /// </summary>
        public bool Provides(ChannelId channel)
        {
            switch (ChannelNames.KindOf(channel))
            {
                case ChannelKind.Air:
                    return FindPin(PinRole.AirDetector, channel) != null && FindPin(PinRole.LatchReadback, channel) != null;
                case ChannelKind.Level:
                    return FindPin(PinRole.Sensor, channel) != null || FindPin(PinRole.LevelPadAlert) != null || FindPin(PinRole.LevelPadStop) != null;
                default:
                    return FindPin(PinRole.Sensor, channel) != null;
            }
        }
    }
}
