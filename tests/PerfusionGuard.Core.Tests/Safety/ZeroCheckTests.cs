using System.Linq;
using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.Safety
{
    /// <summary>
    /// SAF-FLT-004: a transducer off zero is caught where it can honestly be told: with the pump
    /// standing, two transducers across a passive device (no flow, no drop) must agree.
    /// </summary>
    public class ZeroCheckTests
    {
        private static CircuitBench StandingWith(double arterialMmHg, double postOxygenatorMmHg)
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.Inputs.GuardedPumpRunning = false;
            bench.SetFlow(ChannelId.FlowArterial, 0);
            bench.SetPressure(ChannelId.PArterial, arterialMmHg);
            bench.SetPressure(ChannelId.PPostOxygenator, postOxygenatorMmHg);
            return bench;
        }

        [Fact]
        [Trait("Requirement", "SAF-FLT-004")]
        public void Transducers_across_the_oxygenator_disagreeing_at_standstill_raise_a_latched_technical_alarm_after_10s()
        {
            // The post-oxygenator transducer reads 60 mmHg high (drift, or zeroed closed to air).
            CircuitBench bench = StandingWith(70, 130);
            bench.Run(9_800_000);
            Assert.False(bench.Status("ZERO_CHECK_ARTERIAL_POST_OXY").InEffect);
            bench.Run(400_000);
            ConditionStatus status = bench.Status("ZERO_CHECK_ARTERIAL_POST_OXY");
            Assert.True(status.Active);
            ConditionRule rule = bench.Supervisor.RuleAt(bench.Rule("ZERO_CHECK_ARTERIAL_POST_OXY"));
            Assert.True(rule.Technical);
            Assert.Equal(AlarmPriority.Medium, rule.Priority);
            Assert.Equal(SafetyAction.Alarm, status.EffectiveAction);

            // The pump restarts: the check ends (flow makes a drop) but the finding stays latched.
            bench.Inputs.GuardedPumpRunning = true;
            bench.SetFlow(ChannelId.FlowArterial, 4.5);
            bench.Run(Time.FromSeconds(5));
            Assert.True(bench.Status("ZERO_CHECK_ARTERIAL_POST_OXY").Latched);
            Assert.True(bench.Decision.PumpEnable); // an alarm, not a stop: which transducer is wrong is unknown
        }

        [Fact]
        [Trait("Requirement", "SAF-FLT-004")]
        public void The_same_difference_while_pumping_or_within_height_and_drift_at_standstill_raises_nothing()
        {
            // Pumping: 60 mmHg across the oxygenator is an ordinary drop (about 90 at 5 L/min, Fried 1998).
            var pumping = new CircuitBench(CircuitKind.AdultCpb).Started();
            pumping.SetPressure(ChannelId.PArterial, 200);
            pumping.SetPressure(ChannelId.PPostOxygenator, 140);
            pumping.Run(Time.FromSeconds(60));
            Assert.False(pumping.Status("ZERO_CHECK_ARTERIAL_POST_OXY").InEffect);

            // Standing, 25 mmHg apart: within transducer height difference and drift, not told apart.
            CircuitBench standing = StandingWith(70, 95);
            standing.Run(Time.FromSeconds(60));
            Assert.False(standing.Status("ZERO_CHECK_ARTERIAL_POST_OXY").InEffect);
        }

        [Fact]
        [Trait("Requirement", "SAF-FLT-004")]
        [Trait("Requirement", "SAF-SUP-003")]
        public void The_finding_is_reset_only_locally_and_only_once_the_pair_agrees_again()
        {
            CircuitBench bench = StandingWith(70, 130);
            bench.Run(Time.FromSeconds(11));
            Assert.False(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.LocalPanel)); // still apart

            bench.SetPressure(ChannelId.PPostOxygenator, 72); // re-zeroed
            bench.Step();
            Assert.False(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.Remote));
            Assert.True(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.LocalConsole));
            bench.Step();
            Assert.False(bench.Status("ZERO_CHECK_ARTERIAL_POST_OXY").InEffect);
        }

        [Fact]
        [Trait("Requirement", "SAF-FLT-004")]
        [Trait("Requirement", "SAF-FLT-002")]
        public void A_faulted_transducer_of_the_pair_raises_its_sensor_fault_not_the_zero_check()
        {
            CircuitBench bench = StandingWith(70, 130);
            bench.SetQuality(ChannelId.PPostOxygenator, SensorQuality.Stuck);
            bench.Run(Time.FromSeconds(15));
            Assert.False(bench.Status("ZERO_CHECK_ARTERIAL_POST_OXY").InEffect);
            Assert.True(bench.Status("SENSOR_FAULT_P_POST_OXY").Active);
        }

        [Fact]
        [Trait("Requirement", "SAF-FLT-004")]
        public void Profiles_with_a_transducer_pair_across_a_passive_device_check_it_and_a_pair_on_one_channel_is_rejected()
        {
            foreach (CircuitKind kind in new[] { CircuitKind.AdultCpb, CircuitKind.PediatricCpb, CircuitKind.Ecmo, CircuitKind.Hemoperfusion })
            {
                Assert.Contains(ProfileCatalog.Get(kind).Rules, r => r.Kind == ConditionKind.StandstillDisagreement);
            }

            CircuitProfile profile = ProfileCatalog.Get(CircuitKind.Hemoperfusion);
            profile.Rules.Single(r => r.Kind == ConditionKind.StandstillDisagreement).SecondChannel = ChannelId.PPreColumn;
            Assert.False(ProfileValidator.Validate(profile, out string error));
            Assert.Contains("ZERO_CHECK_PRE_COLUMN_RETURN, field SecondChannel: must differ", error);
        }
    }
}
