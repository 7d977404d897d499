using System.Collections.Generic;
using PerfusionGuard.Channels;
using PerfusionGuard.Emulator.Board;
using PerfusionGuard.Profiles;

namespace PerfusionGuard.Emulator.Firmware
{
    /// <summary>
    /// Where the emulator learns a circuit's channels (the kernel's profile catalog), the virtual
    /// board's line polarities (the channels' default air-detector configuration) and how to build
    /// the firmware under test.
    /// </summary>
    public static class ProfileSource
    {
        /// <summary>The channels of <paramref name="circuit"/>'s profile.</summary>
        public static ChannelId[] ChannelsOf(CircuitKind circuit) => ProfileCatalog.Get(circuit).Channels;

        /// <summary>The air-detector configuration the firmware uses on the virtual board.</summary>
        public static AirDetectorConfig AirConfig() => AirDetectorConfig.Default();

        /// <summary>The board's polarities, taken from the firmware's configuration so both agree.</summary>
        public static BoardWiring Wiring => BoardWiring.From(VirtualBoardFile.Load());

        public static IFirmwareHost CreateFirmware(VirtualBoard board, CircuitKind circuit) => new GuardModuleFirmwareHost(board, circuit);
    }
}
