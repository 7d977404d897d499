using PerfusionGuard.Safety;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// What one data frame says, copied by the safety cycle into a preallocated slot of the
    /// <see cref="DataFrameHandoff"/> so that the telemetry thread can encode it later without
    /// reading anything the cycle changes: the frame's sequence number and times, the cycle's
    /// inputs and decision, the cause's alarm id and the data frames dropped before it reached the
    /// telemetry thread. Allocated once per slot.
    /// </summary>
    public sealed class DataFrameSample
    {
        /// <summary>The frame's <c>seq</c> in the data stream (taken when it was sampled, so a frame lost before encoding leaves a gap).</summary>
        public long Seq;

        /// <summary>Monotonic time of the cycle that sampled it.</summary>
        public long AtMicros;

        /// <summary>The wall clock at that cycle (0 when unknown).</summary>
        public long UtcMillis;

        /// <summary>Copy of the cycle's inputs.</summary>
        public readonly SafetyInputs Inputs = new SafetyInputs();

        /// <summary>The cycle's decision.</summary>
        public SafetyDecision Decision;

        /// <summary>Alarm id of the decision's cause rule; null when there is none or the rules are unknown.</summary>
        public string CauseAlarmId;

        /// <summary>Data frames the handoff refused since the previous frame that got through (SAF-TEL-003).</summary>
        public long CarriedDropped;
    }
}
