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
    /// <see cref="ModuleConsoleBridge.Service"/> before each <see cref="GuardModule.Step"/>. The login
    /// failure count and lockout live in the same store after the limits (<see cref="StoreBytes"/>),
    /// one <see cref="LoginThrottle"/> for every shell built over <see cref="Services"/>.
    /// </summary>
    public sealed class GuardModuleConsole
    {
        /// <summary>
        /// Bytes of the store the console uses from the settings address: the limits record, then the
        /// login record (SAF-CON-013). Store layout: [event log][calibration A/B][limits][login A/B].
        /// </summary>
        public const int StoreBytes = ProfileLimitSettings.RecordBytes + LoginAttemptRecord.RequiredBytes;

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

        /// <summary>What start-up found in the login record when it was not clean (for the debugger output), else null.</summary>
        public string LoginNote => Services.LoginThrottle.Note;

        /// <summary>
        /// Builds the console of <paramref name="module"/> (start-up only: allocates, applies the
        /// limits stored at <paramref name="settingsAddress"/> of <paramref name="settingsStore"/> and
        /// reads the login record after them before any thread runs). <paramref name="utc"/>,
        /// <paramref name="settingsStore"/> and <paramref name="control"/> may be null (the commands that
        /// need them then answer E_UNAVAILABLE or E_FAILED with a reason; without a store, or without
        /// room in it, the login count lives in RAM and <see cref="LoginNote"/> says so).
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
            services.LoginThrottle = CreateLoginThrottle(settingsStore, settingsAddress);
            return new GuardModuleConsole(services, bridge, status);
        }

        private static LoginThrottle CreateLoginThrottle(INonVolatileStore store, int settingsAddress)
        {
            int address = settingsAddress + ProfileLimitSettings.RecordBytes;
            if (store == null || settingsAddress < 0 || address + LoginAttemptRecord.RequiredBytes > store.SizeBytes)
            {
                return LoginThrottle.InRamOnly(store == null
                    ? "no store: the login failure count and lockout are lost at every reset"
                    : "store of " + store.SizeBytes.ToString() + " bytes has no room for the login record at " + address.ToString()
                        + ": the login failure count and lockout are lost at every reset");
            }

            return new LoginThrottle(new LoginAttemptRecord(store, address));
        }
    }
}
