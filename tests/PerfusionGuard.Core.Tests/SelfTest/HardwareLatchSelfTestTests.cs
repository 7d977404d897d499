using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Log;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Tests.Fakes;
using Xunit;

namespace PerfusionGuard.Tests.SelfTest
{
    /// <summary>
    /// The self-test through the channel layer's HardwareAirLatch on a simulated latch circuit wired
    /// with the board's default polarities (readback low = tripped, software trip = run permit).
    /// </summary>
    public class HardwareLatchSelfTestTests
    {
        private long _now = 1_000_000;
        private readonly SimulatedAirLatchCircuit _circuit = new();
        private readonly FakeEnableLine _enable = new();

        private StartupSelfTest NewSelfTest()
        {
            var config = new AirDetectorConfig();
            var latch = new HardwareAirLatch(_circuit.DetectorTest, _circuit.LatchReset, _circuit.SoftwareTrip, _circuit.LatchReadback, config);
            var log = new EventLog(new PowerCutStore(EventLog.RequiredBytes(50)), 50);
            Assert.True(log.Open(_now));
            var limits = new SelfTestLimits { LatchResetPulseMicros = config.ResetPulseMicros };
            return new StartupSelfTest(new IAirLatchTestPort[] { new HardwareAirLatchTestPort(ChannelId.BubbleReturn, latch) },
                _enable, _enable, new IChannel[0], log, limits);
        }

        private SelfTestOutcome Run(StartupSelfTest selfTest)
        {
            selfTest.Begin(_now);
            for (int i = 0; i < 10_000; i++)
            {
                _now += 500;
                SelfTestOutcome outcome = selfTest.Step(_now);
                if (outcome != SelfTestOutcome.Running)
                {
                    return outcome;
                }
            }

            throw new Xunit.Sdk.XunitException("self-test did not finish");
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-001")]
        public void Latch_that_powers_up_tripped_is_reset_then_tripped_by_the_detector_test_and_reset_again()
        {
            Assert.True(_circuit.Tripped);
            var selfTest = NewSelfTest();
            Assert.Equal(SelfTestOutcome.Passed, Run(selfTest));
            Assert.False(_circuit.Tripped);
            Assert.False(_circuit.DetectorTest.High);
            Assert.False(_circuit.LatchReset.High);
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-002")]
        public void Latch_circuit_that_ignores_air_fails_the_trip_check()
        {
            var selfTest = NewSelfTest();
            _circuit.LatchReset.Write(true);
            _circuit.LatchReset.Write(false); // clear the power-up trip first
            _circuit.TripBroken = true;
            Assert.Equal(SelfTestOutcome.Failed, Run(selfTest));
            Assert.Equal(SelfTestCheck.AirLatchTrip, selfTest.FailureAt(0).Check);
            Assert.StartsWith("bubble_return: latch did not trip within 5 ms", selfTest.FailureAt(0).Message);
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-003")]
        public void Latch_circuit_stuck_tripped_fails_before_the_test()
        {
            _circuit.ResetBroken = true;
            var selfTest = NewSelfTest();
            Assert.Equal(SelfTestOutcome.Failed, Run(selfTest));
            Assert.Equal(SelfTestCheck.AirLatchInitialReset, selfTest.FailureAt(0).Check);
        }

        [Fact]
        public void Adapter_refuses_a_channel_that_is_not_an_air_detector()
        {
            var latch = new HardwareAirLatch(_circuit.DetectorTest, _circuit.LatchReset, _circuit.SoftwareTrip, _circuit.LatchReadback, new AirDetectorConfig());
            var ex = Assert.Throws<System.ArgumentException>(() => new HardwareAirLatchTestPort(ChannelId.PArterial, latch));
            Assert.Contains("p_arterial is not an air detector channel", ex.Message);
        }
    }
}
