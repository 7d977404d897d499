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
    /// SAF-PRS-008: a servo that holds the pressure under its stop limit for long, or while the flow
    /// has collapsed, alarms: otherwise it hides an occlusion and nothing stops or escalates.
    /// </summary>
    public class ServoSustainedTests
    {
        [Fact]
        [Trait("Requirement", "SAF-PRS-008")]
        public void A_servo_limiting_for_30s_raises_a_medium_alarm_that_clears_with_the_servo()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetPressure(ChannelId.PArterial, 300); // partial occlusion held by the servo at 0.5
            bench.SetFlow(ChannelId.FlowArterial, 2.5);

            bench.Run(Time.FromSeconds(29));
            Assert.False(bench.Status("P_ARTERIAL_SERVO_LONG").Active);
            Assert.Equal(SafetyAction.SpeedLimit, bench.Decision.Action); // until now only the low-priority servo alarm
            bench.Run(Time.FromSeconds(2));
            Assert.True(bench.Status("P_ARTERIAL_SERVO_LONG").Active);
            ConditionRule rule = bench.Supervisor.RuleAt(bench.Rule("P_ARTERIAL_SERVO_LONG"));
            Assert.Equal(AlarmPriority.Medium, rule.Priority);
            Assert.Equal(SafetyAction.Alarm, rule.Action);
            Assert.True(bench.Decision.PumpEnable); // an alarm, not a stop: the perfusionist decides

            // Occlusion cleared: the servo releases and so does the alarm.
            bench.SetPressure(ChannelId.PArterial, 200);
            bench.SetFlow(ChannelId.FlowArterial, 4.5);
            bench.Run(Time.FromSeconds(15));
            Assert.False(bench.Status("P_ARTERIAL_SERVO_LONG").Active);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-008")]
        public void A_servo_that_stopped_the_roller_pump_with_no_flow_alarms_high_although_low_flow_is_disarmed()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            // Servo at 0 just under the stop limit; the roller stands, so its running status drops
            // and the low-flow rule (armed only while the pump runs) says nothing.
            bench.SetPressure(ChannelId.PArterial, 349);
            bench.Inputs.GuardedPumpRunning = false;
            bench.SetFlow(ChannelId.FlowArterial, 0);

            bench.Run(Time.FromSeconds(4));
            Assert.False(bench.Status("P_ARTERIAL_SERVO_NO_FLOW").Active);
            bench.Run(Time.FromSeconds(2));
            Assert.True(bench.Status("P_ARTERIAL_SERVO_NO_FLOW").Active);
            Assert.False(bench.Status("FLOW_ARTERIAL_LOW").Active);
            Assert.Equal(AlarmPriority.High, bench.Supervisor.RuleAt(bench.Rule("P_ARTERIAL_SERVO_NO_FLOW")).Priority);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-008")]
        [Trait("Requirement", "SAF-PRS-006")]
        public void A_hemoperfusion_return_occlusion_held_by_the_pre_column_servo_alarms()
        {
            var bench = new CircuitBench(CircuitKind.Hemoperfusion).Started();
            // The return line occludes: the pre-column servo takes the pump to a standstill at ~500
            // mmHg; the pump's status drops, which disarms the pressure limits (armed while it runs).
            bench.SetPressure(ChannelId.PPreColumn, 499);
            bench.SetPressure(ChannelId.PReturn, 499);
            bench.SetFlow(ChannelId.FlowArterial, 0.01);
            bench.Inputs.GuardedPumpRunning = false;

            bench.Run(Time.FromSeconds(6));
            Assert.True(bench.Status("P_PRE_COLUMN_SERVO_NO_FLOW").Active);
            Assert.False(bench.Status("P_RETURN_STOP").Active);
            bench.Run(Time.FromSeconds(25));
            Assert.True(bench.Status("P_PRE_COLUMN_SERVO_LONG").Active);
            Assert.Equal(SafetyAction.Alarm, bench.Status("P_PRE_COLUMN_SERVO_LONG").EffectiveAction);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-008")]
        [Trait("Requirement", "SAF-FLT-001")]
        public void A_faulted_flow_meter_counts_as_collapsed_flow_while_the_servo_limits()
        {
            var bench = new CircuitBench(CircuitKind.Ecmo).Started();
            bench.SetPressure(ChannelId.PArterial, 350);
            bench.SetQuality(ChannelId.FlowArterial, SensorQuality.Noisy);

            bench.Run(Time.FromSeconds(6));
            Assert.True(bench.Status("P_ARTERIAL_SERVO_NO_FLOW").Active);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-008")]
        public void Nothing_is_raised_while_another_rule_has_stopped_the_pump()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetPressure(ChannelId.PArterial, 340);
            bench.SetFlow(ChannelId.FlowArterial, 0);
            bench.Inputs.PumpEnableCommanded = false; // the module holds the pump stopped (level stop, say)
            bench.Inputs.PumpEnableReadback = false;

            bench.Run(Time.FromSeconds(40));
            Assert.False(bench.Status("P_ARTERIAL_SERVO_NO_FLOW").Active);
            Assert.False(bench.Status("P_ARTERIAL_SERVO_LONG").Active);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-008")]
        [Trait("Requirement", "SAF-PRF-005")]
        public void Every_servo_of_every_profile_has_its_sustained_alarm_and_a_profile_without_is_rejected()
        {
            foreach (CircuitProfile p in ProfileCatalog.All())
            {
                foreach (ConditionRule servo in p.Rules.Where(r => r.Kind == ConditionKind.PressureServo))
                {
                    Assert.Contains(p.Rules, r => r.Kind == ConditionKind.ServoSustained && r.Channel == servo.Channel);
                }
            }

            CircuitProfile profile = ProfileCatalog.Get(CircuitKind.AdultCpb);
            profile.Rules = profile.Rules.Where(r => r.Kind != ConditionKind.ServoSustained).ToArray();
            Assert.False(ProfileValidator.Validate(profile, out string error));
            Assert.Contains("P_ARTERIAL_SERVO: no servo_sustained rule on p_arterial", error);

            // Listed before its servo, it would read the servo's state of the previous cycle: rejected.
            profile = ProfileCatalog.Get(CircuitKind.AdultCpb);
            ConditionRule longRule = profile.Rules.Single(r => r.AlarmId == "P_ARTERIAL_SERVO_LONG");
            profile.Rules = new[] { longRule }.Concat(profile.Rules.Where(r => r != longRule)).ToArray();
            Assert.False(ProfileValidator.Validate(profile, out error));
            Assert.Contains("P_ARTERIAL_SERVO_LONG, field Channel: servo_sustained needs a pressure_servo rule on p_arterial listed before it", error);

            profile = ProfileCatalog.Get(CircuitKind.AdultCpb);
            profile.Rules.Single(r => r.AlarmId == "P_ARTERIAL_SERVO_NO_FLOW").SecondChannel = ChannelId.PVenous;
            Assert.False(ProfileValidator.Validate(profile, out error));
            Assert.Contains("P_ARTERIAL_SERVO_NO_FLOW, field SecondChannel", error);
        }
    }
}
