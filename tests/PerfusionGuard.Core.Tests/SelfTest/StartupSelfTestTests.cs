using System.Collections.Generic;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Log;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Tests.Fakes;
using Xunit;

namespace PerfusionGuard.Tests.SelfTest
{
    /// <summary>
    /// The start-up self-test as a step machine on an injected clock (stepped every 100 µs, as the
    /// start-up code does before the safety loop runs): the passing run and every failure it must catch.
    /// </summary>
    public class StartupSelfTestTests
    {
        private const long StepMicros = 100;

        private long _now = 2_000_000;
        private readonly FakeAirLatch _arterial;
        private readonly FakeAirLatch _cardioplegia;
        private readonly FakePumpEnable _pump = new();
        private readonly FakeChannel _pArterial = new(ChannelId.PArterial) { PressureMmHg = 3.0 };
        private readonly FakeChannel _pVenous = new(ChannelId.PVenous) { PressureMmHg = -5.0 };
        private readonly FakeChannel _level = new(ChannelId.LevelReservoir);
        private readonly FakeChannel _flow = new(ChannelId.FlowArterial);
        private readonly EventLog _log;

        public StartupSelfTestTests()
        {
            _arterial = new FakeAirLatch(ChannelId.BubbleArterial, () => _now);
            _cardioplegia = new FakeAirLatch(ChannelId.BubbleCardioplegia, () => _now);
            _log = new EventLog(new PowerCutStore(EventLog.RequiredBytes(200)), 200);
            Assert.True(_log.Open(_now));
        }

        private StartupSelfTest NewSelfTest(EventLog log = null, bool useLog = true) => new StartupSelfTest(
            new IAirLatchTestPort[] { _arterial, _cardioplegia }, _pump, _pump,
            new IChannel[] { _pArterial, _pVenous, _level, _flow }, useLog ? log ?? _log : null, null);

        private SelfTestOutcome RunToEnd(StartupSelfTest selfTest)
        {
            selfTest.Begin(_now);
            for (int i = 0; i < 100_000; i++)
            {
                _now += StepMicros;
                SelfTestOutcome outcome = selfTest.Step(_now);
                Assert.False(_pump.Commanded, "the pump-enable output was on during the self-test");
                if (outcome != SelfTestOutcome.Running)
                {
                    return outcome;
                }
            }

            throw new Xunit.Sdk.XunitException("self-test did not finish within 10 s");
        }

        private List<EventRecord> SelfTestRecords()
        {
            var list = new List<EventRecord>();
            for (int i = _log.Count - 1; i >= 0; i--)
            {
                if (_log.TryReadNewest(i, out var r) && r.Kind == EventKind.SelfTestResult)
                {
                    list.Add(r);
                }
            }

            return list;
        }

