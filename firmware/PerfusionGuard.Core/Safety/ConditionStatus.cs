namespace PerfusionGuard.Safety
{
    /// <summary>Run-time state of one profile rule, as the supervisor keeps it.</summary>
    public struct ConditionStatus
    {
        /// <summary>The condition holds now (after persistence and arming).</summary>
        public bool Active;
        /// <summary>The rule's action applies: active, or latched and not yet reset.</summary>
        public bool InEffect;
        /// <summary>The condition has gone but the rule waits for a local operator reset.</summary>
        public bool Latched;
        /// <summary>An operator override downgrades the rule to an advisory until <see cref="OverrideUntilMicros"/>.</summary>
        public bool Overridden;
        /// <summary>When the condition was last raised.</summary>
        public long RaisedAtMicros;
        /// <summary>When the current override expires.</summary>
        public long OverrideUntilMicros;
        /// <summary>The action the rule contributes now (None when not in effect; Advisory when overridden).</summary>
        public SafetyAction EffectiveAction;
        /// <summary>Speed-limit fraction a servo rule asks for now, 0..1 (1 for every other kind and while the servo is released).</summary>
        public double ServoFraction;
    }
}
