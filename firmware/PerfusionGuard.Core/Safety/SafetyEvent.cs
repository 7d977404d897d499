namespace PerfusionGuard.Safety
{
    /// <summary>What happened, for the alarm manager, the event log and telemetry.</summary>
    public enum SafetyEventKind : byte
    {
        /// <summary>A rule's condition became active.</summary>
        ConditionRaised = 0,
        /// <summary>A rule's condition ended (a latched rule stays in effect until reset).</summary>
        ConditionCleared = 1,
        /// <summary>A latched rule was reset by a local operator.</summary>
        ConditionReset = 2,
        /// <summary>An override of a rule started.</summary>
        OverrideStarted = 3,
        /// <summary>An override of a rule ended (expired or cleared).</summary>
        OverrideEnded = 4,
        /// <summary>A command was refused (remote reset, override of air, reset while active...).</summary>
        CommandRefused = 5,
        /// <summary>The pump-enable output went off.</summary>
        PumpStopped = 6,
        /// <summary>The pump-enable output went on.</summary>
        PumpEnabled = 7,
    }

    /// <summary>One safety event. A struct in a preallocated ring: recording one allocates nothing.</summary>
    public struct SafetyEvent
    {
        /// <summary>Monotonic time of the event.</summary>
        public long AtMicros;
        /// <summary>What happened.</summary>
        public SafetyEventKind Kind;
        /// <summary>Index of the profile rule concerned; -1 when none.</summary>
        public short RuleIndex;
        /// <summary>The action in effect after the event.</summary>
        public SafetyAction Action;
        /// <summary>Who asked, for commands.</summary>
        public CommandSource Source;
    }
}
