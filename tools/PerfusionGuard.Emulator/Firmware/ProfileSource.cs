using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;

namespace PerfusionGuard.Emulator.Firmware
{
    /// <summary>
    /// Where the emulator learns a circuit's channels and rules: the kernel's profile catalog.
    /// </summary>
    public static class ProfileSource
    {
        /// <summary>The channels of <paramref name="circuit"/>'s profile.</summary>
        public static ChannelId[] ChannelsOf(CircuitKind circuit)
        {
            switch (circuit)
            {
                case CircuitKind.AdultCpb:
                case CircuitKind.PediatricCpb:
                    return new[] { ChannelId.PArterial, ChannelId.PVenous, ChannelId.PPostOxygenator, ChannelId.BubbleArterial, ChannelId.LevelReservoir, ChannelId.FlowArterial };
                case CircuitKind.Ecmo:
                    return new[] { ChannelId.PArterial, ChannelId.PVenous, ChannelId.PPostOxygenator, ChannelId.BubbleArterial, ChannelId.FlowArterial };
                case CircuitKind.CardioplegiaAntegrade:
                    return new[] { ChannelId.PCardioplegia, ChannelId.BubbleCardioplegia, ChannelId.FlowCardioplegia };
                case CircuitKind.CardioplegiaRetrograde:
                    return new[] { ChannelId.PCardioplegia, ChannelId.PCoronarySinus, ChannelId.BubbleCardioplegia, ChannelId.FlowCardioplegia };
                default:
                    return new[] { ChannelId.PVenous, ChannelId.PPreColumn, ChannelId.PReturn, ChannelId.BubbleReturn };
            }
        }
    }
}
