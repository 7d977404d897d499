using PerfusionGuard.Profiles;

namespace PerfusionGuard.Cli.Commands
{
    /// <summary>Finds the circuit profile named on the command line (`--profile adult-cpb`).</summary>
    internal static class BoardProfiles
    {
        public static bool TryFind(string name, out CircuitProfile profile, out string error)
        {
            profile = null;
            if (!CircuitNames.TryParse(name, out _))
            {
                error = $"unknown profile '{name}' (adult-cpb, pediatric-cpb, ecmo, cardioplegia-antegrade, cardioplegia-retrograde, hemoperfusion)";
                return false;
            }

            // The kernel's ProfileCatalog is not on main yet; this resolves through it once it is.
            error = $"profile '{name}': the profile catalog is not available in this build";
            return false;
        }
    }
}
