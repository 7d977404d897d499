namespace PerfusionGuard.Safety
{
    /// <summary>The supervisor's output for one cycle: what the outputs must do.</summary>
    public readonly struct SafetyDecision
    {
        /// <summary>The most severe action of all conditions in effect.</summary>
        public readonly SafetyAction Action;

        /// <summary>Index of the profile rule that caused <see cref="Action"/>; -1 when none.</summary>
        public readonly int CauseRuleIndex;

        /// <summary>Pump speed limit as a fraction of the commanded speed, 0..1 (1 = unlimited).</summary>
        public readonly double SpeedLimitFraction;

        /// <summary>True when a rule in effect asks for the line clamp to close.</summary>
        public readonly bool ClampClosed;

        /// <summary>Creates a decision.</summary>
        public SafetyDecision(SafetyAction action, int causeRuleIndex, double speedLimitFraction, bool clampClosed)
        {
            Action = action;
            CauseRuleIndex = causeRuleIndex;
            SpeedLimitFraction = speedLimitFraction;
            ClampClosed = clampClosed;
        }

        /// <summary>True when the pump may run: energize-to-run, so anything from Stop up drops it.</summary>
        public bool PumpEnable => Action < SafetyAction.Stop;
    }
}
