using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Tests.Fakes;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.SensorChannels
{
    /// <summary>Reservoir level: pads (active high, pulled low when loose) and a continuous sensor.</summary>
    public class ReservoirLevelChannelTests
    {
        private const long CycleMicros = 10_000;
        private const int AdcMax = 4095;
        private readonly ScriptedDigitalInput _alertPad = new ScriptedDigitalInput(high: true);
        private readonly ScriptedDigitalInput _lowPad = new ScriptedDigitalInput(high: true);
        private readonly SafetyInputs _inputs = new SafetyInputs();
        private long _now;

        private LevelSample Cycle(ReservoirLevelChannel channel)
        {
            _now += CycleMicros;
            channel.Sample(_now, _inputs);
            return _inputs.ReservoirLevel;
        }

        private LevelSample Run(ReservoirLevelChannel channel, long micros)
        {
            LevelSample s = default;
            long end = _now + micros;
            while (_now < end)
            {
                s = Cycle(channel);
            }

            return s;
        }

        private ReservoirLevelChannel TwoPads() => new ReservoirLevelChannel(_alertPad, _lowPad, LevelSensorConfig.DefaultPads());

        [Fact]
        [Trait("Requirement", "SAF-CHN-011")]
        public void Loose_single_pad_reads_as_no_liquid_and_goes_Low()
        {
            // SAF-CHN-011 (DOMAIN.md: a loose pad reads as "low" and stops the pump, 2011 recall).
            var channel = new ReservoirLevelChannel(null, _lowPad, LevelSensorConfig.DefaultPads());
            Assert.Equal(LevelState.Normal, Run(channel, 100_000).State);
            _lowPad.High = false;   // pad fell off the reservoir wall: input pulled to "dry"
            Assert.Equal(LevelState.Normal, Run(channel, 200_000).State);
            Assert.Equal(LevelState.Low, Run(channel, 110_000).State);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-011")]
        public void Loose_pads_read_Low_at_start_up()
        {
            // SAF-CHN-011: both pads unplugged from power-on.
            _alertPad.High = false;
            _lowPad.High = false;
            Assert.Equal(LevelState.Low, Cycle(TwoPads()).State);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-012")]
        public void Level_falling_past_both_pads_goes_Alert_then_Low_after_the_debounce()
        {
            // SAF-CHN-012
            var channel = TwoPads();
            Assert.Equal(LevelState.Normal, Run(channel, 50_000).State);
            _alertPad.High = false;
            Assert.Equal(LevelState.Normal, Run(channel, 290_000).State);
            Assert.Equal(LevelState.Alert, Run(channel, 20_000).State);
            _lowPad.High = false;
            Assert.Equal(LevelState.Alert, Run(channel, 290_000).State);
            Assert.Equal(LevelState.Low, Run(channel, 20_000).State);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-012")]
        public void A_wave_washing_over_the_alert_pad_does_not_flicker_the_state()
        {
            // SAF-CHN-012: the pad is wet and dry alternately for 100 ms each (a wave).
            var channel = TwoPads();
            Run(channel, 50_000);
            for (int i = 0; i < 30; i++)
            {
                _alertPad.High = i % 2 == 0;
                Assert.Equal(LevelState.Normal, Run(channel, 100_000).State);
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-012")]
        public void A_wave_at_the_low_pad_while_the_alert_pad_is_dry_still_reaches_Alert()
        {
            // SAF-CHN-012: raw state flips Alert/Low every 100 ms; "at least Alert" holds, so Alert comes.
            var channel = TwoPads();
            Run(channel, 50_000);
            _alertPad.High = false;
            LevelSample s = default;
            for (int i = 0; i < 4; i++)
            {
                _lowPad.High = i % 2 == 0;
                s = Run(channel, 100_000);
            }

            Assert.Equal(LevelState.Alert, s.State);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-012")]
        public void Recovery_from_Low_needs_the_pads_wet_for_a_full_second()
        {
            // SAF-CHN-012
            var channel = TwoPads();
            _alertPad.High = false;
            _lowPad.High = false;
            Run(channel, 50_000);
            _alertPad.High = true;
            _lowPad.High = true;
            Assert.Equal(LevelState.Low, Run(channel, 990_000).State);
            Assert.Equal(LevelState.Normal, Run(channel, 20_000).State);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-013")]
        public void Wet_alert_pad_over_a_dry_low_pad_is_inconsistent_Low_and_Disconnected()
        {
            // SAF-CHN-013: liquid at the upper pad but not the lower one is impossible: the low pad is loose.
            var channel = TwoPads();
            Run(channel, 50_000);
            _lowPad.High = false;
            LevelSample s = Run(channel, 310_000);
            Assert.Equal(LevelState.Low, s.State);
            Assert.Equal(SensorQuality.Disconnected, s.Quality);
            _lowPad.High = true;
            Assert.Equal(SensorQuality.Good, Cycle(channel).Quality);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-013")]
        public void Dry_alert_pad_over_a_wet_low_pad_is_the_normal_Alert_state()
        {
            // SAF-CHN-013: the consistent half-full case raises no quality flag.
            var channel = TwoPads();
            _alertPad.High = false;
            LevelSample s = Run(channel, 500_000);
            Assert.Equal(LevelState.Alert, s.State);
            Assert.Equal(SensorQuality.Good, s.Quality);
        }

        private (ReservoirLevelChannel channel, ScriptedAnalogInput adc, LevelSensorConfig config) Continuous()
        {
            var adc = new ScriptedAnalogInput(AdcMax).WithTypicalAdcNoise();
            var config = LevelSensorConfig.DefaultContinuous(AdcMax);
            return (new ReservoirLevelChannel(adc, config), adc, config);
        }

        private static void SetMl(ScriptedAnalogInput adc, LevelSensorConfig config, double ml) =>
            adc.Counts = (int)System.Math.Round(config.Calibration.ToCounts(Volume.FromMl(ml)));

        [Fact]
        [Trait("Requirement", "SAF-CHN-012")]
        public void Continuous_sensor_reads_volume_within_5_ml_across_the_reservoir()
        {
            // SAF-CHN-012: 0.5-4.5 V over 0-4000 ml: 1 count = 1.22 ml; tolerance ±5 ml.
            var (channel, adc, config) = Continuous();
            for (int ml = 0; ml <= 4000; ml += 10)
            {
                SetMl(adc, config, ml);
                LevelSample s = Cycle(channel);
                Assert.True(s.HasVolume);
                Assert.InRange(s.Volume.Ml, ml - 5.0, ml + 5.0);
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-012")]
        public void Continuous_level_goes_back_up_only_above_threshold_plus_hysteresis()
        {
            // SAF-CHN-012: alert 400 ml, low 200 ml, hysteresis 50 ml.
            var (channel, adc, config) = Continuous();
            SetMl(adc, config, 1500);
            Assert.Equal(LevelState.Normal, Run(channel, 100_000).State);
            SetMl(adc, config, 380);
            Assert.Equal(LevelState.Alert, Run(channel, 400_000).State);
            SetMl(adc, config, 190);
            Assert.Equal(LevelState.Low, Run(channel, 400_000).State);
            SetMl(adc, config, 230);                                      // above 200 but not 250
            Assert.Equal(LevelState.Low, Run(channel, 3_000_000).State);
            SetMl(adc, config, 270);                                      // above 250
            Assert.Equal(LevelState.Alert, Run(channel, 1_100_000).State);
            SetMl(adc, config, 420);                                      // above 400, not 450
            Assert.Equal(LevelState.Alert, Run(channel, 3_000_000).State);
            SetMl(adc, config, 460);
            Assert.Equal(LevelState.Normal, Run(channel, 1_100_000).State);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-012")]
        public void Sloshing_around_the_alert_threshold_does_not_flicker_the_continuous_state()
        {
            // SAF-CHN-012: ±30 ml waves around 400 ml every 100 ms.
            var (channel, adc, config) = Continuous();
            SetMl(adc, config, 500);
            Run(channel, 100_000);
            for (int i = 0; i < 30; i++)
            {
                SetMl(adc, config, i % 2 == 0 ? 370 : 430);
                Assert.Equal(LevelState.Normal, Run(channel, 100_000).State);
            }
        }

        [Theory]
        [Trait("Requirement", "SAF-CHN-001")]
        [InlineData(0, SensorQuality.Open)]
        [InlineData(4095, SensorQuality.Short)]
        public void Continuous_sensor_at_a_rail_is_flagged_and_reads_Low(int counts, SensorQuality expected)
        {
            // SAF-CHN-001, SAF-CHN-011: a broken level sensor is treated as an empty reservoir.
            var (channel, adc, config) = Continuous();
            SetMl(adc, config, 2000);
            Run(channel, 100_000);
            adc.Counts = counts;
            Assert.Equal(expected, Run(channel, 20_000).Quality);
            Assert.Equal(LevelState.Low, Run(channel, 300_000).State);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-006")]
        public void Continuous_sensor_without_calibration_is_Uncalibrated_and_Low()
        {
            // SAF-CHN-006
            var adc = new ScriptedAnalogInput(AdcMax, 2000).WithTypicalAdcNoise();
            var channel = new ReservoirLevelChannel(adc, new LevelSensorConfig { OpenRailCounts = 204, ShortRailCounts = 3891 });
            LevelSample s = Cycle(channel);
            Assert.Equal(SensorQuality.Uncalibrated, s.Quality);
            Assert.Equal(LevelState.Low, s.State);
        }
    }
}
