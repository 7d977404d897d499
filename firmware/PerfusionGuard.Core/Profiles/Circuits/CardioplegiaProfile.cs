using System;
using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Profiles
{
    /// <summary>
    /// cardioplegia-antegrade and cardioplegia-retrograde: the module guards the roller cardioplegia
    /// pump. The line needs its own bubble detector and pressure alarm (guidelines in DOMAIN.md), and
    /// the cross-pump rules hold: no cardioplegia pump without the arterial pump; arterial flow must
    /// exceed cardioplegia flow. Retrograde delivery adds the coronary sinus pressure: about 40
    /// mmHg, above ~50 risks sinus injury (DOMAIN.md, pressures).
    /// </summary>
    public static class CardioplegiaProfile
    {
        /// <summary>A fresh cardioplegia-antegrade profile.</summary>
        public static CircuitProfile CreateAntegrade()
        {
            CircuitProfile profile = NewProfile("cardioplegia-antegrade", CircuitKind.CardioplegiaAntegrade, false);
            return profile;
        }

        /// <summary>A fresh cardioplegia-retrograde profile.</summary>
        public static CircuitProfile CreateRetrograde()
        {
            return NewProfile("cardioplegia-retrograde", CircuitKind.CardioplegiaRetrograde, true);
        }

        private static CircuitProfile NewProfile(string name, CircuitKind circuit, bool retrograde)
        {
            CircuitProfile profile = new CircuitProfile();
            profile.Name = name;
            profile.Circuit = circuit;
            profile.GuardedPump = PumpKind.Roller;
            profile.Channels = retrograde
                ? new ChannelId[]
                {
                    ChannelId.PCardioplegia, ChannelId.PCoronarySinus, ChannelId.BubbleCardioplegia,
                    ChannelId.FlowCardioplegia, ChannelId.FlowArterial,
                }
                : new ChannelId[]
                {
                    ChannelId.PCardioplegia, ChannelId.BubbleCardioplegia, ChannelId.FlowCardioplegia, ChannelId.FlowArterial,
                };

            // Cardioplegia pump without the arterial pump: latched, so that the pump does not come
            // back by itself once it stopped (its "running" status ends the condition) (SAF-XPM-001).
            ConditionRule withoutArterial = StandardRules.Make("CARDIOPLEGIA_WITHOUT_ARTERIAL",
                "Cardioplegia pump running without the arterial pump", ConditionKind.CardioplegiaWithoutArterial,
                ChannelId.FlowCardioplegia, SafetyAction.LatchedStop, ClearRule.OperatorReset, AlarmPriority.High);
            withoutArterial.PersistMicros = 500 * Time.MicrosPerMilli; // status lines of two consoles: debounce
            withoutArterial.FailSafeOnFault = false;

            // Cardioplegia flow must stay below arterial flow (SAF-XPM-002); a faulted flow meter on
            // either line counts as the violation.
            ConditionRule exceeds = StandardRules.Make("CARDIOPLEGIA_EXCEEDS_ARTERIAL",
                "Cardioplegia flow not below arterial flow", ConditionKind.CardioplegiaExceedsArterial,
                ChannelId.FlowCardioplegia, SafetyAction.Stop, ClearRule.SelfClearing, AlarmPriority.High);
            exceeds.SecondChannel = ChannelId.FlowArterial;
            exceeds.PersistMicros = 2 * Time.MicrosPerSecond;

            ConditionRule[] common = new ConditionRule[]
            {
                StandardRules.Air("AIR_CARDIOPLEGIA", "Air in cardioplegia line", ChannelId.BubbleCardioplegia, false),
                StandardRules.AirLatchFault("AIR_LATCH_FAULT_CARDIOPLEGIA", "Cardioplegia air latch does not follow the detector", ChannelId.BubbleCardioplegia, false),

                // Delivery line pressure through the heat exchanger and a small cannula: alert 250,
                // alarm 300, stop 350 (same roller-pump line-rupture bound as the arterial line).
                StandardRules.PressureHigh("P_CARDIOPLEGIA_ALERT", "Cardioplegia line pressure in alert band", ChannelId.PCardioplegia, 250, 0, SafetyAction.Advisory, AlarmPriority.None),
                StandardRules.PressureServo("P_CARDIOPLEGIA_SERVO", "Cardioplegia line pressure: pump speed limited", ChannelId.PCardioplegia, 250, 350),
                // SAF-PRS-008: a delivery line held by its servo for 30 s is occluded; under 0.05 L/min
                // (a tenth of a usual delivery flow; unverified) the heart gets no cardioplegia.
                StandardRules.ServoSustained("P_CARDIOPLEGIA_SERVO_LONG", "Pump speed limited by cardioplegia line pressure for long: occlusion? delivery reduced", ChannelId.PCardioplegia, StandardRules.DefaultServoSustainedMicros),
                StandardRules.ServoFlowCollapse("P_CARDIOPLEGIA_SERVO_NO_FLOW", "Cardioplegia line pressure holds the pump back and flow has collapsed: occlusion", ChannelId.PCardioplegia, ChannelId.FlowCardioplegia, 0.05),
                StandardRules.PressureHigh("P_CARDIOPLEGIA_HIGH", "Cardioplegia line pressure high", ChannelId.PCardioplegia, 300, 200 * Time.MicrosPerMilli, SafetyAction.Alarm, AlarmPriority.Medium),
                StandardRules.PressureHigh("P_CARDIOPLEGIA_STOP", "Cardioplegia line pressure at stop limit: pump stopped", ChannelId.PCardioplegia, 350, 50 * Time.MicrosPerMilli, SafetyAction.Stop, AlarmPriority.High),

                withoutArterial,
                exceeds,

                StandardRules.SensorFault("SENSOR_FAULT_P_CARDIOPLEGIA", "Cardioplegia pressure sensor fault", ChannelId.PCardioplegia, AlarmPriority.High, false),
                StandardRules.SensorFault("SENSOR_FAULT_BUBBLE_CARDIOPLEGIA", "Cardioplegia air detector fault", ChannelId.BubbleCardioplegia, AlarmPriority.High, false),
                StandardRules.SensorFault("SENSOR_FAULT_FLOW_CARDIOPLEGIA", "Cardioplegia flow sensor fault", ChannelId.FlowCardioplegia, AlarmPriority.Medium, false),
                StandardRules.SensorFault("SENSOR_FAULT_FLOW_ARTERIAL", "Arterial flow sensor fault", ChannelId.FlowArterial, AlarmPriority.Medium, false),

                StandardRules.PumpOutputMismatch(),
                StandardRules.SelfTestFailed(),
                StandardRules.CycleOverrun(),
            };

            if (!retrograde)
            {
                profile.Rules = common;
                return profile;
            }

            // Coronary sinus: about 40 normal, above ~50 risks sinus injury (DOMAIN.md) → stop at 50.
            // A sinus pressure that stays under 10 while delivering means the catheter slipped out
            // of the sinus: alarm, armed 10 s after pump start.
            // Normal sinus pressure sits only a few mmHg under the servo start (about 40 against 42):
            // release at 39, 3 mmHg of hysteresis (about four times the transducer noise). The sinus
            // is a slow compliant bed behind the catheter and the 8 mmHg band makes the loop stiff: a
            // long peak window or a slow release makes the sinus pressure swing (33-48 mmHg in the
            // emulator with the line defaults), so the sinus servo holds peaks for 0.1 s and releases
            // with 0.2 s, at most 1/s (chosen in cardioplegia-retrograde-sinus-pressure.json; unverified).
            ConditionRule sinusServo = StandardRules.PressureServo("P_CORONARY_SINUS_SERVO", "Coronary sinus pressure: pump speed limited", ChannelId.PCoronarySinus, 42, 50);
            sinusServo.ServoHysteresis = Pressure.FromMmHg(3);
            sinusServo.ServoPeakWindowMicros = 100 * Time.MicrosPerMilli;
            sinusServo.ServoReleaseTauMicros = 200 * Time.MicrosPerMilli;
            sinusServo.ServoReleasePerSecond = 1.0;

            ConditionRule[] sinus = new ConditionRule[]
            {
                StandardRules.PressureHigh("P_CORONARY_SINUS_ALERT", "Coronary sinus pressure in alert band", ChannelId.PCoronarySinus, 45, 0, SafetyAction.Advisory, AlarmPriority.None),
                sinusServo,
                // SAF-PRS-008: the sinus servo holding the pressure for 30 s means the delivery is
                // reduced (catheter wedged, flow set too high); no flow-collapse rule here, the line's covers it.
                StandardRules.ServoSustained("P_CORONARY_SINUS_SERVO_LONG", "Pump speed limited by coronary sinus pressure for long: delivery reduced", ChannelId.PCoronarySinus, StandardRules.DefaultServoSustainedMicros),
                StandardRules.PressureHigh("P_CORONARY_SINUS_HIGH", "Coronary sinus pressure high", ChannelId.PCoronarySinus, 48, 500 * Time.MicrosPerMilli, SafetyAction.Alarm, AlarmPriority.Medium),
                StandardRules.PressureHigh("P_CORONARY_SINUS_STOP", "Coronary sinus pressure at stop limit: pump stopped", ChannelId.PCoronarySinus, 50, 200 * Time.MicrosPerMilli, SafetyAction.Stop, AlarmPriority.High),
                StandardRules.Overridable(StandardRules.PressureLow("P_CORONARY_SINUS_LOW", "Coronary sinus pressure low: catheter displaced?", ChannelId.PCoronarySinus, 10, 2 * Time.MicrosPerSecond, 10 * Time.MicrosPerSecond, SafetyAction.Alarm, AlarmPriority.Medium)),
                StandardRules.SensorFault("SENSOR_FAULT_P_CORONARY_SINUS", "Coronary sinus pressure sensor fault", ChannelId.PCoronarySinus, AlarmPriority.High, false),
            };

            ConditionRule[] all = new ConditionRule[common.Length + sinus.Length];
            Array.Copy(common, 0, all, 0, common.Length);
            Array.Copy(sinus, 0, all, common.Length, sinus.Length);
            profile.Rules = all;
            return profile;
        }
    }
}
