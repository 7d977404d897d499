using System;
using System.Collections.Generic;
using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Log;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Tests.Fakes;
using PerfusionGuard.Tests.Safety;
using Xunit;

namespace PerfusionGuard.Tests.Alarms
{
    /// <summary>
    /// The alarm manager, the self-test and the event log on the real kernel: the adult CPB profile's
    /// interlock supervisor inside the safety cycle, with the alarm manager as its cycle observer.
    /// </summary>
    public class AlarmKernelIntegrationTests
    {
        private const long Cycle = SafetyCycle.DevicePeriodMicros;

        private readonly InterlockSupervisor _supervisor;
        private readonly FakeEnableLine _enable = new();
        private readonly FakeWatchdog _watchdog = new();
        private readonly AlarmManager _alarms;
        private readonly AlarmSignal _signal;
        private readonly RecordingOutput _buzzer = new();
        private readonly SafetyCycle _cycle;
        private readonly AlarmTransitionRing _logSink = new(64);
        private readonly EventLog _log = new(new PowerCutStore(EventLog.RequiredBytes(200)), 200);
        private readonly Dictionary<ChannelId, FakeChannel> _channels = new();
        private long _now = 1_000_000;

        public AlarmKernelIntegrationTests()
        {
            CircuitProfile profile = ProfileCatalog.Get(CircuitKind.AdultCpb);
            _supervisor = new InterlockSupervisor(profile, new SafetyEventRing(256));
            var channels = new List<IChannel>();
            foreach (ChannelId id in profile.Channels)
            {
                var channel = new FakeChannel(id)
                {
                    PressureMmHg = CircuitBench.NominalPressureMmHg(id),
                    FlowLPerMin = CircuitBench.NominalFlowLPerMin(id),
                    Level = LevelState.Normal,
                };
                _channels[id] = channel;
                channels.Add(channel);
            }

            _signal = new AlarmSignal(_buzzer, new RecordingOutput(), new RecordingOutput(), null);
            _alarms = new AlarmManager(_supervisor, _signal);
            _alarms.AddSink(_logSink);
            _cycle = new SafetyCycle(channels.ToArray(), _supervisor, new PumpInterlock(_enable, _enable),
                new FakeDigitalInput(true), null, null, null, _watchdog, new ICycleObserver[] { _alarms }, Cycle);
            Assert.True(_log.Open(_now));
        }

        private void Run(long spanMicros)
        {
            long end = _now + spanMicros;
            while (_now < end)
            {
                _now += Cycle;
                _cycle.RunOnce(_now);
            }
        }

        private AlarmStatus Alarm(string alarmId) => _alarms.AlarmOfRule(_supervisor.FindRule(alarmId));

        private StartupSelfTest SelfTest(FakeAirLatch latch) => new StartupSelfTest(
            new IAirLatchTestPort[] { latch }, _enable, _enable, new IChannel[0], _log, null);

        private SelfTestOutcome RunSelfTest(StartupSelfTest selfTest)
        {
            selfTest.Begin(_now);
            SelfTestOutcome outcome;
            do
            {
                _now += 100;
                outcome = selfTest.Step(_now);
            }
            while (outcome == SelfTestOutcome.Running);

            return outcome;
        }

