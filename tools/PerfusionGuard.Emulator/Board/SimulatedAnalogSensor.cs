using System;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Emulator.Board
{
    /// <summary>Where an analog sensor's true value comes from (the physics), in its clinical unit.</summary>
    public delegate double TrueValueSource();

    /// <summary>
    /// An amplified sensor on a 12-bit ADC: true value (from the physics) → transducer transfer
    /// (the board's calibration: zero counts and counts per unit, boards/virtual/board.json: 0.5-4.5 V
    /// ÷ 0.66 over −300..+700 mmHg) → noise, slow zero drift and injected faults → quantisation to
    /// 0..4095 counts. Disposable pressure transducers drift about ±2 mmHg
    /// over 3 h (DOMAIN.md, sensors); the amplifier and ADC add about one count of noise.
    /// </summary>
    public sealed class SimulatedAnalogSensor : IAnalogInput
    {
        private readonly TrueValueSource _source;
        private readonly VirtualClock _clock;
        private readonly NoiseSource _noise;
        private readonly double _zeroCounts;
        private readonly double _countsPerUnit;
        private readonly double _noiseCounts;
        private readonly double _driftAmplitude;
        private readonly double _driftPeriodMicros;
        private readonly double _driftPhase;
        private long _cachedAtMicros = -1;
        private double _cachedValue;
        private double _stuckCounts;
        private long _faultStartMicros;

        /// <summary>Creates a sensor whose transfer is <paramref name="zeroCounts"/> + value × <paramref name="countsPerUnit"/>.</summary>
        public SimulatedAnalogSensor(TrueValueSource source, VirtualClock clock, NoiseSource noise, double zeroCounts, double countsPerUnit,
            double noiseUnits, double driftAmplitude, double driftPeriodSeconds)
        {
            _source = source;
            _clock = clock;
            _noise = noise;
            _zeroCounts = zeroCounts;
            _countsPerUnit = countsPerUnit;
            _noiseCounts = Math.Sqrt(noiseUnits * countsPerUnit * noiseUnits * countsPerUnit + 0.7 * 0.7);
            _driftAmplitude = driftAmplitude;
            _driftPeriodMicros = driftPeriodSeconds * 1e6;
            _driftPhase = noise.NextUniform() * 2 * Math.PI;
        }

        private const int MaxCountsValue = 4095;

        /// <summary>12-bit converter (ESP32, NANO-PLATFORM.md).</summary>
        public int MaxCounts => MaxCountsValue;

        /// <summary>Counts per unit of the transfer function (for the board's default calibration).</summary>
        public double CountsPerUnit => _countsPerUnit;

        /// <summary>Counts at zero of the unit.</summary>
        public double ZeroCounts => _zeroCounts;

        /// <summary>The fault now injected.</summary>
        public SensorFault Fault { get; private set; }

        /// <summary>Fault magnitude: drift rate (unit/min) or noise amplitude (unit).</summary>
        public double FaultMagnitude { get; private set; }

        /// <summary>Injects <paramref name="fault"/>; <paramref name="magnitude"/> NaN takes the fault's default.</summary>
        public void InjectFault(SensorFault fault, double magnitude)
        {
            if (fault == SensorFault.Stuck)
            {
                _stuckCounts = ReadCounts();
            }

            Fault = fault;
            FaultMagnitude = double.IsNaN(magnitude) ? (fault == SensorFault.Noise ? 40 : 10) : magnitude;
            _faultStartMicros = _clock.NowMicros;
        }

        /// <summary>Removes the fault.</summary>
        public void ClearFault() => Fault = SensorFault.None;

        /// <summary>One conversion.</summary>
        public int ReadCounts()
        {
            long now = _clock.NowMicros;
            switch (Fault)
            {
                case SensorFault.Open:
                    return Quantize(8 + 4 * _noise.NextUniform());
                case SensorFault.Short:
                    return Quantize(MaxCountsValue - 4 * _noise.NextUniform());
                case SensorFault.Stuck:
                    return (int)_stuckCounts;
                case SensorFault.Disconnected:
                    // No excitation: the bridge gives 0 mV, the amplifier its zero, without any noise.
                    return Quantize(_zeroCounts);
            }

            if (now != _cachedAtMicros)
            {
                double drift = _driftAmplitude * Math.Sin(_driftPhase + 2 * Math.PI * now / _driftPeriodMicros);
                _cachedValue = _source() + drift;
                if (Fault == SensorFault.Drift)
                {
                    _cachedValue += FaultMagnitude * (now - _faultStartMicros) / 60e6;
                }

                _cachedAtMicros = now;
            }

            // Transducer noise and ADC noise (about 0.7 count rms) are independent normals: one draw of
            // their combined standard deviation.
            double counts = _zeroCounts + _cachedValue * _countsPerUnit + _noiseCounts * _noise.NextGaussianFast();
            if (Fault == SensorFault.Noise)
            {
                counts += FaultMagnitude * _countsPerUnit * _noise.NextGaussian();
            }

            return Quantize(counts);
        }

        private static int Quantize(double counts)
        {
            if (counts <= 0)
            {
                return 0;
            }

            return counts >= MaxCountsValue ? MaxCountsValue : (int)(counts + 0.5);
        }
    }
}
