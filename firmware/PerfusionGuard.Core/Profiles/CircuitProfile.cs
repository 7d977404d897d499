namespace PerfusionGuard.Profiles
{
    /// <summary>
    /// A circuit profile: which channels exist, which pump is guarded, and the interlock rules.
    /// Profiles are data; <see cref="ProfileCatalog"/> holds the built-in ones and
    /// <see cref="ProfileValidator"/> checks every profile before use.
    /// </summary>
    public sealed class CircuitProfile
    {
        /// <summary>SCENARIOS.md circuit name ("adult-cpb").</summary>
        public string Name;

        /// <summary>The circuit this profile is for.</summary>
        public CircuitKind Circuit;

        /// <summary>The pump whose enable line this module drives.</summary>
        public PumpKind GuardedPump;

        /// <summary>The channels this circuit has (SCENARIOS.md names via ChannelNames).</summary>
        public Channels.ChannelId[] Channels;

        /// <summary>The interlock rules, evaluated every cycle in this order; the most severe wins.</summary>
        public ConditionRule[] Rules;

        /// <summary>Whether an operator may override air rules at all (never in the shipped profiles).</summary>
        public bool AllowAirOverride;
    }
}
