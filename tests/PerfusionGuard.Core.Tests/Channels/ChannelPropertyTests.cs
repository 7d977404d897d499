using System;
using FsCheck;
using FsCheck.Fluent;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Tests.Fakes;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.SensorChannels
{
    /// <summary>Invariants of the channels over random signals (FsCheck).</summary>
    public class ChannelPropertyTests
    {
        private const int AdcMax = 4095;

        [Fact]
        [Trait("Requirement", "SAF-CHN-005")]
        public void Any_valid_pressure_with_small_adc_noise_reads_Good_and_within_one_and_a_half_mmHg()
        {
            // SAF-CHN-005, SAF-CHN-006: noise of up to ±3 counts in any pattern never flags the
            // channel and never moves the reading by more than 1.5 mmHg (4.5 counts).
            Gen<int> pressure = Gen.Choose(-290, 790);
            Gen<int[]> noise = Gen.ArrayOf(Gen.Choose(-3, 3), 8);
            Prop.ForAll(pressure.ToArbitrary(), noise.ToArbitrary(), (mmHg, offsets) =>
            {
                var adc = new ScriptedAnalogInput(AdcMax).WithNoise(offsets);
                adc.SetVolts(PressureChannelTests.DatasheetVolts(mmHg));
                var channel = new PressureChannel(ChannelId.PArterial, adc, PressureChannelTests.TransducerCalibration(), PressureChannelConfig.Default(AdcMax));
                var inputs = new SafetyInputs();
                for (int i = 1; i <= 20; i++)
                {
                    channel.Sample(i * 10_000L, inputs);
                    if (channel.Last.Quality != SensorQuality.Good || Math.Abs(channel.Last.Pressure.MmHg - mmHg) > 1.5)
                    {
                        return false;
                    }
                }

                return true;
            }).QuickCheckThrowOnFailure();
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-001")]
        public void Any_signal_at_or_beyond_a_rail_is_flagged_within_two_cycles_whatever_came_before()
        {
            // SAF-CHN-001: any history of valid pressures, then any count in a rail band.
            Gen<int[]> history = Gen.ArrayOf(Gen.Choose(-290, 790));
            Gen<int> railCounts = Gen.OneOf(Gen.Choose(0, AdcMax * 5 / 100), Gen.Choose(AdcMax - AdcMax * 5 / 100, AdcMax));
            Prop.ForAll(history.ToArbitrary(), railCounts.ToArbitrary(), (pressures, rail) =>
            {
                var adc = new ScriptedAnalogInput(AdcMax).WithTypicalAdcNoise();
                var channel = new PressureChannel(ChannelId.PArterial, adc, PressureChannelTests.TransducerCalibration(), PressureChannelConfig.Default(AdcMax));
                var inputs = new SafetyInputs();
                long now = 0;
                foreach (int mmHg in pressures)
                {
                    adc.SetVolts(PressureChannelTests.DatasheetVolts(mmHg));
                    channel.Sample(now += 10_000, inputs);
                }

                adc.WithNoise(0);
                adc.Counts = rail;
                channel.Sample(now += 10_000, inputs);
                channel.Sample(now += 10_000, inputs);
                return (channel.Last.Quality & (SensorQuality.Open | SensorQuality.Short)) != 0;
            }).QuickCheckThrowOnFailure();
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-011")]
        public void Whatever_the_pads_did_before_a_low_pad_dry_for_the_debounce_time_means_Low()
        {
            // SAF-CHN-011, SAF-CHN-012: random pad histories (waves, loose pads); whenever the low
            // pad has been dry for 300 ms without a break, the state is Low.
            Gen<(bool alertWet, bool lowWet, int cycles)> step =
                from a in Gen.Elements(true, false)
                from l in Gen.Elements(true, false)
                from n in Gen.Choose(1, 60)
                select (a, l, n);
            Prop.ForAll(Gen.ArrayOf(step).ToArbitrary(), steps =>
            {
                var alert = new ScriptedDigitalInput(true);
                var low = new ScriptedDigitalInput(true);
                var channel = new ReservoirLevelChannel(alert, low, LevelSensorConfig.DefaultPads());
                var inputs = new SafetyInputs();
                long now = 0;
                long lowDrySince = -1;
                foreach (var (alertWet, lowWet, cycles) in steps)
                {
                    alert.High = alertWet;
                    low.High = lowWet;
                    for (int i = 0; i < cycles; i++)
                    {
                        now += 10_000;
                        channel.Sample(now, inputs);
                        if (lowWet)
                        {
                            lowDrySince = -1;
                        }
                        else if (lowDrySince < 0)
                        {
                            lowDrySince = now;
                        }

                        if (lowDrySince >= 0 && now - lowDrySince >= 300_000 && inputs.ReservoirLevel.State != LevelState.Low)
                        {
                            return false;
                        }
                    }
                }

                return true;
            }).QuickCheckThrowOnFailure();
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-010")]
        public void Microbubble_total_equals_the_edges_the_hardware_counted_and_the_rate_never_exceeds_the_last_61_seconds()
        {
            // SAF-CHN-010
            Gen<int[]> edgesPerSecond = Gen.ArrayOf(Gen.Choose(0, 50));
            Prop.ForAll(edgesPerSecond.ToArbitrary(), perSecond =>
            {
                var counter = new ScriptedEdgeCounter { Count = 77 };
                var channel = new AirDetectorChannel(ChannelId.BubbleArterial, new ScriptedDigitalInput(true), new ScriptedDigitalInput(true), counter, null, AirDetectorConfig.Default());
                var inputs = new SafetyInputs();
                long now = 0;
                long total = 0;
                channel.Sample(now, inputs);
                for (int s = 0; s < perSecond.Length; s++)
                {
                    counter.Count += perSecond[s];
                    total += perSecond[s];
                    for (int c = 0; c < 100; c++)
                    {
                        channel.Sample(now += 10_000, inputs);
                    }

                    long last61 = 0;
                    for (int k = Math.Max(0, s - 60); k <= s; k++)
                    {
                        last61 += perSecond[k];
                    }

                    AirSample sample = inputs.Air[(int)ChannelId.BubbleArterial];
                    if (sample.MicrobubbleCount != total || sample.MicrobubblesPerMinute > last61)
                    {
                        return false;
                    }
                }

                return true;
            }).QuickCheckThrowOnFailure();
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-014")]
        public void Any_calibration_values_round_trip_through_the_store_bit_for_bit()
        {
            // SAF-CHN-014
            Gen<double> finite = Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 997.0);
            Prop.ForAll(Gen.ArrayOf(finite, 2 * ChannelNames.Count).ToArbitrary(), values =>
            {
                var set = new CalibrationSet();
                for (int i = 0; i < ChannelNames.Count; i++)
                {
                    set.SetRaw((ChannelId)i, values[2 * i], values[2 * i + 1]);
                }

                var nv = new TearableNonVolatileStore();
                new CalibrationStore(nv).Save(set);
                var loaded = new CalibrationSet();
                return new CalibrationStore(nv).TryLoad(loaded, out _) && loaded.SameAs(set);
            }).QuickCheckThrowOnFailure();
        }
    }
}
