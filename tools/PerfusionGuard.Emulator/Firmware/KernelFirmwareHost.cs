using System;
using System.Collections.Generic;
using PerfusionGuard.Alarms;
using PerfusionGuard.Boards;
using PerfusionGuard.Channels;
using PerfusionGuard.Emulator.Board;
using PerfusionGuard.Log;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;

namespace PerfusionGuard.Emulator.Firmware
{
    /// <summary>
    /// The real portable core on the virtual board, assembled as a device's Main would: profile from
    /// the catalog, channels on the board's ports with the board file's calibration, interlock
    /// supervisor, pump interlock, hardware-latch supervision, alarm manager, event log on the
    /// non-volatile store, start-up self-test (stepped every millisecond until it ends, before the
    /// first safety cycle), then the 10 ms safety cycle. A power loss discards the instance; the next
    /// boot builds a new one over the same non-volatile store.
    /// </summary>
    public sealed class KernelFirmwareHost : IFirmwareHost
    {
        private readonly VirtualBoard _board;
        private readonly CircuitKind _circuit;
        private CircuitProfile _profile;
        private InterlockSupervisor _supervisor;
        private SafetyCycle _cycle;
        private HardwareAirLatch _latch;
        private AlarmManager _alarms;
        private AlarmTransitionRing _alarmSink;
        private StartupSelfTest _selfTest;
        private EventLog _log;
        private int _pendingResetCycles;
        private SafetyDecision _lastDecision;

        /// <summary>Creates the host; nothing runs until <see cref="Boot"/>.</summary>
        public KernelFirmwareHost(VirtualBoard board, CircuitKind circuit)
        {
            _board = board;
            _circuit = circuit;
        }

        /// <summary>What runs.</summary>
        public string Description => "PerfusionGuard.Core (profile " + CircuitNames.NameOf(_circuit) + ", board virtual)";

        /// <summary>The decision of the last cycle.</summary>
        public SafetyDecision LastDecision => _lastDecision;

        /// <summary>The supervisor.</summary>
        public IConditionMonitor Monitor => _supervisor;

        /// <summary>Self-test progress.</summary>
        public SelfTestState SelfTest => _selfTest == null || _selfTest.Outcome == SelfTestOutcome.Running
            ? SelfTestState.Running
            : (_selfTest.Passed ? SelfTestState.Passed : SelfTestState.Failed);

        /// <summary>Self-test summary.</summary>
        public string SelfTestDetail => _selfTest?.Summary ?? "";

        /// <summary>No console shell is wired in this build yet.</summary>
        public bool ConsoleSupported => false;

        /// <summary>Builds the stack and starts the self-test.</summary>
        public void Boot(long nowMicros)
        {
            _profile = ProfileCatalog.Get(_circuit);
            BoardDefinition definition = _board.Definition;
            AirDetectorConfig airConfig = ProfileSource.AirConfig();
            var channels = new List<IChannel>();
            ChannelId detector = _board.DetectorChannel;
            foreach (ChannelId id in _profile.Channels)
            {
                switch (ChannelNames.KindOf(id))
                {
                    case ChannelKind.Pressure:
                    {
                        ChannelCalibration c = definition.FindCalibration(id);
                        channels.Add(new PressureChannel(id, _board.AnalogOf(id), new PressureCalibration(c.ZeroCounts, c.CountsPerUnit), PressureChannelConfig.Default(4095)));
                        break;
                    }

                    case ChannelKind.Flow:
                    {
                        ChannelCalibration c = definition.FindCalibration(id);
                        FlowChannelConfig config = FlowChannelConfig.Default(4095);
                        config.Calibration = new FlowCalibration(c.ZeroCounts, c.CountsPerUnit);
                        channels.Add(new FlowChannel(id, _board.AnalogOf(id), config));
                        break;
                    }

                    case ChannelKind.Level:
                        LevelSensorConfig levelConfig = LevelSensorConfig.DefaultPads();
                        levelConfig.PadLiquidPresentHigh = _board.Wiring.PadLiquidPresentHigh;
                        channels.Add(new ReservoirLevelChannel(_board.AlertPad, _board.LowPad, levelConfig));
                        break;
                    case ChannelKind.Air:
                        channels.Add(new AirDetectorChannel(id, _board.DetectorOutput, _board.LatchReadback, _board.Microbubbles, _board.DetectorFault, airConfig));
                        break;
                }
            }

            IChannel[] channelArray = channels.ToArray();
            _supervisor = new InterlockSupervisor(_profile, new SafetyEventRing(64));
            var interlock = new PumpInterlock(_board.PumpEnable, _board.PumpEnableReadback);
            _latch = new HardwareAirLatch(_board.DetectorTest, _board.LatchReset, _board.SoftwareTrip, _board.LatchReadback, airConfig);
            _alarms = new AlarmManager(_supervisor, null);
            _alarmSink = new AlarmTransitionRing(256);
            _alarms.AddSink(_alarmSink);
            _log = new EventLog(_board.Store, 500);
            _log.Open(nowMicros);
            bool cardioplegia = _circuit == CircuitKind.CardioplegiaAntegrade || _circuit == CircuitKind.CardioplegiaRetrograde;
            _cycle = new SafetyCycle(channelArray, _supervisor, interlock, _board.GuardedPumpRunning,
                cardioplegia ? _board.ArterialPumpRunningInput : null, _board.SpeedLimit, _board.ClampOpen, _board.Watchdog,
                new ICycleObserver[] { _alarms }, SafetyCycle.DevicePeriodMicros);
            _selfTest = new StartupSelfTest(new IAirLatchTestPort[] { new LatchTestPort(_latch, detector) }, _board.PumpEnable, _board.PumpEnableReadback,
                channelArray, _log, null);
            _selfTest.Begin(nowMicros);
            _pendingResetCycles = 0;
            _lastDecision = new SafetyDecision(SafetyAction.LatchedStop, -1, 0, true);
        }

