using System;
using System.Collections.Generic;
using PerfusionGuard.Alarms;
using PerfusionGuard.Hal;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Tests.Fakes
{
    /// <summary>
    /// A condition source the tests drive by hand: rules as a profile declares them, statuses set the
    /// way the supervisor would (Raise, Clear, Reset, Override). Lets the alarm tests run without the
    /// kernel.
    /// </summary>
    public sealed class FakeConditionMonitor : IConditionMonitor
    {
        private readonly List<ConditionRule> _rules = new();
        private readonly List<ConditionStatus> _statuses = new();

        public int RuleCount => _rules.Count;

        public ConditionRule RuleAt(int ruleIndex) => _rules[ruleIndex];

        public ConditionStatus StatusAt(int ruleIndex) => _statuses[ruleIndex];

        public int Add(string alarmId, AlarmPriority priority, SafetyAction action, ClearRule clear,
            ConditionKind kind = ConditionKind.PressureHigh, bool technical = false)
        {
            _rules.Add(new ConditionRule
            {
                AlarmId = alarmId,
                Message = alarmId.ToLowerInvariant().Replace('_', ' '),
                Priority = priority,
                Action = action,
                Clear = clear,
                Kind = kind,
                Technical = technical,
            });
            _statuses.Add(default);
            return _rules.Count - 1;
        }

        /// <summary>The supervisor raised the condition.</summary>
        public void Raise(int i, long nowMicros)
        {
            var s = _statuses[i];
            s.Active = true;
            s.InEffect = true;
            s.Latched = false;
            s.RaisedAtMicros = nowMicros;
            s.EffectiveAction = _rules[i].Action;
            _statuses[i] = s;
        }

        /// <summary>The condition ended: a latching rule stays in effect, a self-clearing one clears.</summary>
        public void End(int i)
        {
            var s = _statuses[i];
            s.Active = false;
            bool latching = _rules[i].Clear == ClearRule.OperatorReset;
            s.InEffect = latching;
            s.Latched = latching;
            s.EffectiveAction = latching ? _rules[i].Action : SafetyAction.None;
            _statuses[i] = s;
        }

        /// <summary>A local operator reset of a latched rule.</summary>
        public void Reset(int i)
        {
            var s = _statuses[i];
            if (s.Active)
            {
                return;
            }

            s.InEffect = false;
            s.Latched = false;
            s.EffectiveAction = SafetyAction.None;
            _statuses[i] = s;
        }

        public void SetOverride(int i, bool on, long untilMicros = 0)
        {
            var s = _statuses[i];
            s.Overridden = on;
            s.OverrideUntilMicros = untilMicros;
            s.EffectiveAction = on ? SafetyAction.Advisory : (s.InEffect ? _rules[i].Action : SafetyAction.None);
            _statuses[i] = s;
        }
    }

    /// <summary>A digital output that remembers every level written with the time it was written.</summary>
    public sealed class RecordingOutput : IDigitalOutput
    {
        public bool Level { get; private set; }

        public int Writes { get; private set; }

        public void Write(bool high)
        {
            Level = high;
            Writes++;
        }
    }

    /// <summary>Collects the on-intervals of an output sampled at a fixed step.</summary>
    public static class SignalTrace
    {
        /// <summary>Steps the signal from <paramref name="startMicros"/> for <paramref name="spanMicros"/> and returns [on, off) intervals relative to the start.</summary>
        public static List<(long OnMicros, long OffMicros)> Pulses(Func<long, bool> sampleAt, long startMicros, long spanMicros, long stepMicros)
        {
            var pulses = new List<(long, long)>();
            long? on = null;
            for (long t = startMicros; t <= startMicros + spanMicros; t += stepMicros)
            {
                bool level = sampleAt(t);
                if (level && on == null)
                {
                    on = t - startMicros;
                }
                else if (!level && on != null)
                {
                    pulses.Add((on.Value, t - startMicros));
                    on = null;
                }
            }

            if (on != null)
            {
                pulses.Add((on.Value, startMicros + spanMicros - startMicros));
            }

            return pulses;
        }
    }
}
