namespace PerfusionGuard.Boards
{
    /// <summary>
    /// Electrical pin facts of each chip family, as tables the validator reads. Sources:
    /// ESP32 datasheet v4 (§2.2 pin description, §2.4 strapping pins), ESP32-S3 datasheet v1
    /// (§2.3, §3.3 strapping pins), and nanoFramework's own ADC channel numbering
    /// (NANO-PLATFORM.md; nf-interpreter targets/ESP32/_nanoCLR/System.Device.Adc/
    /// sys_dev_adc_native_System_Device_Adc_AdcChannel.cpp: channels below
    /// CONFIG_SOC_ADC_MAX_CHANNEL_NUM (10) are ADC1, 10 and up ADC2; and
    /// targets/ChibiOS/ST_STM32F769I_DISCOVERY/target_system_device_adc_config.cpp).
    /// </summary>
    public static class ChipPinRules
    {
        private static readonly int[] s_esp32Pins =
        {
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27,
            32, 33, 34, 35, 36, 37, 38, 39,
        };

        // ESP32: AdcController channel n → GPIO (-1: internal or none). 0-7 ADC1, 8 temperature,
        // 9 (Hall, gone in IDF 5), 10-19 ADC2.
        private static readonly int[] s_esp32AdcGpio = { 36, 37, 38, 39, 32, 33, 34, 35, -1, -1, 4, 0, 2, 15, 13, 12, 14, 27, 25, 26 };

        // ESP32-S3: ADC1 channels 0-9 are GPIO 1-10, ADC2 channels 0-9 (nanoFramework 10-19) GPIO 11-20.
        private static readonly int[] s_esp32S3AdcGpio = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 };

        // STM32F769I-DISCO as built by nanoFramework: PA6, PA4, PC2 (ADC1), PF10, PF8 (ADC3);
        // channels 5-7 are the internal temperature sensor, VREFINT and VBAT.
        private static readonly int[] s_stm32F769AdcGpio = { 6, 4, 34, 90, 88, -1, -1, -1 };

        /// <summary>True when <paramref name="pin"/> exists on the chip (any number on the virtual board).</summary>
        public static bool Exists(ChipFamily chip, int pin)
        {
            switch (chip)
            {
                case ChipFamily.Esp32:
                    return IndexOf(s_esp32Pins, pin) >= 0;
                case ChipFamily.Esp32S3:
                    return (pin >= 0 && pin <= 21) || (pin >= 26 && pin <= 48);
                case ChipFamily.Stm32F7:
                    return pin >= 0 && pin < 11 * 16; // ports A..K
                default:
                    return pin >= 0;
            }
        }

        /// <summary>
        /// Why a pin may not be used at all, or null when it may: the SPI flash / PSRAM pins and
        /// the UART of nanoFramework's debugger (COM1), the on-board Ethernet PHY.
        /// </summary>
        public static string ReservedReason(ChipFamily chip, int pin)
        {
            switch (chip)
            {
                case ChipFamily.Esp32:
                    if (pin >= 6 && pin <= 11)
                    {
                        return "is wired to the module's SPI flash (GPIO 6-11)";
                    }

                    if (pin == 1 || pin == 3)
                    {
                        return "is UART0, nanoFramework's debugger port COM1 (GPIO 1 and 3)";
                    }

                    return null;
                case ChipFamily.Esp32S3:
                    if (pin >= 26 && pin <= 32)
                    {
                        return "is wired to the module's SPI flash and PSRAM (GPIO 26-32)";
                    }

                    if (pin >= 33 && pin <= 37)
                    {
                        return "is used by octal PSRAM on ESP32-S3-WROOM-1 N8R8 modules (GPIO 33-37)";
                    }

                    if (pin == 43 || pin == 44)
                    {
                        return "is UART0, nanoFramework's debugger port COM1 (GPIO 43 and 44)";
                    }

                    return null;
                case ChipFamily.Stm32F7:
                    // STM32F769I-DISCO RMII to the LAN8742A PHY (UM2033): PA1, PA2, PA7, PC1, PC4,
                    // PC5, PG11, PG13, PG14.
                    if (pin == 1 || pin == 2 || pin == 7 || pin == 33 || pin == 36 || pin == 37 || pin == 107 || pin == 109 || pin == 110)
                    {
                        return "is wired to the on-board Ethernet PHY (RMII)";
                    }

                    return null;
                default:
                    return null;
            }
        }

