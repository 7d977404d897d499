using PerfusionGuard.Boards;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Module;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Shell.Adapters
{
    /// <summary>
    /// Wires the console to a <see cref="GuardModule"/>, the composition the device's Main, the
    /// emulator and the benchmarks share: status and self-test from the safety cycle, the alarm
    /// manager, the black-box log, interlock reset through the module (latch reset pulse, then the
    /// supervisor, with the board's reset key required where one is fitted), pressure calibration
    /// and the profile's limits as settings.
    /// </summary>
    public static class GuardModuleConsole
    {
        /// <summary>
        /// The console's services for <paramref name="module"/>. <paramref name="calibrationStore"/>,
        /// <paramref name="settingsStore"/>, <paramref name="utc"/> and <paramref name="control"/> may
        /// be null (the commands that need them then answer E_UNAVAILABLE or E_FAILED with a reason).
        /// Stored limits are applied at once when <paramref name="settingsStore"/> holds them.
        /// </summary>
        public static ShellServices Create(GuardModule module, BoardPorts ports, string nodeName, string firmwareVersion, string boardName,
            IUtcClock utc, CalibrationStore calibrationStore, INonVolatileStore settingsStore, int settingsAddress, IModuleControl control)
        {
            CycleModuleStatus status = new CycleModuleStatus(nodeName, firmwareVersion, boardName, module.Cycle, module.SelfTest, utc);
            ProfileLimitSettings settings = new ProfileLimitSettings(status, settingsStore, settingsAddress);
            string ignored;
            if (settingsStore != null)
            {
                settings.TryLoad(out ignored);
            }

            ShellServices services = new ShellServices();
            services.Status = status;
            services.Control = control;
            services.Alarms = new AlarmManagerPanel(module.Alarms);
            services.Interlock = new ModuleInterlock(module, ports != null ? ports.ResetKey : null);
            services.Calibration = new PressureCalibrationControl(module.Channels, calibrationStore);
            services.Config = settings;
            services.Log = module.LogOpened ? new EventLogJournal(module.Log, module.Supervisor) : null;
            return services;
        }
    }
}
