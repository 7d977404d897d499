using System;
using System.Collections;
using PerfusionGuard.Alarms;
using PerfusionGuard.Boards;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Log;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Module
{
    /// <summary>
    /// The firmware stack of one module, composed once from a validated board, its opened ports and a
    /// circuit profile: channels with the board's default calibration, one hardware air latch per
    /// detector, the interlock supervisor, the pump interlock, the alarm manager driving the buzzer
    /// and lights, the event log, the optional telemetry sampler and the start-up self-test, all under
    /// one <see cref="SafetyCycle"/>. The device's Main, the emulator and the benchmarks all build
    /// this same object, so what the emulator runs is what the board runs (DESIGN.md, Emulator).
    /// Everything is allocated in the constructor; <see cref="Step"/> allocates nothing.
    /// </summary>
    public sealed class GuardModule
    {
        private readonly CircuitProfile _profile;
        private readonly BoardPorts _ports;
        private readonly IChannel[] _channels;
        private readonly HardwareAirLatch[] _latches;
        private readonly InterlockSupervisor _supervisor;
        private readonly SafetyEventRing _supervisorEvents;
        private readonly SafetyEventRing _logEvents;
        private readonly SafetyEventRing _telemetryEvents;
        private readonly AlarmManager _alarms;
        private readonly AlarmTransitionRing _logAlarms;
        private readonly AlarmTransitionRing _telemetryAlarms;
        private readonly EventLog _log;
        private readonly bool _logOpened;
        private readonly EventRecorder _recorder;
        private readonly CalibrationStore _calibrationStore;
        private readonly string _calibrationNote;
        private readonly int _calibrationAddress;
        private readonly int _settingsAddress;
        private readonly TelemetrySampler _telemetry;
        private readonly TelemetrySession _telemetrySession;
        private readonly TelemetryOutbox _telemetryOutbox;
        private readonly SafetyCycle _cycle;
        private readonly StartupSelfTest _selfTest;
        private readonly bool _resetKeyActiveHigh;
        private readonly bool _silenceKeyActiveHigh;
        private bool _resetKeyWasDown;
        private bool _silenceKeyWasDown;
        private int _pendingResetCycles;
        private CommandSource _pendingResetSource;

        /// <summary>Capacity of the ring the self-test's results wait in for the log writer (SAF-LOG-007).</summary>
        public const int SelfTestRecordCapacity = 32;

        /// <summary>Cycles after a latch reset pulse during which the supervisor reset is retried.</summary>
        public const int ResetRetryCycles = 5;

        /// <summary>
        /// Builds the stack. <paramref name="speedLimit"/> may be null (no speed-limit output);
        /// <paramref name="logStore"/> holds the event log; <paramref name="nowMicros"/> starts the self-test.
        /// Throws ArgumentException when the profile fails validation or the board lacks a port it needs.
        /// </summary>
        public GuardModule(BoardDefinition board, BoardPorts ports, CircuitProfile profile, IAnalogOutput speedLimit,
            INonVolatileStore logStore, GuardModuleOptions options, long nowMicros)
        {
            if (board == null || ports == null || profile == null || logStore == null)
            {
                throw new ArgumentNullException("board, ports, profile and logStore are required");
            }

            options = options ?? new GuardModuleOptions();
            _profile = profile;
            _ports = ports;
            // Keys follow the board's pin table like every other signal (SAF-BRD-016): the DevKitC's
            // BOOT button reads low when pressed, so a raw read would count it as held while idle.
            _resetKeyActiveHigh = ActiveHigh(board.FindPin(PinRole.ResetKey));
            _silenceKeyActiveHigh = ActiveHigh(board.FindPin(PinRole.SilenceKey));
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
                        Require(ports.Analog[c], board, id, "analog input");
                        PressureCalibration pressureCalibration = new PressureCalibration(calibration.ZeroCounts, calibration.CountsPerUnit);
                        // The plausible range follows the board's transducer (esp32-devkitc: -300..+700 mmHg), not a generic span.
                        channels.Add(new PressureChannel(id, ports.Analog[c], pressureCalibration,
                            PressureChannelConfig.Default(board.AdcMaxCounts, pressureCalibration)));
                        break;
                    case ChannelKind.Flow:
                        Require(ports.Analog[c], board, id, "analog input");
                        FlowChannelConfig flowConfig = FlowChannelConfig.Default(board.AdcMaxCounts);
                        flowConfig.Calibration = new FlowCalibration(calibration.ZeroCounts, calibration.CountsPerUnit);
                        channels.Add(new FlowChannel(id, ports.Analog[c], flowConfig));
                        break;
                    case ChannelKind.Level:
                        channels.Add(LevelChannel(board, ports, calibration));
                        break;
                    case ChannelKind.Air:
                        Require(ports.AirDetector[c], board, id, "air detector input");
                        Require(ports.LatchReadback[c], board, id, "latch readback input");
                        AirDetectorConfig airConfig = AirConfig(board, id);
                        channels.Add(new AirDetectorChannel(id, ports.AirDetector[c], ports.LatchReadback[c], ports.Microbubbles[c], ports.DetectorFault[c], airConfig));
                        HardwareAirLatch latch = new HardwareAirLatch(ports.DetectorTest[c], ports.LatchReset, ports.SoftwareTrip, ports.LatchReadback[c], airConfig);
                        latches.Add(latch);
                        latchPorts.Add(new AirLatchTestPort(latch, id));
                        break;
                }
            }

            _channels = (IChannel[])channels.ToArray(typeof(IChannel));
            _latches = (HardwareAirLatch[])latches.ToArray(typeof(HardwareAirLatch));
            IAirLatchTestPort[] testPorts = (IAirLatchTestPort[])latchPorts.ToArray(typeof(IAirLatchTestPort));

            // The supervisor's ring has one consumer (this module); it copies each event into one ring
            // per downstream consumer (log writer, telemetry) so neither steals the other's events.
            _supervisorEvents = new SafetyEventRing(options.SafetyEventRingCapacity);
            _logEvents = new SafetyEventRing(options.SafetyEventRingCapacity);
            _supervisor = new InterlockSupervisor(profile, _supervisorEvents);
            PumpInterlock interlock = new PumpInterlock(ports.PumpEnable, ports.PumpEnableReadback);

            // A board without a sounder gets no signal driver; BoardValidator is where a missing
            // buzzer is judged, not here.
            AlarmSignal signal = ports.Buzzer == null ? null : new AlarmSignal(ports.Buzzer, ports.LedRed, ports.LedYellow, ports.LedCyan);
            _alarms = new AlarmManager(_supervisor, signal);
            _logAlarms = new AlarmTransitionRing(options.AlarmSinkCapacity);
            _alarms.AddSink(_logAlarms);

            _log = new EventLog(logStore, options.LogCapacityRecords);
            _logOpened = _log.Open(nowMicros);

            // Store layout: [event log][calibration A/B][settings...]. A calibration committed from the
            // console outlives a reboot (SAF-CHN-014): it replaces the board's defaults before the
            // first cycle. A store too small for it keeps the board defaults and says so.
            _calibrationAddress = EventLog.RequiredBytes(options.LogCapacityRecords);
            _settingsAddress = _calibrationAddress + CalibrationStore.RequiredBytes;
            if (logStore.SizeBytes >= _settingsAddress)
            {
                _calibrationStore = new CalibrationStore(logStore, _calibrationAddress);
                CalibrationSet stored = new CalibrationSet();
                string loadNote;
                if (_calibrationStore.TryLoad(stored, out loadNote))
                {
                    stored.ApplyTo(_channels);
                }

                _calibrationNote = loadNote;
            }
            else
            {
                _calibrationNote = "store of " + logStore.SizeBytes.ToString() + " bytes has no room for calibration after the event log";
            }
            // The self-test runs on the safety thread: its results wait in a ring for the log writer (SAF-LOG-007).
            // One start-up self-test writes a record per check and channel (about 20 on the largest
            // profile) over some 200 ms while the log writer drains every 100 ms: 32 leaves margin.
            PendingRecordRing selfTestRecords = new PendingRecordRing(SelfTestRecordCapacity);
            _recorder = new EventRecorder(_log, _logAlarms, _logEvents, selfTestRecords);

            ICycleObserver[] observers;
            if (options.TelemetryOutbox != null)
            {
                // One boot counter for the black box and telemetry: the event log's, incremented by
                // Open above, unless the host brings its own session (the emulator counts boots itself).
                _telemetrySession = options.TelemetrySession
                    ?? new TelemetrySession(_log.BootCounter, nowMicros, options.TelemetryUtcClock);
                _telemetryOutbox = options.TelemetryOutbox;
                _telemetryEvents = new SafetyEventRing(options.TelemetrySinkCapacity);
                _telemetryAlarms = new AlarmTransitionRing(options.TelemetrySinkCapacity);
                _alarms.AddSink(_telemetryAlarms);
                _telemetry = new TelemetrySampler(options.TelemetryOutbox, _telemetrySession, profile.Channels, _supervisor, options.TelemetryPeriodMicros,
                    options.TelemetryFrameSlots);
                observers = new ICycleObserver[] { _alarms, _telemetry };
            }
            else
            {
                observers = new ICycleObserver[] { _alarms };
            }

            // The arterial pump's running signal matters only where this module guards another pump (cardioplegia).
            bool guardsArterialPump = profile.Circuit != CircuitKind.CardioplegiaAntegrade && profile.Circuit != CircuitKind.CardioplegiaRetrograde;
            _cycle = new SafetyCycle(_channels, _supervisor, interlock, ports.GuardedPumpRunning,
                guardsArterialPump ? null : ports.ArterialPumpRunning, speedLimit, ports.Clamp,
                new WatchdogFeedOutput(ports.WatchdogFeed), observers, board.CyclePeriodMicros);
            _selfTest = new StartupSelfTest(testPorts, ports.PumpEnable, ports.PumpEnableReadback, _channels, _log, null);
            _selfTest.PendingRecords = selfTestRecords;
            _selfTest.Begin(nowMicros);
        }

        /// <summary>The circuit profile in force.</summary>
        public CircuitProfile Profile => _profile;

        /// <summary>The channels in profile order.</summary>
        public IChannel[] Channels => _channels;

        /// <summary>The hardware air latches, one per detector.</summary>
        public HardwareAirLatch[] Latches => _latches;

        /// <summary>The interlock supervisor (console: interlock status, reset, overrides).</summary>
        public InterlockSupervisor Supervisor => _supervisor;

        /// <summary>The alarm manager (console, alarm outputs).</summary>
        public AlarmManager Alarms => _alarms;

        /// <summary>The event log (console `log show`, log writer).</summary>
        public EventLog Log => _log;

        /// <summary>True when the event log opened (a self-test check).</summary>
        public bool LogOpened => _logOpened;

        /// <summary>The persisted calibration (after the event log in the store); null when the store has no room.</summary>
        public CalibrationStore CalibrationStore => _calibrationStore;

        /// <summary>What loading the stored calibration found (null when it loaded cleanly).</summary>
        public string CalibrationNote => _calibrationNote;

        /// <summary>First byte of the store after the event log and the calibration: the console's persisted settings.</summary>
        public int SettingsAddress => _settingsAddress;

        /// <summary>The safety cycle (inputs, counters).</summary>
        public SafetyCycle Cycle => _cycle;

        /// <summary>The start-up self-test.</summary>
        public StartupSelfTest SelfTest => _selfTest;

        /// <summary>The telemetry sampler; null without telemetry.</summary>
        public TelemetrySampler Telemetry => _telemetry;

        /// <summary>The telemetry session (boot counter, sequences); null without telemetry.</summary>
        public TelemetrySession TelemetrySession => _telemetrySession;

        /// <summary>The telemetry outbox the sampler fills; null without telemetry.</summary>
        public TelemetryOutbox TelemetryOutbox => _telemetryOutbox;

        /// <summary>True when the board has a local reset key.</summary>
        public bool HasResetKey => _ports.ResetKey != null;

        /// <summary>
        /// True while the local reset key is pressed, in the polarity of the board's pin table.
        /// Reads the pin: safety thread only (the console sees it in its snapshot, SAF-CON-012).
        /// </summary>
        public bool ResetKeyHeld => _ports.ResetKey != null && _ports.ResetKey.Read() == _resetKeyActiveHigh;

        /// <summary>The decision of the last cycle (a latched stop until the first cycle runs).</summary>
        public SafetyDecision LastDecision => _supervisor.LastDecision;

        /// <summary>
        /// One step of the safety thread: the start-up self-test until it has an outcome (the pump
        /// stays disabled meanwhile, and for good when it fails), then one safety cycle, the latches'
        /// timed actions, the local reset and silence keys, and the copy of the cycle's events to
        /// the log and telemetry rings. Allocates nothing.
        /// </summary>
        public void Step(long nowMicros)
        {
            if (_selfTest.Outcome == SelfTestOutcome.Running)
            {
                _selfTest.Step(nowMicros);
                _cycle.SelfTestPassed = _selfTest.Passed;
                return;
            }

            _cycle.RunOnce(nowMicros);
            for (int i = 0; i < _latches.Length; i++)
            {
                _latches[i].Step(nowMicros);
            }

            PollKeys(nowMicros);
            if (_pendingResetCycles > 0)
            {
                _pendingResetCycles--;
                if (_supervisor.TryOperatorReset(nowMicros, _pendingResetSource))
                {
                    _pendingResetCycles = 0;
                }
            }

            FanOutSafetyEvents(nowMicros);
        }

        /// <summary>
        /// The local operator reset (reset key or service console): pulses every hardware latch's
        /// reset, then resets the supervisor's latched rules whose condition has gone. The latch
        /// readback clears only at the next sample, so the supervisor reset is retried for a few
        /// cycles. Remote sources are refused (DESIGN.md safety concept 3).
        /// </summary>
        public bool RequestOperatorReset(long nowMicros, CommandSource source)
        {
            if (source != CommandSource.LocalPanel && source != CommandSource.LocalConsole)
            {
                // Recorded as a refused command by the supervisor.
                return _supervisor.TryOperatorReset(nowMicros, source);
            }

            for (int i = 0; i < _latches.Length; i++)
            {
                _latches[i].Reset(nowMicros);
            }

            if (_supervisor.TryOperatorReset(nowMicros, source))
            {
                return true;
            }

            _pendingResetSource = source;
            _pendingResetCycles = ResetRetryCycles;
            return false;
        }

        /// <summary>Writes up to <paramref name="maxRecords"/> waiting log entries (log-writer thread).</summary>
        public int PumpLog(int maxRecords) => _recorder.Pump(maxRecords);

        /// <summary>
        /// Telemetry thread: moves the data frames, alarm transitions and safety events the safety
        /// thread handed over into the telemetry outbox, in that order (each kind in the order it
        /// happened), and returns how many. The safety thread never touches the outbox (SAF-CYC-005).
        /// </summary>
        public int PumpTelemetryEvents(long nowMicros)
        {
            if (_telemetry == null)
            {
                return 0;
            }

            return _telemetry.EnqueueDataFrames() + _telemetry.DrainAlarmTransitions(nowMicros, _telemetryAlarms)
                + _telemetry.DrainEvents(nowMicros, _telemetryEvents);
        }

        private void PollKeys(long nowMicros)
        {
            if (_ports.ResetKey != null)
            {
                bool down = _ports.ResetKey.Read() == _resetKeyActiveHigh;
                if (down && !_resetKeyWasDown)
                {
                    RequestOperatorReset(nowMicros, CommandSource.LocalPanel);
                }

                _resetKeyWasDown = down;
            }

            if (_ports.SilenceKey != null)
            {
                bool down = _ports.SilenceKey.Read() == _silenceKeyActiveHigh;
                if (down && !_silenceKeyWasDown)
                {
                    _alarms.PauseAudio(nowMicros, AlarmManager.MaxAudioPauseMicros, CommandSource.LocalPanel);
                }

                _silenceKeyWasDown = down;
            }
        }

        private void FanOutSafetyEvents(long nowMicros)
        {
            SafetyEvent e;
            while (_supervisorEvents.TryTake(out e))
            {
                _logEvents.Record(e.AtMicros, e.Kind, e.RuleIndex, e.Action, e.Source);
                if (_telemetryEvents != null)
                {
                    _telemetryEvents.Record(e.AtMicros, e.Kind, e.RuleIndex, e.Action, e.Source);
                }
            }
        }

        private static bool ActiveHigh(BoardPin pin) => pin == null || !pin.ActiveLow;

        private static void Require(object port, BoardDefinition board, ChannelId id, string what)
        {
            if (port == null)
            {
                throw new ArgumentException("board " + board.Id + ": no " + what + " for " + ChannelNames.NameOf(id) + ", which profile needs");
            }
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
            if (pad == null || ports.LevelPadStop == null)
            {
                throw new ArgumentException("board " + board.Id + ": no level sensor (analog or stop pad) for level_reservoir, which the profile needs");
            }

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
            BoardPin fault = board.FindPin(PinRole.DetectorFault, id);
            if (fault != null)
            {
                // Without this the idle level of the fault line would read as "disconnected" on a board
                // whose fault line is active high, and every start would end in an air stop.
                config.DetectorFaultActiveHigh = !fault.ActiveLow;
            }

            BoardPin test = board.FindPin(PinRole.DetectorTest, id);
            if (test != null)
            {
                config.DetectorTestActiveHigh = !test.ActiveLow;
            }

            // The latch's reset and software-trip lines are shared by every detector; their active
            // level is the board's too (esp32-devkitc: "high trips every latch"). A polarity taken
            // from a default instead would hold the trip asserted and the pump could never run.
            BoardPin trip = board.FindPin(PinRole.SoftwareTrip);
            if (trip != null)
            {
                config.SoftwareTripActiveHigh = !trip.ActiveLow;
            }

            BoardPin reset = board.FindPin(PinRole.LatchReset);
            if (reset != null)
            {
                config.LatchResetActiveHigh = !reset.ActiveLow;
            }

            return config;
        }
    }
}
