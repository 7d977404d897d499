using System.Linq;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using Xunit;

namespace PerfusionGuard.Tests.Safety
{
    public class AirRuleTests
    {
        [Fact]
        [Trait("Requirement", "SAF-AIR-001")]
        public void Air_in_arterial_line_latches_a_stop_within_one_cycle()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            Assert.True(bench.Decision.PumpEnable);

            bench.SetAir(ChannelId.BubbleArterial, airPresent: true, latchTripped: true);
            SafetyDecision decision = bench.Step();

            Assert.Equal(SafetyAction.LatchedStop, decision.Action);
            Assert.False(decision.PumpEnable);
            Assert.Equal(bench.Rule("AIR_ARTERIAL"), decision.CauseRuleIndex);
        }

        [Fact]
        [Trait("Requirement", "SAF-AIR-001")]
        public void A_tripped_hardware_latch_alone_stops_the_pump_even_when_the_bubble_has_passed()
        {
            // The slug crossed the sensor in 6 ms (DOMAIN.md): the detector may already read "no air"
            // when the cycle samples, but the hardware latch holds it.
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetAir(ChannelId.BubbleArterial, airPresent: false, latchTripped: true);

            Assert.Equal(SafetyAction.LatchedStop, bench.Step().Action);
        }

        [Theory]
        [InlineData(CircuitKind.AdultCpb, ChannelId.BubbleArterial)]
        [InlineData(CircuitKind.PediatricCpb, ChannelId.BubbleArterial)]
        [InlineData(CircuitKind.Ecmo, ChannelId.BubbleArterial)]
        [InlineData(CircuitKind.CardioplegiaAntegrade, ChannelId.BubbleCardioplegia)]
        [InlineData(CircuitKind.CardioplegiaRetrograde, ChannelId.BubbleCardioplegia)]
        [InlineData(CircuitKind.Hemoperfusion, ChannelId.BubbleReturn)]
        [Trait("Requirement", "SAF-AIR-001")]
        public void Air_on_the_detector_of_every_profile_stops_within_one_cycle(CircuitKind kind, ChannelId detector)
        {
            var bench = new CircuitBench(kind).Started();
            bench.SetAir(detector, true, true);

            Assert.Equal(SafetyAction.LatchedStop, bench.Step().Action);
        }

        [Fact]
        [Trait("Requirement", "SAF-AIR-002")]
        public void Air_stop_stays_after_the_air_has_gone_until_the_local_operator_reset()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            int air = bench.Rule("AIR_ARTERIAL");
            bench.SetAir(ChannelId.BubbleArterial, true, true);
            bench.Step();

            bench.SetAir(ChannelId.BubbleArterial, false, false); // air gone, hardware latch reset
            bench.Run(60_000_000);                                // a whole minute later
            Assert.Equal(SafetyAction.LatchedStop, bench.Decision.Action);
            Assert.True(bench.Supervisor.StatusAt(air).Latched);

