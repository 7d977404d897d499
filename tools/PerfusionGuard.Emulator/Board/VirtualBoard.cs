using System;
using System.Collections.Generic;
using PerfusionGuard.Boards;
using PerfusionGuard.Channels;
using PerfusionGuard.Emulator.Physics;
using PerfusionGuard.Profiles;

namespace PerfusionGuard.Emulator.Board
{
    /// <summary>How the pump-enable line changed.</summary>
    public enum StopPath
    {
        /// <summary>The firmware's output.</summary>
        Software,
        /// <summary>The hardware air latch.</summary>
        HardwareLatch,
        /// <summary>The module lost power.</summary>
        Power,
    }

    /// <summary>Called when the physical pump-enable line changes.</summary>
    public delegate void PumpLineChanged(double atMicros, bool enabled, StopPath path);

    /// <summary>
    /// The `virtual` board: every HAL port the firmware sees, fed by the circuit physics. Pressure and
    /// flow go through simulated transducers on a 12-bit ADC; the air detector, its hardware latch,
    /// the level pads and the pump's status lines are digital; outputs drive the physical pump-enable
    /// line (energize-to-run, in series with the latch), the speed limit and the clamp (energize-to-open).
    /// </summary>
    public sealed class VirtualBoard
    {
        private readonly CircuitModel _physics;
        private readonly Dictionary<ChannelId, SimulatedAnalogSensor> _analog = new Dictionary<ChannelId, SimulatedAnalogSensor>();
        private readonly SensorFault[] _digitalFaults = new SensorFault[ChannelNames.Count];
        private readonly SensorFault[] _faults = new SensorFault[ChannelNames.Count];
        private ChannelId _detectorChannel = ChannelId.BubbleArterial;
        private readonly bool[] _stuckLevel = new bool[ChannelNames.Count];
        private readonly bool[] _stuckLevel2 = new bool[ChannelNames.Count];
        private readonly NoiseSource _digitalNoise;
        private readonly bool[] _failures = new bool[7];
        private bool _lineEnabled;

        /// <summary>
        /// Builds the board for <paramref name="physics"/> with the channels <paramref name="channels"/>;
        /// <paramref name="definition"/> (boards/virtual/board.json) gives each transducer's transfer.
        /// </summary>
        public VirtualBoard(CircuitModel physics, ChannelId[] channels, ulong seed, BoardWiring wiring, BoardDefinition definition)
        {
            Definition = definition;
            _physics = physics;
            Wiring = wiring;
            Clock = new VirtualClock();
            Channels = channels;
            Watchdog = new VirtualWatchdog(Clock);
            Store = new RamNonVolatileStore(64 * 1024);
            _digitalNoise = new NoiseSource(seed, 999);
            Latch = new AirLatchHardware(physics.Parameters.LatchDelayMicros);
            PumpEnable = new DigitalOutputPort(null);
            DetectorTest = new DigitalOutputPort(null);
            LatchReset = new DigitalOutputPort(null);
            SoftwareTrip = new DigitalOutputPort(null);
            ClampOpen = new DigitalOutputPort(null);
            SpeedLimit = new SpeedLimitPort();
            ulong stream = 1;
            foreach (ChannelId id in channels)
            {
                if (ChannelNames.KindOf(id) == ChannelKind.Air)
                {
                    _detectorChannel = id;
                }

                switch (ChannelNames.KindOf(id))
                {
                    case ChannelKind.Pressure:
                        ChannelId pressureId = id;
                        // Disposable transducer: −300..+900 mmHg span, 0.8 mmHg rms noise, ±2 mmHg drift over hours (DOMAIN.md).
                        ChannelCalibration pCal = CalibrationOf(id);
                        _analog[id] = new SimulatedAnalogSensor(() => _physics.PressureMmHg(pressureId), Clock, new NoiseSource(seed, stream++), pCal.ZeroCounts, pCal.CountsPerUnit, 0.8, 2.0, 6 * 3600);
                        break;
                    case ChannelKind.Flow:
                        ChannelId flowId = id;
                        TrueValueSource flow = id == ChannelId.FlowArterial && IsCardioplegia
                            ? () => ArterialPumpRunning ? OtherArterialFlowLPerMin : 0.0
                            : () => _physics.FlowLPerMin(flowId);
                        // Ultrasonic clamp-on flow meter: −2..+8 L/min, 0.03 L/min noise, small drift.
                        ChannelCalibration fCal = CalibrationOf(id);
                        _analog[id] = new SimulatedAnalogSensor(flow, Clock, new NoiseSource(seed, stream++), fCal.ZeroCounts, fCal.CountsPerUnit, 0.03, 0.02, 3 * 3600);
                        break;
                }
            }

            DetectorOutput = new DigitalInputPort(() => DetectorAirElectrical() == wiring.DetectorAirActiveHigh);
            DetectorFault = new DigitalInputPort(() => DetectorFaultActive() == wiring.DetectorFaultActiveHigh);
            LatchReadback = new DigitalInputPort(() => LatchReadsTripped() == wiring.LatchTrippedActiveHigh);
            Microbubbles = new EdgeCounterPort(() => _physics.MicrobubblesCounted + NoiseMicrobubbles);
            PumpEnableReadback = new DigitalInputPort(() => _failures[(int)HardwareFailure.PumpEnableReadbackStuckHigh] || _lineEnabled);
            GuardedPumpRunning = new DigitalInputPort(() => Powered && _physics.Drive.Rpm > (physics.Parameters.Pump == PumpKind.Roller ? 1.0 : 200.0));
            ArterialPumpRunningInput = new DigitalInputPort(() => ArterialPumpRunning);
            AlertPad = new DigitalInputPort(() => PadLevel(_physics.Parameters.LevelAlertPadMl, false) == wiring.PadLiquidPresentHigh);
            LowPad = new DigitalInputPort(() => PadLevel(_physics.Parameters.LevelStopPadMl, true) == wiring.PadLiquidPresentHigh);
            ArterialPumpRunning = true;
            OtherArterialFlowLPerMin = physics.Parameters.OtherArterialFlowLPerMin;
        }

