using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Tests.Fakes;
using Xunit;

namespace PerfusionGuard.Tests.Safety
{
    public class PumpOutputTests
    {
        [Fact]
        [Trait("Requirement", "SAF-OUT-001")]
        public void Pump_interlock_is_energize_to_run_and_starts_de_energized()
        {
            var line = new FakeEnableLine { Driven = true };
            var interlock = new PumpInterlock(line, line);

            Assert.False(line.Driven);          // constructing it drops the line
            Assert.False(interlock.Commanded);

            interlock.Drive(new SafetyDecision(SafetyAction.SpeedLimit, 3, 0.4, false));
            Assert.True(line.Driven);
            Assert.True(interlock.ReadBack());

            interlock.Drive(new SafetyDecision(SafetyAction.Stop, 5, 1.0, false));
            Assert.False(line.Driven);
            Assert.False(interlock.Commanded);

            interlock.Drive(new SafetyDecision(SafetyAction.LatchedStop, 0, 1.0, false));
            Assert.False(line.Driven);
        }

        [Fact]
        [Trait("Requirement", "SAF-OUT-001")]
        public void Readback_shows_the_hardware_air_latch_dropping_the_line()
        {
            var line = new FakeEnableLine();
            var interlock = new PumpInterlock(line, line);
            interlock.Drive(new SafetyDecision(SafetyAction.None, -1, 1.0, false));

            line.LatchOpen = true;

            Assert.True(interlock.Commanded);
            Assert.False(interlock.ReadBack());
        }

        [Fact]
        [Trait("Requirement", "SAF-OUT-002")]
        public void Output_stuck_on_while_commanded_off_is_a_latched_stop_after_the_settling_time()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.Inputs.PumpEnableCommanded = false;
            bench.Inputs.PumpEnableReadback = true; // welded relay

            bench.Run(40_000);
            Assert.False(bench.Status("PUMP_OUTPUT_MISMATCH").Active);
            SafetyDecision decision = bench.Run(20_000);
            Assert.Equal(SafetyAction.LatchedStop, decision.Action);
            Assert.Equal(bench.Rule("PUMP_OUTPUT_MISMATCH"), decision.CauseRuleIndex);
            Assert.True(bench.Supervisor.RuleAt(decision.CauseRuleIndex).Technical);
        }

        [Fact]
        [Trait("Requirement", "SAF-OUT-002")]
        public void Output_reading_off_while_commanded_on_is_a_mismatch_that_latches()
        {
            var bench = new CircuitBench(CircuitKind.Ecmo).Started();
            bench.Inputs.PumpEnableReadback = false; // broken driver
            Assert.Equal(SafetyAction.LatchedStop, bench.Run(60_000).Action);

            // The stop makes command and readback agree again; the stop must hold regardless.
            bench.Inputs.PumpEnableCommanded = false;
            Assert.Equal(SafetyAction.LatchedStop, bench.Run(1_000_000).Action);
        }

        [Fact]
        [Trait("Requirement", "SAF-OUT-002")]
        public void A_tripped_air_latch_explains_a_readback_off_and_is_no_output_fault()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetAir(ChannelId.BubbleArterial, true, true);
            bench.Inputs.PumpEnableReadback = false; // the latch dropped the line by itself

            bench.Run(1_000_000);

            Assert.False(bench.Status("PUMP_OUTPUT_MISMATCH").Active);
            Assert.Equal(bench.Rule("AIR_ARTERIAL"), bench.Decision.CauseRuleIndex);
        }

        [Fact]
        [Trait("Requirement", "SAF-OUT-002")]
        public void A_disagreement_shorter_than_the_relay_settling_time_is_ignored()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.Inputs.PumpEnableReadback = false;
            bench.Run(30_000);
            bench.Inputs.PumpEnableReadback = true;
            bench.Run(1_000_000);

            Assert.False(bench.Status("PUMP_OUTPUT_MISMATCH").InEffect);
            Assert.True(bench.Decision.PumpEnable);
        }
    }
}
