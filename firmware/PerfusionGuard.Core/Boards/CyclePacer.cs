namespace PerfusionGuard.Boards
{
    /// <summary>
    /// Keeps the safety cycle on a fixed period (the board's cycle_period_us, DESIGN.md safety
    /// concept 2) without drift: deadlines advance by whole periods from the start, not from when
    /// a cycle happened to end. A cycle that ends past its next deadline is an overrun: it is
    /// counted and the schedule restarts from now instead of running cycles back to back to catch
    /// up. Pure arithmetic over an injected time, so the device thread and host tests share it.
    /// </summary>
    public sealed class CyclePacer
    {
        private readonly long _periodMicros;
        private long _nextDeadlineMicros;
        private bool _started;

        /// <summary>A pacer for cycles of <paramref name="periodMicros"/>.</summary>
        public CyclePacer(long periodMicros)
        {
            _periodMicros = periodMicros;
        }

        /// <summary>Cycles that ended after the following deadline.</summary>
        public long Overruns { get; private set; }

        /// <summary>Longest cycle seen, from its deadline to its end, in microseconds.</summary>
        public long LongestCycleMicros { get; private set; }

        /// <summary>Marks the start of a cycle at <paramref name="nowMicros"/>.</summary>
        public void CycleStarted(long nowMicros)
        {
            if (!_started)
            {
                _started = true;
                _nextDeadlineMicros = nowMicros;
            }
        }

        /// <summary>
        /// Marks the end of a cycle at <paramref name="nowMicros"/> and returns how long to wait
        /// before the next one starts (0 after an overrun).
        /// </summary>
        public long CycleEnded(long nowMicros)
        {
            long startedAt = _nextDeadlineMicros;
            long took = nowMicros - startedAt;
            if (took > LongestCycleMicros)
            {
                LongestCycleMicros = took;
            }

            _nextDeadlineMicros += _periodMicros;
            if (nowMicros >= _nextDeadlineMicros)
            {
                Overruns++;
                _nextDeadlineMicros = nowMicros;
                return 0;
            }

            return _nextDeadlineMicros - nowMicros;
        }
    }
}
