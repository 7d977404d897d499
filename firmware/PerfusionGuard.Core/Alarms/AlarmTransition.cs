using PerfusionGuard.Safety;

namespace PerfusionGuard.Alarms
{
    /// <summary>Why an alarm changed state.</summary>
    public enum AlarmTransitionCause : byte
    {
        /// <summary>The supervisor raised or cleared the condition.</summary>
        Condition = 0,
        /// <summary>The condition persisted past its escalation time: the priority rose.</summary>
        Escalation = 1,
        /// <summary>An operator acknowledged the alarm.</summary>
        Acknowledge = 2,
        /// <summary>An operator paused the audio signal.</summary>
        AudioPause = 3,
        /// <summary>The audio pause ran out: the alarm sounds again.</summary>
        AudioPauseExpired = 4,
        /// <summary>A local operator reset the latched rule (the rule stopped being in effect).</summary>
        Reset = 5,
        /// <summary>An override of the rule started.</summary>
        OverrideStarted = 6,
        /// <summary>An override of the rule ended.</summary>
        OverrideEnded = 7,
        /// <summary>A command was refused (a remote acknowledge or pause); no state changed.</summary>
        Refused = 8,
    }

    /// <summary>
    /// One alarm state change, kept in the bounded history and handed to the event log and
    /// telemetry through <see cref="AlarmTransitionRing"/>s. A struct: recording one allocates nothing.
    /// </summary>
    public struct AlarmTransition
    {
        /// <summary>Monotonic time of the change.</summary>
        public long AtMicros;
        /// <summary>Alarm (= profile rule) index; -1 for a refused command that names no alarm.</summary>
        public short AlarmIndex;
        /// <summary>State before.</summary>
        public AlarmState From;
        /// <summary>State after.</summary>
        public AlarmState To;
        /// <summary>Priority after the change.</summary>
        public AlarmPriority Priority;
        /// <summary>Why it changed.</summary>
        public AlarmTransitionCause Cause;
        /// <summary>Who asked, for commands; <see cref="CommandSource.Firmware"/> for condition changes.</summary>
        public CommandSource Source;
        /// <summary>True for technical alarms.</summary>
        public bool Technical;
    }

    /// <summary>Name table for <see cref="AlarmTransitionCause"/>.</summary>
    public static class AlarmTransitionNames
    {
        private static readonly string[] s_causes =
        {
            "condition", "escalation", "acknowledge", "audio_pause", "audio_pause_expired", "reset",
            "override_started", "override_ended", "refused",
        };

        /// <summary>Snake-case name of a cause.</summary>
        public static string NameOf(AlarmTransitionCause cause) => s_causes[(int)cause];
    }
}
