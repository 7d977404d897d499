using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Emulator.Board;
using PerfusionGuard.Emulator.Firmware;
using PerfusionGuard.Emulator.Physics;
using PerfusionGuard.Emulator.Scenarios;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Emulator.Runner
{
    /// <summary>
    /// Runs a scenario: the real firmware core at its 10 ms device cycle on the virtual board, the
    /// circuit physics at 1 ms (with sub-steps that end exactly on air-detector edges and latch trips,
    /// so the hardware latch's sub-millisecond path is visible), the timeline's actions at their
    /// instants, then the expectations. Deterministic: the same file and seed give the same result
    /// byte for byte (apart from wall time). The inner loop allocates nothing.
    /// </summary>
    public sealed class ScenarioRunner
    {
        /// <summary>Device safety-cycle period (DESIGN.md: 10 ms).</summary>
        public const long CyclePeriodMicros = 10_000;

        /// <summary>Physics step (issue: 1 ms or finer).</summary>
        public const long PhysicsStepMicros = 1_000;

        private const int MaxAirEvents = 200;

        private readonly Scenario _scenario;
        private readonly RunOptions _options;
        private readonly RunResult _result = new RunResult();
        private CircuitModel _physics;
        private VirtualBoard _board;
        private IFirmwareHost _host;
        private CauseTracker _causes;
        private double _setRpm;
        private long _now;
        private long _bootMicros;
        private bool _booted;
        private SelfTestState _lastSelfTest;
        private SafetyAction _lastAction;
        private bool _lastClampClosed = true;
        private double _lastCrossingMicros = double.NaN;
        private int _airEvents;
        private long _powerRestoreAtMicros = -1;
        private long _microbubblesUntilMicros = long.MaxValue;
        private double[] _maxPressure;
        private ChannelId[] _pressureChannels;
        private double _maxOutletMmHg = double.NegativeInfinity;
        private readonly SpeedLimitActivity _speedLimitActivity = new SpeedLimitActivity();

        private ScenarioRunner(Scenario scenario, RunOptions options)
        {
            _scenario = scenario;
            _options = options ?? new RunOptions();
        }

        /// <summary>Runs <paramref name="scenario"/> and checks its expectations.</summary>
        public static RunResult Run(Scenario scenario, RunOptions options = null) => new ScenarioRunner(scenario, options).Execute();

        /// <summary>The circuit parameters a scenario runs with: the circuit's defaults, its pump, its circuit_params.</summary>
        public static CircuitParameters ParametersFor(Scenario scenario)
        {
            CircuitParameters p = CircuitParameters.DefaultsFor(scenario.Circuit);
            p.Pump = scenario.Pump.Kind;
            foreach (KeyValuePair<string, double> pair in scenario.CircuitParams)
            {
                double v = pair.Value;
                switch (pair.Key)
                {
                    case "arterial_tubing_id_in": p.ArterialTubingIdIn = v; break;
                    case "detector_to_patient_cm": p.DetectorToPatientCm = v; break;
                    case "reservoir_ml": p.ReservoirMl = v; break;
                    case "patient_resistance_mmHg_min_per_l": p.PatientResistanceMmHgMinPerL = v; break;
                    case "patient_compliance_ml_per_mmHg": p.PatientComplianceMlPerMmHg = v; break;
                    case "vacuum_mmHg": p.VacuumMmHg = v; break;
                    case "stroke_volume_ml": p.StrokeVolumeMl = v; break;
                    case "latch_delay_us": p.LatchDelayMicros = v; break;
                    case "roller_stop_tau_ms": p.RollerStopTauMs = v; break;
                    case "centrifugal_stop_tau_ms": p.CentrifugalStopTauMs = v; break;
                    case "native_flow_l_min": p.NativeFlowLPerMin = v; break;
                    case "pump_to_detector_ml": p.PumpToDetectorMl = v; break;
                    case "air_site_to_detector_cm": p.AirSiteToDetectorCm = v; break;
                    case "roller_pulsation_fraction": p.RollerPulsationFraction = v; break;
                }
            }

            return p;
        }

        private RunResult Execute()
        {
            var wall = Stopwatch.StartNew();
            TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            ulong seed = _options.Seed ?? _scenario.Seed;
            _result.Scenario = _scenario;
            _result.Seed = seed;
            CircuitParameters parameters = ParametersFor(_scenario);
            _physics = new CircuitModel(parameters, seed);
            _setRpm = RpmFor(_scenario.Pump.FlowLPerMin, _scenario.Pump.Rpm);
            _physics.Prime(_setRpm);
            if (_scenario.CircuitParams.TryGetValue("venous_return_l_min", out double fixedReturn))
            {
                _physics.SetVenousReturn(fixedReturn);
            }

            ChannelId[] channels = ProfileSource.ChannelsOf(_scenario.Circuit);
            _board = new VirtualBoard(_physics, channels, seed, ProfileSource.Wiring, VirtualBoardFile.Load());
            _board.LineChanged += OnPumpLineChanged;
            Func<VirtualBoard, CircuitKind, IFirmwareHost> factory = _options.FirmwareFactory ?? ProfileSource.CreateFirmware;
            _host = factory(_board, _scenario.Circuit);
            _result.Firmware = _host.Description;
            var pressureList = new List<ChannelId>();
            foreach (ChannelId id in channels)
            {
                if (ChannelNames.KindOf(id) == ChannelKind.Pressure)
                {
                    pressureList.Add(id);
                }
            }

            _pressureChannels = pressureList.ToArray();
            _maxPressure = new double[_pressureChannels.Length];
            for (int i = 0; i < _maxPressure.Length; i++)
            {
                _maxPressure[i] = double.NegativeInfinity;
            }

            long endMicros = (long)Math.Round(_scenario.DurationS * 1e6);
            RunTrace trace = _options.RecordTrace ? CreateTrace(channels, endMicros) : null;
            _result.Trace = trace;
            double minReservoir = double.PositiveInfinity;
            int actionIndex = 0;
            List<TimelineAction> timeline = _scenario.Timeline;
            long nextTraceMicros = 0;
            long nextProgressCheckCycles = 0;
            long lastProgressMs = 0;
            long lastLiveMicros = -1;
            long cycles = 0;
            long steps = 0;

            // Actions at t = 0 come first, so that a failure injected for the self-test is in place at boot.
            while (actionIndex < timeline.Count && timeline[actionIndex].TimeS <= 0)
            {
                Apply(timeline[actionIndex++]);
            }

            Boot(0);
            for (_now = 0; ; )
            {
                // Timeline actions due now.
                bool applied = false;
                while (actionIndex < timeline.Count && (long)Math.Round(timeline[actionIndex].TimeS * 1e6) <= _now)
                {
                    Apply(timeline[actionIndex++]);
                    applied = true;
                }

                if (applied)
                {
                    // A fault injected now is a cause from now: the firmware may react in this very cycle.
                    _causes?.EvaluateAll(_now);
                }

                if (_powerRestoreAtMicros >= 0 && _powerRestoreAtMicros <= _now)
                {
                    _powerRestoreAtMicros = -1;
                    RestorePower();
                }

                if (_microbubblesUntilMicros <= _now)
                {
                    _physics.SetMicrobubbles(0);
                    _microbubblesUntilMicros = long.MaxValue;
                }

                if (_board.Powered && _booted && _now % CyclePeriodMicros != 0 && _host.SelfTest == SelfTestState.Running)
                {
                    // The start-up self-test steps every millisecond until it ends (its waits are deadlines of a few ms).
                    _board.Clock.NowMicros = _now;
                    _host.RunCycle(_now);
                    _board.Update(_now);
                    AfterCycle();
                }

                if (_now % CyclePeriodMicros == 0)
                {
                    if (_board.Powered && _booted)
                    {
                        _board.Clock.NowMicros = _now;
                        _host.RunCycle(_now);
                        _board.Update(_now);
                        AfterCycle();
                        cycles++;
                    }

                    _causes?.EvaluateAll(_now);
                    for (int i = 0; i < _pressureChannels.Length; i++)
                    {
                        double p = _physics.PressureMmHg(_pressureChannels[i]);
                        if (p > _maxPressure[i])
                        {
                            _maxPressure[i] = p;
                        }
                    }

                    if (trace != null && _now >= nextTraceMicros)
                    {
                        RecordTrace(trace);
                        nextTraceMicros += trace.IntervalMicros;
                    }

                    if (cycles >= nextProgressCheckCycles)
                    {
                        nextProgressCheckCycles = cycles + 2000;
                        long ms = wall.ElapsedMilliseconds;
                        if (_options.Progress != null && ms - lastProgressMs >= 500)
                        {
                            lastProgressMs = ms;
                            _options.Progress(new RunProgress(_now / 1e6, _scenario.DurationS, ms / 1000.0));
                        }
                    }

                    if (_options.Realtime)
                    {
                        nextProgressCheckCycles = 0;
                        long aheadMs = _now / 1000 - wall.ElapsedMilliseconds;
                        if (aheadMs > 0)
                        {
                            Thread.Sleep((int)aheadMs);
                        }

                        if (_options.Live != null && (lastLiveMicros < 0 || _now - lastLiveMicros >= 1_000_000))
                        {
                            lastLiveMicros = _now;
                            _options.Live.WriteLine(LiveLine());
                        }
                    }
                }

                if (_now >= endMicros)
                {
                    break;
                }

                // Physics to the next millisecond, ending sub-steps exactly on air edges and latch trips.
                long stepEnd = _now + PhysicsStepMicros;
                while (_now < stepEnd)
                {
                    long subEnd = stepEnd;
                    double pending = _board.Latch.PendingTripMicros;
                    if (!double.IsNaN(pending))
                    {
                        long due = (long)Math.Ceiling(pending - 1e-6);
                        if (due < subEnd)
                        {
                            subEnd = Math.Max(due, _now + 1);
                        }
                    }

                    double edgeSec = _physics.SecondsUntilDetectorEdge();
                    if (edgeSec * 1e6 < subEnd - _now)
                    {
                        subEnd = Math.Max(_now + (long)Math.Ceiling(edgeSec * 1e6), _now + 1);
                    }

                    double dtSec = (subEnd - _now) * 1e-6;
                    double targetRpm = _board.Powered ? _setRpm * _board.SpeedLimit.Fraction : 0;
                    double crossing = _physics.Step(dtSec, _board.PumpLineEnabled, targetRpm, _board.ClampClosed);
                    steps++;
                    if (crossing >= 0)
                    {
                        double crossingMicros = _now + crossing * (subEnd - _now);
                        _lastCrossingMicros = crossingMicros;
                        _causes?.AirReachedDetector(crossingMicros);
                        if (_airEvents++ < MaxAirEvents)
                        {
                            AddEvent(new RunEvent(crossingMicros / 1000.0, "air_at_detector").With("source", ChannelNames.NameOf(_board.DetectorChannel)));
                        }
                    }

                    _now = subEnd;
                    _board.AdvanceNoise(dtSec);
                    _board.Clock.NowMicros = _now;
                    _board.Update(_now);
                    _causes?.EvaluateFast(_now);
                    if (_physics.OutletMmHg > _maxOutletMmHg)
                    {
                        _maxOutletMmHg = _physics.OutletMmHg;
                    }

                    if (_physics.Parameters.Source == BloodSource.Reservoir && _physics.ReservoirMl < minReservoir)
                    {
                        minReservoir = _physics.ReservoirMl;
                    }
                }
            }

            wall.Stop();
            _result.WallS = wall.Elapsed.TotalSeconds;
            _result.CpuS = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
            _result.SimulatedS = _scenario.DurationS;
            _result.PhysicsSteps = steps;
            _result.SafetyCycles = cycles;
            Finish(minReservoir);
            return _result;
        }

        private double RpmFor(double flowLPerMin, double rpm)
        {
            if (_physics.Parameters.Pump == PumpKind.Roller)
            {
                return double.IsNaN(flowLPerMin) ? 0 : flowLPerMin * 1000.0 / _physics.Parameters.StrokeVolumeMl;
            }

            return double.IsNaN(rpm) ? 0 : rpm;
        }

        private void Boot(long nowMicros)
        {
            _board.Clock.NowMicros = nowMicros;
            _host.Boot(nowMicros);
            _bootMicros = nowMicros;
            _booted = true;
            _lastSelfTest = SelfTestState.Running;
            _lastAction = SafetyAction.None;
            if (_causes == null)
            {
                _causes = new CauseTracker(_host.Monitor, _physics, _board);
            }
        }

        private void RestorePower()
        {
            _board.PowerRestore(_now);
            AddEvent(new RunEvent(_now / 1000.0, "power_restored"));
            Boot(_now);
        }

        private void AfterCycle()
        {
            SafetyDecision decision = _host.LastDecision;
            if (_host.SelfTest != _lastSelfTest)
            {
                _lastSelfTest = _host.SelfTest;
                AddEvent(new RunEvent(_now / 1000.0, "selftest")
                    .With("result", _lastSelfTest == SelfTestState.Passed ? "pass" : (_lastSelfTest == SelfTestState.Failed ? "fail" : "running"))
                    .With("detail", _host.SelfTestDetail));
            }

            bool limiting = decision.Action == SafetyAction.SpeedLimit;
            bool wasLimiting = _lastAction == SafetyAction.SpeedLimit;
            if (limiting != wasLimiting)
            {
                RunEvent e = new RunEvent(_now / 1000.0, "speed_limit").With("state", limiting ? "active" : "ended");
                if (limiting)
                {
                    e.With("fraction", Math.Round(decision.SpeedLimitFraction, 3));
                    AddRuleFields(e, decision.CauseRuleIndex);
                }

                AddEvent(e);
                _result.Outcomes.SpeedLimitChanges++;
            }

            _speedLimitActivity.Observe(_board.SpeedLimit.Fraction);
            _lastAction = decision.Action;
            bool clampClosed = _board.ClampClosed;
            if (clampClosed != _lastClampClosed)
            {
                _lastClampClosed = clampClosed;
                if (_now != _bootMicros)
                {
                    RunEvent e = new RunEvent(_now / 1000.0, "clamp").With("state", clampClosed ? "closed" : "open");
                    if (clampClosed)
                    {
                        AddRuleFields(e, decision.CauseRuleIndex);
                    }

                    AddEvent(e);
                }
            }

            while (_host.TryTakeAlarm(out AlarmEventInfo alarm))
            {
                AddEvent(new RunEvent(alarm.AtMicros / 1000.0, "alarm")
                    .With("id", alarm.Id).With("priority", alarm.Priority).With("state", alarm.State).With("cause", alarm.Cause));
                if (alarm.Priority == "high" && alarm.State == "active" && alarm.Cause == "condition")
                {
                    _result.Outcomes.AlarmsHigh++;
                }
            }
        }

        private void AddRuleFields(RunEvent e, int ruleIndex)
        {
            if (ruleIndex < 0 || ruleIndex >= _host.Monitor.RuleCount)
            {
                return;
            }

            Profiles.ConditionRule rule = _host.Monitor.RuleAt(ruleIndex);
            e.With("cause", ConditionKindNames.NameOf(rule.Kind)).With("source", SourceOf(rule)).With("rule", rule.AlarmId);
        }

        private static string SourceOf(Profiles.ConditionRule rule)
        {
            switch (rule.Kind)
            {
                case ConditionKind.PumpOutputMismatch:
                case ConditionKind.SelfTestFailed:
                case ConditionKind.CycleOverrun:
                case ConditionKind.CardioplegiaWithoutArterial:
                    return "firmware";
                default:
                    return ChannelNames.NameOf(rule.Channel);
            }
        }

        private void OnPumpLineChanged(double atMicros, bool enabled, StopPath path)
        {
            if (enabled)
            {
                AddEvent(new RunEvent(atMicros / 1000.0, "pump_start"));
                return;
            }

            _result.Outcomes.PumpStops++;
            var e = new RunEvent(atMicros / 1000.0, "pump_stop");
            double onset = double.NaN;
            bool present = true;
            switch (path)
            {
                case StopPath.Power:
                    e.With("cause", "power_loss").With("source", "power").With("path", "power");
                    break;
                case StopPath.HardwareLatch:
                    ChannelId detector = _board.DetectorChannel;
                    e.With("cause", "air").With("source", ChannelNames.NameOf(detector)).With("path", "hardware_latch");
                    int airRule = _causes?.AirRuleIndex ?? -1;
                    onset = _board.FaultOf(detector) != SensorFault.None ? double.NaN : _lastCrossingMicros;
                    present = _causes == null || _causes.WasPresent(airRule, atMicros) || _board.FaultOf(detector) != SensorFault.None;
                    if (airRule >= 0)
                    {
                        e.With("rule", _host.Monitor.RuleAt(airRule).AlarmId);
                    }

                    break;
                default:
                    SafetyDecision decision = _host.LastDecision;
                    int ruleIndex = decision.CauseRuleIndex;
                    if (ruleIndex >= 0 && ruleIndex < _host.Monitor.RuleCount)
                    {
                        Profiles.ConditionRule rule = _host.Monitor.RuleAt(ruleIndex);
                        e.With("cause", ConditionKindNames.NameOf(rule.Kind)).With("source", SourceOf(rule)).With("path", "software").With("rule", rule.AlarmId);
                        onset = _causes.OnsetMicros(ruleIndex);
                        present = _causes.WasPresent(ruleIndex, atMicros);
                    }
                    else
                    {
                        e.With("cause", "unknown").With("source", "firmware").With("path", "software");
                        present = false;
                    }

                    break;
            }

            if (!double.IsNaN(onset) && onset <= atMicros)
            {
                double latencyMs = Math.Round((atMicros - onset) / 1000.0, 3);
                e.With("latency_ms", latencyMs);
                if (double.IsNaN(_result.Outcomes.MaxStopLatencyMs) || latencyMs > _result.Outcomes.MaxStopLatencyMs)
                {
                    _result.Outcomes.MaxStopLatencyMs = latencyMs;
                }
            }
            else
            {
                e.With("latency_ms", null);
            }

            if (!present)
            {
                _result.Outcomes.SpuriousStops++;
                e.With("spurious", true);
            }

            AddEvent(e);
        }

        private void Apply(TimelineAction action)
        {
            double tMs = _now / 1000.0;
            switch (action.Do)
            {
                case "inject_air":
                    _physics.InjectAir(action.Site, action.VolumeMl);
                    break;
                case "microbubbles":
                    _physics.SetMicrobubbles(action.PerMinute);
                    _microbubblesUntilMicros = double.IsNaN(action.DurationS) ? long.MaxValue : _now + (long)(action.DurationS * 1e6);
                    break;
                case "set_venous_return":
                    _physics.SetVenousReturn(action.Auto ? double.NaN : action.FlowLPerMin);
                    break;
                case "occlude":
                    _physics.Occlude(action.Site, action.Fraction);
                    break;
                case "release":
                    _physics.Release(action.Site);
                    break;
                case "disconnect":
                    _physics.Disconnect(action.Site);
                    break;
                case "remove_air":
                    double removedMl = _physics.Air.RemoveAfterDetector();
                    AddEvent(new RunEvent(tMs, "air_removed").With("site", LineSites.NameOf(action.Site)).With("volume_ml", Math.Round(removedMl, 4)));
                    break;
                case "clot":
                    _physics.StartClotting(action.FactorPerMinute);
                    break;
                case "set_vacuum":
                    _physics.SetVacuum(action.VacuumMmHg);
                    break;
                case "set_pump":
                    _setRpm = RpmFor(action.FlowLPerMin, action.Rpm);
                    break;
                case "set_arterial_pump":
                    _board.ArterialPumpRunning = action.Running;
                    if (!double.IsNaN(action.FlowLPerMin))
                    {
                        _board.OtherArterialFlowLPerMin = action.FlowLPerMin;
                    }

                    break;
                case "sensor_fault":
                    _board.InjectFault(action.Sensor, action.Fault, action.Magnitude);
                    _board.Update(_now);
                    AddEvent(new RunEvent(tMs, "sensor_fault").With("source", ChannelNames.NameOf(action.Sensor)).With("fault", FaultNames.NameOf(action.Fault)).With("state", "injected"));
                    break;
                case "clear_fault":
                    _board.ClearFault(action.Sensor);
                    _board.Update(_now);
                    AddEvent(new RunEvent(tMs, "sensor_fault").With("source", ChannelNames.NameOf(action.Sensor)).With("state", "cleared"));
                    break;
                case "inject_failure":
                case "clear_failure":
                    _board.SetFailure(action.Failure, action.Do == "inject_failure");
                    _board.Update(_now);
                    break;
                case "operator_reset":
                    bool reset = false;
                    string detail = "module unpowered";
                    if (_board.Powered && _booted)
                    {
                        reset = _host.TryOperatorReset(_now, out detail);
                    }

                    _board.Update(_now);
                    AddEvent(new RunEvent(tMs, "operator_reset").With("source", "local_panel").With("accepted", reset).With("detail", detail));
                    break;
                case "override":
                    string overrideDetail = "module unpowered";
                    bool accepted = _board.Powered && _booted && _host.TryOverride(action.Text, (long)(action.DurationS * 1e6), _now, out overrideDetail);
                    AddEvent(new RunEvent(tMs, "override").With("id", action.Text).With("duration_s", action.DurationS).With("accepted", accepted).With("detail", overrideDetail));
                    break;
                case "console":
                    if (_board.Powered && _booted && _host.ConsoleSupported)
                    {
                        string response = _host.ExecuteConsole(action.Text, _now) ?? "";
                        AddEvent(new RunEvent(tMs, "console").With("line", action.Text).With("supported", true).With("response", response.TrimEnd()));
                    }
                    else
                    {
                        _result.Outcomes.ConsoleLinesUnsupported++;
                        AddEvent(new RunEvent(tMs, "console").With("line", action.Text).With("supported", false)
                            .With("response", _board.Powered ? "console not available in this firmware build" : "module unpowered"));
                    }

                    break;
                case "power_loss":
                    if (_board.Powered)
                    {
                        AddEvent(new RunEvent(tMs, "power_loss"));
                        _booted = false;
                        _board.PowerLoss(_now);
                        _powerRestoreAtMicros = double.IsNaN(action.DurationS) ? -1 : _now + (long)Math.Round(action.DurationS * 1e6);
                    }

                    break;
                case "power_restore":
                    if (!_board.Powered)
                    {
                        _powerRestoreAtMicros = -1;
                        RestorePower();
                    }

                    break;
            }
        }

        private void AddEvent(RunEvent e)
        {
            // Events arrive nearly in order; keep the list sorted by time (stable for equal times).
            int i = _result.Events.Count;
            while (i > 0 && _result.Events[i - 1].TMs > e.TMs)
            {
                i--;
            }

            _result.Events.Insert(i, e);
        }

        private RunTrace CreateTrace(ChannelId[] channels, long endMicros)
        {
            var names = new List<string>();
            var units = new List<string>();
            foreach (ChannelId id in channels)
            {
                if (ChannelNames.KindOf(id) == ChannelKind.Pressure)
                {
                    names.Add(ChannelNames.NameOf(id));
                    units.Add("mmHg");
                }
            }

            if (_physics.Parameters.Source == BloodSource.Reservoir)
            {
                names.Add("reservoir");
                units.Add("ml");
            }

            names.Add("flow");
            units.Add("L/min");
            names.Add("pump_rpm");
            units.Add("rpm");
            names.Add("pump_enable");
            units.Add("on/off");
            names.Add("speed_limit");
            units.Add("fraction");
            names.Add("air_in_line");
            units.Add("ml");
            long interval = Math.Max(CyclePeriodMicros, (endMicros / 20000 / CyclePeriodMicros) * CyclePeriodMicros);
            int capacity = (int)(endMicros / interval) + 2;
            return new RunTrace(names, units, capacity, interval);
        }

        private void RecordTrace(RunTrace trace)
        {
            int k = trace.Begin(_now / 1e6);
            if (k < 0)
            {
                return;
            }

            int s = 0;
            for (int i = 0; i < _pressureChannels.Length; i++)
            {
                trace.Values[s++][k] = _physics.PressureMmHg(_pressureChannels[i]);
            }

            if (_physics.Parameters.Source == BloodSource.Reservoir)
            {
                trace.Values[s++][k] = _physics.ReservoirMl;
            }

            trace.Values[s++][k] = Hydraulics.LPerMin(_physics.LineFlowMlPerSec);
            trace.Values[s++][k] = _physics.Drive.Rpm;
            trace.Values[s++][k] = _board.PumpLineEnabled ? 1 : 0;
            trace.Values[s++][k] = _board.SpeedLimit.Fraction;
            trace.Values[s][k] = _physics.Air.BetweenDetectorAndPatientMl;
        }

        private string LiveLine()
        {
            var parts = new List<string> { "t=" + (_now / 1e6).ToString("F1", CultureInfo.InvariantCulture) + " s" };
            foreach (ChannelId id in _pressureChannels)
            {
                parts.Add(ChannelNames.NameOf(id) + " " + (Math.Round(_physics.PressureMmHg(id)) + 0.0).ToString("F0", CultureInfo.InvariantCulture));
            }

            if (_physics.Parameters.Source == BloodSource.Reservoir)
            {
                parts.Add("reservoir " + _physics.ReservoirMl.ToString("F0", CultureInfo.InvariantCulture) + " ml");
            }

            parts.Add("flow " + Hydraulics.LPerMin(_physics.LineFlowMlPerSec).ToString("F2", CultureInfo.InvariantCulture) + " L/min");
            parts.Add("pump " + (_board.PumpLineEnabled ? "enabled" : "STOPPED") + " " + _physics.Drive.Rpm.ToString("F0", CultureInfo.InvariantCulture) + " rpm");
            return string.Join("  ", parts);
        }

        private void Finish(double minReservoir)
        {
            RunOutcomes o = _result.Outcomes;
            o.AirToPatientMl = _physics.Air.ToPatientMl;
            o.AirPastDetectorMl = _physics.Air.PastDetectorMl;
            o.MinReservoirMl = double.IsInfinity(minReservoir) ? double.NaN : minReservoir;
            o.BloodLostMl = _physics.BloodLostMl;
            o.MicrobubblesCounted = _physics.MicrobubblesCounted + _board.NoiseMicrobubbles;
            o.SpeedLimitReversals = _speedLimitActivity.Reversals;
            o.AirTrappedInReservoirMl = _physics.AirTrappedInReservoirMl;
            for (int i = 0; i < _pressureChannels.Length; i++)
            {
                double max = _maxPressure[i];
                if (CircuitModel.IsOutletChannel(_pressureChannels[i]) && _maxOutletMmHg > max)
                {
                    max = _maxOutletMmHg;
                }

                o.MaxPressureMmHg.Add(new KeyValuePair<string, double>(ChannelNames.NameOf(_pressureChannels[i]), max));
            }

            _result.Expectations = ExpectationChecker.Check(_scenario, _result);
            _result.Passed = _result.Expectations.TrueForAll(e => e.Held);
        }
    }
}