        /// <summary>The board file this board follows.</summary>
        public BoardDefinition Definition { get; }

        /// <summary>Line polarities.</summary>
        public BoardWiring Wiring { get; }
        /// <summary>The virtual clock.</summary>
        public VirtualClock Clock { get; }
        /// <summary>The profile's channels this board carries.</summary>
        public ChannelId[] Channels { get; }
        /// <summary>External watchdog.</summary>
        public VirtualWatchdog Watchdog { get; }
        /// <summary>Non-volatile store (survives power loss).</summary>
        public RamNonVolatileStore Store { get; }
        /// <summary>The hardware air latch.</summary>
        public AirLatchHardware Latch { get; }
        /// <summary>Pump-enable output (energize-to-run).</summary>
        public DigitalOutputPort PumpEnable { get; }
        /// <summary>Pump-enable readback, after driver and latch.</summary>
        public DigitalInputPort PumpEnableReadback { get; }
        /// <summary>Detector test input (forces "air").</summary>
        public DigitalOutputPort DetectorTest { get; }
        /// <summary>Latch reset line.</summary>
        public DigitalOutputPort LatchReset { get; }
        /// <summary>Software trip line of the latch.</summary>
        public DigitalOutputPort SoftwareTrip { get; }
        /// <summary>Line clamp, energize-to-open.</summary>
        public DigitalOutputPort ClampOpen { get; }
        /// <summary>Speed limit to the pump console.</summary>
        public SpeedLimitPort SpeedLimit { get; }
        /// <summary>Detector digital output.</summary>
        public DigitalInputPort DetectorOutput { get; }
        /// <summary>Detector fault line.</summary>
        public DigitalInputPort DetectorFault { get; }
        /// <summary>Latch readback.</summary>
        public DigitalInputPort LatchReadback { get; }
        /// <summary>Microbubble edge counter.</summary>
        public EdgeCounterPort Microbubbles { get; }
        /// <summary>Pump console status: the guarded pump turns.</summary>
        public DigitalInputPort GuardedPumpRunning { get; }
        /// <summary>Arterial pump status (cardioplegia cross-pump rules).</summary>
        public DigitalInputPort ArterialPumpRunningInput { get; }
        /// <summary>Level pad at the alert height.</summary>
        public DigitalInputPort AlertPad { get; }
        /// <summary>Level pad at the stop height.</summary>
        public DigitalInputPort LowPad { get; }

