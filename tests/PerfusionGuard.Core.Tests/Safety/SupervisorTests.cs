using System;
using System.Linq;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using Xunit;

namespace PerfusionGuard.Tests.Safety
{
    public class SupervisorTests
    {
        [Theory]
        [InlineData(CircuitKind.AdultCpb)]
        [InlineData(CircuitKind.PediatricCpb)]
        [InlineData(CircuitKind.Ecmo)]
        [InlineData(CircuitKind.CardioplegiaAntegrade)]
        [InlineData(CircuitKind.CardioplegiaRetrograde)]
        [InlineData(CircuitKind.Hemoperfusion)]
        [Trait("Requirement", "SAF-SUP-009")]
        public void A_nominal_running_circuit_raises_nothing_for_ten_minutes(CircuitKind kind)
        {
            var bench = new CircuitBench(kind);

            SafetyDecision decision = bench.Run(600_000_000);

            Assert.Equal(SafetyAction.None, decision.Action);
            Assert.True(decision.PumpEnable);
            Assert.Equal(1.0, decision.SpeedLimitFraction);
            Assert.False(decision.ClampClosed);
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-002")]
        public void The_most_severe_action_wins_and_names_its_rule()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.Inputs.ReservoirLevel.State = LevelState.Alert;   // alarm
            bench.SetPressure(ChannelId.PArterial, 300);            // servo speed limit 0.5
            Assert.Equal(SafetyAction.SpeedLimit, bench.Step().Action);
            Assert.Equal(bench.Rule("P_ARTERIAL_SERVO"), bench.Decision.CauseRuleIndex);

            bench.Inputs.ReservoirLevel.State = LevelState.Low;     // stop
            Assert.Equal(SafetyAction.Stop, bench.Step().Action);
            Assert.Equal(bench.Rule("LVL_LOW"), bench.Decision.CauseRuleIndex);
            Assert.Equal(0.5, bench.Decision.SpeedLimitFraction, 6); // the servo still reports its limit

            bench.SetAir(ChannelId.BubbleArterial, true, true);      // latched stop
            Assert.Equal(SafetyAction.LatchedStop, bench.Step().Action);
            Assert.Equal(bench.Rule("AIR_ARTERIAL"), bench.Decision.CauseRuleIndex);
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-002")]
        public void Actions_are_ordered_none_advisory_alarm_speed_limit_stop_latched_stop()
        {
            Assert.True(SafetyAction.None < SafetyAction.Advisory);
            Assert.True(SafetyAction.Advisory < SafetyAction.Alarm);
            Assert.True(SafetyAction.Alarm < SafetyAction.SpeedLimit);
            Assert.True(SafetyAction.SpeedLimit < SafetyAction.Stop);
            Assert.True(SafetyAction.Stop < SafetyAction.LatchedStop);
            Assert.True(new SafetyDecision(SafetyAction.SpeedLimit, 0, 0.1, false).PumpEnable);
            Assert.False(new SafetyDecision(SafetyAction.Stop, 0, 1, false).PumpEnable);
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-003")]
        public void Remote_reset_of_a_latched_stop_is_refused_and_logged()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetAir(ChannelId.BubbleArterial, true, true);
            bench.Step();
            bench.SetAir(ChannelId.BubbleArterial, false, false);
            bench.Step();
            bench.DrainEvents();

            Assert.False(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.Remote));
            Assert.False(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.Firmware));

            Assert.Equal(SafetyAction.LatchedStop, bench.Step().Action);
            var refusals = bench.DrainEvents().Where(e => e.Kind == SafetyEventKind.CommandRefused).ToList();
            Assert.Equal(2, refusals.Count);
            Assert.Equal(CommandSource.Remote, refusals[0].Source);
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-003")]
        public void Local_reset_clears_only_the_latched_rules_whose_condition_has_gone()
        {
            var bench = new CircuitBench(CircuitKind.Ecmo).Started();
            bench.SetAir(ChannelId.BubbleArterial, true, true);
            bench.Step();
            bench.SetAir(ChannelId.BubbleArterial, false, false);
            bench.SetFlow(ChannelId.FlowArterial, -1.0); // backflow persists (latched, clamp)
            bench.Run(300_000);

            Assert.True(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.LocalConsole));
            bench.Step();

