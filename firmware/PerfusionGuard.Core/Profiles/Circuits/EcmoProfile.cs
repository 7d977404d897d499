using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Profiles
{
    /// <summary>
    /// ecmo: closed circuit without reservoir, centrifugal pump, runs for days (DOMAIN.md). The
    /// venous (pre-pump) pressure is negative; a slowed or stopped centrifugal pump flows backwards,
    /// so backflow closes the line clamp (Cardiohelp, Bio-Console: backflow alarm / prevention, clamp).
    /// </summary>
    public static class EcmoProfile
    {
        /// <summary>A fresh ecmo profile.</summary>
        public static CircuitProfile Create()
        {
            CircuitProfile profile = new CircuitProfile();
            profile.Name = "ecmo";
            profile.Circuit = CircuitKind.Ecmo;
            profile.GuardedPump = PumpKind.Centrifugal;
            profile.Channels = new ChannelId[]
            {
                ChannelId.PVenous, ChannelId.PArterial, ChannelId.PPostOxygenator,
                ChannelId.BubbleArterial, ChannelId.FlowArterial,
            };

            ConditionRule backflow = StandardRules.Make("BACKFLOW_ARTERIAL", "Backflow through the centrifugal pump: line clamped",
                ConditionKind.Backflow, ChannelId.FlowArterial, SafetyAction.Alarm, ClearRule.OperatorReset, AlarmPriority.High);
            backflow.FlowLimit = Flow.FromLPerMin(0.1);
            backflow.PersistMicros = 200 * Time.MicrosPerMilli;
            backflow.CloseClamp = true;
            // A faulted flow meter must not clamp the only line of a patient on ECMO: the sensor-fault
            // alarm (high) and the low-flow alarm cover it (DESIGN.md, concept 4: "unless the circuit
            // profile says otherwise").
            backflow.FailSafeOnFault = false;

            ConditionRule arterialStop = StandardRules.PressureHigh("P_ARTERIAL_STOP", "Arterial pressure at stop limit: pump stopped, line clamped",
                ChannelId.PArterial, 400, 100 * Time.MicrosPerMilli, SafetyAction.Stop, AlarmPriority.High);
            // A stopped centrifugal pump flows backwards: the clamp closes with the stop.
            arterialStop.CloseClamp = true;

            // Restart (first start, after a stop or a power loss): the clamp (closed while the pump
            // stood) opens only once the pump's head holds the patient's pressure, judged by the
            // pre-oxygenator pressure against a closed line (a·ω² of the pump curve; 120 mmHg is
            // above a mean arterial pressure of 60-90 with margin: unverified, profile value), or
            // by forward flow (0.5 L/min, unverified) when the line was opened by hand. A pump that
            // runs 10 s (unverified) without getting there alarms: the patient is still without
            // support (SAF-BKF-004).
            ConditionRule startHold = StandardRules.ForwardHold("PUMP_START_CLAMP_HOLD",
                "Pump starting: line held clamped until the pump delivers forward pressure",
                ChannelId.PArterial, ChannelId.FlowArterial, 120, 0.5);
            ConditionRule startNotReached = StandardRules.ForwardNotReached("PUMP_START_NO_FORWARD",
                "Pump running without forward pressure: line still clamped, raise the pump speed",
                startHold, 10 * Time.MicrosPerSecond);

            profile.Rules = new ConditionRule[]
            {
                // Air in a closed circuit goes straight to the patient: stop and clamp.
                StandardRules.Air("AIR_ARTERIAL", "Air in arterial line", ChannelId.BubbleArterial, true),
                StandardRules.AirLatchFault("AIR_LATCH_FAULT_ARTERIAL", "Arterial air latch does not follow the detector", ChannelId.BubbleArterial, true),
                StandardRules.Microbubbles("MICROBUBBLES_ARTERIAL", "Microbubbles in arterial line", ChannelId.BubbleArterial, 200),

                // Pre-pump drainage pressure: -20 to -50 typical; excess suction (below -120) chatters
                // the lines and causes hemolysis. Armed 5 s after pump start.
                StandardRules.PressureLow("P_VENOUS_LOW_ALERT", "Drainage pressure in alert band", ChannelId.PVenous, -80, 0, 5 * Time.MicrosPerSecond, SafetyAction.Advisory, AlarmPriority.None),
                StandardRules.Overridable(StandardRules.PressureLow("P_VENOUS_LOW", "Drainage pressure too negative", ChannelId.PVenous, -120, Time.MicrosPerSecond, 5 * Time.MicrosPerSecond, SafetyAction.Alarm, AlarmPriority.High)),

                // Post-pump: a centrifugal pump's head is bounded by its curve; alert 300, alarm 350, stop 400.
                StandardRules.PressureHigh("P_ARTERIAL_ALERT", "Arterial pressure in alert band", ChannelId.PArterial, 300, 0, SafetyAction.Advisory, AlarmPriority.None),
                StandardRules.PressureServo("P_ARTERIAL_SERVO", "Arterial pressure: pump speed limited", ChannelId.PArterial, 300, 400),
                // SAF-PRS-008: a servo holding the pressure for long (oxygenator or return cannula
                // occluding) alarms after 30 s; high at once when the flow falls under the low-flow limit.
                StandardRules.ServoSustained("P_ARTERIAL_SERVO_LONG", "Pump speed limited by arterial pressure for long: occlusion? flow reduced", ChannelId.PArterial, StandardRules.DefaultServoSustainedMicros),
                StandardRules.ServoFlowCollapse("P_ARTERIAL_SERVO_NO_FLOW", "Arterial pressure holds the pump back and flow has collapsed: occlusion", ChannelId.PArterial, ChannelId.FlowArterial, 1.0),
                StandardRules.PressureHigh("P_ARTERIAL_HIGH", "Arterial pressure high", ChannelId.PArterial, 350, 200 * Time.MicrosPerMilli, SafetyAction.Alarm, AlarmPriority.Medium),
                arterialStop,
                StandardRules.PressureHigh("P_POST_OXY_HIGH", "Post-oxygenator pressure high", ChannelId.PPostOxygenator, 300, 200 * Time.MicrosPerMilli, SafetyAction.Alarm, AlarmPriority.Medium),
                // Drop about 67 at 4 L/min (Fried 1998); a run of days makes clotting the concern.
                StandardRules.PressureDropHigh("OXY_DROP_HIGH", "Oxygenator pressure drop high (clotting?)", ChannelId.PArterial, ChannelId.PPostOxygenator, 100, 60 * Time.MicrosPerSecond),
                // SAF-FLT-004: with the pump standing and the line held clamped the oxygenator drops nothing.
                StandardRules.StandstillDisagreement("ZERO_CHECK_ARTERIAL_POST_OXY", "Arterial and post-oxygenator pressures disagree at standstill: a transducer is off zero, re-zero both", ChannelId.PArterial, ChannelId.PPostOxygenator),

                backflow,
                startHold,
                startNotReached,
                AdultCpbProfile.LowFlow("FLOW_ARTERIAL_LOW", 1.0),

                StandardRules.SensorFault("SENSOR_FAULT_P_VENOUS", "Drainage pressure sensor fault", ChannelId.PVenous, AlarmPriority.Medium, true),
                StandardRules.SensorFault("SENSOR_FAULT_P_ARTERIAL", "Arterial pressure sensor fault", ChannelId.PArterial, AlarmPriority.High, false),
                StandardRules.SensorFault("SENSOR_FAULT_P_POST_OXY", "Post-oxygenator pressure sensor fault", ChannelId.PPostOxygenator, AlarmPriority.Medium, true),
                StandardRules.SensorFault("SENSOR_FAULT_BUBBLE_ARTERIAL", "Arterial air detector fault", ChannelId.BubbleArterial, AlarmPriority.High, false),
                StandardRules.SensorFault("SENSOR_FAULT_FLOW_ARTERIAL", "Arterial flow sensor fault", ChannelId.FlowArterial, AlarmPriority.High, false),

                StandardRules.PumpOutputMismatch(),
                StandardRules.SelfTestFailed(),
                StandardRules.CycleOverrun(),
            };
            return profile;
        }
    }
}
