using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Profiles
{
    /// <summary>
    /// pediatric-cpb: bypass of an infant or child, roller arterial pump, small reservoir. Smaller
    /// flows (0.5-1.5 L/min), smaller venous vacuum and a lower microbubble limit than adult-cpb;
    /// the arterial line runs at 213-324 mmHg through small cannulae (DOMAIN.md), so its alert band
    /// starts higher while the stop stays at the line-rupture limit of 350.
    /// </summary>
    public static class PediatricCpbProfile
    {
        /// <summary>A fresh pediatric-cpb profile.</summary>
        public static CircuitProfile Create()
        {
            CircuitProfile profile = new CircuitProfile();
            profile.Name = "pediatric-cpb";
            profile.Circuit = CircuitKind.PediatricCpb;
            profile.GuardedPump = PumpKind.Roller;
            profile.Channels = new ChannelId[]
            {
                ChannelId.PArterial, ChannelId.PVenous, ChannelId.PPostOxygenator,
                ChannelId.BubbleArterial, ChannelId.LevelReservoir, ChannelId.FlowArterial,
            };

            profile.Rules = new ConditionRule[]
            {
                StandardRules.Air("AIR_ARTERIAL", "Air in arterial line", ChannelId.BubbleArterial, false),
                StandardRules.AirLatchFault("AIR_LATCH_FAULT_ARTERIAL", "Arterial air latch does not follow the detector", ChannelId.BubbleArterial, false),
                StandardRules.Microbubbles("MICROBUBBLES_ARTERIAL", "Microbubbles in arterial line", ChannelId.BubbleArterial, 100),

                StandardRules.PressureHigh("P_ARTERIAL_ALERT", "Arterial pressure in alert band", ChannelId.PArterial, 300, 0, SafetyAction.Advisory, AlarmPriority.None),
                StandardRules.PressureServo("P_ARTERIAL_SERVO", "Arterial pressure: pump speed limited", ChannelId.PArterial, 300, 350),
                // SAF-PRS-008: alarm after 30 s of limiting; high at once below the pediatric low-flow limit.
                StandardRules.ServoSustained("P_ARTERIAL_SERVO_LONG", "Pump speed limited by arterial pressure for long: occlusion? flow reduced", ChannelId.PArterial, StandardRules.DefaultServoSustainedMicros),
                StandardRules.ServoFlowCollapse("P_ARTERIAL_SERVO_NO_FLOW", "Arterial pressure holds the pump back and flow has collapsed: occlusion", ChannelId.PArterial, ChannelId.FlowArterial, 0.2),
                StandardRules.PressureHigh("P_ARTERIAL_HIGH", "Arterial pressure high", ChannelId.PArterial, 330, 200 * Time.MicrosPerMilli, SafetyAction.Alarm, AlarmPriority.Medium),
                StandardRules.PressureHigh("P_ARTERIAL_STOP", "Arterial pressure at stop limit: pump stopped", ChannelId.PArterial, 350, 50 * Time.MicrosPerMilli, SafetyAction.Stop, AlarmPriority.High),

                StandardRules.PressureLow("P_VENOUS_LOW_ALERT", "Venous pressure in alert band", ChannelId.PVenous, -60, 0, 5 * Time.MicrosPerSecond, SafetyAction.Advisory, AlarmPriority.None),
                StandardRules.Overridable(StandardRules.PressureLow("P_VENOUS_LOW", "Venous pressure below limit", ChannelId.PVenous, -100, 500 * Time.MicrosPerMilli, 5 * Time.MicrosPerSecond, SafetyAction.Alarm, AlarmPriority.High)),
                StandardRules.Overridable(StandardRules.PressureHigh("P_VENOUS_HIGH", "Reservoir / venous over-pressure", ChannelId.PVenous, 40, Time.MicrosPerSecond, SafetyAction.Alarm, AlarmPriority.Medium)),

                StandardRules.PressureHigh("P_POST_OXY_HIGH", "Post-oxygenator pressure high", ChannelId.PPostOxygenator, 300, 200 * Time.MicrosPerMilli, SafetyAction.Alarm, AlarmPriority.Medium),
                StandardRules.PressureDropHigh("OXY_DROP_HIGH", "Oxygenator pressure drop high (clotting?)", ChannelId.PArterial, ChannelId.PPostOxygenator, 150, 10 * Time.MicrosPerSecond),
                // SAF-FLT-004: at standstill the oxygenator drops nothing, so the two transducers must agree.
                StandardRules.StandstillDisagreement("ZERO_CHECK_ARTERIAL_POST_OXY", "Arterial and post-oxygenator pressures disagree at standstill: a transducer is off zero, re-zero both", ChannelId.PArterial, ChannelId.PPostOxygenator),

                StandardRules.Overridable(StandardRules.Make("LVL_ALERT", "Reservoir level low (alert)", ConditionKind.LevelAlert, ChannelId.LevelReservoir, SafetyAction.Alarm, ClearRule.SelfClearing, AlarmPriority.Medium)),
                StandardRules.Overridable(StandardRules.Make("LVL_LOW", "Reservoir level at stop: pump stopped", ConditionKind.LevelLow, ChannelId.LevelReservoir, SafetyAction.Stop, ClearRule.SelfClearing, AlarmPriority.High)),

                // Infants 0.5-1.5 L/min (DOMAIN.md, flows).
                AdultCpbProfile.LowFlow("FLOW_ARTERIAL_LOW", 0.2),

                StandardRules.SensorFault("SENSOR_FAULT_P_ARTERIAL", "Arterial pressure sensor fault", ChannelId.PArterial, AlarmPriority.High, false),
                StandardRules.SensorFault("SENSOR_FAULT_P_VENOUS", "Venous pressure sensor fault", ChannelId.PVenous, AlarmPriority.Medium, true),
                StandardRules.SensorFault("SENSOR_FAULT_P_POST_OXY", "Post-oxygenator pressure sensor fault", ChannelId.PPostOxygenator, AlarmPriority.Medium, true),
                StandardRules.SensorFault("SENSOR_FAULT_BUBBLE_ARTERIAL", "Arterial air detector fault", ChannelId.BubbleArterial, AlarmPriority.High, false),
                StandardRules.SensorFault("SENSOR_FAULT_LEVEL", "Reservoir level sensor fault", ChannelId.LevelReservoir, AlarmPriority.High, true),
                StandardRules.SensorFault("SENSOR_FAULT_FLOW_ARTERIAL", "Arterial flow sensor fault", ChannelId.FlowArterial, AlarmPriority.Medium, true),

                StandardRules.PumpOutputMismatch(),
                StandardRules.SelfTestFailed(),
                StandardRules.CycleOverrun(),
            };
            return profile;
        }
    }
}