            Assert.False(bench.Status("AIR_ARTERIAL").InEffect);
            Assert.True(bench.Status("BACKFLOW_ARTERIAL").InEffect);
            Assert.True(bench.Decision.ClampClosed);
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-003")]
        public void Reset_with_nothing_latched_is_refused()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.DrainEvents();

            Assert.False(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.LocalPanel));
            Assert.Contains(bench.DrainEvents(), e => e.Kind == SafetyEventKind.CommandRefused);
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-004")]
        public void Override_downgrades_a_rule_to_advisory_and_expires_by_itself()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            int venousLow = bench.Rule("P_VENOUS_LOW");
            bench.SetPressure(ChannelId.PVenous, -170);
            Assert.Equal(SafetyAction.Alarm, bench.Run(600_000).Action);
            bench.DrainEvents();

            Assert.True(bench.Supervisor.TrySetOverride(venousLow, 60_000_000, bench.Now, CommandSource.LocalPanel));
            Assert.Equal(SafetyAction.Advisory, bench.Step().Action);
            Assert.True(bench.Supervisor.StatusAt(venousLow).Overridden);

            bench.Run(59_000_000);
            Assert.Equal(SafetyAction.Advisory, bench.Decision.Action);
            bench.Run(2_000_000);
            Assert.Equal(SafetyAction.Alarm, bench.Decision.Action);
            Assert.False(bench.Supervisor.StatusAt(venousLow).Overridden);

            var events = bench.DrainEvents();
            Assert.Contains(events, e => e.Kind == SafetyEventKind.OverrideStarted && e.RuleIndex == venousLow && e.Source == CommandSource.LocalPanel);
            Assert.Contains(events, e => e.Kind == SafetyEventKind.OverrideEnded && e.RuleIndex == venousLow && e.Source == CommandSource.Firmware);
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-004")]
        public void Override_is_refused_from_remote_for_too_long_or_for_a_non_overridable_rule()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            int level = bench.Rule("LVL_LOW");
            long max = bench.Supervisor.RuleAt(level).MaxOverrideMicros;
            bench.DrainEvents();

            Assert.False(bench.Supervisor.TrySetOverride(level, 1_000_000, bench.Now, CommandSource.Remote));
            Assert.False(bench.Supervisor.TrySetOverride(level, max + 1, bench.Now, CommandSource.LocalPanel));
            Assert.False(bench.Supervisor.TrySetOverride(level, 0, bench.Now, CommandSource.LocalPanel));
            Assert.False(bench.Supervisor.TrySetOverride(bench.Rule("P_ARTERIAL_STOP"), 1_000_000, bench.Now, CommandSource.LocalPanel));
            Assert.False(bench.Supervisor.TrySetOverride(bench.Rule("PUMP_OUTPUT_MISMATCH"), 1_000_000, bench.Now, CommandSource.LocalPanel));
            Assert.False(bench.Supervisor.TrySetOverride(999, 1_000_000, bench.Now, CommandSource.LocalPanel));

            Assert.Equal(6, bench.DrainEvents().Count(e => e.Kind == SafetyEventKind.CommandRefused));
            Assert.False(bench.Supervisor.StatusAt(level).Overridden);
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-004")]
        public void Override_can_be_ended_early_by_a_local_operator_only()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            int level = bench.Rule("LVL_LOW");
            bench.Inputs.ReservoirLevel.State = LevelState.Low;
            Assert.True(bench.Supervisor.TrySetOverride(level, 60_000_000, bench.Now, CommandSource.LocalPanel));
            Assert.True(bench.Step().PumpEnable);

