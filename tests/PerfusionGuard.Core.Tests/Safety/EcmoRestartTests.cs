using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.Safety
{
    /// <summary>
    /// SAF-BKF-004: after a centrifugal pump (re)starts, the line clamp stays closed until the pump
    /// delivers forward pressure or flow; the backflow rule keeps guarding the established run.
    /// </summary>
    public class EcmoRestartTests
    {
        /// <summary>An ECMO circuit that ran, then stood still (power loss or stop): pressure at the venous level, no flow.</summary>
        private static CircuitBench StoppedAfterARun()
        {
            var bench = new CircuitBench(CircuitKind.Ecmo).Started();
            Assert.False(bench.Decision.ClampClosed);
            bench.Inputs.GuardedPumpRunning = false;
            Assert.True(bench.Step().ClampClosed); // the clamp closes in the cycle the pump stands
            bench.SetPressure(ChannelId.PArterial, 5);
            bench.SetPressure(ChannelId.PPostOxygenator, 5);
            bench.SetFlow(ChannelId.FlowArterial, 0);
            bench.Run(Time.FromSeconds(2));
            return bench;
        }

        [Fact]
        [Trait("Requirement", "SAF-BKF-004")]
        public void A_restarting_pump_keeps_the_clamp_closed_until_it_delivers_forward_pressure()
        {
            CircuitBench bench = StoppedAfterARun();
            Assert.True(bench.Decision.ClampClosed); // a standing centrifugal pump: line clamped
            Assert.Equal(SafetyAction.Advisory, bench.Status("PUMP_START_CLAMP_HOLD").EffectiveAction);

            // Restart: the impeller spins up against the closed clamp; 60 mmHg does not yet hold the patient.
            bench.Inputs.GuardedPumpRunning = true;
            bench.SetPressure(ChannelId.PArterial, 60);
            Assert.True(bench.Run(500_000).ClampClosed);
            Assert.True(bench.Decision.PumpEnable);

            // The head reaches the opening pressure: the clamp opens, flow goes forward, nothing latched.
            bench.SetPressure(ChannelId.PArterial, 125);
            Assert.False(bench.Step().ClampClosed);
            bench.SetPressure(ChannelId.PArterial, 200);
            bench.SetFlow(ChannelId.FlowArterial, 4.5);
            SafetyDecision decision = bench.Run(Time.FromSeconds(1));
            Assert.False(decision.ClampClosed);
            Assert.Equal(SafetyAction.None, decision.Action);
            Assert.False(bench.Status("BACKFLOW_ARTERIAL").InEffect);
        }

        [Fact]
        [Trait("Requirement", "SAF-BKF-004")]
        [Trait("Requirement", "SAF-BKF-001")]
        public void An_established_run_is_never_reclamped_by_the_hold_and_backflow_still_latches()
        {
            var bench = new CircuitBench(CircuitKind.Ecmo).Started();

            // A pressure dip below the opening pressure or a faulted flow meter during the run: the
            // hold stays out of effect (it only re-engages when the pump stands).
            bench.SetPressure(ChannelId.PArterial, 90);
            bench.SetQuality(ChannelId.FlowArterial, SensorQuality.Open);
            bench.Run(Time.FromSeconds(2));
            Assert.False(bench.Status("PUMP_START_CLAMP_HOLD").InEffect);
            Assert.False(bench.Status("PUMP_START_NO_FORWARD").InEffect);

            // Backflow protection during the run is as before (SAF-BKF-001).
            bench.SetQuality(ChannelId.FlowArterial, SensorQuality.Good);
            bench.SetFlow(ChannelId.FlowArterial, -0.5);
            bench.Run(250_000);
            Assert.True(bench.Decision.ClampClosed);
            Assert.True(bench.Status("BACKFLOW_ARTERIAL").InEffect);
            Assert.Equal(bench.Rule("BACKFLOW_ARTERIAL"), bench.Decision.CauseRuleIndex);
        }

        [Fact]
        [Trait("Requirement", "SAF-BKF-004")]
        public void A_pump_running_10s_without_forward_pressure_alarms_and_a_faulted_transducer_cannot_open_the_clamp()
        {
            CircuitBench bench = StoppedAfterARun();
            bench.Inputs.GuardedPumpRunning = true;
            bench.SetPressure(ChannelId.PArterial, 28); // restarted at a speed whose head cannot hold the patient

            bench.Run(9_900_000);
            Assert.False(bench.Status("PUMP_START_NO_FORWARD").Active);
            bench.Run(200_000);
            Assert.True(bench.Status("PUMP_START_NO_FORWARD").Active);
            Assert.Equal(SafetyAction.Alarm, bench.Decision.Action);
            Assert.True(bench.Decision.ClampClosed);

            // A faulted outlet transducer reading "high" proves nothing (its own fail-safe stop aside).
            bench.SetPressure(ChannelId.PArterial, 300);
            bench.SetQuality(ChannelId.PArterial, SensorQuality.Short);
            bench.Run(500_000);
            Assert.True(bench.Status("PUMP_START_CLAMP_HOLD").InEffect);
            Assert.True(bench.Decision.ClampClosed);
        }

        [Fact]
        [Trait("Requirement", "SAF-BKF-004")]
        [Trait("Requirement", "SAF-SUP-004")]
        public void The_perfusionist_may_open_the_held_line_by_override_and_forward_flow_ends_the_hold()
        {
            CircuitBench bench = StoppedAfterARun();
            bench.Inputs.GuardedPumpRunning = true;
            bench.SetPressure(ChannelId.PArterial, 60); // mis-zeroed outlet transducer: reads low but Good
            bench.Run(Time.FromSeconds(1));
            Assert.True(bench.Decision.ClampClosed);
            int hold = bench.Rule("PUMP_START_CLAMP_HOLD");
            Assert.False(bench.Supervisor.TrySetOverride(hold, Time.FromSeconds(60), bench.Now, CommandSource.Remote));
            Assert.True(bench.Supervisor.TrySetOverride(hold, Time.FromSeconds(60), bench.Now, CommandSource.LocalPanel));
            Assert.False(bench.Step().ClampClosed);
            Assert.True(bench.Status("PUMP_START_CLAMP_HOLD").Overridden);

            // The line is open by hand; the flow meter sees forward flow: established for the rest of the run.
            bench.SetFlow(ChannelId.FlowArterial, 3.5);
            bench.Step();
            Assert.True(bench.Supervisor.TryClearOverride(hold, bench.Now, CommandSource.LocalPanel));
            bench.Run(Time.FromSeconds(1));
            Assert.False(bench.Status("PUMP_START_CLAMP_HOLD").InEffect);
            Assert.False(bench.Decision.ClampClosed);
        }

        [Fact]
        [Trait("Requirement", "SAF-BKF-004")]
        public void After_a_stop_by_this_module_the_re_enabled_pump_must_deliver_again_before_the_clamp_opens()
        {
            var bench = new CircuitBench(CircuitKind.Ecmo).Started();

            // Arterial pressure at the stop limit: the module stops the pump and clamps (P_ARTERIAL_STOP).
            bench.SetPressure(ChannelId.PArterial, 420);
            bench.Run(150_000);
            Assert.Equal(SafetyAction.Stop, bench.Decision.Action);
            bench.Inputs.PumpEnableCommanded = false; // the output follows the decision
            bench.Inputs.PumpEnableReadback = false;
            bench.SetFlow(ChannelId.FlowArterial, 0); // line clamped
            bench.Run(2_000_000);

            // The occlusion clears while the impeller has coasted down (still "running" on its status
            // line): re-enabled, it must show forward pressure again before the line opens.
            bench.SetPressure(ChannelId.PArterial, 60);
            SafetyDecision decision = bench.Step();
            Assert.True(decision.PumpEnable);
            bench.Inputs.PumpEnableCommanded = true;
            bench.Inputs.PumpEnableReadback = true;
            Assert.True(bench.Run(300_000).ClampClosed);
            Assert.True(bench.Status("PUMP_START_CLAMP_HOLD").InEffect);
            bench.SetPressure(ChannelId.PArterial, 150);
            Assert.False(bench.Step().ClampClosed);
        }
    }
}
