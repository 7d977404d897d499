using PerfusionGuard.Channels;

namespace PerfusionGuard.Boards
{
    /// <summary>Input bias a board asks the GPIO driver for.</summary>
    public enum PinPull : byte
    {
        /// <summary>No internal bias (external resistor or driven signal).</summary>
        None = 0,
        /// <summary>Internal pull-up.</summary>
        Up = 1,
        /// <summary>Internal pull-down.</summary>
        Down = 2,
    }

    /// <summary>One entry of a board's pin table: a pin number, what it does and how it is wired.</summary>
    public sealed class BoardPin
    {
        /// <summary>
        /// The pin number as nanoFramework's GpioController takes it: the GPIO number on ESP32,
        /// port × 16 + pin on STM32 (PC6 = 38), a free number on the virtual board.
        /// </summary>
        public int Number;

        /// <summary>How the pin was written in board.json ("32", "PC6"): used in messages.</summary>
        public string Label;

        /// <summary>The function as written ("in:latch_readback:bubble_arterial").</summary>
        public string Function;

        /// <summary>What the pin does.</summary>
        public PinRole Role;

        /// <summary>The channel the role belongs to, when <see cref="HasChannel"/>.</summary>
        public ChannelId Channel;

        /// <summary>True when the role is tied to a channel.</summary>
        public bool HasChannel;

        /// <summary>ADC channel number for <see cref="PinIo.Adc"/> pins (AdcController.OpenChannel), else -1.</summary>
        public int AdcChannel = -1;

        /// <summary>Internal bias for inputs.</summary>
        public PinPull Pull;

        /// <summary>True when the signal is active low (for example an open-collector level pad).</summary>
        public bool ActiveLow;

        /// <summary>Free text from board.json (connector, wire colour); may be null.</summary>
        public string Note;

        /// <summary>Electrical use of the pin.</summary>
        public PinIo Io => PinFunctions.IoOf(Role);
    }
}