            Assert.False(bench.Supervisor.TryClearOverride(level, bench.Now, CommandSource.Remote));
            Assert.True(bench.Step().PumpEnable);
            Assert.True(bench.Supervisor.TryClearOverride(level, bench.Now, CommandSource.LocalConsole));
            Assert.Equal(SafetyAction.Stop, bench.Step().Action);
            Assert.False(bench.Supervisor.TryClearOverride(level, bench.Now, CommandSource.LocalConsole)); // none running
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-007")]
        public void Every_state_change_is_recorded_as_an_event()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb);
            bench.Step();
            var start = bench.DrainEvents();
            Assert.Contains(start, e => e.Kind == SafetyEventKind.PumpEnabled); // first decision enables the pump

            int air = bench.Rule("AIR_ARTERIAL");
            bench.SetAir(ChannelId.BubbleArterial, true, true);
            bench.Step();
            long airAt = bench.Now;
            bench.SetAir(ChannelId.BubbleArterial, false, false);
            bench.Step();
            bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.LocalPanel);
            bench.Step();

            var events = bench.DrainEvents();
            var kinds = events.Select(e => e.Kind).ToList();
            Assert.Equal(new[]
            {
                SafetyEventKind.ConditionRaised, SafetyEventKind.PumpStopped, SafetyEventKind.ConditionCleared,
                SafetyEventKind.ConditionReset, SafetyEventKind.PumpEnabled,
            }, kinds);
            Assert.All(events.Take(4), e => Assert.Equal(air, e.RuleIndex));
            Assert.Equal(airAt, events[0].AtMicros);
            Assert.Equal(SafetyAction.LatchedStop, events[0].Action);
            Assert.Equal(CommandSource.LocalPanel, events[3].Source);
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-008")]
        public void Pump_is_blocked_until_the_self_test_has_passed_then_released_by_itself()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb);
            bench.Inputs.SelfTestPassed = false;

            SafetyDecision blocked = bench.Step();
            Assert.Equal(SafetyAction.Stop, blocked.Action);
            Assert.Equal(bench.Rule("SELFTEST_FAILED"), blocked.CauseRuleIndex);

            bench.Inputs.SelfTestPassed = true;
            Assert.True(bench.Step().PumpEnable);
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-001")]
        public void Before_the_first_update_the_decision_is_a_stop()
        {
            var supervisor = new InterlockSupervisor(ProfileCatalog.Get(CircuitKind.AdultCpb), new SafetyEventRing(16));

            Assert.False(supervisor.LastDecision.PumpEnable);
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-001")]
        public void Update_is_a_pure_step_two_supervisors_fed_the_same_inputs_decide_the_same()
        {
            var a = new CircuitBench(CircuitKind.Ecmo);
            var b = new CircuitBench(CircuitKind.Ecmo);
            var rng = new Random(7);
            for (int cycle = 0; cycle < 5000; cycle++)
            {
                double pArt = 150 + rng.NextDouble() * 300;
                double flow = -1 + rng.NextDouble() * 6;
                foreach (var bench in new[] { a, b })
                {
                    bench.SetPressure(ChannelId.PArterial, pArt);
                    bench.SetFlow(ChannelId.FlowArterial, flow);
                    bench.Step();
                }

                Assert.Equal(a.Decision.Action, b.Decision.Action);
                Assert.Equal(a.Decision.CauseRuleIndex, b.Decision.CauseRuleIndex);
                Assert.Equal(a.Decision.SpeedLimitFraction, b.Decision.SpeedLimitFraction);
                Assert.Equal(a.Decision.ClampClosed, b.Decision.ClampClosed);
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-004")]
        public void Supervisor_refuses_an_invalid_profile_with_the_validators_message()
        {
            CircuitProfile profile = ProfileCatalog.Get(CircuitKind.AdultCpb);
            profile.Rules.First(r => r.AlarmId == "P_ARTERIAL_STOP").PersistMicros = -1;

            var error = Assert.Throws<ArgumentException>(() => new InterlockSupervisor(profile, new SafetyEventRing(16)));
            Assert.Contains("P_ARTERIAL_STOP", error.Message);
            Assert.Contains("PersistMicros", error.Message);
        }

        [Fact]
        [Trait("Requirement", "SAF-CYC-002")]
        public void A_cycle_overrun_raises_a_technical_alarm_that_stays_until_reset()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.Inputs.CycleOverrun = true;
            Assert.Equal(SafetyAction.Alarm, bench.Step().Action);
            bench.Inputs.CycleOverrun = false;

            Assert.Equal(SafetyAction.Alarm, bench.Run(1_000_000).Action);
            Assert.True(bench.Status("CYCLE_OVERRUN").Latched);
            Assert.True(bench.Decision.PumpEnable);
            Assert.True(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.LocalPanel));
            Assert.Equal(SafetyAction.None, bench.Step().Action);
        }
    }
}
