using PerfusionGuard.Channels;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Boards
{
    /// <summary>
    /// Every HAL port of a validated board, opened once at start-up from its pin table, for Main
    /// (device) or the emulator to hand to channels, the interlock and the alarm outputs. Per-channel
    /// ports live in arrays indexed by <see cref="ChannelId"/> (null where the board has none), so
    /// nothing is looked up or allocated in the safety cycle. PWM and UART pins are left to the
    /// platform layer (they need a pin-function mapping first on ESP32).
    /// </summary>
    public sealed class BoardPorts
    {
        /// <summary>Energize-to-run pump enable (SAF-BRD-002).</summary>
        public IDigitalOutput PumpEnable;
        /// <summary>Pump-enable line read back after the latch gate.</summary>
        public IDigitalInput PumpEnableReadback;
        /// <summary>Resets every hardware air latch.</summary>
        public IDigitalOutput LatchReset;
        /// <summary>Trips every hardware air latch.</summary>
        public IDigitalOutput SoftwareTrip;
        /// <summary>External watchdog feed.</summary>
        public IDigitalOutput WatchdogFeed;
        /// <summary>Line clamp (null when absent).</summary>
        public IDigitalOutput Clamp;
        /// <summary>Alarm sounder (null when absent).</summary>
        public IDigitalOutput Buzzer;
        /// <summary>High-priority alarm light (null when absent).</summary>
        public IDigitalOutput LedRed;
        /// <summary>Medium-priority alarm light (null when absent).</summary>
        public IDigitalOutput LedYellow;
        /// <summary>Low-priority alarm light (null when absent).</summary>
        public IDigitalOutput LedCyan;
        /// <summary>Guarded pump's running signal (null when absent).</summary>
        public IDigitalInput GuardedPumpRunning;
        /// <summary>Arterial pump's running signal (null when absent).</summary>
        public IDigitalInput ArterialPumpRunning;
        /// <summary>Local operator reset key (null when absent).</summary>
        public IDigitalInput ResetKey;
        /// <summary>Audio-pause key (null when absent).</summary>
        public IDigitalInput SilenceKey;
        /// <summary>Upper reservoir level pad (null when absent).</summary>
        public IDigitalInput LevelPadAlert;
        /// <summary>Lower reservoir level pad (null when absent).</summary>
        public IDigitalInput LevelPadStop;

        /// <summary>Analog sensor per channel.</summary>
        public readonly IAnalogInput[] Analog = new IAnalogInput[ChannelNames.Count];
        /// <summary>Air detector output per air channel.</summary>
        public readonly IDigitalInput[] AirDetector = new IDigitalInput[ChannelNames.Count];
        /// <summary>Hardware latch readback per air channel.</summary>
        public readonly IDigitalInput[] LatchReadback = new IDigitalInput[ChannelNames.Count];
        /// <summary>Detector test output per air channel.</summary>
        public readonly IDigitalOutput[] DetectorTest = new IDigitalOutput[ChannelNames.Count];
        /// <summary>Detector fault input per air channel.</summary>
        public readonly IDigitalInput[] DetectorFault = new IDigitalInput[ChannelNames.Count];
        /// <summary>Microbubble pulse counter per air channel.</summary>
        public readonly IEdgeCounter[] Microbubbles = new IEdgeCounter[ChannelNames.Count];

        /// <summary>
        /// Opens every pin of <paramref name="board"/> (which must have passed
        /// <see cref="BoardValidator"/>) through <paramref name="factory"/>, outputs first so that
        /// each is driven to its safe low level before any input is looked at.
        /// </summary>
        public static BoardPorts Open(BoardDefinition board, IBoardPortFactory factory)
        {
            BoardPorts ports = new BoardPorts();
            for (int pass = 0; pass < 2; pass++)
            {
                for (int i = 0; i < board.Pins.Length; i++)
                {
                    BoardPin pin = board.Pins[i];
                    bool output = pin.Io == PinIo.Out;
                    if ((pass == 0) == output)
                    {
                        ports.OpenOne(pin, factory);
                    }
                }
            }

            return ports;
        }

        private void OpenOne(BoardPin pin, IBoardPortFactory factory)
        {
            int c = (int)pin.Channel;
            switch (pin.Role)
            {
                case PinRole.Sensor: Analog[c] = factory.OpenAnalog(pin); break;
                case PinRole.AirDetector: AirDetector[c] = factory.OpenInput(pin); break;
                case PinRole.LatchReadback: LatchReadback[c] = factory.OpenInput(pin); break;
                case PinRole.DetectorTest: DetectorTest[c] = factory.OpenOutput(pin); break;
                case PinRole.DetectorFault: DetectorFault[c] = factory.OpenInput(pin); break;
                case PinRole.Microbubbles: Microbubbles[c] = factory.OpenCounter(pin); break;
                case PinRole.LatchReset: LatchReset = factory.OpenOutput(pin); break;
                case PinRole.SoftwareTrip: SoftwareTrip = factory.OpenOutput(pin); break;
                case PinRole.PumpEnable: PumpEnable = factory.OpenOutput(pin); break;
                case PinRole.PumpEnableReadback: PumpEnableReadback = factory.OpenInput(pin); break;
                case PinRole.LevelPadAlert: LevelPadAlert = factory.OpenInput(pin); break;
                case PinRole.LevelPadStop: LevelPadStop = factory.OpenInput(pin); break;
                case PinRole.GuardedPumpRunning: GuardedPumpRunning = factory.OpenInput(pin); break;
                case PinRole.ArterialPumpRunning: ArterialPumpRunning = factory.OpenInput(pin); break;
                case PinRole.Clamp: Clamp = factory.OpenOutput(pin); break;
                case PinRole.Buzzer: Buzzer = factory.OpenOutput(pin); break;
                case PinRole.LedRed: LedRed = factory.OpenOutput(pin); break;
                case PinRole.LedYellow: LedYellow = factory.OpenOutput(pin); break;
                case PinRole.LedCyan: LedCyan = factory.OpenOutput(pin); break;
                case PinRole.WatchdogFeed: WatchdogFeed = factory.OpenOutput(pin); break;
                case PinRole.ResetKey: ResetKey = factory.OpenInput(pin); break;
                case PinRole.SilenceKey: SilenceKey = factory.OpenInput(pin); break;
                default: break; // SpeedLimit (PWM), ConsoleTx/Rx (UART): opened by the platform layer.
            }
        }
    }
}
