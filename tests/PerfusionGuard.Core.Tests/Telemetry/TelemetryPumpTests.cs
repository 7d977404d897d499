using System.Linq;
using System.Text;
using PerfusionGuard.Alarms;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;
using Xunit;

namespace PerfusionGuard.Tests.Telemetry
{
    public class TelemetryPumpTests
    {
        private readonly TelemetrySession _session = new(2, 0, null);
        private readonly TelemetryOutbox _outbox = new();
        private readonly RecordingLink _link = new();
        private readonly ManualClock _clock = new();
        private readonly TelemetrySampler _sampler;
        private readonly TelemetryPump _pump;

        public TelemetryPumpTests()
        {
            _sampler = new TelemetrySampler(_outbox, _session, TelemetryFixtures.AdultCpbChannels, null, 1_000_000);
            _pump = new TelemetryPump(_outbox, _link, new TelemetryTopics("or3", "n1"), _session, _clock, Encoding.ASCII.GetBytes("{\"schema\":\"pg/v1\"}"));
        }

        [Fact]
        public void Data_frames_come_every_period_starting_with_the_first_cycle()
        {
            var inputs = TelemetryFixtures.TypicalInputs();
            for (long now = 0; now <= 3_000_000; now += 10_000)
            {
                _sampler.AfterCycle(now, inputs, default);
                _sampler.EnqueueDataFrames(); // the telemetry thread's half
            }

            Assert.Equal(4, _sampler.DataFramesSampled); // at 0, 1, 2 and 3 s
            Assert.Equal(4, _sampler.DataFramesEncoded);
            Assert.Equal(4, _outbox.Count);
        }

        [Fact]
        public void After_every_connect_state_online_and_meta_are_republished_retained_before_the_backlog()
        {
            _sampler.AfterCycle(0, TelemetryFixtures.TypicalInputs(), default);
            _sampler.EnqueueDataFrames();
            _link.Connect();
            _pump.PumpOnce(10);
            _link.Disconnect();
            _sampler.AfterCycle(1_000_000, TelemetryFixtures.TypicalInputs(), default);
            _sampler.EnqueueDataFrames();
            _link.Connect();
            _pump.PumpOnce(10);

            var topics = _link.Published.Select(p => p.Topic.Split('/').Last()).ToArray();
            Assert.Equal(new[] { "state", "meta", "data", "state", "meta", "data" }, topics);
            Assert.All(_link.Published.Where(p => p.Topic.EndsWith("/state") || p.Topic.EndsWith("/meta")), p => Assert.True(p.Retain));
            Assert.Equal("online", _link.On("state").First().GetProperty("state").GetString());
            Assert.Equal(2, _pump.Announcements);
        }

        [Fact]
        [Trait("Requirement", "SAF-TEL-004")]
        public void Nothing_is_sent_while_the_link_is_down_and_everything_in_order_when_it_returns()
        {
            // SAF-TEL-004: the sampler only enqueues; the pump sends, later, when the link is up.
            var inputs = TelemetryFixtures.TypicalInputs();
            _sampler.AfterCycle(0, inputs, default);
            _sampler.EnqueueDataFrames();
            _sampler.EnqueueAlarm(10, 10, "AIR_ARTERIAL", "active", AlarmPriority.High, false, "Air in arterial line", SafetyAction.LatchedStop);
            _sampler.EnqueueSafetyEvent(20, 10, SafetyEventKind.PumpStopped, -1, SafetyAction.LatchedStop, CommandSource.Firmware);
            _sampler.AfterCycle(1_000_000, inputs, default);
            _sampler.EnqueueDataFrames();
            Assert.Equal(0, _pump.PumpOnce(100));
            Assert.Empty(_link.Published);

            _link.Connect();
            Assert.Equal(4, _pump.PumpOnce(100));
            var leaves = _link.Published.Skip(2).Select(p => (p.Topic.Split('/').Last(), p.Qos)).ToArray();
            Assert.Equal(new[] { ("data", 0), ("alarm", 1), ("event", 1), ("data", 0) }, leaves);
        }

