using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using Xunit;

namespace PerfusionGuard.Tests.Safety
{
    public class CrossPumpAndFlowTests
    {
        [Fact]
        [Trait("Requirement", "SAF-XPM-001")]
        public void Cardioplegia_pump_running_without_the_arterial_pump_is_a_latched_stop()
        {
            var bench = new CircuitBench(CircuitKind.CardioplegiaAntegrade).Started();
            bench.Inputs.ArterialPumpRunning = false;

            bench.Run(400_000);
            Assert.True(bench.Decision.PumpEnable); // status lines debounced 500 ms
            SafetyDecision decision = bench.Run(200_000);
            Assert.Equal(SafetyAction.LatchedStop, decision.Action);
            Assert.Equal(bench.Rule("CARDIOPLEGIA_WITHOUT_ARTERIAL"), decision.CauseRuleIndex);

            // The cardioplegia pump stops: the condition is gone but the stop holds until reset.
            bench.Inputs.GuardedPumpRunning = false;
            Assert.False(bench.Run(1_000_000).PumpEnable);
            bench.Inputs.ArterialPumpRunning = true;
            Assert.True(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.LocalPanel));
            Assert.True(bench.Step().PumpEnable);
        }

        [Fact]
        [Trait("Requirement", "SAF-XPM-001")]
        public void Arterial_pump_stopped_while_cardioplegia_pump_is_idle_is_no_condition()
        {
            var bench = new CircuitBench(CircuitKind.CardioplegiaAntegrade);
            bench.Inputs.GuardedPumpRunning = false;
            bench.Inputs.ArterialPumpRunning = false;

            Assert.True(bench.Run(5_000_000).PumpEnable);
        }

        [Fact]
        [Trait("Requirement", "SAF-XPM-002")]
        public void Cardioplegia_flow_not_below_arterial_flow_stops_the_cardioplegia_pump()
        {
            var bench = new CircuitBench(CircuitKind.CardioplegiaAntegrade).Started();
            bench.SetFlow(ChannelId.FlowArterial, 0.3);
            bench.SetFlow(ChannelId.FlowCardioplegia, 0.3);

            bench.Run(1_900_000);
            Assert.True(bench.Decision.PumpEnable);
            SafetyDecision decision = bench.Run(200_000);
            Assert.Equal(SafetyAction.Stop, decision.Action);
            Assert.Equal(bench.Rule("CARDIOPLEGIA_EXCEEDS_ARTERIAL"), decision.CauseRuleIndex);

            bench.SetFlow(ChannelId.FlowArterial, 4.0);
            Assert.True(bench.Step().PumpEnable);
        }

        [Fact]
        [Trait("Requirement", "SAF-XPM-002")]
        [Trait("Requirement", "SAF-FLT-001")]
        public void Faulted_arterial_flow_meter_counts_as_a_cross_pump_violation()
        {
            var bench = new CircuitBench(CircuitKind.CardioplegiaRetrograde).Started();
            bench.SetQuality(ChannelId.FlowArterial, SensorQuality.Open);

            Assert.Equal(SafetyAction.Stop, bench.Run(2_100_000).Action);
        }

        [Fact]
        [Trait("Requirement", "SAF-BKF-001")]
        public void Ecmo_backflow_closes_the_clamp_until_a_local_reset()
        {
            var bench = new CircuitBench(CircuitKind.Ecmo).Started();
            bench.SetFlow(ChannelId.FlowArterial, -0.5); // pump slowed below what holds the arterial pressure

            bench.Run(150_000);
            Assert.False(bench.Decision.ClampClosed);
            SafetyDecision decision = bench.Run(60_000);
            Assert.True(decision.ClampClosed);
            Assert.Equal(SafetyAction.Alarm, decision.Action);
            Assert.True(decision.PumpEnable); // stopping a centrifugal pump would make backflow worse

            bench.SetFlow(ChannelId.FlowArterial, 0.0); // clamped: no flow
            Assert.True(bench.Run(1_000_000).ClampClosed);
            Assert.False(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.Remote));
            Assert.True(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.LocalPanel));
            Assert.False(bench.Step().ClampClosed);
        }

        [Fact]
        [Trait("Requirement", "SAF-BKF-001")]
        public void Small_reverse_flow_within_the_limit_is_not_backflow()
        {
            var bench = new CircuitBench(CircuitKind.Ecmo).Started();
            bench.SetFlow(ChannelId.FlowArterial, -0.05); // meter noise around zero

            Assert.False(bench.Run(1_000_000).ClampClosed);
            Assert.False(bench.Status("BACKFLOW_ARTERIAL").Active);
        }

        [Fact]
        [Trait("Requirement", "SAF-BKF-002")]
        public void Low_arterial_flow_with_the_pump_running_alarms_after_5s()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetFlow(ChannelId.FlowArterial, 0.5);

            bench.Run(4_900_000);
            Assert.False(bench.Status("FLOW_ARTERIAL_LOW").Active);
            Assert.Equal(SafetyAction.Alarm, bench.Run(200_000).Action);

            bench.Inputs.GuardedPumpRunning = false; // pump stopped on purpose: no low-flow alarm
            bench.Step();
            Assert.False(bench.Status("FLOW_ARTERIAL_LOW").Active);
        }

        [Fact]
        [Trait("Requirement", "SAF-BKF-002")]
        [Trait("Requirement", "SAF-SUP-005")]
        public void Low_flow_is_not_armed_during_the_first_10s_after_pump_start()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb);
            bench.Inputs.GuardedPumpRunning = false;
            bench.SetFlow(ChannelId.FlowArterial, 0.0);
            bench.Step();
            bench.Inputs.GuardedPumpRunning = true; // ramping up

            bench.Run(9_900_000);
            Assert.False(bench.Status("FLOW_ARTERIAL_LOW").Active);
            bench.Run(5_200_000);
            Assert.True(bench.Status("FLOW_ARTERIAL_LOW").Active);
        }

        [Fact]
        [Trait("Requirement", "SAF-BKF-003")]
        public void Hemoperfusion_without_flow_for_120s_alarms_even_with_the_pump_stopped()
        {
            var bench = new CircuitBench(CircuitKind.Hemoperfusion).Started();
            bench.Inputs.GuardedPumpRunning = false;
            bench.SetFlow(ChannelId.FlowArterial, 0.0);

            bench.Run(119_000_000);
            Assert.False(bench.Status("NO_FLOW").Active);
            bench.Run(2_000_000);
            Assert.True(bench.Status("NO_FLOW").Active);
            Assert.Equal(SafetyAction.Alarm, bench.Decision.Action);
        }

        [Fact]
        [Trait("Requirement", "SAF-BKF-003")]
        public void No_flow_alarm_waits_until_the_pump_has_run_once()
        {
            var bench = new CircuitBench(CircuitKind.Hemoperfusion);
            bench.Inputs.GuardedPumpRunning = false;
            bench.SetFlow(ChannelId.FlowArterial, 0.0);

            bench.Run(200_000_000); // setting up and priming

            Assert.False(bench.Status("NO_FLOW").Active);
        }
    }
}
