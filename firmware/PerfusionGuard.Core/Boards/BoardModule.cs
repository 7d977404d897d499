using System.Collections;
using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Log;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Shell;

namespace PerfusionGuard.Boards
{
    /// <summary>
    /// The firmware stack of one module, composed from a validated board, its opened ports and a
    /// circuit profile: channels with the board's default calibration, one hardware air latch per
    /// detector (polarities from the board, SAF-BRD-016), the interlock supervisor, the pump
    /// interlock, the alarm manager, the event log and the start-up self-test, under one
    /// <see cref="SafetyCycle"/>. The device's Main builds it over nanoFramework ports; host tests
    /// build it over fakes. Everything is allocated here, once; <see cref="Step"/> allocates nothing.
    /// Operator commands from other threads (console) are posted to a one-slot mailbox and carried
    /// out by the safety thread at its next step, so the supervisor and the latches are only ever
    /// touched by one thread (SAF-BRD-017).
    /// </summary>
    public sealed class BoardModule : IInterlockControl
    {
        private const int NoRequest = 0;
        private const int ResetRequest = 1;
        private const int SetOverrideRequest = 2;
        private const int ClearOverrideRequest = 3;

        // After a reset pulse the latch readback clears only at the next sample: the supervisor is
        // asked again for this many cycles (as the emulator does).
        private const int ResetRetryCycles = 3;

        private readonly BoardPorts _ports;
        private readonly BoardPin _resetKey;
        private readonly SafetyCycle _cycle;
        private readonly StartupSelfTest _selfTest;
        private readonly HardwareAirLatch[] _latches;
        private readonly InterlockSupervisor _supervisor;
        private readonly AlarmManager _alarms;
        private readonly EventLog _log;
        private readonly object _mailboxLock = new object();
        private int _request;
        private int _requestRule;
        private long _requestDurationMicros;
        private CommandSource _requestSource;
        private int _resetRetries;
        private CommandSource _resetSource;
        private bool _resetKeyWasActive;

        /// <summary>Builds the stack over <paramref name="ports"/>; <paramref name="nowMicros"/> starts the self-test.</summary>
        public BoardModule(BoardDefinition board, BoardPorts ports, CircuitProfile profile, IAnalogOutput speedLimit,
            INonVolatileStore store, long nowMicros)
        {
            _ports = ports;
            _resetKey = board.FindPin(PinRole.ResetKey);
            ArrayList channels = new ArrayList();
            ArrayList latches = new ArrayList();
            ArrayList latchPorts = new ArrayList();
            for (int i = 0; i < profile.Channels.Length; i++)
            {
                ChannelId id = profile.Channels[i];
                int c = (int)id;
                ChannelCalibration calibration = board.FindCalibration(id);
                switch (ChannelNames.KindOf(id))
                {
                    case ChannelKind.Pressure:
                        channels.Add(new PressureChannel(id, ports.Analog[c],
                            new PressureCalibration(calibration.ZeroCounts, calibration.CountsPerUnit),
                            PressureChannelConfig.Default(board.AdcMaxCounts)));
                        break;
                    case ChannelKind.Flow:
                        FlowChannelConfig flowConfig = FlowChannelConfig.Default(board.AdcMaxCounts);
                        flowConfig.Calibration = new FlowCalibration(calibration.ZeroCounts, calibration.CountsPerUnit);
                        channels.Add(new FlowChannel(id, ports.Analog[c], flowConfig));
                        break;
                    case ChannelKind.Level:
                        channels.Add(LevelChannel(board, ports, calibration));
                        break;
                    case ChannelKind.Air:
                        AirDetectorConfig airConfig = AirConfig(board, id);
                        channels.Add(new AirDetectorChannel(id, ports.AirDetector[c], ports.LatchReadback[c], ports.Microbubbles[c], ports.DetectorFault[c], airConfig));
                        HardwareAirLatch latch = new HardwareAirLatch(ports.DetectorTest[c], ports.LatchReset, ports.SoftwareTrip, ports.LatchReadback[c], airConfig);
                        latches.Add(latch);
                        latchPorts.Add(new LatchTestPort(latch, id));
                        break;
                }
            }

            IChannel[] channelArray = (IChannel[])channels.ToArray(typeof(IChannel));
            _latches = (HardwareAirLatch[])latches.ToArray(typeof(HardwareAirLatch));
            IAirLatchTestPort[] testPorts = (IAirLatchTestPort[])latchPorts.ToArray(typeof(IAirLatchTestPort));

            _supervisor = new InterlockSupervisor(profile, new SafetyEventRing(64));
            PumpInterlock interlock = new PumpInterlock(ports.PumpEnable, ports.PumpEnableReadback);
            _alarms = new AlarmManager(_supervisor, null);
            _log = new EventLog(store, 500);
            _log.Open(nowMicros);

            // The arterial pump's running signal matters where this module guards another pump (cardioplegia).
            bool guardsArterialPump = profile.Circuit != CircuitKind.CardioplegiaAntegrade && profile.Circuit != CircuitKind.CardioplegiaRetrograde;
            Watchdog = new WatchdogFeedOutput(ports.WatchdogFeed);
            _cycle = new SafetyCycle(channelArray, _supervisor, interlock, ports.GuardedPumpRunning,
                guardsArterialPump ? null : ports.ArterialPumpRunning, speedLimit, ports.Clamp,
                Watchdog, new ICycleObserver[] { _alarms }, board.CyclePeriodMicros);
            _selfTest = new StartupSelfTest(testPorts, ports.PumpEnable, ports.PumpEnableReadback, channelArray, _log, null);
            _selfTest.Begin(nowMicros);
        }