        /// <summary>While the self-test runs: one self-test step (called every ms); then one safety cycle (every 10 ms).</summary>
        public void RunCycle(long nowMicros)
        {
            if (_selfTest.Outcome == SelfTestOutcome.Running)
            {
                _selfTest.Step(nowMicros);
                _cycle.SelfTestPassed = _selfTest.Passed;
                return;
            }

            _lastDecision = _cycle.RunOnce(nowMicros);
            _latch.Step(nowMicros);
            if (_pendingResetCycles > 0)
            {
                _pendingResetCycles--;
                if (_supervisor.TryOperatorReset(nowMicros, CommandSource.LocalPanel))
                {
                    _pendingResetCycles = 0;
                }
            }
        }

        /// <summary>The reset key: resets the hardware latch (pulse), then the supervisor's latched rules.</summary>
        public bool TryOperatorReset(long nowMicros, out string detail)
        {
            _latch.Reset(nowMicros);
            if (_supervisor.TryOperatorReset(nowMicros, CommandSource.LocalPanel))
            {
                detail = "latch reset pulse; supervisor reset accepted";
                return true;
            }

            // The latch readback clears at the next sample; the supervisor is asked again after each of the next cycles.
            _pendingResetCycles = 3;
            detail = "latch reset pulse; supervisor reset retried after the next cycle";
            return true;
        }

        /// <summary>Local override of the rule raising <paramref name="alarmId"/>.</summary>
        public bool TryOverride(string alarmId, long durationMicros, long nowMicros, out string detail)
        {
            int rule = _supervisor.FindRule(alarmId);
            if (rule < 0)
            {
                detail = "no rule raises " + alarmId + " in " + _profile.Name;
                return false;
            }

            bool ok = _supervisor.TrySetOverride(rule, durationMicros, nowMicros, CommandSource.LocalPanel);
            detail = ok ? "override of " + alarmId + " accepted" : "override of " + alarmId + " refused by the supervisor";
            return ok;
        }

        /// <summary>No console yet.</summary>
        public string ExecuteConsole(string line, long nowMicros) => null;

        /// <summary>Alarm transitions from the alarm manager's sink.</summary>
        public bool TryTakeAlarm(out AlarmEventInfo info)
        {
            if (_alarmSink != null && _alarmSink.TryTake(out AlarmTransition t))
            {
                info = new AlarmEventInfo
                {
                    AtMicros = t.AtMicros,
                    Id = t.AlarmIndex >= 0 && t.AlarmIndex < _supervisor.RuleCount ? _supervisor.RuleAt(t.AlarmIndex).AlarmId : "?",
                    Priority = AlarmNames.NameOf(t.Priority),
                    State = AlarmNames.NameOf(t.To),
                    Cause = AlarmTransitionNames.NameOf(t.Cause),
                };
                return true;
            }

            info = default;
            return false;
        }
    }
}
