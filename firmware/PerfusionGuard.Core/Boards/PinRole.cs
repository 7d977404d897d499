using PerfusionGuard.Channels;

namespace PerfusionGuard.Boards
{
    /// <summary>How a pin is used electrically: the first word of a pin function ("out:pump_enable").</summary>
    public enum PinIo : byte
    {
        /// <summary>"adc": analog input through the ADC.</summary>
        Adc = 0,
        /// <summary>"in": digital input.</summary>
        In = 1,
        /// <summary>"out": digital output.</summary>
        Out = 2,
        /// <summary>"count": hardware edge counter input (ESP32 pulse counter).</summary>
        Count = 3,
        /// <summary>"pwm": PWM output.</summary>
        Pwm = 4,
        /// <summary>"uart": serial line (direction given by the role).</summary>
        Uart = 5,
    }

    /// <summary>What a pin does for PerfusionGuard: the rest of a pin function.</summary>
    public enum PinRole : byte
    {
        /// <summary>adc:&lt;channel&gt;: a pressure, flow or continuous level sensor.</summary>
        Sensor = 0,
        /// <summary>in:&lt;bubble channel&gt;: the air detector's digital "air" output.</summary>
        AirDetector = 1,
        /// <summary>in:detector_fault:&lt;bubble channel&gt;: the detector's fault output.</summary>
        DetectorFault = 2,
        /// <summary>in:latch_readback:&lt;bubble channel&gt;: the state of that detector's hardware latch.</summary>
        LatchReadback = 3,
        /// <summary>out:detector_test:&lt;bubble channel&gt;: the detector's test input (forces "air").</summary>
        DetectorTest = 4,
        /// <summary>count:microbubbles:&lt;bubble channel&gt;: the detector's microbubble pulse output.</summary>
        Microbubbles = 5,
        /// <summary>out:latch_reset: resets every hardware air latch (local operator reset).</summary>
        LatchReset = 6,
        /// <summary>out:software_trip: trips every hardware air latch from firmware.</summary>
        SoftwareTrip = 7,
        /// <summary>out:pump_enable: the energize-to-run pump-enable line (through the latches).</summary>
        PumpEnable = 8,
        /// <summary>in:pump_enable_readback: the pump-enable line as the relay sees it.</summary>
        PumpEnableReadback = 9,
        /// <summary>in:level_pad_alert: upper reservoir level pad (liquid present).</summary>
        LevelPadAlert = 10,
        /// <summary>in:level_pad_stop: lower reservoir level pad (liquid present).</summary>
        LevelPadStop = 11,
        /// <summary>in:guarded_pump_running: the guarded pump's running signal.</summary>
        GuardedPumpRunning = 12,
        /// <summary>in:arterial_pump_running: the arterial pump's running signal (cross-pump rules).</summary>
        ArterialPumpRunning = 13,
        /// <summary>pwm:speed_limit: speed-limit output to the pump controller.</summary>
        SpeedLimit = 14,
        /// <summary>out:clamp: the line clamp (energize-to-open).</summary>
        Clamp = 15,
        /// <summary>out:buzzer: the alarm sounder.</summary>
        Buzzer = 16,
        /// <summary>out:led_red: high-priority alarm light.</summary>
        LedRed = 17,
        /// <summary>out:led_yellow: medium-priority alarm light.</summary>
        LedYellow = 18,
        /// <summary>out:led_cyan: low-priority alarm light (IEC 60601-1-8 colour).</summary>
        LedCyan = 19,
        /// <summary>out:watchdog_feed: the external watchdog's feed input, toggled after each complete cycle.</summary>
        WatchdogFeed = 20,
        /// <summary>in:reset_key: the local operator reset key.</summary>
        ResetKey = 21,
        /// <summary>in:silence_key: the alarm audio-pause key.</summary>
        SilenceKey = 22,
        /// <summary>uart:console_tx: serial console transmit.</summary>
        ConsoleTx = 23,
        /// <summary>uart:console_rx: serial console receive.</summary>
        ConsoleRx = 24,
    }

    /// <summary>
    /// The vocabulary of pin functions in board.json (boards/README.md): "io:role[:channel]".
    /// Two short forms name a channel directly: "adc:p_arterial" (a sensor) and
    /// "in:bubble_arterial" (an air detector's output).
    /// </summary>
    public static class PinFunctions
    {
        private const int NoChannel = -1;
        private const int AnyAirChannel = -2;

        // One row per role: io, role word, and which channel the role names (NoChannel, AnyAirChannel,
        // or a fixed channel it implies). Sensor and AirDetector use the short forms.
        private static readonly PinIo[] s_io =
        {
            PinIo.Adc, PinIo.In, PinIo.In, PinIo.In, PinIo.Out, PinIo.Count, PinIo.Out, PinIo.Out,
            PinIo.Out, PinIo.In, PinIo.In, PinIo.In, PinIo.In, PinIo.In, PinIo.Pwm, PinIo.Out,
            PinIo.Out, PinIo.Out, PinIo.Out, PinIo.Out, PinIo.Out, PinIo.In, PinIo.In, PinIo.Uart, PinIo.Uart,
        };

        private static readonly string[] s_words =
        {
            "", "", "detector_fault", "latch_readback", "detector_test", "microbubbles", "latch_reset", "software_trip",
            "pump_enable", "pump_enable_readback", "level_pad_alert", "level_pad_stop", "guarded_pump_running",
            "arterial_pump_running", "speed_limit", "clamp", "buzzer", "led_red", "led_yellow", "led_cyan",
            "watchdog_feed", "reset_key", "silence_key", "console_tx", "console_rx",
        };

