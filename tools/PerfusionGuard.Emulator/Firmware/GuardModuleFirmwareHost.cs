using System;
using PerfusionGuard.Alarms;
using PerfusionGuard.Boards;
using PerfusionGuard.Channels;
using PerfusionGuard.Emulator.Board;
using PerfusionGuard.Emulator.Terminal;
using PerfusionGuard.Hal;
using PerfusionGuard.Module;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Shell;
using PerfusionGuard.Shell.Adapters;
using PerfusionGuard.Shell.Bridge;

namespace PerfusionGuard.Emulator.Firmware
{
    /// <summary>
    /// The firmware on the virtual board: the very <see cref="GuardModule"/> that the device's Main
    /// builds, over the virtual board's ports. A power loss discards the instance; the next boot builds
    /// a new one over the same non-volatile store (boot counter, event log).
    /// </summary>
    public sealed class GuardModuleFirmwareHost : IFirmwareHost, IModuleControl
    {
        private readonly VirtualBoard _board;
        private readonly CircuitKind _circuit;
        private readonly GuardModuleOptions _options;
        private GuardModule _module;
        private GuardModuleConsole _console;
        private AlarmTransitionRing _alarmSink;
        private SerialShell _scriptShell;
        private bool _rebootRequested;
        /// <summary>Service PIN of the emulated module's console (emulator only; a device is provisioned).</summary>
        public const string ServicePin = HostConsoleBridge.DefaultEmulatorPin;

        private static readonly PinCredential s_servicePin = PinCredential.Create(ServicePin,
            System.Text.Encoding.ASCII.GetBytes("pg-emulator-salt"), PinCredential.DefaultIterations);

        /// <summary>Creates the host; nothing runs until <see cref="Boot"/>.</summary>
        public GuardModuleFirmwareHost(VirtualBoard board, CircuitKind circuit, GuardModuleOptions options = null)
        {
            _board = board;
            _circuit = circuit;
            _options = options;
        }

        /// <summary>The module, after <see cref="Boot"/> (console, benchmarks).</summary>
        public GuardModule Module => _module;

        /// <inheritdoc />
        public string Description => "PerfusionGuard.Core GuardModule (profile " + CircuitNames.NameOf(_circuit) + ", board virtual)";

        /// <inheritdoc />
        public SafetyDecision LastDecision => _module == null ? new SafetyDecision(SafetyAction.LatchedStop, -1, 0, true) : _module.LastDecision;

        /// <inheritdoc />
        public IConditionMonitor Monitor => _module?.Supervisor;

        /// <inheritdoc />
        public SelfTestState SelfTest => _module == null || _module.SelfTest.Outcome == SelfTestOutcome.Running
            ? SelfTestState.Running
            : (_module.SelfTest.Passed ? SelfTestState.Passed : SelfTestState.Failed);

        /// <inheritdoc />
        public string SelfTestDetail => _module?.SelfTest.Summary ?? "";

        /// <summary>A terminal attached to the module's serial console (`run --console`); null for none.</summary>
        public HostConsoleBridge ConsoleBridge { get; set; }

        /// <summary>
        /// True while the run should wait for the telemetry publisher (a broker is connected and the
        /// outbox is filling). The emulator runs faster than real time and a real publisher sends in
        /// real time: without this wait a run with --broker would drop data frames on a busy machine.
        /// Wall-clock pacing only; the simulation itself is unchanged.
        /// </summary>
        public Func<bool> TelemetryBackpressure { get; set; }

        /// <summary>The console shell serves scenario "console" lines and an attached terminal.</summary>
        public bool ConsoleSupported => true;

        /// <summary>Builds the ports and the module; the module starts its self-test.</summary>
        public void Boot(long nowMicros)
        {
            BoardPorts ports = PortsOf(_board);
            _module = new GuardModule(_board.Definition, ports, ProfileCatalog.Get(_circuit), _board.SpeedLimit, _board.Store, _options, nowMicros);
            _alarmSink = new AlarmTransitionRing(256);
            _module.Alarms.AddSink(_alarmSink);
            // The device's console composition and bridge; the console runs between module steps on
            // this thread, so a request is carried out at once, at this cycle boundary (InlineConsoleWait).
            // The device's store layout ([event log][calibration A/B][limits][login A/B]): the limits and
            // the login failure count and lockout outlive an emulated power loss as they do on a board (SAF-CON-013).
            _console = GuardModuleConsole.Create(_module, "pg-emulator", "0.1.0", "virtual", null, _board.Store, _module.SettingsAddress, this, new InlineConsoleWait());
            _scriptShell = new SerialShell(new NullByteStream(), _console.Services, ConsoleBridge != null ? ConsoleBridge.Credential : s_servicePin, EchoMode.Silent, 16384);
            ConsoleBridge?.Attach(_console.Services);
            _rebootRequested = false;
        }

        /// <summary>While the self-test runs: one self-test step (called every ms); then one safety cycle (every 10 ms).</summary>
        public void RunCycle(long nowMicros)
        {
            if (_rebootRequested)
            {
                Boot(nowMicros);
                return;
            }

            // As the device's safety loop: console requests first (SAF-BRD-017), then the module.
            _console.Bridge.Service(nowMicros);
            _module.Step(nowMicros);
            RunBackgroundWork(nowMicros);
        }

