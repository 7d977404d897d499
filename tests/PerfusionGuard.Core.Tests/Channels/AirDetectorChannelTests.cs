using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Tests.Fakes;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.SensorChannels
{
    /// <summary>
    /// Air detector channel with the default fail-safe polarities: detector low = air, latch
    /// readback low = tripped, fault ("ready") line low = fault.
    /// </summary>
    public class AirDetectorChannelTests
    {
        private const long CycleMicros = 10_000;
        private readonly ScriptedDigitalInput _detector = new ScriptedDigitalInput(high: true);
        private readonly ScriptedDigitalInput _latch = new ScriptedDigitalInput(high: true);
        private readonly ScriptedDigitalInput _ready = new ScriptedDigitalInput(high: true);
        private readonly ScriptedEdgeCounter _counter = new ScriptedEdgeCounter();
        private readonly SafetyInputs _inputs = new SafetyInputs();
        private readonly AirDetectorChannel _channel;
        private long _now;

        public AirDetectorChannelTests()
        {
            _channel = new AirDetectorChannel(ChannelId.BubbleArterial, _detector, _latch, _counter, _ready, AirDetectorConfig.Default());
        }

        private AirSample Cycle()
        {
            _now += CycleMicros;
            _channel.Sample(_now, _inputs);
            return _inputs.Air[(int)ChannelId.BubbleArterial];
        }

        private void AdvanceTo(long micros)
        {
            while (_now + CycleMicros <= micros)
            {
                Cycle();
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-007")]
        public void Air_at_the_detector_is_reported_in_the_same_cycle()
        {
            // SAF-CHN-007
            Assert.False(Cycle().AirPresent);
            _detector.High = false;
            _latch.High = false;
            AirSample s = Cycle();
            Assert.True(s.AirPresent);
            Assert.True(s.LatchTripped);
            Assert.Equal(SensorQuality.Good, s.Quality);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-007")]
        public void A_broken_detector_wire_reads_as_air_with_the_default_polarity()
        {
            // SAF-CHN-007: an open input pulled low = air (fail-safe).
            _detector.High = false;
            Assert.True(Cycle().AirPresent);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-007")]
        public void Active_high_detector_polarity_is_honoured()
        {
            var config = AirDetectorConfig.Default();
            config.DetectorAirActiveHigh = true;
            config.LatchTrippedActiveHigh = true;
            var channel = new AirDetectorChannel(ChannelId.BubbleReturn, _detector, _latch, null, null, config);
            _detector.High = true;
            _latch.High = true;
            channel.Sample(10_000, _inputs);
            Assert.True(_inputs.Air[(int)ChannelId.BubbleReturn].AirPresent);
            Assert.True(_inputs.Air[(int)ChannelId.BubbleReturn].LatchTripped);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-007")]
        public void Detector_fault_line_raises_Disconnected_after_two_cycles()
        {
            // SAF-CHN-007
            Cycle();
            _ready.High = false;
            Assert.Equal(SensorQuality.Good, Cycle().Quality);
            Assert.Equal(SensorQuality.Disconnected, Cycle().Quality);
            _ready.High = true;
            Assert.Equal(SensorQuality.Disconnected, Cycle().Quality);   // held while it settles
            for (int i = 0; i < 10; i++)
            {
                Cycle();
            }

            Assert.Equal(SensorQuality.Good, Cycle().Quality);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-008")]
        public void Air_without_a_tripped_latch_is_flagged_LatchDisagrees()
        {
            // SAF-CHN-008: the hardware stop path failed; the supervisor must stop by software.
            _detector.High = false;       // air
            _latch.High = true;           // latch still armed
            Assert.Equal(SensorQuality.Good, Cycle().Quality);    // one cycle of grace: air arrived between the reads
            Assert.Equal(SensorQuality.LatchDisagrees, Cycle().Quality);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-008")]
        public void A_latch_that_stays_tripped_after_the_air_passed_is_consistent()
        {
            // SAF-CHN-008: latched means latched; only air-without-trip is a disagreement.
            _detector.High = true;
            _latch.High = false;
            for (int i = 0; i < 10; i++)
            {
                AirSample s = Cycle();
                Assert.True(s.LatchTripped);
                Assert.False(s.AirPresent);
                Assert.Equal(SensorQuality.Good, s.Quality);
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-010")]
        public void Microbubbles_from_the_hardware_counter_give_count_volume_and_per_minute_rate()
        {
            // SAF-CHN-010: 120 microbubbles per minute (DOMAIN.md: hundreds to ~2000 per 10 min),
            // fed as 2 edges per second on the hardware counter.
            _counter.Count = 5_000;     // counter already ran before the channel started: baseline
            Cycle();
            for (int second = 1; second <= 90; second++)
            {
                _counter.Count += 2;
                AdvanceTo(second * 1_000_000L);
            }

            AirSample s = Cycle();
            Assert.Equal(180, s.MicrobubbleCount);
            Assert.InRange(s.MicrobubblesPerMinute, 118, 122);     // one-minute window, ±1 one-second bucket (2 bubbles)
            Assert.Equal(180 * AirDetectorConfig.SmallestCountedBubbleMicrolitres / 1000.0, s.MicrobubbleVolume.Ml, 9);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-010")]
        public void Microbubble_rate_falls_back_to_zero_a_minute_after_the_shower_ends()
        {
            // SAF-CHN-010: a shower of 300 bubbles in 10 s, then nothing.
            Cycle();
            for (int second = 1; second <= 10; second++)
            {
                _counter.Count += 30;
                AdvanceTo(second * 1_000_000L);
            }

            Assert.Equal(300, Cycle().MicrobubblesPerMinute);
            AdvanceTo(50_000_000);
            Assert.Equal(300, Cycle().MicrobubblesPerMinute);
            AdvanceTo(73_000_000);
            AirSample s = Cycle();
            Assert.Equal(0, s.MicrobubblesPerMinute);
            Assert.Equal(300, s.MicrobubbleCount);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-010")]
        public void Smallest_counted_bubble_volume_is_a_300_um_sphere_in_nanolitres()
        {
            // SAF-CHN-010: π/6·(300 µm)³ = 14.1 nl (DOMAIN.md: microbubbles > 300 µm, volumes of nanolitres).
            double sphereMicrolitres = System.Math.PI / 6.0 * System.Math.Pow(0.3, 3);  // mm³ = µl
            Assert.Equal(AirDetectorConfig.SmallestCountedBubbleMicrolitres, sphereMicrolitres, 4);
        }

        [Fact]
        public void Counter_restart_keeps_the_total_monotonic()
        {
            _counter.Count = 100;
            Cycle();
            _counter.Count = 150;
            Assert.Equal(50, Cycle().MicrobubbleCount);
            _counter.Count = 3;            // peripheral reset
            Assert.Equal(50, Cycle().MicrobubbleCount);
            _counter.Count = 10;
            Assert.Equal(57, Cycle().MicrobubbleCount);
        }

        [Fact]
        public void Detector_without_microbubble_output_reports_zero_bubbles()
        {
            var channel = new AirDetectorChannel(ChannelId.BubbleCardioplegia, _detector, _latch, null, null, AirDetectorConfig.Default());
            channel.Sample(10_000, _inputs);
            Assert.Equal(0, _inputs.Air[(int)ChannelId.BubbleCardioplegia].MicrobubbleCount);
            Assert.False(channel.CountsMicrobubbles);
        }

        [Fact]
        public void Missing_latch_readback_is_refused_at_construction_with_a_clear_message()
        {
            var ex = Assert.Throws<System.ArgumentNullException>(() =>
                new AirDetectorChannel(ChannelId.BubbleArterial, _detector, null, null, null, AirDetectorConfig.Default()));
            Assert.Contains("bubble_arterial", ex.Message);
            Assert.Contains("latch", ex.Message);
        }
    }
}
