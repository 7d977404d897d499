using System;
using System.Linq;
using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.Profiles
{
    public class ProfileValidatorTests
    {
        private static CircuitProfile Adult() => ProfileCatalog.Get(CircuitKind.AdultCpb);

        private static ConditionRule RuleOf(CircuitProfile profile, string alarmId) => profile.Rules.Single(r => r.AlarmId == alarmId);

        private static string Rejection(CircuitProfile profile)
        {
            Assert.False(ProfileValidator.Validate(profile, out string error), "the profile was accepted");
            Assert.False(string.IsNullOrEmpty(error));
            return error;
        }

        private static void AssertNames(string error, params string[] parts)
        {
            foreach (string part in parts)
            {
                Assert.Contains(part, error);
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-002")]
        public void A_stop_limit_inside_the_alarm_limit_is_rejected_naming_the_rule_and_field()
        {
            CircuitProfile profile = Adult();
            RuleOf(profile, "P_ARTERIAL_STOP").PressureLimit = Pressure.FromMmHg(280); // alarm is at 300

            AssertNames(Rejection(profile), "profile adult-cpb", "P_ARTERIAL_STOP", "PressureLimit", "P_ARTERIAL_HIGH");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-002")]
        public void A_low_stop_limit_inside_the_low_alarm_limit_is_rejected()
        {
            CircuitProfile profile = ProfileCatalog.Get(CircuitKind.Hemoperfusion);
            ConditionRule alarm = StandardRules.PressureLow("P_ACCESS_ALARM", "Access pressure low", ChannelId.PAccess, -380, 0, 0, SafetyAction.Alarm, AlarmPriority.Medium);
            profile.Rules = profile.Rules.Append(alarm).ToArray(); // stop at -350 would fire before the alarm at -380

            AssertNames(Rejection(profile), "P_ACCESS_LOW", "PressureLimit", "P_ACCESS_ALARM");
        }

        [Theory]
        [InlineData(SafetyAction.SpeedLimit)]
        [InlineData(SafetyAction.Stop)]
        [InlineData(SafetyAction.LatchedStop)]
        [Trait("Requirement", "SAF-BKF-004")]
        [Trait("Requirement", "SAF-PRF-003")]
        public void A_forward_hold_that_would_keep_the_pump_from_running_is_rejected(SafetyAction action)
        {
            CircuitProfile profile = ProfileCatalog.Get(CircuitKind.Ecmo);
            ConditionRule hold = RuleOf(profile, "PUMP_START_CLAMP_HOLD");
            hold.Action = action;
            hold.Clear = ClearRule.OperatorReset;

            AssertNames(Rejection(profile), "profile ecmo", "PUMP_START_CLAMP_HOLD", "field Action", "must run");
        }

        [Fact]
        [Trait("Requirement", "SAF-BKF-004")]
        [Trait("Requirement", "SAF-PRF-003")]
        public void A_forward_hold_without_a_flow_channel_or_a_forward_flow_is_rejected()
        {
            CircuitProfile profile = ProfileCatalog.Get(CircuitKind.Ecmo);
            RuleOf(profile, "PUMP_START_CLAMP_HOLD").SecondChannel = ChannelId.PPostOxygenator;
            AssertNames(Rejection(profile), "PUMP_START_CLAMP_HOLD", "SecondChannel", "p_post_oxygenator");

            profile = ProfileCatalog.Get(CircuitKind.Ecmo);
            RuleOf(profile, "PUMP_START_NO_FORWARD").FlowLimit = Flow.FromLPerMin(0);
            AssertNames(Rejection(profile), "PUMP_START_NO_FORWARD", "FlowLimit");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-002")]
        public void A_servo_that_starts_at_or_beyond_its_limit_is_rejected()
        {
            CircuitProfile profile = Adult();
            RuleOf(profile, "P_ARTERIAL_SERVO").ServoStart = Pressure.FromMmHg(360);

            AssertNames(Rejection(profile), "P_ARTERIAL_SERVO", "ServoStart");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-002")]
        public void A_level_stop_milder_than_the_level_alert_is_rejected()
        {
            CircuitProfile profile = Adult();
            RuleOf(profile, "LVL_LOW").Action = SafetyAction.Advisory;

            AssertNames(Rejection(profile), "LVL_LOW", "Action");
        }

        [Theory]
        [InlineData(-450.0)]
        [InlineData(900.0)]
        [InlineData(double.NaN)]
        [Trait("Requirement", "SAF-PRF-003")]
        public void A_pressure_limit_outside_the_physical_range_is_rejected(double limitMmHg)
        {
            CircuitProfile profile = Adult();
            RuleOf(profile, "P_VENOUS_HIGH").PressureLimit = Pressure.FromMmHg(limitMmHg);

            AssertNames(Rejection(profile), "P_VENOUS_HIGH", "PressureLimit", "physical range");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-003")]
        public void A_flow_limit_outside_the_physical_range_is_rejected()
        {
            CircuitProfile profile = Adult();
            RuleOf(profile, "FLOW_ARTERIAL_LOW").FlowLimit = Flow.FromLPerMin(25);

            AssertNames(Rejection(profile), "FLOW_ARTERIAL_LOW", "FlowLimit");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-003")]
        public void A_microbubble_limit_of_zero_is_rejected()
        {
            CircuitProfile profile = Adult();
            RuleOf(profile, "MICROBUBBLES_ARTERIAL").CountPerMinuteLimit = 0;

            AssertNames(Rejection(profile), "MICROBUBBLES_ARTERIAL", "CountPerMinuteLimit");
        }

        [Theory]
        [InlineData("PersistMicros")]
        [InlineData("ArmDelayMicros")]
        [InlineData("MaxOverrideMicros")]
        [Trait("Requirement", "SAF-PRF-003")]
        public void Negative_times_are_rejected(string field)
        {
            CircuitProfile profile = Adult();
            ConditionRule rule = RuleOf(profile, "P_VENOUS_LOW");
            if (field == "PersistMicros") rule.PersistMicros = -1;
            if (field == "ArmDelayMicros") rule.ArmDelayMicros = -1;
            if (field == "MaxOverrideMicros") rule.MaxOverrideMicros = -1;

            AssertNames(Rejection(profile), "P_VENOUS_LOW", field, "negative");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-003")]
        public void An_overridable_rule_without_a_time_limit_is_rejected()
        {
            CircuitProfile profile = Adult();
            RuleOf(profile, "LVL_LOW").MaxOverrideMicros = 0;

            AssertNames(Rejection(profile), "LVL_LOW", "MaxOverrideMicros");
        }

        [Theory]
        [InlineData(SafetyAction.Stop)]
        [InlineData(SafetyAction.Alarm)]
        [Trait("Requirement", "SAF-AIR-002")]
        [Trait("Requirement", "SAF-PRF-003")]
        public void An_air_rule_that_is_not_a_latched_stop_is_rejected(SafetyAction action)
        {
            CircuitProfile profile = Adult();
            RuleOf(profile, "AIR_ARTERIAL").Action = action;

            AssertNames(Rejection(profile), "AIR_ARTERIAL", "Action", "latched_stop");
        }

        [Fact]
        [Trait("Requirement", "SAF-AIR-002")]
        public void An_overridable_air_rule_is_rejected_unless_the_profile_allows_air_override()
        {
            CircuitProfile profile = Adult();
            ConditionRule air = RuleOf(profile, "AIR_ARTERIAL");
            air.Overridable = true;
            air.MaxOverrideMicros = 60_000_000;

            AssertNames(Rejection(profile), "AIR_ARTERIAL", "Overridable", "AllowAirOverride");

            profile.AllowAirOverride = true;
            Assert.True(ProfileValidator.Validate(profile, out string error), error);
        }

        [Fact]
        [Trait("Requirement", "SAF-AIR-002")]
        public void An_air_rule_with_persistence_or_arming_is_rejected()
        {
            CircuitProfile profile = Adult();
            RuleOf(profile, "AIR_ARTERIAL").PersistMicros = 10_000;
            AssertNames(Rejection(profile), "AIR_ARTERIAL", "PersistMicros");

            profile = Adult();
            RuleOf(profile, "AIR_ARTERIAL").ArmDelayMicros = 10_000;
            AssertNames(Rejection(profile), "AIR_ARTERIAL", "ArmDelayMicros");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-003")]
        public void A_latched_stop_that_clears_by_itself_is_rejected()
        {
            CircuitProfile profile = Adult();
            RuleOf(profile, "PUMP_OUTPUT_MISMATCH").Clear = ClearRule.SelfClearing;

            AssertNames(Rejection(profile), "PUMP_OUTPUT_MISMATCH", "Clear");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-003")]
        public void A_rule_on_a_channel_the_profile_lacks_is_rejected()
        {
            CircuitProfile profile = ProfileCatalog.Get(CircuitKind.Ecmo);
            profile.Rules = profile.Rules.Append(StandardRules.Make("LVL_LOW", "Reservoir level low", ConditionKind.LevelLow,
                ChannelId.LevelReservoir, SafetyAction.Stop, ClearRule.SelfClearing, AlarmPriority.High)).ToArray();

            AssertNames(Rejection(profile), "profile ecmo", "LVL_LOW", "Channel", "level_reservoir", "not in the profile");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-003")]
        public void A_rule_on_a_channel_of_the_wrong_kind_is_rejected()
        {
            CircuitProfile profile = Adult();
            RuleOf(profile, "P_VENOUS_HIGH").Channel = ChannelId.FlowArterial;

            AssertNames(Rejection(profile), "P_VENOUS_HIGH", "Channel", "pressure");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-003")]
        public void A_pressure_drop_over_a_single_channel_is_rejected()
        {
            CircuitProfile profile = Adult();
            RuleOf(profile, "OXY_DROP_HIGH").SecondChannel = ChannelId.PArterial;

            AssertNames(Rejection(profile), "OXY_DROP_HIGH", "SecondChannel");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-003")]
        public void Duplicate_alarm_ids_are_rejected()
        {
            CircuitProfile profile = Adult();
            RuleOf(profile, "P_VENOUS_HIGH").AlarmId = "P_ARTERIAL_HIGH";

            AssertNames(Rejection(profile), "P_ARTERIAL_HIGH", "AlarmId", "duplicate");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-003")]
        public void Missing_names_and_messages_are_rejected()
        {
            CircuitProfile profile = Adult();
            profile.Name = "";
            AssertNames(Rejection(profile), "Name");

            profile = Adult();
            RuleOf(profile, "LVL_ALERT").Message = " ";
            AssertNames(Rejection(profile), "LVL_ALERT", "Message");

            profile = Adult();
            profile.Rules[3].AlarmId = null;
            AssertNames(Rejection(profile), "rule #3", "AlarmId");

            Assert.False(ProfileValidator.Validate(null, out _));
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-005")]
        public void A_channel_without_a_sensor_fault_rule_is_rejected()
        {
            CircuitProfile profile = Adult();
            profile.Rules = profile.Rules.Where(r => r.AlarmId != "SENSOR_FAULT_P_VENOUS").ToArray();

            AssertNames(Rejection(profile), "p_venous", "sensor_fault", "Rules");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-005")]
        public void A_profile_without_output_supervision_or_self_test_is_rejected()
        {
            CircuitProfile profile = Adult();
            profile.Rules = profile.Rules.Where(r => r.Kind != ConditionKind.PumpOutputMismatch).ToArray();
            AssertNames(Rejection(profile), "pump_output_mismatch");

            profile = Adult();
            profile.Rules = profile.Rules.Where(r => r.Kind != ConditionKind.SelfTestFailed).ToArray();
            AssertNames(Rejection(profile), "selftest_failed");
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-005")]
        public void An_air_detector_without_an_air_rule_is_rejected()
        {
            CircuitProfile profile = Adult();
            profile.Rules = profile.Rules.Where(r => r.Kind != ConditionKind.Air).ToArray();

            AssertNames(Rejection(profile), "bubble_arterial", "air rule");
        }
    }
}