        /// <summary>What the device's lower-priority threads do between cycles: the log writer and the telemetry event drain.</summary>
        public void RunBackgroundWork(long nowMicros)
        {
            _module.PumpLog(16);
            _module.PumpTelemetryEvents(nowMicros);
            if (TelemetryBackpressure != null)
            {
                long deadline = Environment.TickCount64 + 2000;
                while (TelemetryBackpressure() && Environment.TickCount64 < deadline)
                {
                    System.Threading.Thread.Sleep(1);
                }
            }

            // The console thread of the device, run here between cycles on the run's own thread. The
            // login throttle's checkpoints run even with no terminal attached, as the device's console
            // poll runs them (scenario lines reach the shell without a poll); twice in one cycle is harmless.
            _console.Services.LoginThrottle.Tick(nowMicros);
            ConsoleBridge?.Poll(nowMicros);
        }

        /// <summary>The emulator's circuit physics is fixed by the scenario: no profile switch.</summary>
        public bool TryUseProfile(CircuitKind circuit, long nowMicros, out string reason)
        {
            reason = "the emulator's circuit is fixed by the scenario (" + CircuitNames.NameOf(_circuit) + "); run a scenario of that circuit instead";
            return false;
        }

        /// <summary>Reboots at the next cycle: a new module over the same non-volatile store.</summary>
        public void RequestReboot(long nowMicros)
        {
            _rebootRequested = true;
        }

        /// <summary>The reset key: latch reset pulse, then the supervisor reset (retried over the next cycles).</summary>
        public bool TryOperatorReset(long nowMicros, out string detail)
        {
            bool now = _module.RequestOperatorReset(nowMicros, CommandSource.LocalPanel);
            detail = now ? "latch reset pulse; supervisor reset accepted" : "latch reset pulse; supervisor reset retried over the next cycles";
            return true;
        }

        /// <summary>Local override of the rule raising <paramref name="alarmId"/>.</summary>
        public bool TryOverride(string alarmId, long durationMicros, long nowMicros, out string detail)
        {
            int rule = _module.Supervisor.FindRule(alarmId);
            if (rule < 0)
            {
                detail = "no rule raises " + alarmId + " in " + _module.Profile.Name;
                return false;
            }

            bool ok = _module.Supervisor.TrySetOverride(rule, durationMicros, nowMicros, CommandSource.LocalPanel);
            detail = ok ? "override of " + alarmId + " accepted" : "override of " + alarmId + " refused by the supervisor";
            return ok;
        }

        /// <inheritdoc />
        public string ExecuteConsole(string line, long nowMicros) => _scriptShell?.Execute(line, nowMicros);

        /// <summary>Alarm transitions from the module's alarm manager.</summary>
        public bool TryTakeAlarm(out AlarmEventInfo info)
        {
            if (_alarmSink != null && _alarmSink.TryTake(out AlarmTransition t))
            {
                info = new AlarmEventInfo
                {
                    AtMicros = t.AtMicros,
                    Id = t.AlarmIndex >= 0 && t.AlarmIndex < _module.Supervisor.RuleCount ? _module.Supervisor.RuleAt(t.AlarmIndex).AlarmId : "?",
                    Priority = AlarmNames.NameOf(t.Priority),
                    State = AlarmNames.NameOf(t.To),
                    Cause = AlarmTransitionNames.NameOf(t.Cause),
                };
                return true;
            }

            info = default;
            return false;
        }

        /// <summary>The virtual board's ports in the shape the device's BoardPorts.Open produces.</summary>
        public static BoardPorts PortsOf(VirtualBoard board)
        {
            var ports = new BoardPorts
            {
                PumpEnable = board.PumpEnable,
                PumpEnableReadback = board.PumpEnableReadback,
                LatchReset = board.LatchReset,
                SoftwareTrip = board.SoftwareTrip,
                WatchdogFeed = new WatchdogFeedPin(board.Watchdog),
                Clamp = board.ClampOpen,
                GuardedPumpRunning = board.GuardedPumpRunning,
                ArterialPumpRunning = board.ArterialPumpRunningInput,
                LevelPadAlert = board.AlertPad,
                LevelPadStop = board.LowPad,
                // The alarm outputs drive plain recorded levels: the emulator reports alarms from the
                // alarm manager's transitions, the patterns themselves are covered by AlarmSignalTests.
                Buzzer = new DigitalOutputPort(null),
                LedRed = new DigitalOutputPort(null),
                LedYellow = new DigitalOutputPort(null),
                LedCyan = new DigitalOutputPort(null),
            };
            foreach (ChannelId id in board.Channels)
            {
                int c = (int)id;
                switch (ChannelNames.KindOf(id))
                {
                    case ChannelKind.Pressure:
                    case ChannelKind.Flow:
                        ports.Analog[c] = board.AnalogOf(id);
                        break;
                    case ChannelKind.Air:
                        ports.AirDetector[c] = board.DetectorOutput;
                        ports.LatchReadback[c] = board.LatchReadback;
                        ports.DetectorTest[c] = board.DetectorTest;
                        ports.DetectorFault[c] = board.DetectorFault;
                        ports.Microbubbles[c] = board.Microbubbles;
                        break;
                }
            }

            return ports;
        }

        /// <summary>The serial port of scenario console lines: responses are returned, not sent.</summary>
        private sealed class NullByteStream : IByteStream
        {
            public int Read(byte[] buffer, int offset, int count) => 0;

            public void Write(byte[] buffer, int offset, int count)
            {
            }
        }

        /// <summary>The external watchdog's feed pin: every toggle feeds the virtual watchdog.</summary>
        private sealed class WatchdogFeedPin : IDigitalOutput
        {
            private readonly IWatchdog _watchdog;

            public WatchdogFeedPin(IWatchdog watchdog) => _watchdog = watchdog;

            public void Write(bool high) => _watchdog.Feed();
        }
    }
}