        /// <summary>True when the pin can only be an input (ESP32 GPIO 34-39 have no output driver).</summary>
        public static bool IsInputOnly(ChipFamily chip, int pin)
        {
            return chip == ChipFamily.Esp32 && pin >= 34 && pin <= 39;
        }

        /// <summary>
        /// True for strapping pins: their level at reset selects boot mode, flash voltage or
        /// boot-log output, and an output load there can stop the board from booting or make the
        /// output glitch during reset. ESP32: GPIO 0, 2, 5, 12, 15. ESP32-S3: GPIO 0, 3, 45, 46.
        /// </summary>
        public static bool IsStrapping(ChipFamily chip, int pin)
        {
            switch (chip)
            {
                case ChipFamily.Esp32:
                    return pin == 0 || pin == 2 || pin == 5 || pin == 12 || pin == 15;
                case ChipFamily.Esp32S3:
                    return pin == 0 || pin == 3 || pin == 45 || pin == 46;
                default:
                    return false;
            }
        }

        /// <summary>The GPIO an ADC channel reads on this chip; -1 when the channel is internal or absent; any pin on the virtual board (returns -2).</summary>
        public static int AdcChannelGpio(ChipFamily chip, int adcChannel)
        {
            int[] table;
            switch (chip)
            {
                case ChipFamily.Esp32: table = s_esp32AdcGpio; break;
                case ChipFamily.Esp32S3: table = s_esp32S3AdcGpio; break;
                case ChipFamily.Stm32F7: table = s_stm32F769AdcGpio; break;
                default: return -2;
            }

            return adcChannel >= 0 && adcChannel < table.Length ? table[adcChannel] : -1;
        }

        /// <summary>The ADC channel that reads a GPIO, or -1 when the pin has no ADC input.</summary>
        public static int AdcChannelOfGpio(ChipFamily chip, int pin)
        {
            int[] table;
            switch (chip)
            {
                case ChipFamily.Esp32: table = s_esp32AdcGpio; break;
                case ChipFamily.Esp32S3: table = s_esp32S3AdcGpio; break;
                case ChipFamily.Stm32F7: table = s_stm32F769AdcGpio; break;
                default: return -1;
            }

            return IndexOf(table, pin);
        }

        /// <summary>True when the ADC channel belongs to ADC2, which the ESP32 Wi-Fi driver owns while Wi-Fi runs.</summary>
        public static bool IsAdc2(ChipFamily chip, int adcChannel)
        {
            return (chip == ChipFamily.Esp32 || chip == ChipFamily.Esp32S3) && adcChannel >= 10;
        }

        /// <summary>The ADC1 pins of the chip, for advice in messages.</summary>
        public static string Adc1PinList(ChipFamily chip)
        {
            switch (chip)
            {
                case ChipFamily.Esp32: return "32-39";
                case ChipFamily.Esp32S3: return "1-10";
                default: return "";
            }
        }

        /// <summary>True when the chip has hardware edge counters for count: pins (ESP32 PCNT, nanoFramework GpioPulseCounter).</summary>
        public static bool HasPulseCounter(ChipFamily chip)
        {
            return chip != ChipFamily.Stm32F7;
        }

        /// <summary>Number of ESP32 pulse-counter units nanoFramework can open (8 on ESP32, 4 on ESP32-S3); large on the virtual board.</summary>
        public static int PulseCounterUnits(ChipFamily chip)
        {
            switch (chip)
            {
                case ChipFamily.Esp32: return 8;
                case ChipFamily.Esp32S3: return 4;
                case ChipFamily.Stm32F7: return 0;
                default: return 64;
            }
        }

        /// <summary>
        /// Parses a pin as written in board.json: a number, or on STM32 a port pin such as "PC6",
        /// numbered port × 16 + pin as nanoFramework's GpioController expects (PC6 = 2 × 16 + 6 = 38).
        /// </summary>
        public static bool TryParsePinLabel(string label, out int pin)
        {
            pin = -1;
            if (label == null || label.Length < 3 || label.Length > 4 || label[0] != 'P')
            {
                return false;
            }

            char port = label[1];
            if (port < 'A' || port > 'K')
            {
                return false;
            }

            int number = 0;
            for (int i = 2; i < label.Length; i++)
            {
                char c = label[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                number = (number * 10) + (c - '0');
            }

            if (number > 15)
            {
                return false;
            }

            pin = ((port - 'A') * 16) + number;
            return true;
        }

        private static int IndexOf(int[] table, int value)
        {
            for (int i = 0; i < table.Length; i++)
            {
                if (table[i] == value)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
