using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Profiles
{
    /// <summary>
    /// Builders for the rules the built-in circuit profiles share: air, air-latch supervision,
    /// sensor faults, the pump output, the self-test and the cycle heartbeat. Every call returns a
    /// fresh <see cref="ConditionRule"/> so that a caller may change one profile's limits without
    /// touching another's.
    /// </summary>
    public static class StandardRules
    {
        /// <summary>Longest operator override of the rules that allow one: 10 minutes (DESIGN.md, concept 5: time-limited).</summary>
        public const long DefaultMaxOverrideMicros = 10 * Time.MicrosPerMinute;

        /// <summary>
        /// Settling time of the pump-enable relay and its readback before a disagreement counts:
        /// 50 ms covers a 10-20 ms relay plus two 10 ms cycles of sampling skew (SAF-OUT-002).
        /// </summary>
        public const long OutputSettlingMicros = 50 * Time.MicrosPerMilli;

        /// <summary>
        /// Detector and latch may disagree for this long before it is a fault: the latch trips in
        /// under 1 ms, so two 10 ms cycles exclude the skew between reading the detector and the
        /// latch readback (SAF-AIR-003).
        /// </summary>
        public const long AirLatchSkewMicros = 20 * Time.MicrosPerMilli;

        /// <summary>A rule with its identity, kind, channel, action, clear rule and priority; limits are set by the caller.</summary>
        public static ConditionRule Make(string alarmId, string message, ConditionKind kind, ChannelId channel,
            SafetyAction action, ClearRule clear, AlarmPriority priority)
        {
            ConditionRule rule = new ConditionRule();
            rule.AlarmId = alarmId;
            rule.Message = message;
            rule.Kind = kind;
            rule.Channel = channel;
            rule.SecondChannel = channel;
            rule.Action = action;
            rule.Clear = clear;
            rule.Priority = priority;
            rule.FailSafeOnFault = true;
            return rule;
        }

        /// <summary>
        /// Air on a detector: latched stop at once, cleared only by a local operator reset, never
        /// overridable (SAF-AIR-001, SAF-AIR-002). <paramref name="closeClamp"/> also closes the
        /// line clamp (ECMO, hemoperfusion return line: DOMAIN.md, Fresenius 4008 stops the pump and
        /// closes the venous clamp).
        /// </summary>
        public static ConditionRule Air(string alarmId, string message, ChannelId detector, bool closeClamp)
        {
            ConditionRule rule = Make(alarmId, message, ConditionKind.Air, detector,
                SafetyAction.LatchedStop, ClearRule.OperatorReset, AlarmPriority.High);
            rule.CloseClamp = closeClamp;
            return rule;
        }

        /// <summary>
        /// The detector reports air but its hardware latch does not read back tripped: the
        /// independent hardware stop path is broken. Latched stop, technical (SAF-AIR-003).
        /// </summary>
        public static ConditionRule AirLatchFault(string alarmId, string message, ChannelId detector, bool closeClamp)
        {
            ConditionRule rule = Make(alarmId, message, ConditionKind.AirLatchFault, detector,
                SafetyAction.LatchedStop, ClearRule.OperatorReset, AlarmPriority.High);
            rule.Technical = true;
            rule.PersistMicros = AirLatchSkewMicros;
            rule.FailSafeOnFault = false; // a faulted detector already trips the air rule itself
            rule.CloseClamp = closeClamp;
            return rule;
        }

        /// <summary>
        /// Microbubble count rate above <paramref name="countPerMinuteLimit"/>: an advisory, they do
        /// not stop the pump but are worth reporting (DOMAIN.md, sensors: hundreds to ~2000 per 10 min).
        /// </summary>
        public static ConditionRule Microbubbles(string alarmId, string message, ChannelId detector, int countPerMinuteLimit)
        {
            ConditionRule rule = Make(alarmId, message, ConditionKind.Microbubbles, detector,
                SafetyAction.Advisory, ClearRule.SelfClearing, AlarmPriority.Low);
            rule.CountPerMinuteLimit = countPerMinuteLimit;
            rule.FailSafeOnFault = false; // the air rule covers a faulted detector
            return rule;
        }

        /// <summary>Pressure above <paramref name="limitMmHg"/> for <paramref name="persistMicros"/>.</summary>
        public static ConditionRule PressureHigh(string alarmId, string message, ChannelId channel, double limitMmHg,
            long persistMicros, SafetyAction action, AlarmPriority priority)
        {
            ConditionRule rule = Make(alarmId, message, ConditionKind.PressureHigh, channel,
                action, action == SafetyAction.LatchedStop ? ClearRule.OperatorReset : ClearRule.SelfClearing, priority);
            rule.PressureLimit = Pressure.FromMmHg(limitMmHg);
            rule.PersistMicros = persistMicros;
            return rule;
        }

        /// <summary>
        /// Pressure below <paramref name="limitMmHg"/> for <paramref name="persistMicros"/>, armed
        /// <paramref name="armDelayMicros"/> after the guarded pump starts (a stopped pump reads low
        /// pressures that are no hazard; SAF-SUP-005).
        /// </summary>
        public static ConditionRule PressureLow(string alarmId, string message, ChannelId channel, double limitMmHg,
            long persistMicros, long armDelayMicros, SafetyAction action, AlarmPriority priority)
        {
            ConditionRule rule = Make(alarmId, message, ConditionKind.PressureLow, channel,
                action, action == SafetyAction.LatchedStop ? ClearRule.OperatorReset : ClearRule.SelfClearing, priority);
            rule.PressureLimit = Pressure.FromMmHg(limitMmHg);
            rule.PersistMicros = persistMicros;
            rule.ArmDelayMicros = armDelayMicros;
            return rule;
        }

        /// <summary>
        /// Default servo release hysteresis, mmHg: ten times the transducer noise (0.8 mmHg rms) and
        /// about the ripple of a roller pump in an arterial line, well below the gap between the
        /// shipped servo starts and normal line pressures (unverified; SAF-PRS-007).
        /// </summary>
        public const double DefaultServoHysteresisMmHg = 10;

        /// <summary>
        /// Default fastest rise of a servo's speed limit, fraction per second: from 0 back to full
        /// speed in 10 s, slow against the pump's and the line's response so that the loop settles
        /// instead of hunting; perfusionists ramp pump speed over seconds too. Chosen in the
        /// emulator's occlusion-approach scenario (tests/scenarios/adult-cpb-occlusion-approach.json;
        /// 0.2 left 65 output reversals a minute, 0.1 with the time constant 3) (unverified; SAF-PRS-007).
        /// </summary>
        public const double DefaultServoReleasePerSecond = 0.1;

        /// <summary>
        /// Default time constant of a rising servo limit toward its target: 1 s, longer than the
        /// arterial line's pressure response to a speed change (unverified; SAF-PRS-007).
        /// </summary>
        public const long DefaultServoReleaseTauMicros = Time.MicrosPerSecond;

        /// <summary>
        /// Default servo peak window: 1 s, longer than the pulsation period of a twin-roller head
        /// turning at 50 rpm or more (0.6 s; DOMAIN.md, pumps: 50-150 rpm) (SAF-PRS-007).
        /// </summary>
        public const long DefaultServoPeakWindowMicros = Time.MicrosPerSecond;

        /// <summary>
        /// Servo: the pump speed limit falls linearly from 1 at <paramref name="startMmHg"/> to 0 at
        /// <paramref name="limitMmHg"/> (Terumo System 1, LivaNova S5: speed reduced as pressure
        /// approaches the limit; DOMAIN.md, pressure; SAF-PRS-002); it works on the peak pressure of
        /// the last <see cref="DefaultServoPeakWindowMicros"/>, falls at once, rises toward its target
        /// with <see cref="DefaultServoReleaseTauMicros"/> and at most
        /// <see cref="DefaultServoReleasePerSecond"/>, and releases below the start minus
        /// <see cref="DefaultServoHysteresisMmHg"/> (SAF-PRS-007).
        /// </summary>
        public static ConditionRule PressureServo(string alarmId, string message, ChannelId channel,
            double startMmHg, double limitMmHg)
        {
            ConditionRule rule = Make(alarmId, message, ConditionKind.PressureServo, channel,
                SafetyAction.SpeedLimit, ClearRule.SelfClearing, AlarmPriority.Low);
            rule.ServoStart = Pressure.FromMmHg(startMmHg);
            rule.PressureLimit = Pressure.FromMmHg(limitMmHg);
            rule.ServoHysteresis = Pressure.FromMmHg(DefaultServoHysteresisMmHg);
            rule.ServoReleasePerSecond = DefaultServoReleasePerSecond;
            rule.ServoPeakWindowMicros = DefaultServoPeakWindowMicros;
            rule.ServoReleaseTauMicros = DefaultServoReleaseTauMicros;
            return rule;
        }

        /// <summary>
        /// Default time a servo may limit the pump before it alarms: 30 s. A kink or a cannula
        /// against a vessel wall that the perfusionist clears takes seconds; a servo still limiting
        /// after half a minute is holding the pressure under its stop limit at the cost of the
        /// patient's flow (unverified; SAF-PRS-008).
        /// </summary>
        public const long DefaultServoSustainedMicros = 30 * Time.MicrosPerSecond;

        /// <summary>Flow below the floor while the servo limits, this long, is a collapse: 5 s, as the low-flow rule's persistence (SAF-PRS-008).</summary>
        public const long ServoFlowCollapseMicros = 5 * Time.MicrosPerSecond;

        /// <summary>
        /// The servo on <paramref name="channel"/> has limited the pump for <paramref name="persistMicros"/>:
        /// commercial consoles annunciate servo regulation. Medium alarm, escalating to high by the
        /// alarm model if it goes on (SAF-PRS-008, SAF-ALM-002). List it after its servo rule.
        /// </summary>
        public static ConditionRule ServoSustained(string alarmId, string message, ChannelId channel, long persistMicros)
        {
            ConditionRule rule = Make(alarmId, message, ConditionKind.ServoSustained, channel,
                SafetyAction.Alarm, ClearRule.SelfClearing, AlarmPriority.Medium);
            rule.PersistMicros = persistMicros;
            rule.FailSafeOnFault = false; // the servo itself already reads a faulted transducer as at its limit
            return rule;
        }

        /// <summary>
        /// The servo on <paramref name="channel"/> limits the pump and the flow on <paramref name="flow"/>
        /// has fallen below <paramref name="floorLPerMin"/> for <see cref="ServoFlowCollapseMicros"/>:
        /// the servo is holding an occlusion and the patient gets little or nothing. High alarm;
        /// a faulted flow meter counts as collapsed (SAF-PRS-008, SAF-FLT-001). When the servo takes
        /// a roller pump down to a standstill its "running" status drops and the low-flow rule
        /// disarms: this rule does not depend on it.
        /// </summary>
        public static ConditionRule ServoFlowCollapse(string alarmId, string message, ChannelId channel, ChannelId flow, double floorLPerMin)
        {
            ConditionRule rule = Make(alarmId, message, ConditionKind.ServoSustained, channel,
                SafetyAction.Alarm, ClearRule.SelfClearing, AlarmPriority.High);
            rule.SecondChannel = flow;
            rule.FlowLimit = Flow.FromLPerMin(floorLPerMin);
            rule.PersistMicros = ServoFlowCollapseMicros;
            return rule;
        }

        /// <summary>
        /// Pressure drop across a device (<paramref name="before"/> minus <paramref name="after"/>)
        /// above <paramref name="limitMmHg"/>: a rising drop suggests clotting (DOMAIN.md, Fried et
        /// al. 1998 for oxygenators; hemoperfusion columns alike). Advisory, overridable.
        /// </summary>
        public static ConditionRule PressureDropHigh(string alarmId, string message, ChannelId before, ChannelId after,
            double limitMmHg, long persistMicros)
        {
            ConditionRule rule = Make(alarmId, message, ConditionKind.PressureDropHigh, before,
                SafetyAction.Advisory, ClearRule.SelfClearing, AlarmPriority.Low);
            rule.SecondChannel = after;
            rule.PressureLimit = Pressure.FromMmHg(limitMmHg);
            rule.PersistMicros = persistMicros;
            rule.Overridable = true;
            rule.MaxOverrideMicros = DefaultMaxOverrideMicros;
            return rule;
        }

        /// <summary>
        /// The line stays clamped after the guarded pump starts until it delivers forward pressure
        /// (<paramref name="outletPressure"/> at or above <paramref name="openingMmHg"/>) or forward
        /// flow (<paramref name="lineFlow"/> at or above <paramref name="forwardLPerMin"/>), and
        /// closes again whenever the pump stands (SAF-BKF-004). A centrifugal pump restarting into
        /// an open line is driven backwards by the patient's pressure until its head exceeds it
        /// (DOMAIN.md, pumps; Cardiohelp, Bio-Console: backflow prevention, clamp). An advisory: a
        /// normal start is no alarm. Overridable, so that a perfusionist can open the line by hand
        /// when the outlet transducer is faulted (forward flow then ends the hold for good).
        /// </summary>
        public static ConditionRule ForwardHold(string alarmId, string message, ChannelId outletPressure, ChannelId lineFlow,
            double openingMmHg, double forwardLPerMin)
        {
            ConditionRule rule = Make(alarmId, message, ConditionKind.ForwardNotEstablished, outletPressure,
                SafetyAction.Advisory, ClearRule.SelfClearing, AlarmPriority.None);
            rule.SecondChannel = lineFlow;
            rule.PressureLimit = Pressure.FromMmHg(openingMmHg);
            rule.FlowLimit = Flow.FromLPerMin(forwardLPerMin);
            rule.CloseClamp = true;
            // A faulted channel already cannot prove forward delivery; nothing re-clamps an established run.
            rule.FailSafeOnFault = false;
            return Overridable(rule);
        }

        /// <summary>
        /// The guarded pump has run <paramref name="afterRunningMicros"/> without delivering forward
        /// pressure or flow: the line is still held clamped and the patient gets nothing; medium
        /// alarm, escalating by the alarm model (SAF-BKF-004, SAF-ALM-002).
        /// </summary>
        public static ConditionRule ForwardNotReached(string alarmId, string message, ConditionRule hold, long afterRunningMicros)
        {
            ConditionRule rule = Make(alarmId, message, ConditionKind.ForwardNotEstablished, hold.Channel,
                SafetyAction.Alarm, ClearRule.SelfClearing, AlarmPriority.Medium);
            rule.SecondChannel = hold.SecondChannel;
            rule.PressureLimit = hold.PressureLimit;
            rule.FlowLimit = hold.FlowLimit;
            rule.ArmDelayMicros = afterRunningMicros;
            rule.FailSafeOnFault = false;
            return rule;
        }

        /// <summary>
        /// Default standstill disagreement limit: 30 mmHg. Two transducers on one column at zero flow
        /// differ only by their height difference (0.74 mmHg per cm; both sit on the oxygenator or
        /// the machine front, within about 20 cm) and their drift (±2 mmHg over 3 h each; DOMAIN.md),
        /// so more than 30 is a transducer off zero. Smaller drift is below what this can tell
        /// (unverified; SAF-FLT-004).
        /// </summary>
        public const double DefaultStandstillDisagreementMmHg = 30;

        /// <summary>
        /// The pump must stand this long, and the pair disagree all that time, before it counts: the
        /// line pressures settle within seconds of a stop (unverified; SAF-FLT-004).
        /// </summary>
        public const long StandstillSettleMicros = 10 * Time.MicrosPerSecond;

        /// <summary>
        /// With the pump standing for <see cref="StandstillSettleMicros"/>, <paramref name="first"/>
        /// and <paramref name="second"/> (across a passive device: oxygenator, column) read more than
        /// <see cref="DefaultStandstillDisagreementMmHg"/> apart: one of them is off zero. Which one
        /// cannot be told, so it is an alarm, technical, medium, latched until a local reset after
        /// the pair agrees again (re-zeroed) — a restarted pump ends the check but not the finding
        /// (SAF-FLT-004).
        /// </summary>
        public static ConditionRule StandstillDisagreement(string alarmId, string message, ChannelId first, ChannelId second)
        {
            ConditionRule rule = Make(alarmId, message, ConditionKind.StandstillDisagreement, first,
                SafetyAction.Alarm, ClearRule.OperatorReset, AlarmPriority.Medium);
            rule.SecondChannel = second;
            rule.PressureLimit = Pressure.FromMmHg(DefaultStandstillDisagreementMmHg);
            rule.PersistMicros = StandstillSettleMicros;
            rule.Technical = true;
            rule.FailSafeOnFault = false; // a faulted transducer raises its own alarm
            return rule;
        }

        /// <summary>
        /// A channel's quality is not Good: technical alarm. The rules on that channel act as if it
        /// read its dangerous value at the same time (fail-safe, SAF-FLT-001, SAF-FLT-002).
        /// </summary>
        public static ConditionRule SensorFault(string alarmId, string message, ChannelId channel, AlarmPriority priority, bool overridable)
        {
            ConditionRule rule = Make(alarmId, message, ConditionKind.SensorFault, channel,
                SafetyAction.Alarm, ClearRule.SelfClearing, priority);
            rule.Technical = true;
            rule.Overridable = overridable;
            rule.MaxOverrideMicros = overridable ? DefaultMaxOverrideMicros : 0;
            return rule;
        }

        /// <summary>
        /// Commanded and read-back pump enable disagree for longer than the relay settles: latched
        /// stop, technical (SAF-OUT-002). Latched because the stop makes the two agree again, which
        /// would otherwise re-enable a faulty output every 50 ms.
        /// </summary>
        public static ConditionRule PumpOutputMismatch()
        {
            ConditionRule rule = Make("PUMP_OUTPUT_MISMATCH", "Pump enable output does not follow its command",
                ConditionKind.PumpOutputMismatch, ChannelId.PArterial,
                SafetyAction.LatchedStop, ClearRule.OperatorReset, AlarmPriority.High);
            rule.Technical = true;
            rule.PersistMicros = OutputSettlingMicros;
            rule.FailSafeOnFault = false;
            return rule;
        }

        /// <summary>The start-up self-test has not passed: stop, clearing by itself once it passes (SAF-SUP-008).</summary>
        public static ConditionRule SelfTestFailed()
        {
            ConditionRule rule = Make("SELFTEST_FAILED", "Self-test not passed: pump blocked",
                ConditionKind.SelfTestFailed, ChannelId.PArterial,
                SafetyAction.Stop, ClearRule.SelfClearing, AlarmPriority.High);
            rule.Technical = true;
            rule.FailSafeOnFault = false;
            return rule;
        }

        /// <summary>
        /// The safety cycle overran or stalled: technical alarm that stays until a local reset so
        /// that a one-cycle event is not missed (SAF-CYC-002). The watchdog is the stop path for a
        /// real hang.
        /// </summary>
        public static ConditionRule CycleOverrun()
        {
            ConditionRule rule = Make("CYCLE_OVERRUN", "Safety cycle overran its period",
                ConditionKind.CycleOverrun, ChannelId.PArterial,
                SafetyAction.Alarm, ClearRule.OperatorReset, AlarmPriority.Medium);
            rule.Technical = true;
            rule.FailSafeOnFault = false;
            return rule;
        }

        /// <summary>Makes an alarm or advisory rule overridable for at most <see cref="DefaultMaxOverrideMicros"/>.</summary>
        public static ConditionRule Overridable(ConditionRule rule)
        {
            rule.Overridable = true;
            rule.MaxOverrideMicros = DefaultMaxOverrideMicros;
            return rule;
        }
    }
}
