namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Detects a frozen analog signal: every conversion of every reading bit-identical for longer
    /// than <see cref="StuckMicros"/>. Real transducers behind a real ADC always show a few counts of
    /// noise, so identical raw counts over seconds mean a frozen converter, a latched multiplexer or
    /// a simulated input that stopped; a quiet but valid signal (a stopped pump, a clamped line)
    /// still flickers and is never flagged. 0 disables the check.
    /// </summary>
    public sealed class StuckSignalDetector
    {
        private bool _hasReference;
        private int _referenceCounts;
        private long _identicalSinceMicros;

        /// <summary>Creates a detector that flags after <paramref name="stuckMicros"/> of identical counts (0 = never).</summary>
        public StuckSignalDetector(long stuckMicros)
        {
            StuckMicros = stuckMicros;
        }

        /// <summary>How long the raw counts must stay bit-identical before the signal counts as stuck.</summary>
        public long StuckMicros { get; }

        /// <summary>Feeds one oversampled reading; returns true while the signal is stuck.</summary>
        public bool Update(long nowMicros, AdcOversampler reading)
        {
            if (!reading.AllIdentical)
            {
                _hasReference = false;
                return false;
            }

            if (!_hasReference || reading.MinCounts != _referenceCounts)
            {
                _hasReference = true;
                _referenceCounts = reading.MinCounts;
                _identicalSinceMicros = nowMicros;
                return false;
            }

            return StuckMicros > 0 && nowMicros - _identicalSinceMicros > StuckMicros;
        }

        /// <summary>Forgets the history.</summary>
        public void Reset()
        {
            _hasReference = false;
        }
    }
}
