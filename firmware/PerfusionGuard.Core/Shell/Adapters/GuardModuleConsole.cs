using PerfusionGuard.Hal;
using PerfusionGuard.Module;
using PerfusionGuard.Shell.Bridge;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Shell.Adapters
{
    /// <summary>
    /// Wires the console to a <see cref="GuardModule"/>, the composition the device's Main, the
    /// emulator and the tests share: every component reached through one
    /// <see cref="ModuleConsoleBridge"/> (status, alarms and self-test from its snapshot; reset,
    /// overrides, acknowledge, calibration, limits, profile and reboot as requests the safety thread
    /// carries out at a cycle boundary, SAF-BRD-017, SAF-CON-012), the black-box log through its own
    /// lock, pressure calibration committed to the module's calibration store, and the profile's
    /// limits as settings. Only the wait differs between the device (<see cref="SafetyThreadWait"/>)
    /// and the emulator (<see cref="InlineConsoleWait"/>); whoever runs the module calls
    /// <see cref="ModuleConsoleBridge.Service"/> before each <see cref="GuardModule.Step"/>.
    /// </summary>
    public sealed class GuardModuleConsole
    {
        private GuardModuleConsole(ShellServices services, ModuleConsoleBridge bridge, SnapshotModuleStatus status)
        {
            Services = services;
            Bridge = bridge;
            Status = status;
        }

        /// <summary>The services to hand to the <see cref="SerialShell"/>.</summary>
        public ShellServices Services { get; }

        /// <summary>The bridge: the safety thread calls <see cref="ModuleConsoleBridge.Service"/> at the start of each step.</summary>
        public ModuleConsoleBridge Bridge { get; }

        /// <summary>The console's status view (set <see cref="SnapshotModuleStatus.NetSource"/> when telemetry runs).</summary>
        public SnapshotModuleStatus Status { get; }

        /// <summary>
        /// Builds the console of <paramref name="module"/> (start-up only: allocates, and applies the
        /// limits stored at <paramref name="settingsAddress"/> of <paramref name="settingsStore"/> before
        /// any thread runs). <paramref name="utc"/>, <paramref name="settingsStore"/> and
        /// <paramref name="control"/> may be null (the commands that need them then answer
        /// E_UNAVAILABLE or E_FAILED with a reason).
        /// </summary>
        public static GuardModuleConsole Create(GuardModule module, string nodeName, string firmwareVersion, string boardName,
            IUtcClock utc, INonVolatileStore settingsStore, int settingsAddress, IModuleControl control, IConsoleWait wait)
        {
            PressureCalibrationControl calibration = new PressureCalibrationControl(module.Channels, module.CalibrationStore);
            ProfileLimitSettings limits = new ProfileLimitSettings(new CycleModuleStatus(nodeName, firmwareVersion, boardName, module.Cycle, module.SelfTest, utc),
                settingsStore, settingsAddress);
            string ignored;
            if (settingsStore != null)
            {
                limits.TryLoad(out ignored);
            }

            ModuleConsoleBridge bridge = new ModuleConsoleBridge(module, new ModuleRequestExecutor(module, calibration, limits, control), wait);
            SnapshotModuleStatus status = new SnapshotModuleStatus(nodeName, firmwareVersion, boardName, bridge.Snapshot, utc);
            ShellServices services = new ShellServices();
            services.Sync = bridge;
            services.Status = status;
            services.Control = control != null ? new BridgedModuleControl(bridge) : null;
            services.Alarms = new SnapshotAlarmPanel(bridge);
            services.Interlock = new BridgedInterlock(bridge);
            services.Calibration = new BridgedCalibration(bridge, calibration);
            services.Config = new BridgedSettings(bridge, limits);
            services.Log = module.LogOpened ? new BridgedJournal(new EventLogJournal(module.Log, module.Supervisor), bridge) : null;
            return new GuardModuleConsole(services, bridge, status);
        }
    }
}
