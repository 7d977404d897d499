namespace PerfusionGuard.Alarms
{
    /// <summary>
    /// The state of one alarm as the alarm manager keeps it (IEC 60601-1-8 vocabulary, DOMAIN.md
    /// "Alarms"). The supervisor raises and clears conditions; the alarm manager derives these states
    /// from the conditions and the operator's acknowledge and audio-pause commands.
    /// </summary>
    public enum AlarmState : byte
    {
        /// <summary>No condition, nothing in effect.</summary>
        Inactive = 0,
        /// <summary>The condition holds and the alarm sounds.</summary>
        Active = 1,
        /// <summary>The condition has gone but the rule waits for a local operator reset; the alarm still sounds.</summary>
        Latched = 2,
        /// <summary>Silenced by the operator until the condition ends (and, for a latching alarm, until reset).</summary>
        Acknowledged = 3,
        /// <summary>Silenced for a limited time (at most 120 s); sounds again when the pause expires.</summary>
        AudioPaused = 4,
        /// <summary>The operator overrode the rule: shown, never sounds, until the override ends.</summary>
        Overridden = 5,
        /// <summary>An advisory (alert band) condition: shown in the list, never sounds.</summary>
        Advisory = 6,
    }

    /// <summary>Name tables for alarm states and priorities (Enum.ToString() prints numbers on nanoFramework).</summary>
    public static class AlarmNames
    {
        private static readonly string[] s_states =
        {
            "inactive", "active", "latched", "acknowledged", "audio_paused", "overridden", "advisory",
        };

        private static readonly string[] s_priorities = { "none", "low", "medium", "high" };

        /// <summary>"inactive", "active", "latched", "acknowledged", "audio_paused", "overridden", "advisory".</summary>
        public static string NameOf(AlarmState state) => s_states[(int)state];

        /// <summary>"none", "low", "medium", "high".</summary>
        public static string NameOf(AlarmPriority priority) => s_priorities[(int)priority];

        /// <summary>Looks a state up by name; false when unknown.</summary>
        public static bool TryParseState(string name, out AlarmState state)
        {
            for (int i = 0; i < s_states.Length; i++)
            {
                if (s_states[i] == name)
                {
                    state = (AlarmState)i;
                    return true;
                }
            }

            state = AlarmState.Inactive;
            return false;
        }
    }
}
