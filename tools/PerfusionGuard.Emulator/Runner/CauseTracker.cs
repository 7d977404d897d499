using PerfusionGuard.Channels;
using PerfusionGuard.Emulator.Board;
using PerfusionGuard.Emulator.Physics;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Emulator.Runner
{
    /// <summary>
    /// The physics' own view of every profile rule: is its cause physically present now, since when,
    /// and when was it last present. It gives a stop its latency (from the moment the cause reached the
    /// sensor to the pump-enable line going off) and tells a justified stop from a spurious one. Rules
    /// that can stop the pump are evaluated at every physics step (1 ms or the sub-step of an air edge);
    /// the others once per safety cycle. A faulted sensor counts as its rule's cause when the rule is
    /// fail-safe on faults (DESIGN.md, safety concept 4).
    /// </summary>
    public sealed class CauseTracker
    {
        /// <summary>A stop within this long after its cause was last present is not spurious, µs.</summary>
        public const double PresenceToleranceMicros = 50_000;

        private readonly CircuitModel _physics;
        private readonly VirtualBoard _board;
        private readonly ConditionRule[] _rules;
        private readonly bool[] _fast;
        private readonly bool[] _truth;
        private readonly double[] _onsetMicros;
        private readonly double[] _lastTrueMicros;
        private readonly double _alertPadMl;
        private readonly double _stopPadMl;

        /// <summary>Builds the tracker for the rules of <paramref name="monitor"/>.</summary>
        public CauseTracker(IConditionMonitor monitor, CircuitModel physics, VirtualBoard board)
        {
            _physics = physics;
            _board = board;
            int n = monitor.RuleCount;
            _rules = new ConditionRule[n];
            _fast = new bool[n];
            _truth = new bool[n];
            _onsetMicros = new double[n];
            _lastTrueMicros = new double[n];
            for (int i = 0; i < n; i++)
            {
                _rules[i] = monitor.RuleAt(i);
                _fast[i] = _rules[i].Action >= SafetyAction.Stop || _rules[i].Kind == ConditionKind.Air;
                _lastTrueMicros[i] = double.NegativeInfinity;
                _onsetMicros[i] = double.NaN;
            }

            _alertPadMl = physics.Parameters.LevelAlertPadMl;
            _stopPadMl = physics.Parameters.LevelStopPadMl;
        }

        /// <summary>Number of rules.</summary>
        public int RuleCount => _rules.Length;

        /// <summary>Evaluates the stop-capable rules at <paramref name="nowMicros"/> (every physics step).</summary>
        public void EvaluateFast(double nowMicros)
        {
            for (int i = 0; i < _rules.Length; i++)
            {
                if (_fast[i])
                {
                    Evaluate(i, nowMicros);
                }
            }
        }

        /// <summary>Evaluates every rule (once per safety cycle).</summary>
        public void EvaluateAll(double nowMicros)
        {
            for (int i = 0; i < _rules.Length; i++)
            {
                Evaluate(i, nowMicros);
            }
        }

        /// <summary>Marks an air rule's cause present from <paramref name="crossingMicros"/> (the exact detector crossing).</summary>
        public void AirReachedDetector(double crossingMicros)
        {
            for (int i = 0; i < _rules.Length; i++)
            {
                if (_rules[i].Kind == ConditionKind.Air && !_truth[i])
                {
                    _truth[i] = true;
                    _onsetMicros[i] = crossingMicros;
                    _lastTrueMicros[i] = crossingMicros;
                }
            }
        }

        /// <summary>True when rule <paramref name="ruleIndex"/>'s cause was physically present at or shortly before <paramref name="atMicros"/>.</summary>
        public bool WasPresent(int ruleIndex, double atMicros)
            => ruleIndex >= 0 && ruleIndex < _rules.Length && (_truth[ruleIndex] || _lastTrueMicros[ruleIndex] >= atMicros - PresenceToleranceMicros - _rules[ruleIndex].PersistMicros);

        /// <summary>When the cause of rule <paramref name="ruleIndex"/> last became present; NaN when never.</summary>
        public double OnsetMicros(int ruleIndex) => ruleIndex >= 0 && ruleIndex < _rules.Length ? _onsetMicros[ruleIndex] : double.NaN;

        /// <summary>The air rule's index, −1 when the profile has none.</summary>
        public int AirRuleIndex
        {
            get
            {
                for (int i = 0; i < _rules.Length; i++)
                {
                    if (_rules[i].Kind == ConditionKind.Air)
                    {
                        return i;
                    }
                }

                return -1;
            }
        }

        private void Evaluate(int i, double nowMicros)
        {
            bool now = Truth(_rules[i]);
            if (now)
            {
                if (!_truth[i])
                {
                    _onsetMicros[i] = nowMicros;
                }

                _lastTrueMicros[i] = nowMicros;
            }

            _truth[i] = now;
        }

        private bool Faulted(ChannelId channel) => _board.FaultOf(channel) != SensorFault.None;

        private bool Truth(ConditionRule rule)
        {
            if (rule.FailSafeOnFault && rule.Kind != ConditionKind.SensorFault && HasChannel(rule.Kind) && Faulted(rule.Channel))
            {
                return true;
            }

            switch (rule.Kind)
            {
                case ConditionKind.Air:
                    return _physics.Air.AirAtDetector || _board.DetectorAirElectrical() && Faulted(rule.Channel);
                case ConditionKind.AirLatchFault:
                    return _board.HasFailure(HardwareFailure.LatchNoTrip) || _board.HasFailure(HardwareFailure.LatchReadbackStuckHigh)
                        || _board.HasFailure(HardwareFailure.LatchReadbackStuckLow) || _board.HasFailure(HardwareFailure.LatchResetIgnored)
                        || _board.HasFailure(HardwareFailure.DetectorTestIgnored) || Faulted(rule.Channel);
                case ConditionKind.Microbubbles:
                    return _board.NoiseMicrobubbles > 0 || _physics.MicrobubblesCounted > 0;
                case ConditionKind.PressureHigh:
                    return _physics.PressureMmHg(rule.Channel) > rule.PressureLimit.MmHg;
                case ConditionKind.PressureServo:
                    return _physics.PressureMmHg(rule.Channel) > rule.ServoStart.MmHg;
                case ConditionKind.PressureLow:
                    return _physics.PressureMmHg(rule.Channel) < rule.PressureLimit.MmHg;
                case ConditionKind.PressureDropHigh:
                    return _physics.PressureMmHg(rule.Channel) - _physics.PressureMmHg(rule.SecondChannel) > rule.PressureLimit.MmHg
                        || Faulted(rule.SecondChannel);
                case ConditionKind.LevelAlert:
                    return _physics.ReservoirMl <= _alertPadMl;
                case ConditionKind.LevelLow:
                    return _physics.ReservoirMl <= _stopPadMl;
                case ConditionKind.SensorFault:
                    return Faulted(rule.Channel);
                case ConditionKind.Backflow:
                    return _physics.FlowLPerMin(rule.Channel) < -rule.FlowLimit.LPerMin;
                case ConditionKind.LowFlow:
                    return _physics.FlowLPerMin(rule.Channel) < rule.FlowLimit.LPerMin;
                case ConditionKind.CardioplegiaWithoutArterial:
                    return !_board.ArterialPumpRunning && _physics.Drive.Turning;
                case ConditionKind.CardioplegiaExceedsArterial:
                    return _physics.FlowLPerMin(ChannelId.FlowCardioplegia) >= (_board.ArterialPumpRunning ? _board.OtherArterialFlowLPerMin : 0);
                case ConditionKind.PumpOutputMismatch:
                    return _board.HasFailure(HardwareFailure.PumpEnableReadbackStuckHigh) || _board.HasFailure(HardwareFailure.PumpEnableStuckHigh) || _board.Latch.Tripped;
                case ConditionKind.SelfTestFailed:
                    return _board.HasFailure(HardwareFailure.LatchNoTrip) || _board.HasFailure(HardwareFailure.LatchReadbackStuckHigh)
                        || _board.HasFailure(HardwareFailure.LatchReadbackStuckLow) || _board.HasFailure(HardwareFailure.DetectorTestIgnored)
                        || _board.HasFailure(HardwareFailure.LatchResetIgnored) || _board.HasFailure(HardwareFailure.PumpEnableReadbackStuckHigh)
                        || _board.HasFailure(HardwareFailure.PumpEnableStuckHigh) || Faulted(_board.DetectorChannel);
                default:
                    return false;
            }
        }

        private static bool HasChannel(ConditionKind kind)
            => kind != ConditionKind.PumpOutputMismatch && kind != ConditionKind.SelfTestFailed && kind != ConditionKind.CycleOverrun
               && kind != ConditionKind.CardioplegiaWithoutArterial;
    }
}
