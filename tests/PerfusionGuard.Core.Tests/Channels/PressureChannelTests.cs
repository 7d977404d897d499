using System;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Tests.Fakes;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.SensorChannels
{
    /// <summary>
    /// Pressure channel against a datasheet-style transducer: 0.5-4.5 V ratiometric output over
    /// -300..+800 mmHg (DOMAIN.md Sensors), 5 V supply = ADC full scale, 12-bit ESP32 ADC
    /// (4095 counts). 1 mmHg = 4 V / 1100 mmHg = 3.64 mV = 2.98 counts.
    /// </summary>
    public class PressureChannelTests
    {
        private const int AdcMax = 4095;
        private const long CycleMicros = 10_000;

        private readonly ScriptedAnalogInput _adc = new ScriptedAnalogInput(AdcMax).WithTypicalAdcNoise();
        private readonly SafetyInputs _inputs = new SafetyInputs();
        private readonly PressureChannel _channel;
        private long _now;

        public PressureChannelTests()
        {
            _channel = new PressureChannel(ChannelId.PArterial, _adc, TransducerCalibration(), PressureChannelConfig.Default(AdcMax));
        }

        internal static PressureCalibration TransducerCalibration() =>
            PressureCalibration.FromRatiometric(AdcMax, 0.5 / 5.0, Pressure.FromMmHg(-300), 4.5 / 5.0, Pressure.FromMmHg(800));

        /// <summary>The transducer's output for a pressure, as the datasheet states it.</summary>
        internal static double DatasheetVolts(double mmHg) => 0.5 + 4.0 * (mmHg + 300.0) / 1100.0;

        private PressureSample Cycle()
        {
            _now += CycleMicros;
            _channel.Sample(_now, _inputs);
            return _inputs.Pressures[(int)ChannelId.PArterial];
        }

        private PressureSample Cycles(int n)
        {
            PressureSample s = default;
            for (int i = 0; i < n; i++)
            {
                s = Cycle();
            }

            return s;
        }

        private void Apply(double mmHg) => _adc.SetVolts(DatasheetVolts(mmHg));

        [Fact]
        [Trait("Requirement", "SAF-CHN-006")]
        public void Transfer_function_run_backwards_reads_every_pressure_from_minus_300_to_800_within_half_a_mmHg()
        {
            // SAF-CHN-006. Tolerance: ±0.5 mmHg = ±1.5 counts; quantisation alone is ±0.17 mmHg.
            double worst = 0;
            for (int mmHg = -300; mmHg <= 800; mmHg++)
            {
                Apply(mmHg);
                PressureSample s = Cycle();
                double error = Math.Abs(s.Pressure.MmHg - mmHg);
                worst = Math.Max(worst, error);
                Assert.True(error <= 0.5, $"{mmHg} mmHg read as {s.Pressure.MmHg:F2}");
            }

            Assert.True(worst > 0.0, "quantisation must show some error; a zero error means the test does not exercise the ADC");
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-006")]
        public void Full_sweep_of_valid_pressures_raises_no_quality_flag()
        {
            // SAF-CHN-006: a healthy transducer swept slowly across its whole range stays Good.
            for (int mmHg = -299; mmHg <= 799; mmHg++)
            {
                Apply(mmHg);
                Assert.Equal(SensorQuality.Good, Cycle().Quality);
            }
        }

        [Fact]
        public void Calibration_round_trips_counts_and_pressure()
        {
            PressureCalibration c = TransducerCalibration();
            Assert.Equal(409.5, c.ToCounts(Pressure.FromMmHg(-300)), 6);
            Assert.Equal(3685.5, c.ToCounts(Pressure.FromMmHg(800)), 6);
            Assert.Equal(123.4, c.ToPressure(c.ToCounts(Pressure.FromMmHg(123.4))).MmHg, 9);
            Assert.Equal(2.978, c.SpanCountsPerMmHg, 3);
        }

        [Theory]
        [Trait("Requirement", "SAF-CHN-001")]
        [InlineData(0.0)]   // broken wire, pulled to ground
        [InlineData(0.1)]   // leakage on an open input
        [InlineData(0.24)]  // just inside the open rail (0.25 V)
        public void Open_circuit_is_flagged_Open_within_two_cycles(double volts)
        {
            // SAF-CHN-001
            Apply(100);
            Cycles(5);
            _adc.SetVolts(volts);
            Assert.Equal(SensorQuality.Good, Cycle().Quality & SensorQuality.Open);
            Assert.True((Cycle().Quality & SensorQuality.Open) != 0, "open rail must be flagged on the second cycle");
        }

        [Theory]
        [Trait("Requirement", "SAF-CHN-001")]
        [InlineData(5.0)]
        [InlineData(4.8)]
        public void Short_to_supply_is_flagged_Short_within_two_cycles(double volts)
        {
            // SAF-CHN-001
            Apply(100);
            Cycles(5);
            _adc.SetVolts(volts);
            Cycle();
            PressureSample s = Cycle();
            Assert.True((s.Quality & SensorQuality.Short) != 0);
            Assert.True((s.Quality & SensorQuality.Stuck) == 0, "a rail is reported as Short, not Stuck");
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-001")]
        public void Rails_are_flagged_even_without_calibration()
        {
            // SAF-CHN-001: rails are judged on raw counts.
            var channel = new PressureChannel(ChannelId.PVenous, _adc, PressureCalibration.None, PressureChannelConfig.Default(AdcMax));
            _adc.Counts = 0;
            channel.Sample(10_000, _inputs);
            channel.Sample(20_000, _inputs);
            Assert.Equal(SensorQuality.Open | SensorQuality.Uncalibrated, _inputs.Pressures[(int)ChannelId.PVenous].Quality);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-001")]
        public void Intermittent_wire_keeps_the_flag_up_instead_of_flickering()
        {
            // SAF-CHN-001: a flapping contact (rail every other cycle) must stay flagged.
            Apply(100);
            Cycles(5);
            for (int i = 0; i < 40; i++)
            {
                _adc.Counts = i % 3 == 2 ? 1800 : 0;
                PressureSample s = Cycle();
                if (i >= 1)
                {
                    Assert.True((s.Quality & SensorQuality.Open) != 0, $"cycle {i}");
                }
            }

            // and clears after ten clean cycles
            Apply(100);
            Assert.True((Cycles(9).Quality & SensorQuality.Open) != 0);
            Assert.True((Cycles(2).Quality & SensorQuality.Open) == 0);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-001")]
        public void One_cycle_at_a_rail_is_a_glitch_and_does_not_alarm()
        {
            // SAF-CHN-001: set after 2 consecutive cycles, so one bad reading passes.
            Apply(100);
            Cycles(5);
            _adc.Counts = 0;
            Assert.True((Cycle().Quality & SensorQuality.Open) == 0);
            Apply(100);
            Assert.True((Cycles(20).Quality & SensorQuality.Open) == 0);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-002")]
        public void Bit_identical_raw_counts_for_more_than_ten_seconds_are_flagged_Stuck()
        {
            // SAF-CHN-002
            Apply(150);
            _adc.WithNoise(0);
            Assert.Equal(SensorQuality.Good, Cycles(1000).Quality);        // 10 s: not yet
            Assert.Equal(SensorQuality.Stuck, Cycles(2).Quality);          // > 10 s
            _adc.WithTypicalAdcNoise();
            Assert.Equal(SensorQuality.Good, Cycle().Quality);             // moves again: clears
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-002")]
        public void Quiet_but_valid_signal_with_adc_noise_is_never_flagged_Stuck()
        {
            // SAF-CHN-002: stopped pump, clamped line: constant pressure, but the ADC still flickers
            // by one count now and then.
            Apply(0);
            _adc.WithNoise(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1);
            for (int i = 0; i < 12_000; i++)
            {
                Assert.Equal(SensorQuality.Good, Cycle().Quality);
            }
        }

        [Theory]
        [Trait("Requirement", "SAF-CHN-003")]
        [InlineData(4.6)]   // 827 mmHg: above the transducer's 800 mmHg
        [InlineData(0.4)]   // -327 mmHg: below -300
        public void Reading_outside_the_transducer_range_is_flagged_OutOfRange(double volts)
        {
            // SAF-CHN-003
            Apply(100);
            Cycles(5);
            _adc.SetVolts(volts);
            Cycle();
            PressureSample s = Cycle();
            Assert.True((s.Quality & SensorQuality.OutOfRange) != 0, s.Quality.ToString());
            Assert.True((s.Quality & (SensorQuality.Open | SensorQuality.Short)) == 0);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-004")]
        public void Repeated_jumps_faster_than_the_circuit_allows_are_flagged_RateImplausible()
        {
            // SAF-CHN-004: a loose connector jumping 200 mmHg every other cycle (20,000 mmHg/s).
            Apply(100);
            Cycles(20);
            SensorQuality seen = SensorQuality.Good;
            for (int i = 0; i < 6; i++)
            {
                Apply(i % 2 == 0 ? 300 : 100);
                seen |= Cycle().Quality;
            }

            Assert.True((seen & SensorQuality.RateImplausible) != 0);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-004")]
        public void A_real_occlusion_step_and_a_single_glitch_are_not_RateImplausible()
        {
            // SAF-CHN-004: one step of 250 mmHg (roller pump against a clamp) is physics...
            Apply(150);
            Cycles(20);
            Apply(400);
            PressureSample step = Cycle();
            Assert.Equal(400, step.Pressure.MmHg, 0);       // passed through at once, not held back
            Assert.Equal(SensorQuality.Good, Cycles(20).Quality & SensorQuality.RateImplausible);

            // ...and so is one spike out and back.
            Apply(800);
            Assert.Equal(SensorQuality.Good, Cycle().Quality & SensorQuality.RateImplausible);
            Apply(400);
            Assert.Equal(SensorQuality.Good, Cycles(20).Quality & SensorQuality.RateImplausible);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-004")]
        public void Pulsatile_arterial_pressure_is_not_RateImplausible()
        {
            // SAF-CHN-004: a roller pump's pulse, 60 mmHg peak-to-peak at 2 Hz.
            for (int i = 0; i < 2000; i++)
            {
                Apply(200 + 30 * Math.Sin(2 * Math.PI * 2.0 * i * CycleMicros / 1e6));
                Assert.Equal(SensorQuality.Good, Cycle().Quality);
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-005")]
        public void Spread_beyond_the_limit_within_readings_is_flagged_Noisy()
        {
            // SAF-CHN-005: mains hum on a loose shield, ±300 counts within one oversampled reading.
            Apply(100);
            Cycles(5);
            _adc.WithNoise(0, 300, -300, 250, -250, 300, -300, 0);
            Cycles(2);
            Assert.True((Cycle().Quality & SensorQuality.Noisy) != 0);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-005")]
        public void Typical_adc_noise_and_a_single_spike_conversion_are_not_Noisy()
        {
            // SAF-CHN-005: ESP32-like noise plus one 1000-count spike per reading (trimmed away).
            Apply(100);
            _adc.WithNoise(0, 3, -4, 1000, 2, -3, 4, -1);
            for (int i = 0; i < 500; i++)
            {
                PressureSample s = Cycle();
                Assert.Equal(SensorQuality.Good, s.Quality);
                Assert.Equal(100, s.Pressure.MmHg, 0);
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-006")]
        public void Channel_without_a_valid_calibration_is_flagged_Uncalibrated()
        {
            // SAF-CHN-006
            Apply(100);
            _channel.SetCalibration(PressureCalibration.None);
            Assert.True((Cycle().Quality & SensorQuality.Uncalibrated) != 0);
            _channel.SetCalibration(new PressureCalibration(double.NaN, 3));
            Assert.True((Cycle().Quality & SensorQuality.Uncalibrated) != 0);
            _channel.SetCalibration(TransducerCalibration());
            Assert.Equal(SensorQuality.Good, Cycle().Quality);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-016")]
        public void Zero_to_atmosphere_takes_the_current_reading_as_zero_without_applying_it()
        {
            // SAF-CHN-016: the transducer drifted +2 mmHg (DOMAIN.md: ±2 mmHg over 3 h).
            Apply(2.0);
            Cycles(3);
            PressureCalibration zeroed = _channel.ZeroAtCurrent();
            Assert.Equal(2.0, _channel.Last.Pressure.MmHg, 0);    // not applied yet
            Assert.True(_channel.TryZeroAtCurrent(out PressureCalibration checkedZero, out string error), error);
            Assert.Equal(zeroed.ZeroOffsetCounts, checkedZero.ZeroOffsetCounts);
            _channel.SetCalibration(zeroed);
            Assert.InRange(Cycle().Pressure.MmHg, -0.5, 0.5);   // within ADC noise (1 count = 0.34 mmHg)
            Assert.Equal(SensorQuality.Good, _channel.Last.Quality);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-016")]
        public void Zero_is_refused_when_the_transducer_is_not_open_to_atmosphere_or_faulted()
        {
            // SAF-CHN-016
            Assert.False(_channel.TryZeroAtCurrent(out _, out string before));
            Assert.Contains("no reading", before);

            Apply(180);
            Cycles(3);
            Assert.False(_channel.TryZeroAtCurrent(out _, out string tooFar));
            Assert.Contains("open the transducer to atmosphere", tooFar);

            _adc.Counts = 0;
            Cycles(3);
            Assert.False(_channel.TryZeroAtCurrent(out _, out string open));
            Assert.Contains("open", open);
            Assert.Contains("p_arterial", open);
        }

        [Fact]
        public void Span_against_a_reference_column_reproduces_the_reference()
        {
            // A zero-only calibration with a wrong span (10 % low) is corrected at 200 mmHg.
            PressureCalibration nominal = TransducerCalibration();
            _channel.SetCalibration(new PressureCalibration(nominal.ZeroOffsetCounts, nominal.SpanCountsPerMmHg * 0.9));
            Apply(200);
            Cycles(3);
            PressureCalibration spanned = _channel.SpanAt(Pressure.FromMmHg(200));
            Assert.True(spanned.IsValid);
            _channel.SetCalibration(spanned);
            Assert.Equal(200.0, Cycle().Pressure.MmHg, 0);
            Assert.False(_channel.SpanAt(Pressure.FromMmHg(0.2)).IsValid);
        }

        [Fact]
        public void Two_point_calibration_with_equal_pressures_is_invalid()
        {
            Assert.False(PressureCalibration.FromTwoPoints(400, Pressure.Zero, 900, Pressure.Zero).IsValid);
            Assert.False(default(PressureCalibration).IsValid);
            Assert.True(PressureCalibration.FromTwoPoints(400, Pressure.Zero, 900, Pressure.FromMmHg(100)).IsValid);
        }

        [Fact]
        public void Sample_lands_in_the_slot_of_its_channel_only()
        {
            Apply(250);
            Cycle();
            Assert.Equal(250, _inputs.Pressures[(int)ChannelId.PArterial].Pressure.MmHg, 0);
            Assert.Equal(0, _inputs.Pressures[(int)ChannelId.PVenous].Pressure.MmHg);
            Assert.Equal(_channel.Last.RawCounts, _inputs.Pressures[(int)ChannelId.PArterial].RawCounts);
        }
    }
}
