using PerfusionGuard.Profiles;

namespace PerfusionGuard.Cli.Commands
{
    /// <summary>Finds the circuit profile named on the command line (`--profile adult-cpb`) in the firmware's catalog.</summary>
    internal static class BoardProfiles
    {
        public static bool TryFind(string name, out CircuitProfile profile, out string error)
        {
            if (ProfileCatalog.TryGet(name, out profile))
            {
                error = null;
                return true;
            }

            error = $"unknown profile '{name}' (adult-cpb, pediatric-cpb, ecmo, cardioplegia-antegrade, cardioplegia-retrograde, hemoperfusion)";
            return false;
        }
    }
}
