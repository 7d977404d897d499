using PerfusionGuard.Hal;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// An ultrasonic air detector: its digital air output, the read-back of the hardware latch it
    /// drives (the stop path that needs no software, DESIGN.md safety concept 1), its microbubble
    /// edge count from a hardware counter (never managed GPIO events, NANO-PLATFORM.md timing)
    /// with a per-minute rate over a sliding window and an estimated volume, and its fault line.
    /// Sampling allocates nothing. Requirements SAF-CHN-007..010.
    /// </summary>
    public sealed class AirDetectorChannel : IChannel
    {
        private readonly IDigitalInput _detector;
        private readonly IDigitalInput _latchReadback;
        private readonly IEdgeCounter _microbubbles;
        private readonly IDigitalInput _detectorFault;
        private readonly AirDetectorConfig _config;
        private readonly FaultDebounce _fault;
        private readonly FaultDebounce _latchDisagrees;
        private readonly long[] _bucketStartCounts;
        private readonly long _bucketMicros;
        private readonly long _windowMicros;
        private int _bucketsFilled;
        private int _newestBucket;
        private long _nextBucketMicros;
        private bool _started;
        private long _baselineCount;
        private long _lastRawCount;
        private long _totalCount;
        private AirSample _last;

        /// <summary>
        /// Creates the air channel <paramref name="id"/>. <paramref name="microbubbleCounter"/> and
        /// <paramref name="detectorFault"/> may be null when the detector lacks those outputs.
        /// </summary>
        public AirDetectorChannel(ChannelId id, IDigitalInput detector, IDigitalInput latchReadback, IEdgeCounter microbubbleCounter, IDigitalInput detectorFault, AirDetectorConfig config)
        {
            string name = "air channel " + ChannelNames.NameOf(id);
            if (detector == null)
            {
                throw new System.ArgumentNullException("detector", name + ": no detector input given");
            }

            if (latchReadback == null)
            {
                throw new System.ArgumentNullException("latchReadback", name + ": no latch readback input given; the hardware latch must be supervised");
            }

            if (config == null)
            {
                throw new System.ArgumentNullException("config", name + ": no configuration given");
            }

            Id = id;
            _detector = detector;
            _latchReadback = latchReadback;
            _microbubbles = microbubbleCounter;
            _detectorFault = detectorFault;
            _config = config;
            _fault = new FaultDebounce(config.FaultSetCycles, config.FaultClearCycles);
            _latchDisagrees = new FaultDebounce(config.LatchDisagreeCycles, 1);
            int buckets = config.RateBuckets < 1 ? 1 : config.RateBuckets;
            // One entry more than buckets: the oldest start then lies a full window (plus the
            // current partial bucket) back, so the window is never shorter than configured.
            _bucketStartCounts = new long[buckets + 1];
            _bucketMicros = config.RateWindowMicros / buckets < 1 ? 1 : config.RateWindowMicros / buckets;
            _windowMicros = _bucketMicros * buckets;
        }

        /// <inheritdoc/>
        public ChannelId Id { get; }

        /// <summary>The configuration this channel was built with.</summary>
        public AirDetectorConfig Config => _config;

        /// <summary>The sample of the latest cycle.</summary>
        public AirSample Last => _last;

        /// <summary>True when the channel has a microbubble counter.</summary>
        public bool CountsMicrobubbles => _microbubbles != null;

        /// <inheritdoc/>
        public void Sample(long nowMicros, SafetyInputs inputs)
        {
            // Detector first, latch second: the latch trips within 1 ms of the detector, so air
            // seen here is normally already latched by the time the readback is read.
            bool air = _detector.Read() == _config.DetectorAirActiveHigh;
            bool tripped = _latchReadback.Read() == _config.LatchTrippedActiveHigh;
            bool faulted = _detectorFault != null && _detectorFault.Read() == _config.DetectorFaultActiveHigh;

            SensorQuality quality = SensorQuality.Good;
            if (_fault.Update(faulted))
            {
                quality |= SensorQuality.Disconnected;
            }

            // SAF-CHN-008: air without a tripped latch means the hardware stop path failed.
            if (_latchDisagrees.Update(air && !tripped))
            {
                quality |= SensorQuality.LatchDisagrees;
            }

            UpdateMicrobubbles(nowMicros);

            _last.AirPresent = air;
            _last.LatchTripped = tripped;
            _last.Quality = quality;
            inputs.Air[(int)Id] = _last;
        }

        private void UpdateMicrobubbles(long nowMicros)
        {
            if (_microbubbles == null)
            {
                return;
            }

            long raw = _microbubbles.ReadCount();
            if (!_started)
            {
                _started = true;
                _baselineCount = raw;
                _lastRawCount = raw;
                _newestBucket = 0;
                _bucketsFilled = 1;
                _bucketStartCounts[0] = 0;
                _nextBucketMicros = nowMicros + _bucketMicros;
            }

            if (raw < _lastRawCount)
            {
                // The counter restarted (peripheral reset): keep the total monotonic by rebasing.
                _baselineCount = raw - _totalCount;
            }

            _lastRawCount = raw;
            _totalCount = raw - _baselineCount;

            // Advance the ring: each bucket remembers the total at its start. A long gap (a
            // stalled loop) advances at most one full ring, so the loop is bounded.
            int advanced = 0;
            while (nowMicros >= _nextBucketMicros && advanced < _bucketStartCounts.Length)
            {
                _newestBucket = (_newestBucket + 1) % _bucketStartCounts.Length;
                _bucketStartCounts[_newestBucket] = _totalCount;
                if (_bucketsFilled < _bucketStartCounts.Length)
                {
                    _bucketsFilled++;
                }

                _nextBucketMicros += _bucketMicros;
                advanced++;
            }

            if (nowMicros >= _nextBucketMicros)
            {
                _nextBucketMicros = nowMicros + _bucketMicros;
            }

            int oldest = _bucketsFilled < _bucketStartCounts.Length ? 0 : (_newestBucket + 1) % _bucketStartCounts.Length;
            long inWindow = _totalCount - _bucketStartCounts[oldest];

            // Scale to per minute when the window is not one minute; before the window has
            // filled this is the count so far (an honest under-estimate, not an extrapolation).
            long perMinute = _windowMicros == Time.MicrosPerMinute ? inWindow : inWindow * Time.MicrosPerMinute / _windowMicros;

            _last.MicrobubbleCount = _totalCount;
            _last.MicrobubblesPerMinute = perMinute > int.MaxValue ? int.MaxValue : (int)perMinute;
            _last.MicrobubbleVolume = Volume.FromMicrolitres(_totalCount * _config.MicrobubbleVolumeMicrolitres);
        }
    }
}
