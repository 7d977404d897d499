using System;
using System.Diagnostics;
using System.Threading;
using PerfusionGuard.Boards;
using PerfusionGuard.Device.Hal;
using PerfusionGuard.Device.Startup;
using PerfusionGuard.Device.Telemetry;
using PerfusionGuard.Device.Threads;
using PerfusionGuard.Hal;
using PerfusionGuard.Module;
using PerfusionGuard.Profiles;
using PerfusionGuard.Shell;
using PerfusionGuard.Shell.Adapters;
using PerfusionGuard.Shell.Bridge;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Device
{
    /// <summary>
    /// The device entry point: reads the site settings, checks the board and profile, opens the
    /// board's pins (outputs low first), builds the firmware stack and starts the threads:
    /// <list type="bullet">
    /// <item>safety loop, ThreadPriority.Highest, fixed period (board cycle_period_us): the console's pending request (ModuleConsoleBridge.Service), then the module's step (self-test, then one safety cycle); feeds the external watchdog after each complete cycle;</item>
    /// <item>console, BelowNormal: reads COM2 and runs the shell; it reaches the module only through the bridge (a snapshot and one request at a time, SAF-BRD-017, SAF-CON-012);</item>
    /// <item>log writer, Lowest: the module's event rings into the flash log;</item>
    /// <item>network start-up, Lowest: Wi-Fi or Ethernet with a time limit, retried;</item>
    /// <item>telemetry, Lowest: once the network is up, the M2Mqtt link's connection thread; the module's events into the outbox and the outbox to the broker.</item>
    /// </list>
    /// The safety loop waits on none of the others and takes no lock they hold (SAF-CYC-005): they
    /// hand it nothing but lock-free rings and flags, and never write an output once it runs. Nothing here can be built or run on the
    /// development machines (NANO-PLATFORM.md, projects): it is written against the API shapes cited
    /// in each adapter; everything it composes is portable and host-tested.
    /// </summary>
    public static class Program
    {
        /// <summary>Firmware version reported by the console and in telemetry <c>meta</c>.</summary>
        public const string FirmwareVersion = "0.1.0";

        /// <summary>Board definition deployed with nanoff --filedeployment.</summary>
        public const string BoardPath = "I:\\board.json";

        /// <summary>Site settings (profile, network, broker, telemetry, service PIN): <see cref="SiteSettings"/>.</summary>
        public const string SettingsPath = "I:\\perfusionguard.json";

        /// <summary>The non-volatile store (event log, calibration, console settings).</summary>
        public const string StorePath = "I:\\perfusionguard.store";

        /// <summary>Size of the store file: 1000 event-log records of 48 bytes and headers, the calibration slots and the limits record.</summary>
        public const int StoreSizeBytes = 64 * 1024;

        /// <summary>Period of the telemetry thread when it has nothing to send.</summary>
        private const int TelemetryIdleMillis = 50;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            Debug.WriteLine("PerfusionGuard: starting");
            SiteSettings settings;
            string settingsError;
            if (!DeviceSettings.TryLoad(SettingsPath, out settings, out settingsError))
            {
                Halt(settingsError.Split('\n'));
            }

            string caPem;
            string caError;
            if (!DeviceSettings.TryReadBrokerCa(settings, SettingsPath, out caPem, out caError))
            {
                // The site asked for TLS with this CA: without it there would be no (verified) telemetry at all.
                Halt(new string[] { caError });
            }

            CircuitProfile profile;
            if (!ProfileCatalog.TryGet(settings.Profile, out profile))
            {
                profile = null;
            }

            BoardDefinition board;
            string[] problems;
            if (!BoardStartupCheck.TryPrepare(DeviceFiles.ReadText(BoardPath), settings.Profile, profile, out board, out problems))
            {
                // SAF-BRD-015: no pin has been opened; every energize-to-run output stays de-energized.
                Halt(problems);
            }

            NanoPortFactory factory = new NanoPortFactory(board);
            BoardPorts ports;
            IAnalogOutput speedLimit;
            try
            {
                // Outputs are opened low first (SAF-BRD-013); a pin or PWM the chip refuses ends here,
                // with the pump line never energized, instead of as an unhandled exception.
                ports = BoardPorts.Open(board, factory);
                speedLimit = factory.OpenSpeedLimit();
            }
            catch (Exception e)
            {
                Halt(new string[] { "board " + board.Id + ": opening the pins failed: " + e.Message });
                return;
            }

            BoardPin trip = board.FindPin(PinRole.SoftwareTrip);
            FailSafeOutputs failSafe = new FailSafeOutputs(ports.PumpEnable, ports.SoftwareTrip, trip != null && !trip.ActiveLow, ports.Clamp, speedLimit);
            SafetyLoopThread safetyLoop = null;
            try
            {
                IMicrosClock clock = CreateClock();
                DeviceUtcClock utc = new DeviceUtcClock();
                INonVolatileStore store = new FlashFileStore(StorePath, StoreSizeBytes);
                GuardModuleOptions options = new GuardModuleOptions();
                if (settings.TelemetryEnabled)
                {
                    // One sampler, the module's: it fills this outbox on the safety cycle (SAF-TEL-004).
                    ModuleTelemetry.Configure(options, settings, utc);
                }

                GuardModule module = new GuardModule(board, ports, profile, speedLimit, store, options, clock.NowMicros);
                if (module.CalibrationNote != null)
                {
                    Debug.WriteLine("PerfusionGuard: calibration: " + module.CalibrationNote);
                }

                // The console is composed before the safety loop starts (stored limits are applied now,
                // single-threaded); afterwards it reaches the module only through the bridge.
                GuardModuleConsole console = null;
                DeviceModuleControl control = new DeviceModuleControl(SettingsPath);
                if (board.ConsolePort != null)
                {
                    console = GuardModuleConsole.Create(module, settings.Node, FirmwareVersion, board.Id, utc, store, module.SettingsAddress, control,
                        new SafetyThreadWait(clock, SafetyThreadWait.DeviceTimeoutMicros(board.CyclePeriodMicros), 1));
                    if (console.LoginNote != null)
                    {
                        // SAF-CON-013: the login count and lockout come from flash; say when they did not load cleanly.
                        Debug.WriteLine("PerfusionGuard: console login: " + console.LoginNote);
                    }
                }

                ModuleConsoleBridge bridge = console != null ? console.Bridge : null;
                SafetyLoopThread loop = new SafetyLoopThread(nowMicros =>
                {
                    // Console requests first, at the cycle boundary (SAF-BRD-017), then the module.
                    if (bridge != null)
                    {
                        bridge.Service(nowMicros);
                    }

                    module.Step(nowMicros);
                }, clock, board.CyclePeriodMicros, failSafe);
                loop.Start();
                safetyLoop = loop;

                // Log writer: the safety events and self-test results the cycle queued, into the flash log (SAF-LOG-007).
                new PollingThread(nowMicros => module.PumpLog(16), clock, 100, ThreadPriority.Lowest).Start();

                NetworkStartup network = new NetworkStartup(board.Network, settings);
                network.Start();

                if (settings.TelemetryEnabled)
                {
                    ModuleTelemetry telemetry = new ModuleTelemetry(module, settings, FirmwareVersion, board.Id, clock.NowMicros);
                    DeviceTelemetry link = new DeviceTelemetry(telemetry, settings, caPem, network, clock);
                    if (console != null)
                    {
                        console.Status.NetSource = new TelemetryLinkStatus(link.Link, telemetry.Outbox, settings.MqttEndpoint);
                    }

                    new PollingThread(link.Step, clock, TelemetryIdleMillis, ThreadPriority.Lowest).Start();
                    if (board.Network == NetworkKind.None)
                    {
                        Debug.WriteLine("PerfusionGuard: telemetry configured but board " + board.Id + " has no network: messages stay in the outbox");
                    }
                }

                if (console != null)
                {
                    PinCredential credential = settings.CreateServiceCredential();
                    if (credential == null)
                    {
                        // SAF-CON-005: there is no default PIN; without one the console stays at operator level.
                        Debug.WriteLine("PerfusionGuard: service login disabled: no service_pin in " + SettingsPath
                            + " (calibration, settings, overrides and console reset need it)");
                    }

                    factory.RouteConsolePins();
                    SerialByteStream serial = new SerialByteStream(board.ConsolePort, board.ConsoleBaud);
                    SerialShell shell = new SerialShell(serial, console.Services, credential, EchoMode.Plain, SerialShell.DefaultOutputBytes);
                    new PollingThread(nowMicros =>
                    {
                        shell.Poll(nowMicros);
                        control.RebootWhenReplySent(shell, safetyLoop);
                    }, clock, 20, ThreadPriority.BelowNormal).Start();
                }

                Debug.WriteLine("PerfusionGuard: board " + board.Id + ", profile " + profile.Name + ", boot " + module.Log.BootCounter.ToString()
                    + (settings.TelemetryEnabled ? ", telemetry to " + settings.MqttEndpoint : ", telemetry off") + ", running");
            }
            catch (Exception e)
            {
                if (safetyLoop != null)
                {
                    // Once the safety loop runs it alone writes the outputs (SAF-CYC-005): it drives
                    // them safe and stops feeding the watchdog.
                    safetyLoop.RequestFailSafeStop();
                }
                else
                {
                    failSafe.StopEverything();
                }

                Halt(new string[] { "start-up failed: " + e.Message });
            }

            Thread.Sleep(Timeout.Infinite);
        }

        private static IMicrosClock CreateClock()
        {
#if ESP32
            return new Esp32MicrosClock();
#else
            return new TickMicrosClock();
#endif
        }

        /// <summary>
        /// Stops here for good, repeating the problems on the debugger channel (Console.WriteLine
        /// does not reach a UART, NANO-PLATFORM.md). The watchdog is never fed, so an external
        /// watchdog resets the board; it comes back here until the problem is fixed: safe, not useful.
        /// </summary>
        private static void Halt(string[] problems)
        {
            while (true)
            {
                Debug.WriteLine("PerfusionGuard: NOT RUNNING, pump stays disabled:");
                for (int i = 0; i < problems.Length; i++)
                {
                    Debug.WriteLine("  " + problems[i]);
                }

                Thread.Sleep(5000);
            }
        }
    }
}