        [Fact]
        public void A_publish_the_broker_does_not_confirm_is_retried_after_reconnect_without_reordering()
        {
            _sampler.EnqueueAlarm(0, 0, "P_VENOUS_LOW", "active", AlarmPriority.Medium, false, null, SafetyAction.Alarm);
            _sampler.AfterCycle(0, TelemetryFixtures.TypicalInputs(), default);
            _sampler.EnqueueDataFrames();
            _link.Connect();
            _link.FailPublishes = true;
            Assert.Equal(0, _pump.PumpOnce(10));
            _link.FailPublishes = false;
            _link.Disconnect();
            _link.Connect();
            Assert.Equal(2, _pump.PumpOnce(10));
            Assert.Equal(new[] { "state", "meta", "alarm", "data" }, _link.Published.Select(p => p.Topic.Split('/').Last()).ToArray());
        }

        [Fact]
        public void Alarm_manager_transitions_become_alarm_messages_named_by_their_rule()
        {
            var rule = new PerfusionGuard.Profiles.ConditionRule { AlarmId = "AIR_ARTERIAL", Message = "Air in arterial line", Action = SafetyAction.LatchedStop };
            var monitor = new OneRuleMonitor(rule);
            var sampler = new TelemetrySampler(_outbox, _session, TelemetryFixtures.AdultCpbChannels, monitor, 1_000_000);
            var ring = new AlarmTransitionRing(8);
            var transition = new AlarmTransition { AtMicros = 5_000, AlarmIndex = 0, From = AlarmState.Inactive, To = AlarmState.Active, Priority = AlarmPriority.High, Cause = AlarmTransitionCause.Condition, Source = CommandSource.Firmware };
            ring.Record(ref transition);

            Assert.Equal(1, sampler.DrainAlarmTransitions(6_000, ring));
            _link.Connect();
            _pump.PumpOnce(10);
            var alarm = _link.On("alarm").Single();
            Assert.Equal("AIR_ARTERIAL", alarm.GetProperty("alarm").GetString());
            Assert.Equal("active", alarm.GetProperty("state").GetString());
            Assert.Equal("inactive", alarm.GetProperty("from").GetString());
            Assert.Equal("latched_stop", alarm.GetProperty("action").GetString());
            Assert.Equal("Air in arterial line", alarm.GetProperty("message").GetString());
        }

        private sealed class OneRuleMonitor : IConditionMonitor
        {
            private readonly PerfusionGuard.Profiles.ConditionRule _rule;

            public OneRuleMonitor(PerfusionGuard.Profiles.ConditionRule rule) => _rule = rule;

            public int RuleCount => 1;

            public PerfusionGuard.Profiles.ConditionRule RuleAt(int ruleIndex) => _rule;

            public ConditionStatus StatusAt(int ruleIndex) => default;
        }

        [Fact]
        [Trait("Requirement", "SAF-TEL-001")]
        public void The_telemetry_link_contract_can_only_publish_nothing_can_arrive_through_it()
        {
            // SAF-TEL-001: nothing arriving over MQTT can change safety state. The core's link contract has
            // no event, no subscribe and no method returning received data; the telemetry types hold safety
            // state only through read-only views (IConditionMonitor, inputs and decisions passed in or
            // copied by value into the sampler's own storage).
            var link = typeof(ITelemetryLink);
            Assert.Empty(link.GetEvents());
            Assert.DoesNotContain(link.GetMethods(), m => m.Name.Contains("Subscribe") || m.Name.Contains("Receive"));
            Assert.All(link.GetMethods().Where(m => !m.IsSpecialName), m => Assert.Equal(typeof(bool), m.ReturnType));

            var telemetryTypes = typeof(TelemetrySampler).Assembly.GetTypes().Where(t => t.Namespace == "PerfusionGuard.Telemetry");
            var fields = telemetryTypes.SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public));
            Assert.DoesNotContain(fields, f => f.FieldType.Namespace == "PerfusionGuard.Safety" && f.FieldType != typeof(IConditionMonitor) && !f.FieldType.IsValueType);

            // A handed-over data frame is a copy: what the cycle changes afterwards does not change it.
            var inputs = TelemetryFixtures.TypicalInputs();
            int arterial = (int)PerfusionGuard.Channels.ChannelId.PArterial;
            double before = inputs.Pressures[arterial].Pressure.MmHg;
            _sampler.AfterCycle(0, inputs, default);
            inputs.Pressures[arterial].Pressure = PerfusionGuard.Units.Pressure.FromMmHg(before + 100);
            DataFrameSample sample = _sampler.Handoff.Oldest();
            Assert.Equal(before, sample.Values[System.Array.IndexOf(TelemetryFixtures.AdultCpbChannels, PerfusionGuard.Channels.ChannelId.PArterial)]);
        }
    }
}
