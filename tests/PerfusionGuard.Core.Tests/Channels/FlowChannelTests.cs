using System;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Tests.Fakes;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.SensorChannels
{
    /// <summary>
    /// Flow channel against a bidirectional ultrasonic flow meter: 0.5-4.5 V over -2..+8 L/min,
    /// 12-bit ADC at 5 V full scale. 1 count = 10 L/min / 3276 counts = 3.05 ml/min.
    /// </summary>
    public class FlowChannelTests
    {
        private const int AdcMax = 4095;
        private readonly ScriptedAnalogInput _adc = new ScriptedAnalogInput(AdcMax).WithTypicalAdcNoise();
        private readonly SafetyInputs _inputs = new SafetyInputs();
        private readonly FlowChannel _channel;
        private long _now;

        public FlowChannelTests()
        {
            _channel = new FlowChannel(ChannelId.FlowArterial, _adc, FlowChannelConfig.Default(AdcMax));
        }

        private static double DatasheetVolts(double lPerMin) => 0.5 + 4.0 * (lPerMin + 2.0) / 10.0;

        private FlowSample Cycle()
        {
            _now += 10_000;
            _channel.Sample(_now, _inputs);
            return _inputs.Flows[(int)ChannelId.FlowArterial];
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-015")]
        public void Transfer_function_run_backwards_reads_minus_2_to_8_l_per_min_within_10_ml_per_min()
        {
            // SAF-CHN-015: tolerance ±0.01 L/min (3 counts).
            for (double lPerMin = -2.0; lPerMin <= 8.0; lPerMin += 0.01)
            {
                _adc.SetVolts(DatasheetVolts(lPerMin));
                FlowSample s = Cycle();
                Assert.InRange(s.Flow.LPerMin, lPerMin - 0.01, lPerMin + 0.01);
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-015")]
        public void Backflow_of_a_slowed_centrifugal_pump_reads_negative_and_Good()
        {
            // SAF-CHN-015 (DOMAIN.md Pumps: retrograde flow when the pump slows).
            _adc.SetVolts(DatasheetVolts(4.5));
            for (int i = 0; i < 10; i++)
            {
                Cycle();
            }

            // pump slows over 1 s: flow falls from 4.5 to -0.8 L/min
            FlowSample s = default;
            for (int i = 0; i <= 100; i++)
            {
                _adc.SetVolts(DatasheetVolts(4.5 - 5.3 * i / 100.0));
                s = Cycle();
                Assert.Equal(SensorQuality.Good, s.Quality);
            }

            Assert.InRange(s.Flow.LPerMin, -0.81, -0.79);
        }

        [Theory]
        [Trait("Requirement", "SAF-CHN-001")]
        [InlineData(0, SensorQuality.Open)]
        [InlineData(4095, SensorQuality.Short)]
        public void Flow_meter_at_a_rail_is_flagged_within_two_cycles(int counts, SensorQuality expected)
        {
            // SAF-CHN-001
            _adc.SetVolts(DatasheetVolts(3));
            Cycle();
            _adc.Counts = counts;
            Cycle();
            Assert.Equal(expected, Cycle().Quality);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-003")]
        public void Flow_beyond_the_meter_range_is_OutOfRange()
        {
            // SAF-CHN-003: 4.7 V = +8.5 L/min on an 8 L/min meter.
            _adc.SetVolts(4.7);
            Cycle();
            Assert.Equal(SensorQuality.OutOfRange, Cycle().Quality);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-004")]
        public void Flow_jumping_between_1_and_7_l_per_min_every_cycle_is_RateImplausible()
        {
            // SAF-CHN-004: 600 L/min/s (limit 500), repeatedly.
            SensorQuality seen = SensorQuality.Good;
            for (int i = 0; i < 6; i++)
            {
                _adc.SetVolts(DatasheetVolts(i % 2 == 0 ? 1 : 7));
                seen |= Cycle().Quality;
            }

            Assert.True((seen & SensorQuality.RateImplausible) != 0);
        }

        [Fact]
        public void Zero_with_a_clamped_line_removes_the_offset()
        {
            _adc.SetVolts(DatasheetVolts(0.12));
            Cycle();
            _channel.SetCalibration(_channel.ZeroAtCurrent());
            Assert.InRange(Cycle().Flow.LPerMin, -0.005, 0.005);
        }
    }
}