        /// <summary>The module has power.</summary>
        public bool Powered { get; private set; } = true;

        /// <summary>The arterial pump (not guarded by this module) is running: cardioplegia cross-pump inputs.</summary>
        public bool ArterialPumpRunning { get; set; }

        /// <summary>Flow of that arterial pump, L/min.</summary>
        public double OtherArterialFlowLPerMin { get; set; }

        /// <summary>Spurious microbubble edges from a noisy detector.</summary>
        public long NoiseMicrobubbles { get; private set; }

        /// <summary>The physical pump-enable line.</summary>
        public bool PumpLineEnabled => _lineEnabled;

        /// <summary>The clamp is closed (de-energized or commanded closed).</summary>
        public bool ClampClosed => !Powered || !ClampOpen.Level;

        /// <summary>Told about every change of the pump-enable line.</summary>
        public event PumpLineChanged LineChanged;

        /// <summary>The analog sensor of a channel (null when the channel is not analog).</summary>
        public SimulatedAnalogSensor AnalogOf(ChannelId id) => _analog.TryGetValue(id, out SimulatedAnalogSensor s) ? s : null;

        /// <summary>True when the circuit is a cardioplegia circuit.</summary>
        public bool IsCardioplegia => _physics.Parameters.Circuit == CircuitKind.CardioplegiaAntegrade || _physics.Parameters.Circuit == CircuitKind.CardioplegiaRetrograde;

        /// <summary>The fault injected on a channel.</summary>
        public SensorFault FaultOf(ChannelId id) => _faults[(int)id];

        /// <summary>Injects a sensor fault.</summary>
        public void InjectFault(ChannelId id, SensorFault fault, double magnitude)
        {
            _faults[(int)id] = fault;
            SimulatedAnalogSensor analog = AnalogOf(id);
            if (analog != null)
            {
                analog.InjectFault(fault, magnitude);
                return;
            }

            _stuckLevel[(int)id] = ChannelNames.KindOf(id) == ChannelKind.Air ? DetectorAirElectrical() : PadLevel(_physics.Parameters.LevelAlertPadMl, false);
            _stuckLevel2[(int)id] = PadLevel(_physics.Parameters.LevelStopPadMl, true);
            _digitalFaults[(int)id] = fault;
        }

        /// <summary>Clears a sensor fault.</summary>
        public void ClearFault(ChannelId id)
        {
            _faults[(int)id] = SensorFault.None;
            SimulatedAnalogSensor analog = AnalogOf(id);
            if (analog != null)
            {
                analog.ClearFault();
            }
            else
            {
                _digitalFaults[(int)id] = SensorFault.None;
            }
        }

        /// <summary>Sets or clears a hardware failure.</summary>
        public void SetFailure(HardwareFailure failure, bool active)
        {
            _failures[(int)failure] = active;
            Latch.FailsToTrip = _failures[(int)HardwareFailure.LatchNoTrip];
            Latch.IgnoresReset = _failures[(int)HardwareFailure.LatchResetIgnored];
        }

        /// <summary>True when a failure is injected.</summary>
        public bool HasFailure(HardwareFailure failure) => _failures[(int)failure];

        /// <summary>The module loses power: every output de-energizes, the latch forgets.</summary>
        public void PowerLoss(double nowMicros)
        {
            Powered = false;
            PumpEnable.Deenergize();
            DetectorTest.Deenergize();
            LatchReset.Deenergize();
            SoftwareTrip.Deenergize();
            ClampOpen.Deenergize();
            SpeedLimit.Deenergize();
            Latch.PowerCycle();
            Update(nowMicros);
        }

        /// <summary>Power returns (the runner reboots the firmware).</summary>
        public void PowerRestore(double nowMicros)
        {
            Powered = true;
            Latch.PowerCycle();
            SpeedLimit.WriteFraction(1.0);
            Update(nowMicros);
        }

