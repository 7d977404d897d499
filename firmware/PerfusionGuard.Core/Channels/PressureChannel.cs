using PerfusionGuard.Hal;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// A pressure transducer channel: oversamples the ADC, converts the averaged counts to mmHg
    /// through zero/span calibration and judges plausibility (open and short rails, stuck, out of
    /// range, implausible rate, noisy, uncalibrated). Any flag makes the supervisor treat the
    /// channel as reading its dangerous value (DESIGN.md, safety concept 4). Sampling allocates
    /// nothing. Requirements SAF-CHN-001..006.
    /// </summary>
    public sealed class PressureChannel : IChannel
    {
        private readonly PressureChannelConfig _config;
        private readonly AdcOversampler _sampler;
        private readonly FaultDebounce _open;
        private readonly FaultDebounce _short;
        private readonly FaultDebounce _range;
        private readonly ViolationWindow _rate;
        private readonly ViolationWindow _noise;
        private readonly StuckSignalDetector _stuck;
        private PressureCalibration _calibration;
        private PressureSample _last;
        private bool _hasReading;
        private double _lastMeanCounts;
        private bool _hasPrevious;
        private double _previousMmHg;
        private long _previousMicros;

        /// <summary>Creates the channel <paramref name="id"/> over <paramref name="adc"/>.</summary>
        public PressureChannel(ChannelId id, IAnalogInput adc, PressureCalibration calibration, PressureChannelConfig config)
        {
            if (adc == null)
            {
                throw new System.ArgumentNullException("adc", "pressure channel " + ChannelNames.NameOf(id) + ": no ADC input given");
            }

            if (config == null)
            {
                throw new System.ArgumentNullException("config", "pressure channel " + ChannelNames.NameOf(id) + ": no configuration given");
            }

            Id = id;
            _config = config;
            _calibration = calibration;
            _sampler = new AdcOversampler(adc, config.OversampleCount);
            _open = new FaultDebounce(config.RailSetCycles, config.RailClearCycles);
            _short = new FaultDebounce(config.RailSetCycles, config.RailClearCycles);
            _range = new FaultDebounce(config.RangeSetCycles, config.RangeClearCycles);
            _rate = new ViolationWindow(config.RateWindowCycles, config.RateViolationsToFlag);
            _noise = new ViolationWindow(config.NoiseWindowCycles, config.NoisyReadingsToFlag);
            _stuck = new StuckSignalDetector(config.StuckMicros);
            _last.Quality = SensorQuality.Uncalibrated;
        }

        /// <inheritdoc/>
        public ChannelId Id { get; }

        /// <summary>The configuration this channel was built with.</summary>
        public PressureChannelConfig Config => _config;

        /// <summary>The calibration in use.</summary>
        public PressureCalibration Calibration => _calibration;

        /// <summary>The sample of the latest cycle.</summary>
        public PressureSample Last => _last;

        /// <summary>Averaged raw counts of the latest cycle, unrounded (calibration uses this).</summary>
        public double LastMeanCounts => _lastMeanCounts;

        /// <summary>Trimmed spread of the latest oversampled reading, in counts (diagnostics).</summary>
        public int LastSpreadCounts => _sampler.SpreadCounts;

        /// <summary>True once at least one cycle has been sampled.</summary>
        public bool HasReading => _hasReading;

        /// <summary>Replaces the calibration; the rate history restarts so the step is not an implausible jump.</summary>
        public void SetCalibration(PressureCalibration calibration)
        {
            _calibration = calibration;
            _hasPrevious = false;
            _rate.Reset();
            _range.Reset();
        }

        /// <inheritdoc/>
        public void Sample(long nowMicros, SafetyInputs inputs)
        {
            _sampler.Read();
            double meanCounts = _sampler.MeanCounts;
            _lastMeanCounts = meanCounts;
            _hasReading = true;

            // SAF-CHN-001: rails are judged on raw counts, before calibration, so an uncalibrated
            // or mis-calibrated channel still reports a broken wire.
            bool openRaw = meanCounts <= _config.OpenRailCounts;
            bool shortRaw = meanCounts >= _config.ShortRailCounts;
            bool railRaw = openRaw || shortRaw;
            bool open = _open.Update(openRaw);
            bool shorted = _short.Update(shortRaw);

            bool calibrated = _calibration.IsValid;
            Pressure pressure = _calibration.ToPressure(meanCounts);
            bool judge = calibrated && !railRaw;

            bool rangeRaw = judge && (pressure.MmHg < _config.MinMmHg || pressure.MmHg > _config.MaxMmHg);
            bool outOfRange = _range.Update(rangeRaw);

            bool rateViolation = false;
            if (judge && _hasPrevious && nowMicros > _previousMicros)
            {
                double deltaMmHg = pressure.MmHg - _previousMmHg;
                if (deltaMmHg < 0)
                {
                    deltaMmHg = -deltaMmHg;
                }

                double rateMmHgPerSecond = deltaMmHg * Time.MicrosPerSecond / (nowMicros - _previousMicros);
                rateViolation = rateMmHgPerSecond > _config.MaxRateMmHgPerSecond;
            }

            bool rateImplausible = _rate.Update(rateViolation);
            bool noisy = _noise.Update(!railRaw && _sampler.SpreadCounts > _config.NoiseLimitCounts);

            bool stuck;
            if (railRaw)
            {
                // A signal at a rail is identical by nature; Open / Short says more than Stuck.
                _stuck.Reset();
                stuck = false;
            }
            else
            {
                stuck = _stuck.Update(nowMicros, _sampler);
            }

            SensorQuality quality = SensorQualityFlags.OfAnalog(open, shorted, stuck, outOfRange, rateImplausible, noisy, calibrated);

            _hasPrevious = judge;
            _previousMmHg = pressure.MmHg;
            _previousMicros = nowMicros;

            _last.Pressure = pressure;
            _last.Quality = quality;
            _last.RawCounts = (int)(meanCounts + 0.5);
            inputs.Pressures[(int)Id] = _last;
        }

        /// <summary>
        /// The calibration that makes the current averaged reading 0 mmHg, keeping the span (the
        /// console's <c>cal zero</c> with the transducer open to atmosphere). Does not apply it.
        /// Returns <see cref="PressureCalibration.None"/> before the first reading.
        /// </summary>
        public PressureCalibration ZeroAtCurrent()
        {
            if (!_hasReading)
            {
                return PressureCalibration.None;
            }

            return _calibration.WithZero(_lastMeanCounts);
        }

        /// <summary>
        /// The calibration that makes the current averaged reading equal <paramref name="reference"/>,
        /// keeping the zero (span against a reference column or gauge). Does not apply it. Invalid
        /// when the reference is within 1 mmHg of atmosphere or no reading exists.
        /// </summary>
        public PressureCalibration SpanAt(Pressure reference)
        {
            if (!_hasReading || reference.MmHg > -1.0 && reference.MmHg < 1.0)
            {
                return PressureCalibration.None;
            }

            return new PressureCalibration(_calibration.ZeroOffsetCounts, (_lastMeanCounts - _calibration.ZeroOffsetCounts) / reference.MmHg);
        }

        /// <summary>
        /// <see cref="SpanAt"/> with checks a person can act on: refuses before the first reading,
        /// on a faulted signal, without a valid zero, for a reference within
        /// <see cref="PressureChannelConfig.MinSpanReferenceMmHg"/> of atmosphere (the span would
        /// be mostly noise), and when the new span differs from the current one by more than
        /// <see cref="PressureChannelConfig.MaxSpanChangeFraction"/> (wrong reference, transducer
        /// not connected to it). Off the safety path; allocates messages.
        /// </summary>
        public bool TrySpanAt(Pressure reference, out PressureCalibration calibration, out string error)
        {
            calibration = PressureCalibration.None;
            string name = ChannelNames.NameOf(Id);
            if (!_hasReading)
            {
                error = name + ": no reading yet; span after the first cycle";
                return false;
            }

            SensorQuality faults = _last.Quality & (SensorQuality.Open | SensorQuality.Short | SensorQuality.Stuck | SensorQuality.Noisy);
            if (faults != SensorQuality.Good)
            {
                error = name + ": signal faulted (" + SensorQualityNames.Describe(faults) + "); check the transducer cable before the span";
                return false;
            }

            double magnitude = reference.MmHg < 0 ? -reference.MmHg : reference.MmHg;
            if (magnitude < _config.MinSpanReferenceMmHg)
            {
                error = name + ": reference " + reference.MmHg.ToString("F1") + " mmHg is too close to atmosphere; use at least "
                    + _config.MinSpanReferenceMmHg.ToString("F0") + " mmHg";
                return false;
            }

            if (!PressureCalibration.IsFinite(_calibration.ZeroOffsetCounts))
            {
                error = name + ": no valid zero; zero to atmosphere (cal zero) first";
                return false;
            }

            PressureCalibration candidate = SpanAt(reference);
            if (!candidate.IsValid)
            {
                error = name + ": the reading does not move with the reference (span " + candidate.SpanCountsPerMmHg.ToString("F4")
                    + " counts/mmHg); is the transducer connected to the reference?";
                return false;
            }

            if (_calibration.IsValid)
            {
                double change = candidate.SpanCountsPerMmHg / _calibration.SpanCountsPerMmHg - 1.0;
                if (change > _config.MaxSpanChangeFraction || change < -_config.MaxSpanChangeFraction)
                {
                    error = name + ": the span would change by " + (change * 100.0).ToString("F0") + " %, more than "
                        + (_config.MaxSpanChangeFraction * 100.0).ToString("F0") + " %; check the reference pressure and the connection";
                    return false;
                }
            }

            calibration = candidate;
            error = null;
            return true;
        }

        /// <summary>
        /// <see cref="ZeroAtCurrent"/> with checks a person can act on: refuses before the first
        /// reading, on a faulted signal (rail, stuck, noisy), without a valid span, and when the zero
        /// would move by more than <see cref="PressureChannelConfig.MaxZeroShiftMmHg"/> (the
        /// transducer is probably not open to atmosphere). Off the safety path; allocates messages.
        /// </summary>
        public bool TryZeroAtCurrent(out PressureCalibration calibration, out string error)
        {
            calibration = PressureCalibration.None;
            string name = ChannelNames.NameOf(Id);
            if (!_hasReading)
            {
                error = name + ": no reading yet; zero after the first cycle";
                return false;
            }

            SensorQuality faults = _last.Quality & (SensorQuality.Open | SensorQuality.Short | SensorQuality.Stuck | SensorQuality.Noisy);
            if (faults != SensorQuality.Good)
            {
                error = name + ": signal faulted (" + SensorQualityNames.Describe(faults) + "); check the transducer cable before zeroing";
                return false;
            }

            if (!_calibration.IsValid)
            {
                error = name + ": no valid span; set the span (cal span) before zeroing";
                return false;
            }

            PressureCalibration candidate = _calibration.WithZero(_lastMeanCounts);
            double shiftMmHg = (_lastMeanCounts - _calibration.ZeroOffsetCounts) / _calibration.SpanCountsPerMmHg;
            if (shiftMmHg > _config.MaxZeroShiftMmHg || shiftMmHg < -_config.MaxZeroShiftMmHg)
            {
                error = name + ": reads " + shiftMmHg.ToString("F1") + " mmHg, more than " + _config.MaxZeroShiftMmHg.ToString("F0")
                    + " mmHg from zero; open the transducer to atmosphere and retry";
                return false;
            }

            calibration = candidate;
            error = null;
            return true;
        }
    }
}
