using System;
using System.Diagnostics;
using System.Threading;
using PerfusionGuard.Boards;
using PerfusionGuard.Device.Hal;
using PerfusionGuard.Device.Startup;
using PerfusionGuard.Device.Threads;
using PerfusionGuard.Hal;
using PerfusionGuard.Module;
using PerfusionGuard.Profiles;
using PerfusionGuard.Shell;
using PerfusionGuard.Shell.Adapters;

namespace PerfusionGuard.Device
{
    /// <summary>
    /// The device entry point: checks the board and profile, opens the board's pins (outputs
    /// low first), builds the firmware stack and starts the threads:
    /// <list type="bullet">
    /// <item>safety loop, ThreadPriority.Highest, fixed period (board cycle_period_us): self-test, then one safety cycle per period; feeds the external watchdog after each complete cycle;</item>
    /// <item>network start-up, Lowest: Wi-Fi or Ethernet with a time limit, retried;</item>
    /// <item>console (BelowNormal) and log writer (Lowest), each draining its bounded buffer (PollingThread); console commands reach the module only through the safety thread (InterlockMailbox).</item>
    /// </list>
    /// Nothing here can be built or run on the development machines (NANO-PLATFORM.md, projects):
    /// it is written against the API shapes cited in each adapter and kept this thin on purpose.
    /// </summary>
    public static class Program
    {
        /// <summary>Board definition deployed with nanoff --filedeployment.</summary>
        public const string BoardPath = "I:\\board.json";

        /// <summary>Site settings (profile, network, broker).</summary>
        public const string SettingsPath = "I:\\perfusionguard.json";

        /// <summary>The non-volatile store (calibration, event log).</summary>
        public const string StorePath = "I:\\perfusionguard.store";

        /// <summary>Size of the store file: calibration plus 500 event-log records of 48 bytes and headers.</summary>
        public const int StoreSizeBytes = 64 * 1024;

        /// <summary>Entry point.</summary>
        public static void Main()
        {
            Debug.WriteLine("PerfusionGuard: starting");
            DeviceSettings settings;
            string settingsError;
            if (!DeviceSettings.TryLoad(SettingsPath, out settings, out settingsError))
            {
                Halt(new string[] { settingsError });
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
            BoardPorts ports = BoardPorts.Open(board, factory);
            IAnalogOutput speedLimit = factory.OpenSpeedLimit();
            BoardPin trip = board.FindPin(PinRole.SoftwareTrip);
            FailSafeOutputs failSafe = new FailSafeOutputs(ports.PumpEnable, ports.SoftwareTrip, trip != null && !trip.ActiveLow, ports.Clamp, speedLimit);
            try
            {
                IMicrosClock clock = CreateClock();
                INonVolatileStore store = new FlashFileStore(StorePath, StoreSizeBytes);
                GuardModule module = new GuardModule(board, ports, profile, speedLimit, store, null, clock.NowMicros);
                InterlockMailbox interlock = new InterlockMailbox(new GuardModuleInterlock(module, ports.ResetKey, board.FindPin(PinRole.ResetKey)));

                // The safety thread's step: console commands first (SAF-BRD-017), then the module.
                SafetyLoopThread safetyLoop = new SafetyLoopThread(nowMicros =>
                {
                    interlock.Apply(nowMicros);
                    module.Step(nowMicros);
                }, clock, board.CyclePeriodMicros, failSafe);
                safetyLoop.Start();

                // Log writer: copies the safety events the cycle queued into the flash log, off the safety thread.
                new PollingThread(nowMicros => module.PumpLog(16), clock, 100, ThreadPriority.Lowest).Start();

                NetworkStartup network = new NetworkStartup(board.Network, settings);
                network.Start();

                if (board.ConsolePort != null)
                {
                    factory.RouteConsolePins();
                    SerialByteStream serial = new SerialByteStream(board.ConsolePort, board.ConsoleBaud);
                    // Interlock commands go through the module's mailbox (run by the safety thread);
                    // status, calibration and config adapters are not wired on the device yet:
                    // README "what was verified where".
                    ShellServices services = new ShellServices();
                    services.Interlock = interlock;
                    services.Alarms = new AlarmManagerPanel(module.Alarms);
                    services.Log = new EventLogJournal(module.Log, module.Supervisor);
                    SerialShell shell = new SerialShell(serial, services,
                        PinCredential.Create(settings.ServicePin, new byte[] { 0x50, 0x47, 0x01, 0x02 }, 1000),
                        EchoMode.Plain, SerialShell.DefaultOutputBytes);
                    new PollingThread(shell.Poll, clock, 20, ThreadPriority.BelowNormal).Start();
                }

                // Telemetry (TelemetryPump over the M2Mqtt link) starts once the network is up; it is
                // not wired on the device yet: README "what was verified where".
                Debug.WriteLine("PerfusionGuard: board " + board.Id + ", profile " + profile.Name + ", running");
            }
            catch (Exception e)
            {
                failSafe.StopEverything();
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
