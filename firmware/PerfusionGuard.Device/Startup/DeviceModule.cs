using System.Collections;
using PerfusionGuard.Alarms;
using PerfusionGuard.Boards;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Log;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;

namespace PerfusionGuard.Device.Startup
{
    /// <summary>
    /// The firmware stack of one module, composed from a validated board, its opened ports and a
    /// circuit profile: channels (with the board's default calibration), one hardware air latch per
    /// detector, the interlock supervisor, the pump interlock, the alarm manager, the event log and
    /// the start-up self-test, under one <see cref="SafetyCycle"/>. The same composition as the
    /// emulator's KernelFirmwareHost, written in the nanoFramework subset (no generics: ArrayList).
    /// Everything is allocated here, once; <see cref="Step"/> allocates nothing.
    /// </summary>
    public sealed class DeviceModule
    {
        private readonly SafetyCycle _cycle;
        private readonly StartupSelfTest _selfTest;
        private readonly HardwareAirLatch[] _latches;
        private readonly InterlockSupervisor _supervisor;
        private readonly AlarmManager _alarms;
        private readonly EventLog _log;

        /// <summary>Builds the stack; <paramref name="nowMicros"/> starts the self-test.</summary>
        public DeviceModule(BoardDefinition board, BoardPorts ports, CircuitProfile profile, IAnalogOutput speedLimit,
            INonVolatileStore store, long nowMicros)
        {
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

            // The arterial pump's running signal matters only where this module guards another pump (cardioplegia).
            bool guardsArterialPump = profile.Circuit != CircuitKind.CardioplegiaAntegrade && profile.Circuit != CircuitKind.CardioplegiaRetrograde;
            _cycle = new SafetyCycle(channelArray, _supervisor, interlock, ports.GuardedPumpRunning,
                guardsArterialPump ? null : ports.ArterialPumpRunning, speedLimit, ports.Clamp,
                new WatchdogFeedOutput(ports.WatchdogFeed), new ICycleObserver[] { _alarms }, board.CyclePeriodMicros);
            _selfTest = new StartupSelfTest(testPorts, ports.PumpEnable, ports.PumpEnableReadback, channelArray, _log, null);
            _selfTest.Begin(nowMicros);
        }

        /// <summary>The supervisor (console: interlock status and reset).</summary>
        public InterlockSupervisor Supervisor => _supervisor;

        /// <summary>The alarm manager (console, telemetry, alarm outputs).</summary>
        public AlarmManager Alarms => _alarms;

        /// <summary>The event log (console `log show`, log writer).</summary>
        public EventLog Log => _log;

        /// <summary>The safety cycle (status counters).</summary>
        public SafetyCycle Cycle => _cycle;

        /// <summary>
        /// One step of the safety thread: the start-up self-test until it has an outcome (the pump
        /// stays disabled meanwhile and for good when it fails), then one safety cycle and the
        /// latches' timed actions.
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
