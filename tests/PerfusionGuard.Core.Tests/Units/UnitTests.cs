using PerfusionGuard.Channels;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.Units
{
    public class UnitTests
    {
        [Fact]
        public void Flow_of_5_l_per_min_passes_0_083_ml_per_millisecond()
        {
            // DOMAIN.md: "Air passed per ms of stop delay at 5 L/min: 0.083 ml".
            Volume perMs = Flow.FromLPerMin(5.0).VolumeOver(Time.FromMillis(1));
            Assert.Equal(0.0833, perMs.Ml, 4);
        }

        [Fact]
        public void Pressure_converts_between_mmHg_and_kPa()
        {
            Assert.Equal(13.3322, Pressure.FromMmHg(100).KPa, 4);
            Assert.Equal(100.0, Pressure.FromKPa(13.3322387415).MmHg, 6);
        }

        [Fact]
        public void Units_print_with_fixed_decimals_and_unit()
        {
            Assert.Equal("251.0 mmHg", Pressure.FromMmHg(251).ToString());
            Assert.Equal("4.50 L/min", Flow.FromLPerMin(4.5).ToString());
            Assert.Equal("0.300 ml", Volume.FromMl(0.3).ToString());
        }

        [Theory]
        [InlineData("p_arterial", ChannelId.PArterial)]
        [InlineData("bubble_return", ChannelId.BubbleReturn)]
        [InlineData("flow_cardioplegia", ChannelId.FlowCardioplegia)]
        public void Channel_names_round_trip(string name, ChannelId id)
        {
            Assert.True(ChannelNames.TryParse(name, out ChannelId parsed));
            Assert.Equal(id, parsed);
            Assert.Equal(name, ChannelNames.NameOf(id));
        }

        [Fact]
        public void Unknown_channel_name_is_rejected()
        {
            Assert.False(ChannelNames.TryParse("p_nowhere", out _));
        }
    }
}
