using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>
    /// The console's <see cref="IModuleControl"/> on the console thread: profile changes and reboot
    /// are requests the safety thread hands to the module's real control at a cycle boundary, after
    /// checking that no pump runs (SAF-CON-004, SAF-CON-012).
    /// </summary>
    public sealed class BridgedModuleControl : IModuleControl
    {
        private readonly ModuleConsoleBridge _bridge;

        /// <summary>Module control behind <paramref name="bridge"/>.</summary>
        public BridgedModuleControl(ModuleConsoleBridge bridge)
        {
            _bridge = bridge;
        }

        /// <inheritdoc />
        public bool TryUseProfile(CircuitKind circuit, long nowMicros, out string reason)
        {
            bool done = _bridge.Request(ConsoleRequestKind.UseProfile, (int)circuit, 0, 0, 0.0, CommandSource.LocalConsole, nowMicros);
            reason = _bridge.LastReason;
            return done && _bridge.LastOk;
        }

        /// <inheritdoc />
        public void RequestReboot(long nowMicros)
        {
            _bridge.Request(ConsoleRequestKind.Reboot, -1, 0, 0, 0.0, CommandSource.LocalConsole, nowMicros);
        }
    }
}
