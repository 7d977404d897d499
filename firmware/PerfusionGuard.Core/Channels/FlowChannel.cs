using PerfusionGuard.Hal;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// A signed analog flow channel (bidirectional ultrasonic flow meter, needed with centrifugal
    /// pumps): oversampled counts → L/min, negative for backflow (DOMAIN.md Pumps: retrograde flow
    /// when the pump slows), with the same plausibility checks as pressure. Sampling allocates
    /// nothing. Requirements SAF-CHN-001, SAF-CHN-015.
    /// </summary>
    public sealed class FlowChannel : IChannel
    {
        private readonly FlowChannelConfig _config;
        private readonly AdcOversampler _sampler;
        private readonly FaultDebounce _open;
        private readonly FaultDebounce _short;
        private readonly FaultDebounce _range;
        private readonly ViolationWindow _rate;
        private readonly ViolationWindow _noise;
        private readonly StuckSignalDetector _stuck;
        private FlowCalibration _calibration;
        private FlowSample _last;
        private bool _hasReading;
        private double _lastMeanCounts;
        private bool _hasPrevious;
        private double _previousLPerMin;
        private long _previousMicros;

        /// <summary>Creates the flow channel <paramref name="id"/> over <paramref name="sensor"/>.</summary>
        public FlowChannel(ChannelId id, IAnalogInput sensor, FlowChannelConfig config)
        {
            if (sensor == null)
            {
                throw new System.ArgumentNullException("sensor", "flow channel " + ChannelNames.NameOf(id) + ": no ADC input given");
            }

            if (config == null)
            {
                throw new System.ArgumentNullException("config", "flow channel " + ChannelNames.NameOf(id) + ": no configuration given");
            }

            Id = id;
            _config = config;
            _calibration = config.Calibration;
            _sampler = new AdcOversampler(sensor, config.OversampleCount);
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
        public FlowChannelConfig Config => _config;

        /// <summary>The calibration in use.</summary>
        public FlowCalibration Calibration => _calibration;

        /// <summary>The sample of the latest cycle.</summary>
        public FlowSample Last => _last;

        /// <summary>Averaged raw counts of the latest cycle, unrounded.</summary>
        public double LastMeanCounts => _lastMeanCounts;

        /// <summary>Replaces the calibration; the rate history restarts.</summary>
        public void SetCalibration(FlowCalibration calibration)
        {
            _calibration = calibration;
            _hasPrevious = false;
            _rate.Reset();
            _range.Reset();
        }

        /// <summary>The calibration that reads the current flow as zero (meter on a clamped, full line). Does not apply it.</summary>
        public FlowCalibration ZeroAtCurrent()
        {
            if (!_hasReading)
            {
                return FlowCalibration.None;
            }

            return _calibration.WithZero(_lastMeanCounts);
        }

        /// <inheritdoc/>
        public void Sample(long nowMicros, SafetyInputs inputs)
        {
            _sampler.Read();
            double meanCounts = _sampler.MeanCounts;
            _lastMeanCounts = meanCounts;
            _hasReading = true;

            bool openRaw = meanCounts <= _config.OpenRailCounts;
            bool shortRaw = meanCounts >= _config.ShortRailCounts;
            bool railRaw = openRaw || shortRaw;
            bool open = _open.Update(openRaw);
            bool shorted = _short.Update(shortRaw);

            bool calibrated = _calibration.IsValid;
            Flow flow = _calibration.ToFlow(meanCounts);
            bool judge = calibrated && !railRaw;

            bool outOfRange = _range.Update(judge && (flow.LPerMin < _config.MinLPerMin || flow.LPerMin > _config.MaxLPerMin));

            bool rateViolation = false;
            if (judge && _hasPrevious && nowMicros > _previousMicros)
            {
                double delta = flow.LPerMin - _previousLPerMin;
                if (delta < 0)
                {
                    delta = -delta;
                }

                rateViolation = delta * Time.MicrosPerSecond / (nowMicros - _previousMicros) > _config.MaxRateLPerMinPerSecond;
            }

            bool rateImplausible = _rate.Update(rateViolation);
            bool noisy = _noise.Update(!railRaw && _sampler.SpreadCounts > _config.NoiseLimitCounts);
            bool stuck = false;
            if (railRaw)
            {
                _stuck.Reset();
            }
            else
            {
                stuck = _stuck.Update(nowMicros, _sampler);
            }

            SensorQuality quality = SensorQualityFlags.OfAnalog(open, shorted, stuck, outOfRange, rateImplausible, noisy, calibrated);

            _hasPrevious = judge;
            _previousLPerMin = flow.LPerMin;
            _previousMicros = nowMicros;

            _last.Flow = flow;
            _last.Quality = quality;
            inputs.Flows[(int)Id] = _last;
        }
    }
}