            Assert.True(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.LocalPanel));
            Assert.True(bench.Step().PumpEnable);
            Assert.False(bench.Supervisor.StatusAt(air).InEffect);
        }

        [Fact]
        [Trait("Requirement", "SAF-AIR-002")]
        public void Reset_is_refused_while_air_is_still_at_the_detector()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetAir(ChannelId.BubbleArterial, true, true);
            bench.Step();
            bench.DrainEvents();

            Assert.False(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.LocalPanel));
            Assert.Equal(SafetyAction.LatchedStop, bench.Step().Action);
            Assert.Contains(bench.DrainEvents(), e => e.Kind == SafetyEventKind.CommandRefused && e.Source == CommandSource.LocalPanel);
        }

        [Fact]
        [Trait("Requirement", "SAF-AIR-002")]
        public void Air_rule_cannot_be_overridden_in_any_shipped_profile()
        {
            foreach (CircuitProfile profile in ProfileCatalog.All())
            {
                var bench = new CircuitBench(profile).Started();
                for (int i = 0; i < bench.Supervisor.RuleCount; i++)
                {
                    if (bench.Supervisor.RuleAt(i).Kind != ConditionKind.Air)
                    {
                        continue;
                    }

                    Assert.False(bench.Supervisor.TrySetOverride(i, 1_000_000, bench.Now, CommandSource.LocalPanel),
                        $"{profile.Name}: air rule {bench.Supervisor.RuleAt(i).AlarmId} accepted an override");
                    Assert.False(bench.Supervisor.StatusAt(i).Overridden);
                }
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-AIR-002")]
        public void Air_override_works_only_in_a_profile_that_explicitly_allows_it()
        {
            CircuitProfile profile = ProfileCatalog.Get(CircuitKind.AdultCpb);
            profile.AllowAirOverride = true;
            ConditionRule airRule = profile.Rules.First(r => r.Kind == ConditionKind.Air);
            airRule.Overridable = true;
            airRule.MaxOverrideMicros = 60_000_000;
            var bench = new CircuitBench(profile).Started();
            int air = bench.Rule(airRule.AlarmId);

            Assert.True(bench.Supervisor.TrySetOverride(air, 30_000_000, bench.Now, CommandSource.LocalPanel));
            bench.SetAir(ChannelId.BubbleArterial, true, false);
            // The override downgrades the software rule; the AirLatchFault rule still sees the
            // detector and latch disagree and stops (the hardware latch would stop anyway).
            bench.Step();
            Assert.Equal(SafetyAction.Advisory, bench.Supervisor.StatusAt(air).EffectiveAction);
        }

        [Fact]
        [Trait("Requirement", "SAF-AIR-003")]
        public void Detector_reporting_air_while_the_latch_stays_untripped_is_a_latched_latch_fault()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            int fault = bench.Rule("AIR_LATCH_FAULT_ARTERIAL");
            bench.SetAir(ChannelId.BubbleArterial, airPresent: true, latchTripped: false);

            bench.Step();
            Assert.False(bench.Supervisor.StatusAt(fault).Active); // within the 20 ms skew allowance
            bench.Run(20_000);
            Assert.True(bench.Supervisor.StatusAt(fault).Active);
            Assert.True(bench.Supervisor.RuleAt(fault).Technical);

            bench.SetAir(ChannelId.BubbleArterial, false, false);
            bench.Step();
            Assert.True(bench.Supervisor.StatusAt(fault).Latched);
            Assert.Equal(SafetyAction.LatchedStop, bench.Decision.Action);
        }

        [Fact]
        [Trait("Requirement", "SAF-AIR-003")]
        public void Detector_and_latch_agreeing_on_air_raise_no_latch_fault()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetAir(ChannelId.BubbleArterial, true, true);
            bench.Run(1_000_000);

            Assert.False(bench.Status("AIR_LATCH_FAULT_ARTERIAL").Active);
        }

        [Fact]
        [Trait("Requirement", "SAF-AIR-004")]
        public void Microbubbles_above_the_rate_limit_raise_an_advisory_and_do_not_stop()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.Inputs.Air[(int)ChannelId.BubbleArterial].MicrobubblesPerMinute = 250; // limit 200/min

            SafetyDecision decision = bench.Step();

            Assert.Equal(SafetyAction.Advisory, decision.Action);
            Assert.True(decision.PumpEnable);
            Assert.Equal(bench.Rule("MICROBUBBLES_ARTERIAL"), decision.CauseRuleIndex);

            bench.Inputs.Air[(int)ChannelId.BubbleArterial].MicrobubblesPerMinute = 150;
            Assert.Equal(SafetyAction.None, bench.Step().Action);
        }

        [Theory]
        [InlineData(CircuitKind.Ecmo, ChannelId.BubbleArterial)]
        [InlineData(CircuitKind.Hemoperfusion, ChannelId.BubbleReturn)]
        [Trait("Requirement", "SAF-AIR-005")]
        public void Air_in_a_closed_circuit_or_return_line_also_closes_the_clamp_until_reset(CircuitKind kind, ChannelId detector)
        {
            var bench = new CircuitBench(kind).Started();
            Assert.False(bench.Decision.ClampClosed);

            bench.SetAir(detector, true, true);
            Assert.True(bench.Step().ClampClosed);

            bench.SetAir(detector, false, false);
            Assert.True(bench.Run(1_000_000).ClampClosed);
            Assert.True(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.LocalConsole));
            Assert.False(bench.Step().ClampClosed);
        }

        [Fact]
        [Trait("Requirement", "SAF-AIR-005")]
        public void Air_in_adult_cpb_stops_without_clamping()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetAir(ChannelId.BubbleArterial, true, true);

            Assert.False(bench.Step().ClampClosed);
        }
    }
}