        /// <summary>The supervisor (status views).</summary>
        public InterlockSupervisor Supervisor => _supervisor;

        /// <summary>The alarm manager (console, telemetry, alarm outputs).</summary>
        public AlarmManager Alarms => _alarms;

        /// <summary>The event log.</summary>
        public EventLog Log => _log;

        /// <summary>The safety cycle (counters).</summary>
        public SafetyCycle Cycle => _cycle;

        /// <summary>The start-up self-test.</summary>
        public StartupSelfTest SelfTest => _selfTest;

        /// <summary>The external watchdog feed.</summary>
        public WatchdogFeedOutput Watchdog { get; private set; }

        /// <summary>
        /// One step of the safety thread: the start-up self-test until it has an outcome (the pump
        /// stays disabled meanwhile, and for good when it fails); then pending operator commands,
        /// one safety cycle and the latches' timed actions.
        /// </summary>
        public void Step(long nowMicros)
        {
            if (_selfTest.Outcome == SelfTestOutcome.Running)
            {
                _selfTest.Step(nowMicros);
                _cycle.SelfTestPassed = _selfTest.Passed;
                return;
            }

            TakeRequests(nowMicros);
            _cycle.RunOnce(nowMicros);
            for (int i = 0; i < _latches.Length; i++)
            {
                _latches[i].Step(nowMicros);
            }

            if (_resetRetries > 0)
            {
                _resetRetries--;
                if (_supervisor.TryOperatorReset(nowMicros, _resetSource))
                {
                    _resetRetries = 0;
                }
            }
        }

        /// <inheritdoc />
        public bool HasResetInput => _resetKey != null;

        /// <inheritdoc />
        public bool ResetInputActive => _resetKey != null && _ports.ResetKey.Read() != _resetKey.ActiveLow;

        /// <summary>
        /// Posts an operator reset (console); the safety thread pulses the latch reset and resets
        /// the supervisor's latched rules at its next step. True when posted.
        /// </summary>
        public bool TryOperatorReset(long nowMicros, CommandSource source)
        {
            return Post(ResetRequest, -1, 0, source);
        }

        /// <inheritdoc />
        public int FindRule(string alarmId) => _supervisor.FindRule(alarmId);

        /// <summary>Posts an override of rule <paramref name="ruleIndex"/> (the supervisor accepts or refuses it at the next step); false when another command is pending.</summary>
        public bool TrySetOverride(int ruleIndex, long durationMicros, long nowMicros, CommandSource source)
        {
            return Post(SetOverrideRequest, ruleIndex, durationMicros, source);
        }

