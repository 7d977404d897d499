using System;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Units;

namespace PerfusionGuard.Safety
{
    /// <summary>
    /// The interlock supervisor, modelled on PX4's failsafe framework: a pure step
    /// <see cref="Update"/> over injected time and the cycle's inputs, returning the decision. It
    /// holds no hidden clock and allocates nothing after construction (SAF-SUP-001): all per-rule
    /// state lives in arrays sized from the profile at start-up.
    /// <para>
    /// Each rule of the profile goes through the same steps every cycle: arming (counted from the
    /// guarded pump's start), the raw condition (with fail-safe on a faulted channel), persistence,
    /// latching, override; then the most severe effective action wins (SAF-SUP-002). Every state
    /// change is recorded in the <see cref="SafetyEventRing"/> (SAF-SUP-007).
    /// </para>
    /// </summary>
    public sealed class InterlockSupervisor : IConditionMonitor
    {
        private readonly CircuitProfile _profile;
        private readonly ConditionRule[] _rules;
        private readonly SafetyEventRing _events;
        private readonly ConditionStatus[] _status;

        // Time the raw condition became true, -1 while it is false (persistence, SAF-SUP-006).
        private readonly long[] _rawSinceMicros;

        // The rule became active and clears only by a local operator reset (ClearRule.OperatorReset).
        private readonly bool[] _tripped;

        // Speed-limit fraction each servo rule asks for this cycle, and whether the servo is engaged
        // (entered above its start, not yet released below start minus hysteresis; SAF-PRS-007).
        private readonly double[] _servoFraction;
        private readonly bool[] _servoEngaged;
        private long _lastUpdateMicros = -1;

        // Servo peak window (SAF-PRS-007): per servo rule, ServoPeakBlocks block maxima covering the
        // rule's window, the block being filled and when it ends. Fixed arrays: nothing allocated per cycle.
        private const int ServoPeakBlocks = 10;
        private const double NoPeakMmHg = -1e9; // below every pressure a transducer reads
        private readonly int[] _servoPeakSlot;
        private readonly double[] _servoBlockMaxMmHg;
        private readonly int[] _servoBlock;
        private readonly long[] _servoBlockEndsMicros;

        private readonly bool[] _airChannels = new bool[ChannelNames.Count];

        // ForwardNotEstablished rules: the guarded pump has delivered forward pressure or flow since
        // it last started (SAF-BKF-004). Kept for every such rule whether or not it is armed, so that
        // a rule armed later sees what happened since the start.
        private readonly bool[] _forwardEstablished;

        // ServoSustained rules: index of the servo rule they watch (validated to come earlier, so
        // its state is this cycle's), -1 for other kinds (SAF-PRS-008).
        private readonly int[] _watchedServo;

        private bool _guardedRunningBefore;
        private long _guardedStartedMicros;
        private bool _guardedHasRun;
        private long _mismatchSinceMicros = -1;
        private SafetyDecision _lastDecision;

        /// <summary>
        /// Creates a supervisor for <paramref name="profile"/>, which is validated first
        /// (SAF-PRF-004): an invalid profile throws <see cref="ArgumentException"/> with the
        /// validator's message. Events are recorded into <paramref name="events"/>.
        /// </summary>
        public InterlockSupervisor(CircuitProfile profile, SafetyEventRing events)
        {
            if (events == null)
            {
                throw new ArgumentException("interlock supervisor: an event ring is required");
            }

            string error;
            if (!ProfileValidator.Validate(profile, out error))
            {
                throw new ArgumentException(error);
            }

            _profile = profile;
            _rules = profile.Rules;
            _events = events;
            _status = new ConditionStatus[_rules.Length];
            _rawSinceMicros = new long[_rules.Length];
            _tripped = new bool[_rules.Length];
            _servoFraction = new double[_rules.Length];
            _forwardEstablished = new bool[_rules.Length];
            _watchedServo = new int[_rules.Length];
            _servoEngaged = new bool[_rules.Length];
            // Peak windows only for the rules that have one (a few servos among dozens of rules): the
            // block table is the supervisor's largest array, and heap is scarce on the module.
            _servoPeakSlot = new int[_rules.Length];
            int peakSlots = 0;
            for (int i = 0; i < _rules.Length; i++)
            {
                _servoPeakSlot[i] = _rules[i].ServoPeakWindowMicros > 0 ? peakSlots++ : -1;
            }

            _servoBlockMaxMmHg = new double[peakSlots * ServoPeakBlocks];
            _servoBlock = new int[peakSlots];
            _servoBlockEndsMicros = new long[peakSlots];
            for (int i = 0; i < _rules.Length; i++)
            {
                _rawSinceMicros[i] = -1;
                _servoFraction[i] = 1.0;
                _status[i].ServoFraction = 1.0;
                ResetServoPeak(_servoPeakSlot[i]);
                _watchedServo[i] = _rules[i].Kind == ConditionKind.ServoSustained ? ProfileValidator.ServoRuleIndexFor(profile, i) : -1;
            }

            for (int c = 0; c < profile.Channels.Length; c++)
            {
                if (ChannelNames.KindOf(profile.Channels[c]) == ChannelKind.Air)
                {
                    _airChannels[(int)profile.Channels[c]] = true;
                }
            }

            // Before the first cycle nothing is known: the pump is not enabled (energize-to-run).
            _lastDecision = new SafetyDecision(SafetyAction.Stop, -1, 0.0, false);
        }

