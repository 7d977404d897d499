using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Profiles
{
    /// <summary>
    /// adult-cpb: cardiopulmonary bypass of an adult, roller arterial pump, hard-shell reservoir.
    /// Figures from DOMAIN.md (pressures, reservoir, sensors); the guidelines it cites make a level
    /// sensor, an arterial bubble detector and an arterial high-pressure alarm mandatory.
    /// </summary>
    public static class AdultCpbProfile
    {
        /// <summary>A fresh adult-cpb profile.</summary>
        public static CircuitProfile Create()
        {
            CircuitProfile profile = new CircuitProfile();
            profile.Name = "adult-cpb";
            profile.Circuit = CircuitKind.AdultCpb;
            profile.GuardedPump = PumpKind.Roller;
            profile.Channels = new ChannelId[]
            {
                ChannelId.PArterial, ChannelId.PVenous, ChannelId.PPostOxygenator,
                ChannelId.BubbleArterial, ChannelId.LevelReservoir, ChannelId.FlowArterial,
            };

            // Arterial line (post-pump, pre-oxygenator): 150-300 mmHg in adults; a roller pump
            // pushes 300-400 against an occlusion and ruptures the line (DOMAIN.md, pressures).
            // Alert band 250 (advisory, servo starts), alarm 300, stop 350 where the servo reaches 0.
            profile.Rules = new ConditionRule[]
            {
                StandardRules.Air("AIR_ARTERIAL", "Air in arterial line", ChannelId.BubbleArterial, false),
                StandardRules.AirLatchFault("AIR_LATCH_FAULT_ARTERIAL", "Arterial air latch does not follow the detector", ChannelId.BubbleArterial, false),
                // Hundreds to ~2000 per 10 min are seen (DOMAIN.md, sensors): 200/min is the top of that.
                StandardRules.Microbubbles("MICROBUBBLES_ARTERIAL", "Microbubbles in arterial line", ChannelId.BubbleArterial, 200),

                StandardRules.PressureHigh("P_ARTERIAL_ALERT", "Arterial pressure in alert band", ChannelId.PArterial, 250, 0, SafetyAction.Advisory, AlarmPriority.None),
                StandardRules.PressureServo("P_ARTERIAL_SERVO", "Arterial pressure: pump speed limited", ChannelId.PArterial, 250, 350),
                // A servo holding the pressure for long hides an occlusion (SAF-PRS-008): alarm after 30 s,
                // high at once if the flow has collapsed under the low-flow limit meanwhile.
                StandardRules.ServoSustained("P_ARTERIAL_SERVO_LONG", "Pump speed limited by arterial pressure for long: occlusion? flow reduced", ChannelId.PArterial, StandardRules.DefaultServoSustainedMicros),
                StandardRules.ServoFlowCollapse("P_ARTERIAL_SERVO_NO_FLOW", "Arterial pressure holds the pump back and flow has collapsed: occlusion", ChannelId.PArterial, ChannelId.FlowArterial, 1.0),
                StandardRules.PressureHigh("P_ARTERIAL_HIGH", "Arterial pressure high", ChannelId.PArterial, 300, 200 * Time.MicrosPerMilli, SafetyAction.Alarm, AlarmPriority.Medium),
                StandardRules.PressureHigh("P_ARTERIAL_STOP", "Arterial pressure at stop limit: pump stopped", ChannelId.PArterial, 350, 50 * Time.MicrosPerMilli, SafetyAction.Stop, AlarmPriority.High),

                // Venous with vacuum-assisted drainage: -20 to -50 typical, -150 hard limit; reservoir
                // over-pressure events up to 161 reported (DOMAIN.md, pressures). Low rules armed 5 s
                // after pump start.
                StandardRules.PressureLow("P_VENOUS_LOW_ALERT", "Venous pressure in alert band", ChannelId.PVenous, -80, 0, 5 * Time.MicrosPerSecond, SafetyAction.Advisory, AlarmPriority.None),
                StandardRules.Overridable(StandardRules.PressureLow("P_VENOUS_LOW", "Venous pressure below hard limit", ChannelId.PVenous, -150, 500 * Time.MicrosPerMilli, 5 * Time.MicrosPerSecond, SafetyAction.Alarm, AlarmPriority.High)),
                StandardRules.Overridable(StandardRules.PressureHigh("P_VENOUS_HIGH", "Reservoir / venous over-pressure", ChannelId.PVenous, 50, Time.MicrosPerSecond, SafetyAction.Alarm, AlarmPriority.Medium)),

                // Post-oxygenator: arterial minus the oxygenator drop (about 90 at 5 L/min, Fried 1998).
                StandardRules.PressureHigh("P_POST_OXY_HIGH", "Post-oxygenator pressure high", ChannelId.PPostOxygenator, 280, 200 * Time.MicrosPerMilli, SafetyAction.Alarm, AlarmPriority.Medium),
                // Drop about 22.4*Q - 22.7 (90 at 5 L/min); 150 sustained 10 s suggests clotting.
                StandardRules.PressureDropHigh("OXY_DROP_HIGH", "Oxygenator pressure drop high (clotting?)", ChannelId.PArterial, ChannelId.PPostOxygenator, 150, 10 * Time.MicrosPerSecond),
                // SAF-FLT-004: at standstill the oxygenator drops nothing, so the two transducers must agree.
                StandardRules.StandstillDisagreement("ZERO_CHECK_ARTERIAL_POST_OXY", "Arterial and post-oxygenator pressures disagree at standstill: a transducer is off zero, re-zero both", ChannelId.PArterial, ChannelId.PPostOxygenator),

                // Level: two thresholds, alert then stop; a loose pad reads Low and stops (Terumo 2011 recall).
                // Overridable: a perfusionist may need to run on with a faulted level sensor (DESIGN.md, concept 5).
                StandardRules.Overridable(StandardRules.Make("LVL_ALERT", "Reservoir level low (alert)", ConditionKind.LevelAlert, ChannelId.LevelReservoir, SafetyAction.Alarm, ClearRule.SelfClearing, AlarmPriority.Medium)),
                StandardRules.Overridable(StandardRules.Make("LVL_LOW", "Reservoir level at stop: pump stopped", ConditionKind.LevelLow, ChannelId.LevelReservoir, SafetyAction.Stop, ClearRule.SelfClearing, AlarmPriority.High)),

                // Adult flow 4.4-5.3 L/min (DOMAIN.md, flows); under 1 L/min for 5 s with the pump running is an alarm.
                LowFlow("FLOW_ARTERIAL_LOW", 1.0),

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

        /// <summary>Low arterial flow with the pump running, 5 s persistence, armed 10 s after start.</summary>
        internal static ConditionRule LowFlow(string alarmId, double limitLPerMin)
        {
            ConditionRule rule = StandardRules.Make(alarmId, "Arterial flow low", ConditionKind.LowFlow, ChannelId.FlowArterial,
                SafetyAction.Alarm, ClearRule.SelfClearing, AlarmPriority.Medium);
            rule.FlowLimit = Flow.FromLPerMin(limitLPerMin);
            rule.PersistMicros = 5 * Time.MicrosPerSecond;
            rule.ArmDelayMicros = 10 * Time.MicrosPerSecond;
            return StandardRules.Overridable(rule);
        }
    }
}
