using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Profiles
{
    /// <summary>
    /// Checks a circuit profile before the supervisor uses it (SAF-PRF-002, SAF-PRF-003,
    /// SAF-PRF-005). A rejected profile is reported with a message that names the profile, the rule
    /// (its AlarmId) and the field, so that a person can fix it:
    /// "profile adult-cpb, rule P_ARTERIAL_STOP, field PressureLimit: ...".
    /// Runs at load time, off the safety cycle: it may allocate.
    /// </summary>
    public static class ProfileValidator
    {
        /// <summary>
        /// Lowest pressure a circuit transducer reads (mmHg): below the dialysis-style access limit
        /// of -350 and the vacuum-drainage hard limit of -150 (DOMAIN.md, pressures), with margin.
        /// </summary>
        public const double MinPressureMmHg = -400;

        /// <summary>Highest pressure a circuit transducer reads (mmHg): above line-rupture pressures (300-400) with margin.</summary>
        public const double MaxPressureMmHg = 800;

        /// <summary>Largest flow magnitude of any circuit here (L/min); adult CPB runs at 4.4-5.3.</summary>
        public const double MaxFlowLPerMin = 10;

        /// <summary>Largest microbubble count limit per minute (DOMAIN.md: up to ~2000 per 10 min are seen).</summary>
        public const int MaxBubblesPerMinute = 100000;

        /// <summary>Fastest rise of a servo's speed limit (fraction per second): 0 to full speed in 0.1 s.</summary>
        public const double MaxServoReleasePerSecond = 10;

        /// <summary>Longest servo peak window and release time constant: longer ones would hold a limit long after an occlusion was released.</summary>
        public const long MaxServoPeakWindowMicros = 10 * Time.MicrosPerSecond;

        /// <summary>Widest servo release hysteresis, mmHg.</summary>
        public const double MaxServoHysteresisMmHg = 100;

        /// <summary>Longest override any rule may allow: one hour (DESIGN.md, concept 5: time-limited).</summary>
        public const long MaxOverrideLimitMicros = 60 * Time.MicrosPerMinute;

        /// <summary>True when <paramref name="profile"/> is safe to use; otherwise false and <paramref name="error"/> says what is wrong and where.</summary>
        public static bool Validate(CircuitProfile profile, out string error)
        {
            error = null;
            if (profile == null)
            {
                error = "profile: none given";
                return false;
            }

            string where = "profile " + (IsEmpty(profile.Name) ? "<unnamed>" : profile.Name);
            if (IsEmpty(profile.Name))
            {
                error = where + ", field Name: empty; a profile needs its circuit name (adult-cpb...)";
                return false;
            }

            if (profile.Channels == null || profile.Channels.Length == 0)
            {
                error = where + ", field Channels: no channels";
                return false;
            }

            for (int i = 0; i < profile.Channels.Length; i++)
            {
                if ((int)profile.Channels[i] >= ChannelNames.Count)
                {
                    error = where + ", field Channels: unknown channel id " + ((int)profile.Channels[i]).ToString();
                    return false;
                }

                for (int j = 0; j < i; j++)
                {
                    if (profile.Channels[j] == profile.Channels[i])
                    {
                        error = where + ", field Channels: " + ChannelNames.NameOf(profile.Channels[i]) + " listed twice";
                        return false;
                    }
                }
            }

            if (profile.Rules == null || profile.Rules.Length == 0)
            {
                error = where + ", field Rules: no rules";
                return false;
            }

            for (int i = 0; i < profile.Rules.Length; i++)
            {
                if (!ValidateRule(profile, i, where, out error))
                {
                    return false;
                }
            }

            if (!ValidateOrdering(profile, where, out error))
            {
                return false;
            }

            return ValidateCoverage(profile, where, out error);
        }

        private static bool ValidateRule(CircuitProfile profile, int index, string where, out string error)
        {
            error = null;
            ConditionRule rule = profile.Rules[index];
            if (rule == null)
            {
                error = where + ", rule #" + index.ToString() + ": missing (null)";
                return false;
            }

            if (IsEmpty(rule.AlarmId))
            {
                error = where + ", rule #" + index.ToString() + ", field AlarmId: empty";
                return false;
            }

            string at = where + ", rule " + rule.AlarmId;
            for (int j = 0; j < index; j++)
            {
                if (profile.Rules[j] != null && profile.Rules[j].AlarmId == rule.AlarmId)
                {
                    error = at + ", field AlarmId: duplicate of rule #" + j.ToString();
                    return false;
                }
            }

            if (IsEmpty(rule.Message))
            {
                error = at + ", field Message: empty; the operator needs to read what happened";
                return false;
            }

            if ((int)rule.Kind >= ConditionKindNames.Count)
            {
                error = at + ", field Kind: unknown condition kind " + ((int)rule.Kind).ToString();
                return false;
            }

            if ((int)rule.Action > (int)SafetyAction.LatchedStop)
            {
                error = at + ", field Action: unknown action " + ((int)rule.Action).ToString();
                return false;
            }

            if (rule.PersistMicros < 0)
            {
                error = at + ", field PersistMicros: negative (" + rule.PersistMicros.ToString() + ")";
                return false;
            }

            if (rule.ArmDelayMicros < 0)
            {
                error = at + ", field ArmDelayMicros: negative (" + rule.ArmDelayMicros.ToString() + ")";
                return false;
            }

            if (rule.MaxOverrideMicros < 0)
            {
                error = at + ", field MaxOverrideMicros: negative (" + rule.MaxOverrideMicros.ToString() + ")";
                return false;
            }

            if (rule.Overridable && (rule.MaxOverrideMicros <= 0 || rule.MaxOverrideMicros > MaxOverrideLimitMicros))
            {
                error = at + ", field MaxOverrideMicros: an overridable rule needs a time limit of 1 µs .. 1 h (" + rule.MaxOverrideMicros.ToString() + ")";
                return false;
            }

            // SAF-AIR-002: air is always a latched stop, acts at once, and is never overridable
            // unless the profile explicitly allows it.
            if (IsAirRule(rule.Kind))
            {
                if (rule.Action != SafetyAction.LatchedStop)
                {
                    error = at + ", field Action: an air rule must be latched_stop, not " + SafetyNames.NameOf(rule.Action);
                    return false;
                }

                if (rule.Overridable && !profile.AllowAirOverride)
                {
                    error = at + ", field Overridable: air rules may not be overridden unless the profile sets AllowAirOverride";
                    return false;
                }

                if (rule.Kind == ConditionKind.Air && rule.PersistMicros != 0)
                {
                    error = at + ", field PersistMicros: air acts at once; must be 0";
                    return false;
                }

                if (rule.ArmDelayMicros != 0)
                {
                    error = at + ", field ArmDelayMicros: an air rule is always armed; must be 0";
                    return false;
                }
            }

            if (rule.Action == SafetyAction.LatchedStop && rule.Clear != ClearRule.OperatorReset)
            {
                error = at + ", field Clear: a latched_stop must clear by operator reset";
                return false;
            }

            if (!ValidateChannels(profile, rule, at, out error))
            {
                return false;
            }

            return ValidateLimits(rule, at, out error);
        }

        private static bool ValidateChannels(CircuitProfile profile, ConditionRule rule, string at, out string error)
        {
            error = null;
            ChannelKind needed;
            bool needsChannel = NeededChannelKind(rule.Kind, out needed);
            if (!needsChannel)
            {
                return true;
            }

            if (!CheckChannel(profile, rule, rule.Channel, "Channel", needed, rule.Kind != ConditionKind.SensorFault, at, out error))
            {
                return false;
            }

            if (rule.Kind == ConditionKind.ServoSustained)
            {
                // The servo it watches must be evaluated first in the same cycle.
                int index = IndexOf(profile, rule);
                if (ServoRuleIndexFor(profile, index) < 0)
                {
                    error = at + ", field Channel: servo_sustained needs a pressure_servo rule on " + ChannelNames.NameOf(rule.Channel)
                        + " listed before it";
                    return false;
                }

                if (rule.FlowLimit.LPerMin > 0)
                {
                    return CheckChannel(profile, rule, rule.SecondChannel, "SecondChannel", ChannelKind.Flow, true, at, out error);
                }

                return true;
            }

            if (rule.Kind == ConditionKind.ForwardNotEstablished)
            {
                // Forward delivery is proven by the pump-outlet pressure or by the line's flow.
                return CheckChannel(profile, rule, rule.SecondChannel, "SecondChannel", ChannelKind.Flow, true, at, out error);
            }

            if (rule.Kind == ConditionKind.PressureDropHigh || rule.Kind == ConditionKind.CardioplegiaExceedsArterial
                || rule.Kind == ConditionKind.StandstillDisagreement)
            {
                if (!CheckChannel(profile, rule, rule.SecondChannel, "SecondChannel", needed, true, at, out error))
                {
                    return false;
                }

                if (rule.SecondChannel == rule.Channel)
                {
                    error = at + ", field SecondChannel: must differ from Channel (" + ChannelNames.NameOf(rule.Channel) + ")";
                    return false;
                }
            }

            return true;
        }

        private static bool CheckChannel(CircuitProfile profile, ConditionRule rule, ChannelId channel, string field,
            ChannelKind needed, bool checkKind, string at, out string error)
        {
            error = null;
            if ((int)channel >= ChannelNames.Count)
            {
                error = at + ", field " + field + ": unknown channel id " + ((int)channel).ToString();
                return false;
            }

            if (!HasChannel(profile, channel))
            {
                error = at + ", field " + field + ": channel " + ChannelNames.NameOf(channel) + " is not in the profile";
                return false;
            }

            if (checkKind && ChannelNames.KindOf(channel) != needed)
            {
                error = at + ", field " + field + ": " + ConditionKindNames.NameOf(rule.Kind) + " needs a "
                    + KindName(needed) + " channel, " + ChannelNames.NameOf(channel) + " is not one";
                return false;
            }

            return true;
        }

        private static bool ValidateLimits(ConditionRule rule, string at, out string error)
        {
            error = null;
            switch (rule.Kind)
            {
                case ConditionKind.PressureHigh:
                case ConditionKind.PressureLow:
                    return CheckPressure(rule.PressureLimit, "PressureLimit", at, out error);

                case ConditionKind.PressureServo:
                    if (!CheckPressure(rule.PressureLimit, "PressureLimit", at, out error)
                        || !CheckPressure(rule.ServoStart, "ServoStart", at, out error))
                    {
                        return false;
                    }

                    if (rule.ServoStart >= rule.PressureLimit)
                    {
                        error = at + ", field ServoStart: " + rule.ServoStart.ToString() + " is at or beyond its PressureLimit "
                            + rule.PressureLimit.ToString() + "; the servo must start below the limit";
                        return false;
                    }

                    if (rule.Action != SafetyAction.SpeedLimit)
                    {
                        error = at + ", field Action: a pressure_servo rule must be speed_limit, not " + SafetyNames.NameOf(rule.Action);
                        return false;
                    }

                    // SAF-PRS-007: a servo whose limit never rises again would never release the
                    // pump; one that rises without bound hunts like a servo without a rate limit.
                    if (!(rule.ServoReleasePerSecond > 0) || rule.ServoReleasePerSecond > MaxServoReleasePerSecond)
                    {
                        error = at + ", field ServoReleasePerSecond: must be above 0 and at most 10 per second, not "
                            + rule.ServoReleasePerSecond.ToString("F3");
                        return false;
                    }

                    if (rule.ServoReleaseTauMicros < 0 || rule.ServoReleaseTauMicros > MaxServoPeakWindowMicros)
                    {
                        error = at + ", field ServoReleaseTauMicros: must be 0..10 s, not " + rule.ServoReleaseTauMicros.ToString() + " µs";
                        return false;
                    }

                    if (rule.ServoPeakWindowMicros < 0 || rule.ServoPeakWindowMicros > MaxServoPeakWindowMicros)
                    {
                        error = at + ", field ServoPeakWindowMicros: must be 0..10 s, not " + rule.ServoPeakWindowMicros.ToString() + " µs";
                        return false;
                    }

                    if (!(rule.ServoHysteresis.MmHg >= 0) || rule.ServoHysteresis.MmHg > MaxServoHysteresisMmHg)
                    {
                        error = at + ", field ServoHysteresis: must be 0..100 mmHg, not " + rule.ServoHysteresis.ToString();
                        return false;
                    }

                    return true;

                case ConditionKind.PressureDropHigh:
                case ConditionKind.StandstillDisagreement:
                    if (rule.PressureLimit.MmHg <= 0 || rule.PressureLimit.MmHg > MaxPressureMmHg - MinPressureMmHg)
                    {
                        error = at + ", field PressureLimit: a pressure drop limit must be in 0..1200 mmHg, not " + rule.PressureLimit.ToString();
                        return false;
                    }

                    return true;

                case ConditionKind.Backflow:
                case ConditionKind.LowFlow:
                case ConditionKind.NoFlow:
                    if (!(rule.FlowLimit.LPerMin >= 0) || rule.FlowLimit.LPerMin > MaxFlowLPerMin)
                    {
                        error = at + ", field FlowLimit: must be in 0..10 L/min, not " + rule.FlowLimit.ToString();
                        return false;
                    }

                    return true;

                case ConditionKind.ServoSustained:
                    if (!(rule.FlowLimit.LPerMin >= 0) || rule.FlowLimit.LPerMin > MaxFlowLPerMin)
                    {
                        error = at + ", field FlowLimit: must be 0 (no flow condition) .. 10 L/min, not " + rule.FlowLimit.ToString();
                        return false;
                    }

                    if (rule.PersistMicros <= 0)
                    {
                        error = at + ", field PersistMicros: a servo_sustained rule needs the time the servo may limit before it alarms";
                        return false;
                    }

                    return true;

                case ConditionKind.ForwardNotEstablished:
                    if (!CheckPressure(rule.PressureLimit, "PressureLimit", at, out error))
                    {
                        return false;
                    }

                    if (!(rule.FlowLimit.LPerMin > 0) || rule.FlowLimit.LPerMin > MaxFlowLPerMin)
                    {
                        error = at + ", field FlowLimit: forward flow must be above 0 and at most 10 L/min, not " + rule.FlowLimit.ToString();
                        return false;
                    }

                    // The pump must run to deliver: a rule that stopped it until it delivered would
                    // keep it stopped for ever (SAF-BKF-004).
                    if (rule.Action > SafetyAction.Alarm)
                    {
                        error = at + ", field Action: a forward_not_established rule may hold the clamp and alarm but not "
                            + SafetyNames.NameOf(rule.Action) + "; the pump must run to deliver forward flow";
                        return false;
                    }

                    return true;

                case ConditionKind.Microbubbles:
                    if (rule.CountPerMinuteLimit <= 0 || rule.CountPerMinuteLimit > MaxBubblesPerMinute)
                    {
                        error = at + ", field CountPerMinuteLimit: must be in 1..100000 per minute, not " + rule.CountPerMinuteLimit.ToString();
                        return false;
                    }

                    return true;

                default:
                    return true;
            }
        }

        /// <summary>
        /// Alert band inside alarm band (Terumo CDI; DOMAIN.md): on one channel and direction, a
        /// more severe action needs a limit at least as far from normal as a milder one. A stop
        /// limit inside the alarm limit would stop the pump before the alarm ever sounded, and an
        /// alarm beyond the stop would never be heard (SAF-PRF-002).
        /// </summary>
        private static bool ValidateOrdering(CircuitProfile profile, string where, out string error)
        {
            error = null;
            ConditionRule[] rules = profile.Rules;

            // Pass 0 compares against alarm rules first, so that the message names the alarm a
            // stop is inconsistent with; pass 1 compares every pair.
            for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < rules.Length; i++)
            {
                int dirI = Direction(rules[i].Kind);
                if (dirI == 0)
                {
                    continue;
                }

                for (int j = 0; j < rules.Length; j++)
                {
                    if (i == j || Direction(rules[j].Kind) != dirI || rules[j].Channel != rules[i].Channel)
                    {
                        continue;
                    }

                    if (pass == 0 && rules[j].Action != SafetyAction.Alarm)
                    {
                        continue;
                    }

                    ConditionRule severe = rules[i];
                    ConditionRule mild = rules[j];
                    if ((int)severe.Action <= (int)mild.Action)
                    {
                        continue;
                    }

                    bool inside = dirI > 0 ? severe.PressureLimit < mild.PressureLimit : severe.PressureLimit > mild.PressureLimit;
                    if (inside)
                    {
                        error = where + ", rule " + severe.AlarmId + ", field PressureLimit: the " + SafetyNames.NameOf(severe.Action)
                            + " limit " + severe.PressureLimit.ToString() + " is inside the " + SafetyNames.NameOf(mild.Action)
                            + " limit " + mild.PressureLimit.ToString() + " of rule " + mild.AlarmId
                            + "; a more severe action needs the wider limit (alert band inside alarm band)";
                        return false;
                    }
                }
            }

            // Level: the stop pad's action may not be milder than the alert pad's.
            for (int i = 0; i < rules.Length; i++)
            {
                if (rules[i].Kind != ConditionKind.LevelLow)
                {
                    continue;
                }

                for (int j = 0; j < rules.Length; j++)
                {
                    if (rules[j].Kind == ConditionKind.LevelAlert && rules[j].Channel == rules[i].Channel
                        && (int)rules[i].Action < (int)rules[j].Action)
                    {
                        error = where + ", rule " + rules[i].AlarmId + ", field Action: level_low ("
                            + SafetyNames.NameOf(rules[i].Action) + ") is milder than level_alert rule " + rules[j].AlarmId
                            + " (" + SafetyNames.NameOf(rules[j].Action) + ")";
                        return false;
                    }
                }
            }

            return true;
        }

        /// <summary>
        /// Every channel has a sensor-fault rule (DESIGN.md, concept 4: a faulted sensor raises a
        /// technical alarm), every air detector an air rule, and the pump output and the self-test
        /// are supervised (SAF-PRF-005).
        /// </summary>
        private static bool ValidateCoverage(CircuitProfile profile, string where, out string error)
        {
            error = null;
            for (int c = 0; c < profile.Channels.Length; c++)
            {
                ChannelId channel = profile.Channels[c];
                if (!HasRule(profile, ConditionKind.SensorFault, channel, true))
                {
                    error = where + ", field Rules: channel " + ChannelNames.NameOf(channel) + " has no sensor_fault rule";
                    return false;
                }

                if (ChannelNames.KindOf(channel) == ChannelKind.Air && !HasRule(profile, ConditionKind.Air, channel, true))
                {
                    error = where + ", field Rules: air detector " + ChannelNames.NameOf(channel) + " has no air rule";
                    return false;
                }
            }

            // SAF-PRS-008: a servo that holds the pressure under its stop limit can hide an occlusion
            // for ever; every servo must be annunciated when it limits for long.
            for (int i = 0; i < profile.Rules.Length; i++)
            {
                if (profile.Rules[i].Kind == ConditionKind.PressureServo && !HasRule(profile, ConditionKind.ServoSustained, profile.Rules[i].Channel, true))
                {
                    error = where + ", rule " + profile.Rules[i].AlarmId + ": no servo_sustained rule on "
                        + ChannelNames.NameOf(profile.Rules[i].Channel) + "; a servo limiting for long must alarm";
                    return false;
                }
            }

            if (!HasRule(profile, ConditionKind.PumpOutputMismatch, ChannelId.PArterial, false))
            {
                error = where + ", field Rules: no pump_output_mismatch rule; the pump output must be supervised";
                return false;
            }

            if (!HasRule(profile, ConditionKind.SelfTestFailed, ChannelId.PArterial, false))
            {
                error = where + ", field Rules: no selftest_failed rule; the pump must be blocked until the self-test passed";
                return false;
            }

            return true;
        }

        private static bool CheckPressure(Pressure pressure, string field, string at, out string error)
        {
            error = null;
            if (!(pressure.MmHg >= MinPressureMmHg && pressure.MmHg <= MaxPressureMmHg))
            {
                error = at + ", field " + field + ": " + pressure.ToString() + " is outside the physical range -400..800 mmHg";
                return false;
            }

            return true;
        }

        /// <summary>+1 for limits above (high, servo), -1 for limits below (low), 0 for the rest.</summary>
        private static int Direction(ConditionKind kind)
        {
            if (kind == ConditionKind.PressureHigh || kind == ConditionKind.PressureServo)
            {
                return 1;
            }

            return kind == ConditionKind.PressureLow ? -1 : 0;
        }

        /// <summary>True for the rules that guard against air: never overridable, always latched (SAF-AIR-002).</summary>
        public static bool IsAirRule(ConditionKind kind) => kind == ConditionKind.Air || kind == ConditionKind.AirLatchFault;

        /// <summary>The channel kind a condition kind reads; false for kinds without a channel.</summary>
        public static bool NeededChannelKind(ConditionKind kind, out ChannelKind channelKind)
        {
            switch (kind)
            {
                case ConditionKind.Air:
                case ConditionKind.AirLatchFault:
                case ConditionKind.Microbubbles:
                    channelKind = ChannelKind.Air;
                    return true;
                case ConditionKind.PressureHigh:
                case ConditionKind.PressureLow:
                case ConditionKind.PressureServo:
                case ConditionKind.PressureDropHigh:
                case ConditionKind.ForwardNotEstablished:
                case ConditionKind.ServoSustained:
                case ConditionKind.StandstillDisagreement:
                    channelKind = ChannelKind.Pressure;
                    return true;
                case ConditionKind.LevelAlert:
                case ConditionKind.LevelLow:
                    channelKind = ChannelKind.Level;
                    return true;
                case ConditionKind.Backflow:
                case ConditionKind.LowFlow:
                case ConditionKind.NoFlow:
                case ConditionKind.CardioplegiaExceedsArterial:
                    channelKind = ChannelKind.Flow;
                    return true;
                case ConditionKind.SensorFault:
                    channelKind = ChannelKind.Pressure; // any kind; checked for presence only
                    return true;
                default:
                    channelKind = ChannelKind.Pressure;
                    return false;
            }
        }

        /// <summary>
        /// Index of the pressure_servo rule on the channel of rule <paramref name="ruleIndex"/> that is
        /// listed before it (the one a servo_sustained rule watches); -1 when there is none.
        /// </summary>
        public static int ServoRuleIndexFor(CircuitProfile profile, int ruleIndex)
        {
            for (int j = 0; j < ruleIndex && j < profile.Rules.Length; j++)
            {
                if (profile.Rules[j] != null && profile.Rules[j].Kind == ConditionKind.PressureServo
                    && profile.Rules[j].Channel == profile.Rules[ruleIndex].Channel)
                {
                    return j;
                }
            }

            return -1;
        }

        private static int IndexOf(CircuitProfile profile, ConditionRule rule)
        {
            for (int i = 0; i < profile.Rules.Length; i++)
            {
                if (profile.Rules[i] == rule)
                {
                    return i;
                }
            }

            return -1;
        }

        private static bool HasChannel(CircuitProfile profile, ChannelId channel)
        {
            for (int i = 0; i < profile.Channels.Length; i++)
            {
                if (profile.Channels[i] == channel)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasRule(CircuitProfile profile, ConditionKind kind, ChannelId channel, bool matchChannel)
        {
            for (int i = 0; i < profile.Rules.Length; i++)
            {
                if (profile.Rules[i].Kind == kind && (!matchChannel || profile.Rules[i].Channel == channel))
                {
                    return true;
                }
            }

            return false;
        }

        private static string KindName(ChannelKind kind)
        {
            switch (kind)
            {
                case ChannelKind.Pressure: return "pressure";
                case ChannelKind.Air: return "air";
                case ChannelKind.Level: return "level";
                default: return "flow";
            }
        }

        private static bool IsEmpty(string text) => text == null || text.Length == 0 || text.Trim().Length == 0;
    }
}
