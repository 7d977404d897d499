namespace PerfusionGuard.Boards
{
    /// <summary>The microcontroller family of a board; it decides which pin rules apply (<see cref="ChipPinRules"/>).</summary>
    public enum ChipFamily : byte
    {
        /// <summary>"esp32": ESP32 (ESP32-WROOM-32 and relatives).</summary>
        Esp32 = 0,
        /// <summary>"esp32s3": ESP32-S3.</summary>
        Esp32S3 = 1,
        /// <summary>"stm32f7": STM32F7 (STM32F769I-DISCO). Pins are numbered port × 16 + pin (PA0 = 0, PB0 = 16).</summary>
        Stm32F7 = 2,
        /// <summary>"virtual": the emulator's board; no electrical rules.</summary>
        Virtual = 3,
    }

    /// <summary>How the board reaches the telemetry broker.</summary>
    public enum NetworkKind : byte
    {
        /// <summary>"none": no network; telemetry is off.</summary>
        None = 0,
        /// <summary>"wifi": on-chip Wi-Fi (on ESP32 it takes ADC2 away, NANO-PLATFORM.md).</summary>
        Wifi = 1,
        /// <summary>"ethernet": wired Ethernet.</summary>
        Ethernet = 2,
        /// <summary>"host": the emulator's host network stack.</summary>
        Host = 3,
    }

    /// <summary>Name tables for <see cref="ChipFamily"/> and <see cref="NetworkKind"/> (Enum.ToString prints numbers on nanoFramework).</summary>
    public static class BoardNames
    {
        private static readonly string[] s_chips = { "esp32", "esp32s3", "stm32f7", "virtual" };
        private static readonly string[] s_networks = { "none", "wifi", "ethernet", "host" };

        /// <summary>The board.json spelling of a chip family.</summary>
        public static string NameOf(ChipFamily chip) => s_chips[(int)chip];

        /// <summary>The board.json spelling of a network kind.</summary>
        public static string NameOf(NetworkKind network) => s_networks[(int)network];

        /// <summary>Looks a chip family up by its board.json name.</summary>
        public static bool TryParseChip(string name, out ChipFamily chip)
        {
            for (int i = 0; i < s_chips.Length; i++)
            {
                if (s_chips[i] == name)
                {
                    chip = (ChipFamily)i;
                    return true;
                }
            }

            chip = ChipFamily.Virtual;
            return false;
        }

        /// <summary>Looks a network kind up by its board.json name.</summary>
        public static bool TryParseNetwork(string name, out NetworkKind network)
        {
            for (int i = 0; i < s_networks.Length; i++)
            {
                if (s_networks[i] == name)
                {
                    network = (NetworkKind)i;
                    return true;
                }
            }

            network = NetworkKind.None;
            return false;
        }

        /// <summary>"esp32, esp32s3, stm32f7, virtual": for error messages.</summary>
        public static string ChipList() => "esp32, esp32s3, stm32f7, virtual";

        /// <summary>"none, wifi, ethernet, host": for error messages.</summary>
        public static string NetworkList() => "none, wifi, ethernet, host";
    }
}