        [Fact]
        [Trait("Requirement", "SAF-STT-008")]
        public void Failed_self_test_keeps_the_pump_stopped_raises_a_technical_alarm_and_is_logged_until_a_passing_rerun()
        {
            var latch = new FakeAirLatch(ChannelId.BubbleArterial, () => _now) { NeverTrips = true };
            var selfTest = SelfTest(latch);
            Assert.Equal(SelfTestOutcome.Failed, RunSelfTest(selfTest));
            _cycle.SelfTestPassed = selfTest.Passed;
            Run(15 * 1_000_000);

            Assert.False(_enable.Driven);
            AlarmStatus alarm = Alarm("SELFTEST_FAILED");
            Assert.Equal(AlarmState.Active, alarm.State);
            Assert.True(alarm.Technical);
            Assert.Equal(AlarmPriority.High, _alarms.HighestAudiblePriority);
            Assert.Contains("bubble_arterial: latch did not trip within 5 ms", selfTest.Summary);

            var recorder = new EventRecorder(_log, _logSink, null);
            recorder.Pump(100);
            var formatter = new EventRecordFormatter(_supervisor);
            var lines = new List<string>();
            for (int i = _log.Count - 1; i >= 0; i--)
            {
                Assert.True(_log.TryReadNewest(i, out var r));
                lines.Add(formatter.FormatLine(r));
            }

            Assert.Contains(lines, l => l.Contains("selftest air_latch_trip bubble_arterial FAILED"));
            Assert.Contains(lines, l => l.Contains("alarm SELFTEST_FAILED inactive -> active (high, condition)"));

            // Repaired: a passing re-run lets the pump run and the alarm clears by itself.
            latch.NeverTrips = false;
            Assert.Equal(SelfTestOutcome.Passed, RunSelfTest(selfTest));
            _cycle.SelfTestPassed = selfTest.Passed;
            Run(1_000_000);
            Assert.True(_enable.Driven);
            Assert.Equal(AlarmState.Inactive, Alarm("SELFTEST_FAILED").State);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-005")]
        [Trait("Requirement", "SAF-ALM-008")]
        public void Stalled_cycle_raises_a_technical_alarm_on_the_next_cycle_without_feeding_the_watchdog_and_only_a_local_reset_clears_it()
        {
            _cycle.SelfTestPassed = true;
            Run(15 * 1_000_000);
            Assert.True(_enable.Driven);
            Assert.Equal(0, _alarms.ActiveCount);

            // The loop stalls for 40 ms: the next cycle flags the overrun.
            long feeds = _watchdog.FeedCount;
            _now += 4 * Cycle;
            _cycle.RunOnce(_now);
            Assert.Equal(feeds, _watchdog.FeedCount);
            AlarmStatus overrun = Alarm("CYCLE_OVERRUN");
            Assert.Equal(AlarmState.Active, overrun.State);
            Assert.True(overrun.Technical);
            Assert.Equal(AlarmPriority.Medium, _alarms.HighestAudiblePriority);
            Assert.True(_buzzer.Level); // the medium burst starts at once

            // Back on time: fed again, and the alarm stays latched for the operator to see.
            Run(Cycle);
            Assert.Equal(feeds + 1, _watchdog.FeedCount);
            Run(10 * 1_000_000);
            Assert.Equal(AlarmState.Latched, Alarm("CYCLE_OVERRUN").State);

            // Nothing remote resets it.
            Assert.False(_supervisor.TryOperatorReset(_now, CommandSource.Remote));
            Assert.False(_alarms.Acknowledge(_now, CommandSource.Remote));
            Run(Cycle);
            Assert.Equal(AlarmState.Latched, Alarm("CYCLE_OVERRUN").State);

            // The local reset does.
            Assert.True(_supervisor.TryOperatorReset(_now, CommandSource.LocalPanel));
            Run(Cycle);
            Assert.Equal(AlarmState.Inactive, Alarm("CYCLE_OVERRUN").State);
            Assert.True(_alarms.History.TryPeekNewest(0, out var last));
            Assert.Equal(AlarmTransitionCause.Reset, last.Cause);
            Assert.Equal(AlarmPriority.None, _alarms.HighestAudiblePriority);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-003")]
        public void Air_alarm_latches_with_the_stop_and_clears_with_the_supervisors_local_reset()
        {
            _cycle.SelfTestPassed = true;
            Run(15 * 1_000_000);
            var arterial = FindChannel(ChannelId.BubbleArterial);
            arterial.AirPresent = true;
            arterial.LatchTripped = true;
            Run(Cycle);
            Assert.False(_enable.Driven);
            Assert.Equal(AlarmState.Active, Alarm("AIR_ARTERIAL").State);
            Assert.Equal(AlarmPriority.High, _alarms.HighestAudiblePriority);

            arterial.AirPresent = false;
            arterial.LatchTripped = false;
            Run(2 * 1_000_000);
            Assert.Equal(AlarmState.Latched, Alarm("AIR_ARTERIAL").State);
            Assert.False(_enable.Driven);

            Assert.True(_alarms.Acknowledge(_now, CommandSource.LocalPanel));
            Assert.True(_supervisor.TryOperatorReset(_now, CommandSource.LocalConsole));
            Run(Cycle);
            Assert.Equal(AlarmState.Inactive, Alarm("AIR_ARTERIAL").State);
            Assert.True(_enable.Driven);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-010")]
        public void Safety_cycle_with_the_alarm_manager_and_signal_allocates_nothing()
        {
            _cycle.SelfTestPassed = true;
            Run(15 * 1_000_000);
            var arterial = FindChannel(ChannelId.BubbleArterial);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < 5_000; k++)
            {
                arterial.AirPresent = k % 500 < 3;
                _now += k % 700 == 0 ? 3 * Cycle : Cycle;
                _cycle.RunOnce(_now);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.True(_logSink.RecordedCount > 10);
        }

        private FakeChannel FindChannel(ChannelId id) => _channels[id];
    }
}