        /// <summary>The profile this supervisor enforces.</summary>
        public CircuitProfile Profile => _profile;

        /// <summary>Where every state change is recorded.</summary>
        public SafetyEventRing Events => _events;

        /// <summary>The decision of the last <see cref="Update"/>; a stop before the first one.</summary>
        public SafetyDecision LastDecision => _lastDecision;

        /// <inheritdoc />
        public int RuleCount => _rules.Length;

        /// <inheritdoc />
        public ConditionRule RuleAt(int ruleIndex) => _rules[ruleIndex];

        /// <inheritdoc />
        public ConditionStatus StatusAt(int ruleIndex) => _status[ruleIndex];

        /// <summary>Index of the rule with <paramref name="alarmId"/>; -1 when the profile has none.</summary>
        public int FindRule(string alarmId)
        {
            for (int i = 0; i < _rules.Length; i++)
            {
                if (_rules[i].AlarmId == alarmId)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>
        /// One supervisor step at <paramref name="nowMicros"/> over <paramref name="inputs"/>.
        /// Pure apart from the supervisor's own rule states; allocates nothing.
        /// </summary>
        public SafetyDecision Update(long nowMicros, SafetyInputs inputs)
        {
            // Arming is counted from the rising edge of the guarded pump's running status (SAF-SUP-005).
            if (inputs.GuardedPumpRunning && !_guardedRunningBefore)
            {
                _guardedStartedMicros = nowMicros;
                _guardedHasRun = true;
            }

            _guardedRunningBefore = inputs.GuardedPumpRunning;
            TrackOutputMismatch(nowMicros, inputs);
            TrackForwardDelivery(inputs);

            // Time since the previous step, for the servo's release rate; none before the first step
            // and none if the clock ever ran backwards.
            double dtSec = _lastUpdateMicros < 0 || nowMicros < _lastUpdateMicros ? 0.0 : (nowMicros - _lastUpdateMicros) / (double)Time.MicrosPerSecond;
            _lastUpdateMicros = nowMicros;

            SafetyAction worst = SafetyAction.None;
            int cause = -1;
            double speedLimit = 1.0;
            bool clamp = false;

            for (int i = 0; i < _rules.Length; i++)
            {
                ConditionRule rule = _rules[i];

                // Overrides end by themselves (DESIGN.md, concept 5: time-limited; SAF-SUP-004).
                if (_status[i].Overridden && nowMicros >= _status[i].OverrideUntilMicros)
                {
                    _status[i].Overridden = false;
                    _status[i].EffectiveAction = EffectiveActionOf(i);
                    _events.Record(nowMicros, SafetyEventKind.OverrideEnded, i, _status[i].EffectiveAction, CommandSource.Firmware);
                }

                bool armed = IsArmed(rule, nowMicros, inputs);
                if (!armed && rule.Kind == ConditionKind.PressureServo)
                {
                    // A disarmed servo starts afresh when it is armed again.
                    _servoEngaged[i] = false;
                    _servoFraction[i] = 1.0;
                    ResetServoPeak(_servoPeakSlot[i]);
                }

                bool raw = armed && RawCondition(i, rule, nowMicros, dtSec, inputs);
                bool holds;
                if (raw)
                {
                    if (_rawSinceMicros[i] < 0)
                    {
                        _rawSinceMicros[i] = nowMicros;
                    }

                    // Air acts at once, whatever the rule says (SAF-AIR-001).
                    holds = rule.Kind == ConditionKind.Air || nowMicros - _rawSinceMicros[i] >= rule.PersistMicros;
                }
                else
                {
                    _rawSinceMicros[i] = -1;
                    holds = false;
                }

                bool raised = false;
                bool cleared = false;
                if (holds && !_status[i].Active)
                {
                    _status[i].Active = true;
                    _status[i].RaisedAtMicros = nowMicros;
                    if (rule.Clear == ClearRule.OperatorReset)
                    {
                        _tripped[i] = true;
                    }

                    raised = true;
                }
                else if (!holds && _status[i].Active)
                {
                    _status[i].Active = false;
                    cleared = true;
                }

                _status[i].Latched = _tripped[i] && !_status[i].Active;
                _status[i].InEffect = _status[i].Active || _tripped[i];
                _status[i].EffectiveAction = EffectiveActionOf(i);
                _status[i].ServoFraction = _servoFraction[i];

                if (raised)
                {
                    _events.Record(nowMicros, SafetyEventKind.ConditionRaised, i, _status[i].EffectiveAction, CommandSource.Firmware);
                }
                else if (cleared)
                {
                    _events.Record(nowMicros, SafetyEventKind.ConditionCleared, i, _status[i].EffectiveAction, CommandSource.Firmware);
                }

                SafetyAction effective = _status[i].EffectiveAction;
                if (effective > worst)
                {
                    worst = effective;
                    cause = i;
                }

                if (_status[i].InEffect && !_status[i].Overridden)
                {
                    if (rule.Kind == ConditionKind.PressureServo && _servoFraction[i] < speedLimit)
                    {
                        speedLimit = _servoFraction[i];
                    }

                    if (rule.CloseClamp)
                    {
                        clamp = true;
                    }
                }
            }

            SafetyDecision decision = new SafetyDecision(worst, cause, speedLimit, clamp);
            if (decision.PumpEnable != _lastDecision.PumpEnable)
            {
                _events.Record(nowMicros, decision.PumpEnable ? SafetyEventKind.PumpEnabled : SafetyEventKind.PumpStopped,
                    cause, worst, CommandSource.Firmware);
            }

            _lastDecision = decision;
            return decision;
        }

        /// <summary>
        /// The local operator reset (SAF-SUP-003): clears every latched rule whose condition has
        /// gone. Refused, with a CommandRefused event, when the source is not local (nothing remote
        /// resets a latched stop; DESIGN.md, concept 3) or when nothing can be reset because the
        /// conditions persist. The pump comes back at the next <see cref="Update"/>.
        /// </summary>
        public bool TryOperatorReset(long nowMicros, CommandSource source)
        {
            if (!IsLocal(source))
            {
                _events.Record(nowMicros, SafetyEventKind.CommandRefused, -1, _lastDecision.Action, source);
                return false;
            }

            bool anyReset = false;
            for (int i = 0; i < _rules.Length; i++)
            {
                // "Gone" means the raw condition is false too, not merely below its persistence time.
                if (_tripped[i] && !_status[i].Active && _rawSinceMicros[i] < 0)
                {
                    _tripped[i] = false;
                    _status[i].Latched = false;
                    _status[i].InEffect = false;
                    _status[i].EffectiveAction = SafetyAction.None;
                    _events.Record(nowMicros, SafetyEventKind.ConditionReset, i, SafetyAction.None, source);
                    anyReset = true;
                }
            }

            if (!anyReset)
            {
                _events.Record(nowMicros, SafetyEventKind.CommandRefused, -1, _lastDecision.Action, source);
            }

            return anyReset;
        }

        /// <summary>
        /// Overrides rule <paramref name="ruleIndex"/> for <paramref name="durationMicros"/>: while
        /// overridden the rule contributes only an advisory (SAF-SUP-004). Refused (false and a
        /// CommandRefused event) unless the source is local, the rule is overridable, air rules are
        /// allowed by the profile, and 0 &lt; duration ≤ the rule's MaxOverrideMicros.
        /// </summary>
        public bool TrySetOverride(int ruleIndex, long durationMicros, long nowMicros, CommandSource source)
        {
            if (!IsLocal(source) || ruleIndex < 0 || ruleIndex >= _rules.Length)
            {
                _events.Record(nowMicros, SafetyEventKind.CommandRefused, ruleIndex, _lastDecision.Action, source);
                return false;
            }

            ConditionRule rule = _rules[ruleIndex];
            bool allowed = rule.Overridable
                && (!ProfileValidator.IsAirRule(rule.Kind) || _profile.AllowAirOverride)
                && durationMicros > 0
                && durationMicros <= rule.MaxOverrideMicros;
            if (!allowed)
            {
                _events.Record(nowMicros, SafetyEventKind.CommandRefused, ruleIndex, _status[ruleIndex].EffectiveAction, source);
                return false;
            }

            _status[ruleIndex].Overridden = true;
            _status[ruleIndex].OverrideUntilMicros = nowMicros + durationMicros;
            _status[ruleIndex].EffectiveAction = EffectiveActionOf(ruleIndex);
            _events.Record(nowMicros, SafetyEventKind.OverrideStarted, ruleIndex, _status[ruleIndex].EffectiveAction, source);
            return true;
        }

        /// <summary>Ends an override early (local sources only); false and CommandRefused when none is running or the source is remote.</summary>
        public bool TryClearOverride(int ruleIndex, long nowMicros, CommandSource source)
        {
            if (!IsLocal(source) || ruleIndex < 0 || ruleIndex >= _rules.Length || !_status[ruleIndex].Overridden)
            {
                _events.Record(nowMicros, SafetyEventKind.CommandRefused, ruleIndex, _lastDecision.Action, source);
                return false;
            }

            _status[ruleIndex].Overridden = false;
            _status[ruleIndex].EffectiveAction = EffectiveActionOf(ruleIndex);
            _events.Record(nowMicros, SafetyEventKind.OverrideEnded, ruleIndex, _status[ruleIndex].EffectiveAction, source);
            return true;
        }

        private SafetyAction EffectiveActionOf(int i)
        {
            if (!_status[i].InEffect)
            {
                return SafetyAction.None;
            }

            SafetyAction action = _rules[i].Action;
            if (_status[i].Overridden && action > SafetyAction.Advisory)
            {
                return SafetyAction.Advisory;
            }

            return action;
        }

        private bool IsArmed(ConditionRule rule, long nowMicros, SafetyInputs inputs)
        {
            if (rule.Kind == ConditionKind.NoFlow)
            {
                // Blood stands in the column once the pump has run and stopped (DOMAIN.md).
                return _guardedHasRun;
            }

            if (rule.ArmDelayMicros <= 0)
            {
                return true;
            }

            return inputs.GuardedPumpRunning && nowMicros - _guardedStartedMicros >= rule.ArmDelayMicros;
        }

        private void TrackOutputMismatch(long nowMicros, SafetyInputs inputs)
        {
            bool mismatch = inputs.PumpEnableCommanded != inputs.PumpEnableReadback;

            // A tripped hardware air latch drops the enable line by itself: that explains a
            // read-back "off" while software still commands "on" (SAF-OUT-002).
            if (mismatch && inputs.PumpEnableCommanded && !inputs.PumpEnableReadback && AnyAirLatchTripped(inputs))
            {
                mismatch = false;
            }

            if (!mismatch)
            {
                _mismatchSinceMicros = -1;
            }
            else if (_mismatchSinceMicros < 0)
            {
                _mismatchSinceMicros = nowMicros;
            }
        }

        /// <summary>
        /// SAF-BKF-004: a ForwardNotEstablished rule's pump has delivered forward pressure or forward
        /// flow since it started, judged only on Good readings (a faulted channel cannot prove
        /// anything); a standing pump, or one this module holds stopped (a coasting centrifugal pump
        /// re-enabled after a stop starts from a lower speed), has delivered nothing. Once
        /// established, a later fault or a pressure dip during the run does not undo it: only the
        /// pump stopping does, so that this rule never clamps a running, enabled circuit.
        /// </summary>
        private void TrackForwardDelivery(SafetyInputs inputs)
        {
            for (int i = 0; i < _rules.Length; i++)
            {
                ConditionRule rule = _rules[i];
                if (rule.Kind != ConditionKind.ForwardNotEstablished)
                {
                    continue;
                }

                if (!inputs.GuardedPumpRunning || !inputs.PumpEnableCommanded)
                {
                    _forwardEstablished[i] = false;
                    continue;
                }

                if (_forwardEstablished[i])
                {
                    continue;
                }

                bool pressureForward = !IsFaulted(rule.Channel, inputs)
                    && inputs.Pressures[(int)rule.Channel].Pressure.MmHg >= rule.PressureLimit.MmHg;
                bool flowForward = !IsFaulted(rule.SecondChannel, inputs)
                    && inputs.Flows[(int)rule.SecondChannel].Flow.LPerMin >= rule.FlowLimit.LPerMin;
                _forwardEstablished[i] = pressureForward || flowForward;
            }
        }

        private bool AnyAirLatchTripped(SafetyInputs inputs)
        {
            for (int c = 0; c < ChannelNames.Count; c++)
            {
                if (_airChannels[c] && inputs.Air[c].LatchTripped)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The rule's condition this cycle, before persistence; also sets the servo fraction.</summary>
        private bool RawCondition(int i, ConditionRule rule, long nowMicros, double dtSec, SafetyInputs inputs)
        {
            int ch = (int)rule.Channel;
            bool failSafe = rule.FailSafeOnFault && IsFaulted(rule.Channel, inputs);
            switch (rule.Kind)
            {
                case ConditionKind.Air:
                    return inputs.Air[ch].AirPresent || inputs.Air[ch].LatchTripped || failSafe;

                case ConditionKind.AirLatchFault:
                    return (inputs.Air[ch].AirPresent && !inputs.Air[ch].LatchTripped) || failSafe;

                case ConditionKind.Microbubbles:
                    return inputs.Air[ch].MicrobubblesPerMinute > rule.CountPerMinuteLimit || failSafe;

                case ConditionKind.PressureHigh:
                    return failSafe || inputs.Pressures[ch].Pressure > rule.PressureLimit;

                case ConditionKind.PressureLow:
                    return failSafe || inputs.Pressures[ch].Pressure < rule.PressureLimit;

                case ConditionKind.PressureServo:
                    return ServoCondition(i, rule, failSafe, PeakPressureMmHg(i, rule, inputs.Pressures[ch].Pressure.MmHg, nowMicros), dtSec);

                case ConditionKind.PressureDropHigh:
                    {
                        bool secondFaulted = rule.FailSafeOnFault && IsFaulted(rule.SecondChannel, inputs);
                        double dropMmHg = inputs.Pressures[ch].Pressure.MmHg - inputs.Pressures[(int)rule.SecondChannel].Pressure.MmHg;
                        return failSafe || secondFaulted || dropMmHg > rule.PressureLimit.MmHg;
                    }

                case ConditionKind.LevelAlert:
                    // A loose pad reads Low (Terumo 2011 recall), which is also below the alert pad.
                    return failSafe || inputs.ReservoirLevel.State != LevelState.Normal;

                case ConditionKind.LevelLow:
                    return failSafe || inputs.ReservoirLevel.State == LevelState.Low;

                case ConditionKind.SensorFault:
                    return IsFaulted(rule.Channel, inputs);

                case ConditionKind.Backflow:
                    return failSafe || inputs.Flows[ch].Flow.LPerMin < -rule.FlowLimit.LPerMin;

                case ConditionKind.LowFlow:
                    return inputs.GuardedPumpRunning && (failSafe || inputs.Flows[ch].Flow < rule.FlowLimit);

                case ConditionKind.NoFlow:
                    return failSafe || inputs.Flows[ch].Flow < rule.FlowLimit;

                case ConditionKind.CardioplegiaWithoutArterial:
                    return inputs.GuardedPumpRunning && !inputs.ArterialPumpRunning;

                case ConditionKind.CardioplegiaExceedsArterial:
                    {
                        bool secondFaulted = rule.FailSafeOnFault && IsFaulted(rule.SecondChannel, inputs);
                        return inputs.GuardedPumpRunning
                            && (failSafe || secondFaulted || inputs.Flows[ch].Flow >= inputs.Flows[(int)rule.SecondChannel].Flow);
                    }

                case ConditionKind.PumpOutputMismatch:
                    return _mismatchSinceMicros >= 0;

                case ConditionKind.SelfTestFailed:
                    return !inputs.SelfTestPassed;

                case ConditionKind.CycleOverrun:
                    return inputs.CycleOverrun;

                case ConditionKind.ServoSustained:
                    {
                        // The servo is limiting: engaged and asking for less than full speed, not overridden.
                        int servo = _watchedServo[i];
                        // Only while the pump is enabled: a pump stopped by another rule is annunciated by that rule.
                        bool limiting = servo >= 0 && _status[servo].InEffect && !_status[servo].Overridden && _servoFraction[servo] < 1.0
                            && inputs.PumpEnableCommanded;
                        if (!limiting)
                        {
                            return false;
                        }

                        if (!(rule.FlowLimit.LPerMin > 0))
                        {
                            return true;
                        }

                        bool flowFaulted = rule.FailSafeOnFault && IsFaulted(rule.SecondChannel, inputs);
                        return flowFaulted || inputs.Flows[(int)rule.SecondChannel].Flow < rule.FlowLimit;
                    }

                case ConditionKind.StandstillDisagreement:
                    {
                        // Only at standstill, where the device between them drops nothing, and only
                        // on readings that can be trusted (a faulted one raises its own alarm).
                        if (inputs.GuardedPumpRunning || IsFaulted(rule.Channel, inputs) || IsFaulted(rule.SecondChannel, inputs))
                        {
                            return false;
                        }

                        double apartMmHg = inputs.Pressures[ch].Pressure.MmHg - inputs.Pressures[(int)rule.SecondChannel].Pressure.MmHg;
                        return apartMmHg > rule.PressureLimit.MmHg || -apartMmHg > rule.PressureLimit.MmHg;
                    }

                case ConditionKind.ForwardNotEstablished:
                    // Fail-safe is built in: a faulted channel never establishes forward delivery,
                    // and nothing re-clamps a run that established it (TrackForwardDelivery).
                    return !_forwardEstablished[i];

                default:
                    // An unknown kind cannot pass the validator; if one ever did, fail safe.
                    return true;
            }
        }

        /// <summary>
        /// Servo: the target fraction falls linearly from 1 at ServoStart to 0 at PressureLimit of the
        /// peak pressure (PeakPressureMmHg); a faulted transducer counts as at the limit (SAF-PRS-002,
        /// SAF-FLT-001). The fraction asked for follows the target down at once but rises only toward
        /// it with ServoReleaseTauMicros and at most ServoReleasePerSecond, and the servo, once engaged
        /// above its start, is released only when the fraction is back at 1 and the pressure has
        /// fallen to ServoStart − ServoHysteresis (SAF-PRS-007): noise, pump pulsation and the pump's
        /// own response to the limit then neither toggle it nor make it hunt. The fraction is never
        /// above the linear target of the current sample: the servo is never more permissive.
        /// </summary>
        private bool ServoCondition(int i, ConditionRule rule, bool failSafe, double pressureMmHg, double dtSec)
        {
            double startMmHg = rule.ServoStart.MmHg;
            double limitMmHg = rule.PressureLimit.MmHg;
            double target;
            if (failSafe || pressureMmHg >= limitMmHg)
            {
                target = 0.0;
            }
            else if (pressureMmHg > startMmHg)
            {
                target = (limitMmHg - pressureMmHg) / (limitMmHg - startMmHg);
            }
            else
            {
                // NaN from a broken conversion also lands here; the channel flags it as faulted.
                target = 1.0;
            }

            if (!_servoEngaged[i])
            {
                if (target >= 1.0)
                {
                    _servoFraction[i] = 1.0;
                    return false;
                }

                _servoEngaged[i] = true;
                _servoFraction[i] = target;
                return true;
            }

            // Rising: toward the target with the release time constant, so that the limit slows as it
            // nears the pressure the circuit settles at, and never faster than the release rate (the
            // rate alone once the pressure is below the servo start, where the target is 1).
            double step = rule.ServoReleasePerSecond * dtSec;
            if (target < 1.0 && target > _servoFraction[i] && rule.ServoReleaseTauMicros > 0)
            {
                double share = dtSec * Time.MicrosPerSecond / rule.ServoReleaseTauMicros;
                double approach = (target - _servoFraction[i]) * (share < 1.0 ? share : 1.0);
                if (approach < step)
                {
                    step = approach;
                }
            }

            double raised = _servoFraction[i] + step;
            double fraction = target < raised ? target : raised;
            if (fraction >= 1.0)
            {
                fraction = 1.0;

                // Released only below the hysteresis band; a NaN pressure is not below it.
                if (pressureMmHg <= startMmHg - rule.ServoHysteresis.MmHg)
                {
                    _servoEngaged[i] = false;
                    _servoFraction[i] = 1.0;
                    return false;
                }
            }

            _servoFraction[i] = fraction;
            return true;
        }

        /// <summary>
        /// The highest pressure of the servo's peak window, this sample included (SAF-PRS-007): the
        /// window is ServoPeakBlocks blocks; the oldest block drops out as a new one starts, so a peak
        /// is held between one window and 1.1 windows. A NaN sample is not a peak (the channel flags
        /// it and the fail-safe covers it); a window of 0 returns the sample itself.
        /// </summary>
        private double PeakPressureMmHg(int i, ConditionRule rule, double pressureMmHg, long nowMicros)
        {
            long windowMicros = rule.ServoPeakWindowMicros;
            int slot = _servoPeakSlot[i];
            if (windowMicros <= 0 || slot < 0)
            {
                return pressureMmHg;
            }

            long blockMicros = windowMicros / ServoPeakBlocks;
            if (blockMicros <= 0)
            {
                blockMicros = 1;
            }

            int first = slot * ServoPeakBlocks;
            if (_servoBlockEndsMicros[slot] < 0 || nowMicros - _servoBlockEndsMicros[slot] >= windowMicros || nowMicros < _servoBlockEndsMicros[slot] - blockMicros)
            {
                // First sample, a gap longer than the window, or a clock that ran backwards: start afresh.
                ResetServoPeak(slot);
                _servoBlockEndsMicros[slot] = nowMicros + blockMicros;
            }

            while (nowMicros >= _servoBlockEndsMicros[slot])
            {
                _servoBlock[slot] = (_servoBlock[slot] + 1) % ServoPeakBlocks;
                _servoBlockMaxMmHg[first + _servoBlock[slot]] = NoPeakMmHg;
                _servoBlockEndsMicros[slot] += blockMicros;
            }

            if (pressureMmHg > _servoBlockMaxMmHg[first + _servoBlock[slot]])
            {
                _servoBlockMaxMmHg[first + _servoBlock[slot]] = pressureMmHg;
            }

            double peak = NoPeakMmHg;
            for (int b = 0; b < ServoPeakBlocks; b++)
            {
                if (_servoBlockMaxMmHg[first + b] > peak)
                {
                    peak = _servoBlockMaxMmHg[first + b];
                }
            }

            // Only NaN samples so far: nothing to hold, pass the sample on.
            return peak == NoPeakMmHg ? pressureMmHg : peak;
        }

        private void ResetServoPeak(int slot)
        {
            if (slot < 0)
            {
                return;
            }

            int first = slot * ServoPeakBlocks;
            for (int b = 0; b < ServoPeakBlocks; b++)
            {
                _servoBlockMaxMmHg[first + b] = NoPeakMmHg;
            }

            _servoBlock[slot] = 0;
            _servoBlockEndsMicros[slot] = -1;
        }

        /// <summary>True when the channel's sample of this cycle is not Good (DESIGN.md, concept 4).</summary>
        private static bool IsFaulted(ChannelId channel, SafetyInputs inputs)
        {
            int ch = (int)channel;
            switch (ChannelNames.KindOf(channel))
            {
                // A NaN that slipped past the channel is as untrustworthy as a flagged sample.
                case ChannelKind.Pressure: return inputs.Pressures[ch].Quality != SensorQuality.Good || double.IsNaN(inputs.Pressures[ch].Pressure.MmHg);
                case ChannelKind.Air: return inputs.Air[ch].Quality != SensorQuality.Good;
                case ChannelKind.Level: return inputs.ReservoirLevel.Quality != SensorQuality.Good;
                default: return inputs.Flows[ch].Quality != SensorQuality.Good || double.IsNaN(inputs.Flows[ch].Flow.LPerMin);
            }
        }

        private static bool IsLocal(CommandSource source) =>
            source == CommandSource.LocalPanel || source == CommandSource.LocalConsole;
    }
}
