using PerfusionGuard.Profiles;

namespace PerfusionGuard.Shell
{
    /// <summary>
    /// Module-wide actions the console may request: switching the circuit profile and rebooting.
    /// The shell checks access level and pump state before calling (SAF-CON-004, SAF-CON-005);
    /// implementations still refuse what they cannot do safely.
    /// </summary>
    public interface IModuleControl
    {
        /// <summary>Switches to the built-in profile for <paramref name="circuit"/>; false with a reason when refused.</summary>
        bool TryUseProfile(CircuitKind circuit, long nowMicros, out string reason);

        /// <summary>Requests a reboot after the current response has been sent.</summary>
        void RequestReboot(long nowMicros);
    }
}