        private static readonly int[] s_channel =
        {
            NoChannel, AnyAirChannel, AnyAirChannel, AnyAirChannel, AnyAirChannel, AnyAirChannel, NoChannel, NoChannel,
            NoChannel, NoChannel, (int)ChannelId.LevelReservoir, (int)ChannelId.LevelReservoir, NoChannel,
            NoChannel, NoChannel, NoChannel, NoChannel, NoChannel, NoChannel, NoChannel,
            NoChannel, NoChannel, NoChannel, NoChannel, NoChannel,
        };

        private static readonly string[] s_ioWords = { "adc", "in", "out", "count", "pwm", "uart" };

        /// <summary>Number of <see cref="PinRole"/> values.</summary>
        public const int RoleCount = 25;

        /// <summary>The board.json word of an io kind ("out").</summary>
        public static string NameOf(PinIo io) => s_ioWords[(int)io];

        /// <summary>The electrical use a role needs.</summary>
        public static PinIo IoOf(PinRole role) => s_io[(int)role];

        /// <summary>True when the pin drives something (out, pwm, uart transmit): such pins must not be input-only or strapping pins.</summary>
        public static bool Drives(PinRole role) => s_io[(int)role] == PinIo.Out || s_io[(int)role] == PinIo.Pwm || role == PinRole.ConsoleTx;

        /// <summary>The function as written in board.json ("in:latch_readback:bubble_arterial").</summary>
        public static string Format(PinRole role, ChannelId channel, bool hasChannel)
        {
            string io = s_ioWords[(int)s_io[(int)role]];
            if (role == PinRole.Sensor || role == PinRole.AirDetector)
            {
                return io + ":" + ChannelNames.NameOf(channel);
            }

            if (s_channel[(int)role] == AnyAirChannel && hasChannel)
            {
                return io + ":" + s_words[(int)role] + ":" + ChannelNames.NameOf(channel);
            }

            return io + ":" + s_words[(int)role];
        }

        /// <summary>
        /// Parses a pin function. On success <paramref name="hasChannel"/> says whether the role
        /// is tied to a channel (given or implied). On failure <paramref name="error"/> says why.
        /// </summary>
        public static bool TryParse(string function, out PinRole role, out ChannelId channel, out bool hasChannel, out string error)
        {
            role = PinRole.Sensor;
            channel = ChannelId.PArterial;
            hasChannel = false;
            error = null;
            if (function == null || function.Length == 0)
            {
                error = "empty function";
                return false;
            }

            string[] parts = function.Split(':');
            int io = -1;
            for (int i = 0; i < s_ioWords.Length; i++)
            {
                if (s_ioWords[i] == parts[0])
                {
                    io = i;
                }
            }

            if (io < 0 || parts.Length < 2 || parts.Length > 3)
            {
                error = "function \"" + function + "\" is not io:role[:channel] with io one of adc, in, out, count, pwm, uart";
                return false;
            }

            // Short forms: adc:<channel>, in:<bubble channel>.
            ChannelId named;
            if (parts.Length == 2 && ChannelNames.TryParse(parts[1], out named))
            {
                ChannelKind kind = ChannelNames.KindOf(named);
                if (io == (int)PinIo.Adc && kind != ChannelKind.Air)
                {
                    role = PinRole.Sensor;
                    channel = named;
                    hasChannel = true;
                    return true;
                }

                if (io == (int)PinIo.In && kind == ChannelKind.Air)
                {
                    role = PinRole.AirDetector;
                    channel = named;
                    hasChannel = true;
                    return true;
                }

                error = "function \"" + function + "\": a " + KindWord(kind) + " channel cannot be read through " + parts[0]
                    + (kind == ChannelKind.Air ? " (air detectors are in:<channel>)" : " (analog sensors are adc:<channel>)");
                return false;
            }

            for (int r = 2; r < RoleCount; r++)
            {
                if (s_words[r] != parts[1])
                {
                    continue;
                }

                if ((int)s_io[r] != io)
                {
                    error = "function \"" + function + "\": " + parts[1] + " is " + s_ioWords[(int)s_io[r]] + ":" + parts[1] + ", not " + parts[0];
                    return false;
                }

                role = (PinRole)r;
                int channelRule = s_channel[r];
                if (channelRule == AnyAirChannel)
                {
                    if (parts.Length != 3 || !ChannelNames.TryParse(parts[2], out named) || ChannelNames.KindOf(named) != ChannelKind.Air)
                    {
                        error = "function \"" + function + "\": " + parts[1] + " needs an air detector channel, as in " + parts[0] + ":" + parts[1] + ":bubble_arterial";
                        return false;
                    }

                    channel = named;
                    hasChannel = true;
                    return true;
                }

                if (parts.Length == 3)
                {
                    error = "function \"" + function + "\": " + parts[1] + " takes no channel";
                    return false;
                }

                if (channelRule >= 0)
                {
                    channel = (ChannelId)channelRule;
                    hasChannel = true;
                }

                return true;
            }

            error = "function \"" + function + "\": unknown role or channel \"" + parts[1] + "\" (boards/README.md lists them)";
            return false;
        }

        private static string KindWord(ChannelKind kind)
        {
            switch (kind)
            {
                case ChannelKind.Pressure: return "pressure";
                case ChannelKind.Air: return "air";
                case ChannelKind.Level: return "level";
                default: return "flow";
            }
        }
    }
}
