using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Profiles
{
    /// <summary>
    /// hemoperfusion: a roller blood pump passes anticoagulated blood through an adsorbent column
    /// and returns it. Protected dialysis-style (DOMAIN.md, Fresenius 4008 and the return-line
    /// rules): return-line air stops the pump and closes the return clamp; return &gt; +450 mmHg for
    /// &gt; 3 s or access (pre-pump, p_access) &lt; −350 mmHg for &gt; 1 s stops; limits armed 10 s after pump start; no
    /// flow for &gt; 120 s alarms; a rising column pressure drop suggests clotting.
    /// </summary>
    public static class HemoperfusionProfile
    {
        /// <summary>Pressure limits are armed this long after the blood pump starts (DOMAIN.md).</summary>
        public const long ArmDelayMicros = 10 * Time.MicrosPerSecond;

        /// <summary>A fresh hemoperfusion profile.</summary>
        public static CircuitProfile Create()
        {
            CircuitProfile profile = new CircuitProfile();
            profile.Name = "hemoperfusion";
            profile.Circuit = CircuitKind.Hemoperfusion;
            profile.GuardedPump = PumpKind.Roller;
            profile.Channels = new ChannelId[]
            {
                ChannelId.PAccess, ChannelId.PPreColumn, ChannelId.PReturn, ChannelId.BubbleReturn, ChannelId.FlowArterial,
            };

            // Dialysis machines stop the blood pump and clamp the return line on a pressure limit
            // and wait for the operator: latched, with the clamp.
            ConditionRule returnStop = StandardRules.PressureHigh("P_RETURN_STOP", "Return pressure above limit: pump stopped, line clamped",
                ChannelId.PReturn, 450, 3 * Time.MicrosPerSecond, SafetyAction.LatchedStop, AlarmPriority.High);
            returnStop.ArmDelayMicros = ArmDelayMicros;
            returnStop.CloseClamp = true;

            // Return pressure falling toward zero while pumping: the return needle may be out and
            // the patient bleeding into the bed (the classic venous-low limit of dialysis machines).
            ConditionRule returnLow = StandardRules.PressureLow("P_RETURN_LOW", "Return pressure low: disconnection? pump stopped, line clamped",
                ChannelId.PReturn, 20, Time.MicrosPerSecond, ArmDelayMicros, SafetyAction.LatchedStop, AlarmPriority.High);
            returnLow.CloseClamp = true;

            // DOMAIN.md's access rule (< −350 for > 1 s → stop) on the access transducer between the
            // patient's access catheter and the blood pump: its pressure falls with the pump's suction
            // and with an occluded or kinked access (the catheter against the vessel wall). Pre-column
            // pressure is after the pump and never sees it. Alert band from −250 (unverified).
            ConditionRule accessLow = StandardRules.PressureLow("P_ACCESS_LOW", "Access pressure below limit: pump stopped",
                ChannelId.PAccess, -350, Time.MicrosPerSecond, ArmDelayMicros, SafetyAction.LatchedStop, AlarmPriority.High);
            ConditionRule accessAlert = StandardRules.PressureLow("P_ACCESS_LOW_ALERT", "Access pressure in alert band: access occluding or flow set too high?",
                ChannelId.PAccess, -250, Time.MicrosPerSecond, ArmDelayMicros, SafetyAction.Advisory, AlarmPriority.None);

            ConditionRule preColumnStop = StandardRules.PressureHigh("P_PRE_COLUMN_STOP", "Pre-column pressure above limit: pump stopped",
                ChannelId.PPreColumn, 500, 3 * Time.MicrosPerSecond, SafetyAction.LatchedStop, AlarmPriority.High);
            preColumnStop.ArmDelayMicros = ArmDelayMicros;

            ConditionRule noFlow = StandardRules.Make("NO_FLOW", "No blood flow for 120 s: column and lines may clot",
                ConditionKind.NoFlow, ChannelId.FlowArterial, SafetyAction.Alarm, ClearRule.SelfClearing, AlarmPriority.Medium);
            noFlow.FlowLimit = Flow.FromMlPerMin(20); // blood flow 100-250 ml/min; under 20 is no flow
            noFlow.PersistMicros = 120 * Time.MicrosPerSecond;

            ConditionRule returnAlert = StandardRules.PressureHigh("P_RETURN_ALERT", "Return pressure in alert band", ChannelId.PReturn, 350, 0, SafetyAction.Advisory, AlarmPriority.None);
            returnAlert.ArmDelayMicros = ArmDelayMicros;
            ConditionRule returnHigh = StandardRules.PressureHigh("P_RETURN_HIGH", "Return pressure high", ChannelId.PReturn, 400, Time.MicrosPerSecond, SafetyAction.Alarm, AlarmPriority.Medium);
            returnHigh.ArmDelayMicros = ArmDelayMicros;
            ConditionRule preColumnHigh = StandardRules.PressureHigh("P_PRE_COLUMN_HIGH", "Pre-column pressure high", ChannelId.PPreColumn, 400, Time.MicrosPerSecond, SafetyAction.Alarm, AlarmPriority.Medium);
            preColumnHigh.ArmDelayMicros = ArmDelayMicros;

            profile.Rules = new ConditionRule[]
            {
                // Return-line air goes to the patient's vein: stop the pump and close the clamp
                // (Fresenius 4008: one path stops the pump, one closes the venous clamp).
                StandardRules.Air("AIR_RETURN", "Air in return line", ChannelId.BubbleReturn, true),
                StandardRules.AirLatchFault("AIR_LATCH_FAULT_RETURN", "Return air latch does not follow the detector", ChannelId.BubbleReturn, true),

                returnAlert,
                returnHigh,
                returnStop,
                returnLow,
                // A roller pump against a clotting column: slow it from 350, zero at the 500 stop.
                StandardRules.PressureServo("P_PRE_COLUMN_SERVO", "Pre-column pressure: pump speed limited", ChannelId.PPreColumn, 350, 500),
                // SAF-PRS-008: a return-line or column occlusion held by the servo. Once the servo has
                // stopped the roller pump its "running" status drops and the pressure limits (armed
                // only while it runs) disarm: these alarm anyway. Blood flow 100-250 ml/min; under
                // 50 ml/min (unverified) it has collapsed.
                StandardRules.ServoSustained("P_PRE_COLUMN_SERVO_LONG", "Pump speed limited by pre-column pressure for long: column or return line occluded?", ChannelId.PPreColumn, StandardRules.DefaultServoSustainedMicros),
                StandardRules.ServoFlowCollapse("P_PRE_COLUMN_SERVO_NO_FLOW", "Pre-column pressure holds the pump back and flow has collapsed: occlusion", ChannelId.PPreColumn, ChannelId.FlowArterial, 0.1),
                preColumnHigh,
                preColumnStop,
                accessAlert,
                accessLow,
                // Column drop (pre-column minus return) sustained above 150 for 30 s: clotting advisory.
                StandardRules.PressureDropHigh("COLUMN_DROP_HIGH", "Column pressure drop high (clotting?)", ChannelId.PPreColumn, ChannelId.PReturn, 150, 30 * Time.MicrosPerSecond),
                // SAF-FLT-004: with the roller standing no blood crosses the column, so both sides must agree.
                StandardRules.StandstillDisagreement("ZERO_CHECK_PRE_COLUMN_RETURN", "Pre-column and return pressures disagree at standstill: a transducer is off zero, re-zero both", ChannelId.PPreColumn, ChannelId.PReturn),
                noFlow,

                StandardRules.SensorFault("SENSOR_FAULT_P_ACCESS", "Access pressure sensor fault", ChannelId.PAccess, AlarmPriority.High, false),
                StandardRules.SensorFault("SENSOR_FAULT_P_PRE_COLUMN", "Pre-column pressure sensor fault", ChannelId.PPreColumn, AlarmPriority.High, false),
                StandardRules.SensorFault("SENSOR_FAULT_P_RETURN", "Return pressure sensor fault", ChannelId.PReturn, AlarmPriority.High, false),
                StandardRules.SensorFault("SENSOR_FAULT_BUBBLE_RETURN", "Return air detector fault", ChannelId.BubbleReturn, AlarmPriority.High, false),
                StandardRules.SensorFault("SENSOR_FAULT_FLOW", "Blood flow sensor fault", ChannelId.FlowArterial, AlarmPriority.Medium, true),

                StandardRules.PumpOutputMismatch(),
                StandardRules.SelfTestFailed(),
                StandardRules.CycleOverrun(),
            };
            return profile;
        }
    }
}
