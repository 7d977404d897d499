using System.Threading;
using nanoFramework.Runtime.Native;
using PerfusionGuard.Device.Threads;
using PerfusionGuard.Profiles;
using PerfusionGuard.Shell;

namespace PerfusionGuard.Device.Startup
{
    /// <summary>
    /// The device's <see cref="IModuleControl"/>, called by the safety thread through the console
    /// bridge (pump already checked stopped there, SAF-CON-004). The module is built for one profile
    /// at start-up, so `profile use` is refused with where to change it; `reboot` sets a flag that the
    /// console thread acts on once the reply has left the output ring.
    /// API: nanoframework/nanoFramework.Runtime.Native, Power.RebootDevice().
    /// </summary>
    public sealed class DeviceModuleControl : IModuleControl
    {
        private readonly string _settingsPath;
        private int _rebootRequested;

        /// <summary>Control of a module configured by <paramref name="settingsPath"/>.</summary>
        public DeviceModuleControl(string settingsPath)
        {
            _settingsPath = settingsPath;
        }

        /// <inheritdoc />
        public bool TryUseProfile(CircuitKind circuit, long nowMicros, out string reason)
        {
            reason = "the module is built for one profile at start-up: set \"profile\": \"" + CircuitNames.NameOf(circuit) + "\" in "
                + _settingsPath + " and reboot";
            return false;
        }

        /// <inheritdoc />
        public void RequestReboot(long nowMicros)
        {
            Interlocked.Exchange(ref _rebootRequested, 1);
        }

        /// <summary>
        /// Console thread, after each poll: once a reboot was requested and the reply has been handed
        /// to the UART, asks the safety loop to drive every output safe and stop, waits (bounded) until
        /// it has, and reboots (the start-up self-test runs again). The console never writes an output
        /// itself: the safety loop would then wait on the pin's lock (SAF-CYC-005). A loop that does not
        /// answer within a second is hung, and the reboot leaves every energize-to-run output off anyway.
        /// </summary>
        public void RebootWhenReplySent(SerialShell shell, SafetyLoopThread safetyLoop)
        {
            if (Interlocked.CompareExchange(ref _rebootRequested, 1, 1) != 1 || shell.Output.PendingBytes > 0)
            {
                return;
            }

            // The UART driver still shifts out the last bytes of the reply.
            Thread.Sleep(200);
            safetyLoop.RequestFailSafeStop();
            for (int waited = 0; waited < 1000 && !safetyLoop.Stopped; waited += 10)
            {
                Thread.Sleep(10);
            }

            Power.RebootDevice();
        }
    }
}