        /// <summary>The air detector's electrical output says "air".</summary>
        public bool DetectorAirElectrical()
        {
            ChannelId detector = DetectorChannel;
            switch (_digitalFaults[(int)detector])
            {
                case SensorFault.Open:
                case SensorFault.Disconnected:
                    return true;
                case SensorFault.Short:
                    return false;
                case SensorFault.Stuck:
                    return _stuckLevel[(int)detector];
            }

            bool test = Powered && DetectorTest.Level == Wiring.DetectorTestActiveHigh && !_failures[(int)HardwareFailure.DetectorTestIgnored];
            return _physics.Air.AirAtDetector || test;
        }

        /// <summary>The detector reports its own fault.</summary>
        public bool DetectorFaultActive()
        {
            SensorFault fault = _digitalFaults[(int)DetectorChannel];
            return fault == SensorFault.Open || fault == SensorFault.Short || fault == SensorFault.Disconnected;
        }

        /// <summary>The profile's air detector channel.</summary>
        public ChannelId DetectorChannel => _detectorChannel;

        /// <summary>
        /// Re-evaluates the hardware at <paramref name="nowMicros"/>: detector → latch → pump-enable line.
        /// Raises <see cref="LineChanged"/> when the line changes.
        /// </summary>
        public void Update(double nowMicros)
        {
            bool softwareTrip = Powered && SoftwareTrip.Level == Wiring.SoftwareTripActiveHigh;
            bool set = DetectorAirElectrical() || softwareTrip;
            bool reset = Powered && LatchReset.Level == Wiring.LatchResetActiveHigh;
            Latch.Evaluate(nowMicros, set, reset);
            double tripAt = Latch.PendingTripMicros;
            bool tripped = Latch.ProcessPending(nowMicros);
            bool driver = Powered && (PumpEnable.Level || _failures[(int)HardwareFailure.PumpEnableStuckHigh]);
            bool line = driver && !Latch.Tripped;
            if (line != _lineEnabled)
            {
                _lineEnabled = line;
                StopPath path = !Powered ? StopPath.Power : (tripped ? StopPath.HardwareLatch : StopPath.Software);
                LineChanged?.Invoke(tripped ? tripAt : nowMicros, line, path);
            }
        }

        /// <summary>Noise on the detector: spurious short "air" pulses and microbubble edges.</summary>
        public void AdvanceNoise(double dtSec)
        {
            if (_digitalFaults[(int)DetectorChannel] == SensorFault.Noise && _digitalNoise.NextUniform() < 20 * dtSec)
            {
                NoiseMicrobubbles++;
            }
        }

        private ChannelCalibration CalibrationOf(ChannelId id)
        {
            ChannelCalibration calibration = Definition.FindCalibration(id);
            if (calibration == null)
            {
                throw new InvalidOperationException($"board {Definition.Id}: no calibration for {ChannelNames.NameOf(id)}");
            }

            return calibration;
        }

        private bool PadLevel(double padMl, bool lowPad)
        {
            ChannelId level = ChannelId.LevelReservoir;
            switch (_digitalFaults[(int)level])
            {
                case SensorFault.Open:
                case SensorFault.Disconnected:
                    // The stop (lower) pad comes loose and reads "no liquid" (DOMAIN.md: 2011 recall); the
                    // upper pad still reads the true level, so the pads contradict each other.
                    return lowPad ? false : _physics.ReservoirMl > padMl;
                case SensorFault.Short:
                    return true;
                case SensorFault.Stuck:
                    return lowPad ? _stuckLevel2[(int)level] : _stuckLevel[(int)level];
                case SensorFault.Noise:
                    return _digitalNoise.NextUniform() < 0.2 ? !(_physics.ReservoirMl > padMl) : _physics.ReservoirMl > padMl;
            }

            return _physics.ReservoirMl > padMl;
        }

        private bool LatchReadsTripped()
        {
            if (_failures[(int)HardwareFailure.LatchReadbackStuckLow])
            {
                return false;
            }

            if (_failures[(int)HardwareFailure.LatchReadbackStuckHigh])
            {
                return true;
            }

            return Latch.Tripped;
        }
    }
}
