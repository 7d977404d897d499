using PerfusionGuard.Hal;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// The reservoir level channel, from one or two binary pads or from a continuous sensor.
    /// States are debounced in time (a wave must not flicker them) and, for a continuous sensor,
    /// improve only past threshold + hysteresis. Every doubt reads as Low: a loose pad is dry,
    /// a pad pair that contradicts itself, a rail or a missing calibration (DESIGN.md safety
    /// concept 4; DOMAIN.md 2011 recall). Sampling allocates nothing. Requirements SAF-CHN-011..013.
    /// </summary>
    public sealed class ReservoirLevelChannel : IChannel
    {
        private readonly IDigitalInput _alertPad;
        private readonly IDigitalInput _lowPad;
        private readonly AdcOversampler _sampler;
        private readonly LevelSensorConfig _config;
        private readonly FaultDebounce _open;
        private readonly FaultDebounce _short;
        private readonly StuckSignalDetector _stuck;
        private LevelCalibration _calibration;
        private LevelState _state;
        private bool _hasState;
        private readonly bool[] _atLeastActive = new bool[3];
        private readonly long[] _atLeastSinceMicros = new long[3];
        private readonly bool[] _atMostActive = new bool[3];
        private readonly long[] _atMostSinceMicros = new long[3];
        private bool _inconsistentPending;
        private long _inconsistentSinceMicros;
        private bool _inconsistent;
        private double _lastMeanCounts;
        private LevelSample _last;

        /// <summary>
        /// A pad sensor: <paramref name="lowPad"/> at the stop height, <paramref name="alertPad"/>
        /// above it (null for a single-pad reservoir, which then knows only Normal and Low).
        /// </summary>
        public ReservoirLevelChannel(IDigitalInput alertPad, IDigitalInput lowPad, LevelSensorConfig config)
        {
            if (lowPad == null)
            {
                throw new System.ArgumentNullException("lowPad", "level channel level_reservoir: the low (stop) pad is mandatory; a single-pad reservoir passes null as the alert pad");
            }

            if (config == null)
            {
                throw new System.ArgumentNullException("config", "level channel level_reservoir: no configuration given");
            }

            _alertPad = alertPad;
            _lowPad = lowPad;
            _config = config;
            _state = LevelState.Low;
            _last.State = LevelState.Low;
        }

        /// <summary>A continuous sensor read through <paramref name="sensor"/> with <see cref="LevelSensorConfig.Calibration"/>.</summary>
        public ReservoirLevelChannel(IAnalogInput sensor, LevelSensorConfig config)
        {
            if (sensor == null)
            {
                throw new System.ArgumentNullException("sensor", "level channel level_reservoir: no ADC input given");
            }

            if (config == null)
            {
                throw new System.ArgumentNullException("config", "level channel level_reservoir: no configuration given");
            }

            _config = config;
            _calibration = config.Calibration;
            _sampler = new AdcOversampler(sensor, config.OversampleCount);
            _open = new FaultDebounce(config.RailSetCycles, config.RailClearCycles);
            _short = new FaultDebounce(config.RailSetCycles, config.RailClearCycles);
            _stuck = new StuckSignalDetector(config.StuckMicros);
            _state = LevelState.Low;
            _last.State = LevelState.Low;
            _last.HasVolume = true;
        }

        /// <inheritdoc/>
        public ChannelId Id => ChannelId.LevelReservoir;

        /// <summary>True for a continuous sensor, false for pads.</summary>
        public bool IsContinuous => _sampler != null;

        /// <summary>Number of pads (0 for a continuous sensor).</summary>
        public int PadCount => _sampler != null ? 0 : _alertPad == null ? 1 : 2;

        /// <summary>The configuration this channel was built with.</summary>
        public LevelSensorConfig Config => _config;

        /// <summary>The calibration in use (continuous sensors).</summary>
        public LevelCalibration Calibration => _calibration;

        /// <summary>The sample of the latest cycle.</summary>
        public LevelSample Last => _last;

        /// <summary>Averaged raw counts of the latest cycle (continuous sensors).</summary>
        public double LastMeanCounts => _lastMeanCounts;

        /// <summary>Replaces the calibration of a continuous sensor.</summary>
        public void SetCalibration(LevelCalibration calibration)
        {
            _calibration = calibration;
        }

        /// <inheritdoc/>
        public void Sample(long nowMicros, SafetyInputs inputs)
        {
            if (_sampler == null)
            {
                SamplePads(nowMicros);
            }
            else
            {
                SampleContinuous(nowMicros);
            }

            inputs.ReservoirLevel = _last;
        }

        private void SamplePads(long nowMicros)
        {
            bool lowWet = _lowPad.Read() == _config.PadLiquidPresentHigh;
            LevelState raw;
            bool inconsistent = false;
            if (_alertPad == null)
            {
                raw = lowWet ? LevelState.Normal : LevelState.Low;
            }
            else
            {
                bool alertWet = _alertPad.Read() == _config.PadLiquidPresentHigh;
                if (lowWet)
                {
                    raw = alertWet ? LevelState.Normal : LevelState.Alert;
                }
                else
                {
                    // SAF-CHN-013: liquid at the upper pad but not at the lower one is impossible;
                    // the low pad is loose. Trust the pad that says "dry": Low.
                    raw = LevelState.Low;
                    inconsistent = alertWet;
                }
            }

            UpdateInconsistency(nowMicros, inconsistent);
            Debounce(nowMicros, raw);
            _last.State = _state;
            _last.Volume = Volume.Zero;
            _last.HasVolume = false;
            _last.Quality = _inconsistent ? SensorQuality.Disconnected : SensorQuality.Good;
        }

        private void UpdateInconsistency(long nowMicros, bool inconsistent)
        {
            if (!inconsistent)
            {
                _inconsistentPending = false;
                _inconsistent = false;
                return;
            }

            if (!_inconsistentPending)
            {
                _inconsistentPending = true;
                _inconsistentSinceMicros = nowMicros;
            }

            if (nowMicros - _inconsistentSinceMicros >= _config.DebounceMicros)
            {
                _inconsistent = true;
            }
        }

        private void SampleContinuous(long nowMicros)
        {
            _sampler.Read();
            double meanCounts = _sampler.MeanCounts;
            _lastMeanCounts = meanCounts;

            bool openRaw = meanCounts <= _config.OpenRailCounts;
            bool shortRaw = meanCounts >= _config.ShortRailCounts;
            bool railRaw = openRaw || shortRaw;
            bool calibrated = _calibration.IsValid;
            Volume volume = _calibration.ToVolume(meanCounts);

            SensorQuality quality = SensorQuality.Good;
            if (_open.Update(openRaw))
            {
                quality |= SensorQuality.Open;
            }

            if (_short.Update(shortRaw))
            {
                quality |= SensorQuality.Short;
            }

            if (!calibrated)
            {
                quality |= SensorQuality.Uncalibrated;
            }

            bool outOfRange = calibrated && !railRaw && (volume.Ml > _config.MaxMl || volume.Ml < -_config.NegativeMarginMl);
            if (outOfRange)
            {
                quality |= SensorQuality.OutOfRange;
            }

            if (railRaw)
            {
                _stuck.Reset();
            }
            else if (_stuck.Update(nowMicros, _sampler))
            {
                quality |= SensorQuality.Stuck;
            }

            LevelState raw;
            if (railRaw || !calibrated || outOfRange && volume.Ml < 0)
            {
                raw = LevelState.Low;
            }
            else
            {
                raw = ClassifyWithHysteresis(volume.Ml);
            }

            Debounce(nowMicros, raw);
            _last.State = _state;
            _last.Volume = volume;
            _last.HasVolume = true;
            _last.Quality = quality;
        }

        /// <summary>The state a volume means, given the current state: improving needs threshold + hysteresis.</summary>
        private LevelState ClassifyWithHysteresis(double volumeMl)
        {
            double hysteresisMl = _config.HysteresisMl;
            switch (_state)
            {
                case LevelState.Normal:
                    return volumeMl < _config.LowMl ? LevelState.Low : volumeMl < _config.AlertMl ? LevelState.Alert : LevelState.Normal;
                case LevelState.Alert:
                    return volumeMl < _config.LowMl ? LevelState.Low : volumeMl > _config.AlertMl + hysteresisMl ? LevelState.Normal : LevelState.Alert;
                default:
                    return volumeMl > _config.AlertMl + hysteresisMl ? LevelState.Normal : volumeMl > _config.LowMl + hysteresisMl ? LevelState.Alert : LevelState.Low;
            }
        }

        /// <summary>
        /// Adopts a worse state once the raw state has been at least that bad for
        /// <see cref="LevelSensorConfig.DebounceMicros"/>, and a better one once it has been at
        /// least that good for <see cref="LevelSensorConfig.RecoverDebounceMicros"/>. Tracking
        /// "at least as bad as" (not "equal to") means a wave that flips the raw state between
        /// Alert and Low still reaches Alert in time. The first reading is adopted at once: there
        /// is no earlier state to protect.
        /// </summary>
        private void Debounce(long nowMicros, LevelState raw)
        {
            int rawLevel = (int)raw;
            for (int level = 0; level < 3; level++)
            {
                if (rawLevel >= level)
                {
                    if (!_atLeastActive[level])
                    {
                        _atLeastActive[level] = true;
                        _atLeastSinceMicros[level] = nowMicros;
                    }
                }
                else
                {
                    _atLeastActive[level] = false;
                }

                if (rawLevel <= level)
                {
                    if (!_atMostActive[level])
                    {
                        _atMostActive[level] = true;
                        _atMostSinceMicros[level] = nowMicros;
                    }
                }
                else
                {
                    _atMostActive[level] = false;
                }
            }

            if (!_hasState)
            {
                _hasState = true;
                _state = raw;
                return;
            }

            int current = (int)_state;
            for (int level = 2; level > current; level--)
            {
                if (_atLeastActive[level] && nowMicros - _atLeastSinceMicros[level] >= _config.DebounceMicros)
                {
                    _state = (LevelState)level;
                    return;
                }
            }

            for (int level = 0; level < current; level++)
            {
                if (_atMostActive[level] && nowMicros - _atMostSinceMicros[level] >= _config.RecoverDebounceMicros)
                {
                    _state = (LevelState)level;
                    return;
                }
            }
        }
    }
}