        /// <summary>Posts the end of an override; false when another command is pending.</summary>
        public bool TryClearOverride(int ruleIndex, long nowMicros, CommandSource source)
        {
            return Post(ClearOverrideRequest, ruleIndex, 0, source);
        }

        private bool Post(int kind, int rule, long durationMicros, CommandSource source)
        {
            lock (_mailboxLock)
            {
                if (_request != NoRequest)
                {
                    return false;
                }

                _request = kind;
                _requestRule = rule;
                _requestDurationMicros = durationMicros;
                _requestSource = source;
                return true;
            }
        }

        private void TakeRequests(long nowMicros)
        {
            // The physical reset key: a press (edge) is a local panel reset.
            bool keyActive = ResetInputActive;
            if (keyActive && !_resetKeyWasActive)
            {
                StartReset(nowMicros, CommandSource.LocalPanel);
            }

            _resetKeyWasActive = keyActive;

            int kind;
            int rule;
            long duration;
            CommandSource source;
            lock (_mailboxLock)
            {
                kind = _request;
                rule = _requestRule;
                duration = _requestDurationMicros;
                source = _requestSource;
                _request = NoRequest;
            }

            switch (kind)
            {
                case ResetRequest:
                    StartReset(nowMicros, source);
                    break;
                case SetOverrideRequest:
                    _supervisor.TrySetOverride(rule, duration, nowMicros, source);
                    break;
                case ClearOverrideRequest:
                    _supervisor.TryClearOverride(rule, nowMicros, source);
                    break;
            }
        }

        private void StartReset(long nowMicros, CommandSource source)
        {
            // Nothing remote resets a latched stop (DESIGN.md safety concept 3): only local sources pulse the latches.
            if (source == CommandSource.Remote)
            {
                return;
            }

            for (int i = 0; i < _latches.Length; i++)
            {
                _latches[i].Reset(nowMicros);
            }

            _resetSource = source;
            _resetRetries = ResetRetryCycles;
        }

        private static IChannel LevelChannel(BoardDefinition board, BoardPorts ports, ChannelCalibration calibration)
        {
            int c = (int)ChannelId.LevelReservoir;
            if (ports.Analog[c] != null)
            {
                LevelSensorConfig continuous = LevelSensorConfig.DefaultContinuous(board.AdcMaxCounts);
                continuous.Calibration = new LevelCalibration(calibration.ZeroCounts, calibration.CountsPerUnit);
                return new ReservoirLevelChannel(ports.Analog[c], continuous);
            }

            LevelSensorConfig pads = LevelSensorConfig.DefaultPads();
            BoardPin pad = board.FindPin(PinRole.LevelPadStop) ?? board.FindPin(PinRole.LevelPadAlert);
            pads.PadLiquidPresentHigh = !pad.ActiveLow;
            return new ReservoirLevelChannel(ports.LevelPadAlert, ports.LevelPadStop, pads);
        }

        // Polarities come from the board's pin table (active_low, SAF-BRD-016), so board.json and
        // the firmware cannot disagree.
        private static AirDetectorConfig AirConfig(BoardDefinition board, ChannelId id)
        {
            AirDetectorConfig config = AirDetectorConfig.Default();
            config.DetectorAirActiveHigh = !board.FindPin(PinRole.AirDetector, id).ActiveLow;
            config.LatchTrippedActiveHigh = !board.FindPin(PinRole.LatchReadback, id).ActiveLow;
            config.DetectorTestActiveHigh = !board.FindPin(PinRole.DetectorTest, id).ActiveLow;
            BoardPin fault = board.FindPin(PinRole.DetectorFault, id);
            if (fault != null)
            {
                config.DetectorFaultActiveHigh = !fault.ActiveLow;
            }

            config.LatchResetActiveHigh = !board.FindPin(PinRole.LatchReset).ActiveLow;
            config.SoftwareTripActiveHigh = !board.FindPin(PinRole.SoftwareTrip).ActiveLow;
            return config;
        }
    }
}
