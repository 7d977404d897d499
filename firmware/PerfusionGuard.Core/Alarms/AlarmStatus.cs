namespace PerfusionGuard.Alarms
{
    /// <summary>
    /// A snapshot of one alarm for the console and telemetry. A struct copied out of the alarm
    /// manager's fixed table: reading it allocates nothing.
    /// </summary>
    public struct AlarmStatus
    {
        /// <summary>Index of the alarm in the manager's table, equal to the profile rule index.</summary>
        public int AlarmIndex;
        /// <summary>The rule's alarm identifier ("AIR_ARTERIAL").</summary>
        public string AlarmId;
        /// <summary>What the operator reads ("Air in arterial line").</summary>
        public string Message;
        /// <summary>Current priority, after escalation.</summary>
        public AlarmPriority Priority;
        /// <summary>Priority the rule declares, before escalation.</summary>
        public AlarmPriority BasePriority;
        /// <summary>Current state.</summary>
        public AlarmState State;
        /// <summary>When the alarm entered <see cref="State"/>.</summary>
        public long SinceMicros;
        /// <summary>When the condition was last raised (ordering of the alarm list).</summary>
        public long RaisedAtMicros;
        /// <summary>True for technical (equipment) alarms, false for physiological / circuit alarms.</summary>
        public bool Technical;
        /// <summary>True when the condition holds now (false while latched and waiting for reset).</summary>
        public bool ConditionPresent;
        /// <summary>True when this alarm contributes to the auditory signal now.</summary>
        public bool Audible;
        /// <summary>When the audio pause of this alarm ends (meaningful in <see cref="AlarmState.AudioPaused"/>).</summary>
        public long AudioPausedUntilMicros;
    }
}
