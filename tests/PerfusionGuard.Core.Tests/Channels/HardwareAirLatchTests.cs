using PerfusionGuard.Channels;
using PerfusionGuard.Tests.Fakes;
using Xunit;

namespace PerfusionGuard.Tests.SensorChannels
{
    /// <summary>Supervision of the hardware air latch against a simulated latch circuit.</summary>
    public class HardwareAirLatchTests
    {
        private readonly SimulatedAirLatchCircuit _circuit = new SimulatedAirLatchCircuit();
        private readonly HardwareAirLatch _latch;

        public HardwareAirLatchTests()
        {
            _latch = new HardwareAirLatch(_circuit.DetectorTest, _circuit.LatchReset, _circuit.SoftwareTrip, _circuit.LatchReadback, AirDetectorConfig.Default());
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-009")]
        public void Self_test_sequence_test_on_trips_reset_clears()
        {
            // SAF-CHN-009: the start-up self-test (DESIGN.md safety concept 1).
            long now = 0;
            Assert.True(_latch.IsTripped());            // powers up tripped
            _latch.Reset(now);
            now += 10_000;
            _latch.Step(now);
            Assert.False(_latch.ResetInProgress);
            Assert.False(_latch.IsTripped());

            _latch.SetDetectorTest(true);               // detector test input forces "air"
            Assert.True(_latch.IsTripped());
            _latch.SetDetectorTest(false);
            Assert.True(_latch.IsTripped());            // latched: stays tripped after the air is gone

            _latch.Reset(now);
            Assert.True(_latch.ResetInProgress);
            _latch.Step(now + 5_000);
            Assert.True(_latch.ResetInProgress);        // the pulse lasts ResetPulseMicros (10 ms)
            _latch.Step(now + 10_000);
            Assert.False(_latch.ResetInProgress);
            Assert.False(_circuit.LatchReset.High);
            Assert.False(_latch.IsTripped());
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-009")]
        public void Software_trip_drops_the_latch_and_holds_until_reset()
        {
            // SAF-CHN-009
            _latch.BeginReset();
            _latch.EndReset();
            Assert.False(_latch.IsTripped());
            _latch.Trip();
            Assert.True(_latch.IsTripped());
            Assert.True(_latch.TripCommanded);
            Assert.False(_circuit.SoftwareTrip.High);   // run permit dropped (energize-to-run)
            _latch.BeginReset();
            _latch.EndReset();
            Assert.False(_latch.IsTripped());
            Assert.False(_latch.TripCommanded);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-009")]
        public void Reset_while_air_is_still_at_the_detector_leaves_the_latch_tripped()
        {
            // SAF-CHN-009: the hardware refuses to re-arm over air; the readback shows it.
            _circuit.AirAtDetector = true;
            _latch.Reset(0);
            _latch.Step(10_000);
            Assert.True(_latch.IsTripped());
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-009")]
        public void A_latch_that_never_trips_is_visible_in_the_readback()
        {
            // SAF-CHN-009: what the self-test must catch.
            _latch.Reset(0);
            _latch.Step(10_000);
            _circuit.TripBroken = true;
            _latch.SetDetectorTest(true);
            Assert.False(_latch.IsTripped());
        }

        [Fact]
        public void Outputs_start_at_their_idle_levels()
        {
            Assert.False(_circuit.DetectorTest.High);
            Assert.False(_circuit.LatchReset.High);
            Assert.True(_circuit.SoftwareTrip.High);
        }
    }
}
