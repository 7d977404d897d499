namespace PerfusionGuard.Profiles
{
    /// <summary>
    /// The built-in circuit profiles, one per <see cref="CircuitKind"/>, with defaults from
    /// DOMAIN.md. Every call builds a fresh profile, so that a caller may change its limits (service
    /// access, stopped pump) without touching anyone else's copy. Each profile passes
    /// <see cref="ProfileValidator"/> (SAF-PRF-001).
    /// </summary>
    public static class ProfileCatalog
    {
        /// <summary>A fresh profile for <paramref name="kind"/>.</summary>
        public static CircuitProfile Get(CircuitKind kind)
        {
            switch (kind)
            {
                case CircuitKind.AdultCpb: return AdultCpbProfile.Create();
                case CircuitKind.PediatricCpb: return PediatricCpbProfile.Create();
                case CircuitKind.Ecmo: return EcmoProfile.Create();
                case CircuitKind.CardioplegiaAntegrade: return CardioplegiaProfile.CreateAntegrade();
                case CircuitKind.CardioplegiaRetrograde: return CardioplegiaProfile.CreateRetrograde();
                case CircuitKind.Hemoperfusion: return HemoperfusionProfile.Create();
                default: throw new System.ArgumentException("circuit kind " + ((int)kind).ToString() + " has no built-in profile");
            }
        }

        /// <summary>A fresh profile by its SCENARIOS.md name ("adult-cpb"); false when the name is unknown.</summary>
        public static bool TryGet(string name, out CircuitProfile profile)
        {
            CircuitKind kind;
            if (name == null || !CircuitNames.TryParse(name, out kind))
            {
                profile = null;
                return false;
            }

            profile = Get(kind);
            return true;
        }

        /// <summary>Fresh copies of all built-in profiles, in <see cref="CircuitKind"/> order.</summary>
        public static CircuitProfile[] All()
        {
            CircuitProfile[] all = new CircuitProfile[CircuitNames.Count];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = Get((CircuitKind)i);
            }

            return all;
        }
    }
}