        private static void AssertSingleFailure(StartupSelfTest selfTest, SelfTestCheck check, string message)
        {
            Assert.False(selfTest.Passed);
            Assert.Equal(SelfTestOutcome.Failed, selfTest.Outcome);
            Assert.Equal(1, selfTest.FailureCount);
            Assert.Equal(check, selfTest.FailureAt(0).Check);
            Assert.Contains(message, selfTest.FailureAt(0).Message);
            Assert.Contains(message, selfTest.Summary);
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-001")]
        public void Healthy_board_passes_every_check_without_ever_enabling_the_pump_and_logs_each_result()
        {
            var selfTest = NewSelfTest();
            Assert.False(selfTest.Passed); // the pump stays blocked until the test has run
            Assert.Equal(SelfTestOutcome.Passed, RunToEnd(selfTest));
            Assert.True(selfTest.Passed);
            Assert.False(_pump.EverCommandedOn);
            Assert.Equal("self-test passed (9 checks)", selfTest.Summary);
            Assert.InRange(selfTest.DurationMicros, 200_000, 300_000);

            // Each detector: released, forced, latch tripped, released, reset pulse.
            Assert.Equal(new[] { "test_off", "test_on", "test_off", "reset_begin", "reset_end" }, _arterial.Actions);
            Assert.Equal(new[] { "test_off", "test_on", "test_off", "reset_begin", "reset_end" }, _cardioplegia.Actions);
            Assert.False(_arterial.IsLatchTripped());
            Assert.False(_arterial.TestInputOn);

            // The flow channel is not judged (not asked for); pressure and level are.
            Assert.Equal(0, _flow.Samples);
            Assert.True(_pArterial.Samples > 100);

            List<EventRecord> records = SelfTestRecords();
            Assert.Equal(10, records.Count); // 9 checks + overall
            Assert.All(records, r => Assert.Equal(1, r.NewValue));
            var trip = records.Find(r => r.Subject == (short)SelfTestCheck.AirLatchTrip && r.AuxValue == (int)ChannelId.BubbleArterial);
            Assert.InRange(trip.OldValue, 300, 400); // measured trip latency in µs
            Assert.Equal((short)SelfTestCheck.Overall, records[^1].Subject);
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-002")]
        public void Latch_that_does_not_trip_fails_naming_the_detector_and_the_other_detector_is_still_tested()
        {
            _arterial.NeverTrips = true;
            var selfTest = NewSelfTest();
            Assert.Equal(SelfTestOutcome.Failed, RunToEnd(selfTest));
            AssertSingleFailure(selfTest, SelfTestCheck.AirLatchTrip, "bubble_arterial: latch did not trip within 5 ms of the detector test");
            Assert.Equal((int)ChannelId.BubbleArterial, selfTest.FailureAt(0).Channel);
            Assert.False(_arterial.TestInputOn); // test input released after the failure
            Assert.Contains("test_on", _cardioplegia.Actions);
            Assert.False(_pump.EverCommandedOn);

            List<EventRecord> records = SelfTestRecords();
            Assert.Contains(records, r => r.Subject == (short)SelfTestCheck.AirLatchTrip && r.NewValue == 0 && r.AuxValue == (int)ChannelId.BubbleArterial);
            Assert.Equal(0, records[^1].NewValue); // overall: failed
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-002")]
        public void Latch_that_trips_later_than_5_ms_fails()
        {
            _cardioplegia.TripDelayMicros = 6_000;
            var selfTest = NewSelfTest();
            RunToEnd(selfTest);
            AssertSingleFailure(selfTest, SelfTestCheck.AirLatchTrip, "bubble_cardioplegia: latch did not trip within 5 ms");
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-002")]
        public void Latch_that_trips_within_5_ms_passes()
        {
            _cardioplegia.TripDelayMicros = 4_800;
            Assert.Equal(SelfTestOutcome.Passed, RunToEnd(NewSelfTest()));
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-003")]
        public void Latch_that_does_not_reset_after_the_test_fails()
        {
            _arterial.ResetBroken = true;
            var selfTest = NewSelfTest();
            RunToEnd(selfTest);
            AssertSingleFailure(selfTest, SelfTestCheck.AirLatchReset, "bubble_arterial: latch still reads tripped 5 ms after its reset");
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-003")]
        public void Detector_stuck_on_air_fails_before_the_test_because_its_latch_cannot_be_reset()
        {
            _cardioplegia.DetectorStuckOnAir = true;
            var selfTest = NewSelfTest();
            RunToEnd(selfTest);
            AssertSingleFailure(selfTest, SelfTestCheck.AirLatchInitialReset, "bubble_cardioplegia: latch reads tripped before the test and did not reset within 5 ms");
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-003")]
        public void Latch_left_tripped_by_the_previous_run_is_reset_first_and_then_tested()
        {
            var arterial = new FakeAirLatch(ChannelId.BubbleArterial, () => _now, initiallyTripped: true);
            var selfTest = new StartupSelfTest(new IAirLatchTestPort[] { arterial }, _pump, _pump, new IChannel[0], _log, null);
            Assert.Equal(SelfTestOutcome.Passed, RunToEnd(selfTest));
            Assert.Equal(new[] { "test_off", "reset_begin", "reset_end", "test_on", "test_off", "reset_begin", "reset_end" }, arterial.Actions);
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-004")]
        public void Pump_enable_readback_stuck_on_fails_and_the_output_is_only_ever_driven_off()
        {
            _pump.StuckOn = true;
            var selfTest = NewSelfTest();
            RunToEnd(selfTest);
            AssertSingleFailure(selfTest, SelfTestCheck.PumpEnableReadback, "pump enable: commanded OFF but the readback still reads ON after 5 ms");
            Assert.False(_pump.EverCommandedOn);
        }

        [Theory]
        [Trait("Requirement", "SAF-STT-005")]
        [InlineData(3.0, SensorQuality.Open, "p_venous: quality open (raw 1234 counts)")]
        [InlineData(3.0, SensorQuality.Stuck | SensorQuality.Noisy, "p_venous: quality stuck|noisy")]
        [InlineData(-400.0, SensorQuality.Good, "p_venous: reads -400.0 mmHg, outside the plausible -250..500 mmHg")]
        [InlineData(620.0, SensorQuality.Good, "p_venous: reads 620.0 mmHg")]
        public void Pressure_channel_not_good_or_implausible_fails_naming_the_channel(double mmHg, SensorQuality quality, string message)
        {
            _pVenous.PressureMmHg = mmHg;
            _pVenous.Quality = quality;
            var selfTest = NewSelfTest();
            RunToEnd(selfTest);
            AssertSingleFailure(selfTest, SelfTestCheck.PressurePlausible, message);
            Assert.Equal((int)ChannelId.PVenous, selfTest.FailureAt(0).Channel);
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-005")]
        public void Level_sensor_without_a_good_state_fails()
        {
            _level.Quality = SensorQuality.Disconnected;
            _level.Level = LevelState.Low;
            var selfTest = NewSelfTest();
            RunToEnd(selfTest);
            AssertSingleFailure(selfTest, SelfTestCheck.LevelState, "level_reservoir: no valid level state (quality disconnected)");
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-005")]
        public void Level_sensor_reading_low_with_good_quality_passes_because_it_reports_a_state()
        {
            _level.Level = LevelState.Low; // an empty reservoir before priming is a state, not a fault
            Assert.Equal(SelfTestOutcome.Passed, RunToEnd(NewSelfTest()));
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-006")]
        public void Event_log_not_open_fails()
        {
            var deadStore = new PowerCutStore(EventLog.RequiredBytes(10)) { WriteBudget = 0 };
            var deadLog = new EventLog(deadStore, 10);
            Assert.False(deadLog.Open(_now));
            var selfTest = NewSelfTest(deadLog);
            RunToEnd(selfTest);
            AssertSingleFailure(selfTest, SelfTestCheck.EventLogOpen, "event log: event log: store failed while opening");

            var withoutLog = NewSelfTest(useLog: false);
            RunToEnd(withoutLog);
            AssertSingleFailure(withoutLog, SelfTestCheck.EventLogOpen, "event log: no event log is configured");
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-007")]
        public void Several_failures_are_all_reported_and_a_rerun_after_repair_passes()
        {
            _arterial.NeverTrips = true;
            _pump.StuckOn = true;
            _pArterial.Quality = SensorQuality.Short;
            var selfTest = NewSelfTest();
            RunToEnd(selfTest);
            Assert.Equal(3, selfTest.FailureCount);
            Assert.Contains("(+2 more)", selfTest.Summary);
            Assert.Equal(SelfTestCheck.AirLatchTrip, selfTest.FailureAt(0).Check);
            Assert.Equal(SelfTestCheck.PumpEnableReadback, selfTest.FailureAt(1).Check);
            Assert.Equal(SelfTestCheck.PressurePlausible, selfTest.FailureAt(2).Check);

            _arterial.NeverTrips = false;
            _pump.StuckOn = false;
            _pArterial.Quality = SensorQuality.Good;
            Assert.Equal(SelfTestOutcome.Passed, RunToEnd(selfTest));
            Assert.Equal(0, selfTest.FailureCount);
        }
    }
}
