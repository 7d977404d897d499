namespace PerfusionGuard.Alarms
{
    /// <summary>IEC 60601-1-8 alarm priority, ordered: the higher value is the more urgent.</summary>
    public enum AlarmPriority : byte
    {
        /// <summary>No alarm signal (advisory / information only).</summary>
        None = 0,
        /// <summary>Low priority (cyan or yellow, no escalation).</summary>
        Low = 1,
        /// <summary>Medium priority (yellow).</summary>
        Medium = 2,
        /// <summary>High priority (red).</summary>
        High = 3,
    }
}
