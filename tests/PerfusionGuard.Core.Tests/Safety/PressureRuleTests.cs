using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.Safety
{
    public class PressureRuleTests
    {
        [Fact]
        [Trait("Requirement", "SAF-PRS-001")]
        [Trait("Requirement", "SAF-SUP-006")]
        public void Arterial_pressure_over_the_stop_limit_stops_the_pump_after_its_50ms_persistence()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetPressure(ChannelId.PArterial, 380); // roller against an occlusion (DOMAIN.md: 300-400)

            for (int cycle = 0; cycle < 5; cycle++)
            {
                Assert.True(bench.Step().PumpEnable, $"stopped already at cycle {cycle}");
            }

            SafetyDecision decision = bench.Step();
            Assert.Equal(SafetyAction.Stop, decision.Action);
            Assert.Equal(bench.Rule("P_ARTERIAL_STOP"), decision.CauseRuleIndex);
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-006")]
        public void A_pressure_spike_shorter_than_the_persistence_time_does_not_stop()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetPressure(ChannelId.PArterial, 380);
            bench.Run(40_000);
            bench.SetPressure(ChannelId.PArterial, 200);
            bench.Run(100_000);
            bench.SetPressure(ChannelId.PArterial, 380);
            bench.Run(40_000);

            Assert.False(bench.Status("P_ARTERIAL_STOP").Active);
            Assert.True(bench.Decision.PumpEnable);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-001")]
        public void Rising_arterial_pressure_passes_alert_then_servo_then_alarm_then_stop()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();

            bench.SetPressure(ChannelId.PArterial, 240);
            Assert.Equal(SafetyAction.None, bench.Run(1_000_000).Action);

            // 260: alert band (advisory) and servo (speed limit) both in effect; the servo is more severe.
            bench.SetPressure(ChannelId.PArterial, 260);
            Assert.Equal(SafetyAction.SpeedLimit, bench.Run(1_000_000).Action);
            Assert.True(bench.Status("P_ARTERIAL_ALERT").Active);
            Assert.False(bench.Status("P_ARTERIAL_HIGH").Active);

            bench.SetPressure(ChannelId.PArterial, 320);
            bench.Run(1_000_000);
            Assert.True(bench.Status("P_ARTERIAL_HIGH").Active);
            Assert.True(bench.Decision.PumpEnable);

            bench.SetPressure(ChannelId.PArterial, 360);
            Assert.Equal(SafetyAction.Stop, bench.Run(1_000_000).Action);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-001")]
        public void Pressure_stop_clears_by_itself_when_the_pressure_falls_back()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetPressure(ChannelId.PArterial, 380);
            Assert.Equal(SafetyAction.Stop, bench.Run(100_000).Action);

            bench.SetPressure(ChannelId.PArterial, 200);
            SafetyDecision decision = bench.Step();

            Assert.True(decision.PumpEnable);
            Assert.False(bench.Status("P_ARTERIAL_STOP").Active);
            // The servo, at 0 while the pressure was at the stop, gives the speed back gradually
            // (SAF-PRS-007) instead of letting the pump jump to full speed into the same occlusion.
            Assert.Equal(SafetyAction.SpeedLimit, decision.Action);
            Assert.True(bench.Run(Time.FromSeconds(12)).SpeedLimitFraction == 1.0);
            Assert.Equal(SafetyAction.None, bench.Decision.Action);
        }

        [Theory]
        [InlineData(250.0, 1.0)]
        [InlineData(275.0, 0.75)]
        [InlineData(300.0, 0.5)]
        [InlineData(340.0, 0.1)]
        [InlineData(350.0, 0.0)]
        [Trait("Requirement", "SAF-PRS-002")]
        public void Servo_limits_pump_speed_linearly_from_servo_start_to_the_limit(double pressureMmHg, double expectedFraction)
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetPressure(ChannelId.PArterial, pressureMmHg);

            Assert.Equal(expectedFraction, bench.Step().SpeedLimitFraction, 6);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-002")]
        public void Speed_limit_is_the_minimum_over_all_servo_rules()
        {
            var bench = new CircuitBench(CircuitKind.CardioplegiaRetrograde).Started();
            bench.SetPressure(ChannelId.PCardioplegia, 300);  // line servo 250→350: 0.5
            bench.SetPressure(ChannelId.PCoronarySinus, 48);  // sinus servo 42→50: 0.25

            Assert.Equal(0.25, bench.Step().SpeedLimitFraction, 6);

            // The sinus falls back: its servo gives the speed back over a few seconds (SAF-PRS-007),
            // and the line servo's 0.5 is the limit again.
            bench.SetPressure(ChannelId.PCoronarySinus, 38);
            Assert.Equal(0.5, bench.Run(Time.FromSeconds(3)).SpeedLimitFraction, 6);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-003")]
        [Trait("Requirement", "SAF-SUP-005")]
        public void Venous_low_pressure_alarm_is_armed_only_5s_after_the_pump_starts()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb);
            bench.Inputs.GuardedPumpRunning = false;
            bench.SetPressure(ChannelId.PVenous, -180);
            bench.Run(10_000_000);
            Assert.False(bench.Status("P_VENOUS_LOW").Active);

            bench.Inputs.GuardedPumpRunning = true; // arming counts from this rising edge
            bench.Run(4_900_000);
            Assert.False(bench.Status("P_VENOUS_LOW").Active);

            bench.Run(700_000); // 5 s armed + 0.5 s persistence
            Assert.True(bench.Status("P_VENOUS_LOW").Active);
            Assert.Equal(SafetyAction.Alarm, bench.Decision.Action);

            // Pump stops: the rule disarms and clears by itself.
            bench.Inputs.GuardedPumpRunning = false;
            bench.Step();
            Assert.False(bench.Status("P_VENOUS_LOW").Active);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-004")]
        public void Oxygenator_pressure_drop_sustained_over_its_limit_raises_a_clotting_advisory()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetPressure(ChannelId.PArterial, 240);
            bench.SetPressure(ChannelId.PPostOxygenator, 70); // drop 170 > 150

            bench.Run(9_000_000);
            Assert.False(bench.Status("OXY_DROP_HIGH").Active);
            bench.Run(1_100_000);
            Assert.True(bench.Status("OXY_DROP_HIGH").Active);
            Assert.Equal(SafetyAction.Advisory, bench.Decision.Action);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-005")]
        public void Coronary_sinus_pressure_above_50_stops_retrograde_cardioplegia()
        {
            var bench = new CircuitBench(CircuitKind.CardioplegiaRetrograde).Started();
            bench.SetPressure(ChannelId.PCoronarySinus, 49);
            Assert.True(bench.Run(1_000_000).PumpEnable); // alarm at 48, servo nearly closed, pump still runs
            Assert.True(bench.Status("P_CORONARY_SINUS_HIGH").Active);

            bench.SetPressure(ChannelId.PCoronarySinus, 55);
            SafetyDecision decision = bench.Run(210_000); // 200 ms persistence
            Assert.Equal(SafetyAction.Stop, decision.Action);
            Assert.Equal(bench.Rule("P_CORONARY_SINUS_STOP"), decision.CauseRuleIndex);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-005")]
        public void Coronary_sinus_pressure_staying_low_while_delivering_warns_of_a_displaced_catheter()
        {
            var bench = new CircuitBench(CircuitKind.CardioplegiaRetrograde).Started();
            bench.SetPressure(ChannelId.PCoronarySinus, 5);

            bench.Run(2_100_000);
            Assert.True(bench.Status("P_CORONARY_SINUS_LOW").Active);
            Assert.True(bench.Decision.PumpEnable);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-006")]
        public void Hemoperfusion_return_pressure_over_450_for_3s_latches_a_stop_and_clamps()
        {
            var bench = new CircuitBench(CircuitKind.Hemoperfusion).Started();
            bench.SetPressure(ChannelId.PReturn, 470);

            bench.Run(2_900_000);
            Assert.True(bench.Decision.PumpEnable);
            SafetyDecision decision = bench.Run(200_000);
            Assert.Equal(SafetyAction.LatchedStop, decision.Action);
            Assert.True(decision.ClampClosed);

            bench.SetPressure(ChannelId.PReturn, 100);
            Assert.Equal(SafetyAction.LatchedStop, bench.Run(1_000_000).Action);
            Assert.True(bench.Supervisor.TryOperatorReset(bench.Now, CommandSource.LocalPanel));
            Assert.True(bench.Step().PumpEnable);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-006")]
        public void Hemoperfusion_access_pressure_below_minus_350_for_1s_stops()
        {
            var bench = new CircuitBench(CircuitKind.Hemoperfusion).Started();
            bench.SetPressure(ChannelId.PAccess, -360);

            bench.Run(900_000);
            Assert.True(bench.Decision.PumpEnable);
            Assert.Equal(SafetyAction.LatchedStop, bench.Run(200_000).Action);
            Assert.Equal(bench.Rule("P_ACCESS_LOW"), bench.Decision.CauseRuleIndex);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-009")]
        [Trait("Requirement", "SAF-PRS-006")]
        public void Hemoperfusion_access_rules_read_the_pre_pump_transducer_and_a_negative_post_pump_reading_stops_nothing()
        {
            CircuitProfile profile = ProfileCatalog.Get(CircuitKind.Hemoperfusion);
            Assert.Contains(ChannelId.PAccess, profile.Channels);
            foreach (ConditionRule rule in profile.Rules)
            {
                if (rule.Kind == ConditionKind.PressureLow && rule.AlarmId.StartsWith("P_ACCESS", System.StringComparison.Ordinal))
                {
                    Assert.Equal(ChannelId.PAccess, rule.Channel);
                }

                // No low-pressure rule on the post-pump pre-column transducer: it never sees the access.
                Assert.False(rule.Kind == ConditionKind.PressureLow && rule.Channel == ChannelId.PPreColumn, rule.AlarmId + " reads p_pre_column");
            }

            var bench = new CircuitBench(CircuitKind.Hemoperfusion).Started();
            bench.SetPressure(ChannelId.PPreColumn, -360); // the old access rule's transducer
            bench.Run(3_000_000);
            Assert.True(bench.Decision.PumpEnable);

            // The access alert band (-250) is an advisory after its 1 s; the stop needs -350.
            bench.SetPressure(ChannelId.PPreColumn, 150);
            bench.SetPressure(ChannelId.PAccess, -280);
            bench.Run(1_100_000);
            Assert.True(bench.Status("P_ACCESS_LOW_ALERT").Active);
            Assert.False(bench.Status("P_ACCESS_LOW").Active);
            Assert.True(bench.Decision.PumpEnable);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-006")]
        [Trait("Requirement", "SAF-SUP-005")]
        public void Hemoperfusion_pressure_limits_are_armed_10s_after_pump_start()
        {
            var bench = new CircuitBench(CircuitKind.Hemoperfusion);
            bench.Inputs.GuardedPumpRunning = false;
            bench.Step();
            bench.SetPressure(ChannelId.PReturn, 470); // priming transient at start
            bench.Inputs.GuardedPumpRunning = true;

            bench.Run(9_900_000);
            Assert.True(bench.Decision.PumpEnable);
            Assert.False(bench.Status("P_RETURN_STOP").Active);

            bench.Run(3_200_000); // armed at 10 s, then 3 s persistence
            Assert.Equal(SafetyAction.LatchedStop, bench.Decision.Action);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-006")]
        public void Hemoperfusion_column_pressure_drop_raises_a_clotting_advisory()
        {
            var bench = new CircuitBench(CircuitKind.Hemoperfusion).Started();
            bench.SetPressure(ChannelId.PPreColumn, 300);
            bench.SetPressure(ChannelId.PReturn, 100); // drop 200 > 150

            bench.Run(31_000_000);

            Assert.True(bench.Status("COLUMN_DROP_HIGH").Active);
            Assert.True(bench.Decision.PumpEnable);
        }
    }
}
