using PerfusionGuard.Text;
using PerfusionGuard.Units;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// What every payload of one boot shares: the boot counter, the uptime origin, the optional
    /// wall clock, and one sequence counter per stream (data, alarm, event, log) that starts at 1
    /// each boot. A receiver keys sequences by (site, node, boot, stream): a gap in the data stream
    /// is a lost data frame, a gap in the alarm stream is a lost alarm (SAF-TEL-003).
    /// <para>Each stream's counter has one writer thread and takes no lock (SAF-CYC-005): the data
    /// stream's is taken by the safety cycle (<see cref="TelemetrySampler.AfterCycle"/>), the alarm
    /// and event streams' by the telemetry thread (the sampler's encoders, under its own lock).</para>
    /// </summary>
    public sealed class TelemetrySession
    {
        private readonly IUtcClock _utcClock;
        private readonly long _bootMicros;
        private readonly long[] _nextSeq = new long[TelemetryTopics.Count];

        /// <summary>Creates the session of boot number <paramref name="bootCounter"/>.</summary>
        /// <param name="bootCounter">Persistent count of boots of this module (from the non-volatile store).</param>
        /// <param name="bootMicros">Monotonic time taken as uptime zero.</param>
        /// <param name="utcClock">Wall clock, or null when the module has none: <c>utc_ms</c> is then 0.</param>
        public TelemetrySession(long bootCounter, long bootMicros, IUtcClock utcClock)
        {
            BootCounter = bootCounter;
            _bootMicros = bootMicros;
            _utcClock = utcClock;
            for (int i = 0; i < _nextSeq.Length; i++)
            {
                _nextSeq[i] = 1;
            }
        }

        /// <summary>The boot counter written into every payload as <c>boot</c>.</summary>
        public long BootCounter { get; }

        /// <summary>Milliseconds of uptime at monotonic time <paramref name="nowMicros"/>.</summary>
        public long UptimeMillis(long nowMicros) => (nowMicros - _bootMicros) / Time.MicrosPerMilli;

        /// <summary>Takes the next sequence number of <paramref name="stream"/> (on that stream's one writer thread).</summary>
        public long NextSeq(TelemetryTopic stream)
        {
            return _nextSeq[(int)stream]++;
        }

        /// <summary>The sequence number the next message of <paramref name="stream"/> will get.</summary>
        public long PeekSeq(TelemetryTopic stream) => _nextSeq[(int)stream];

        /// <summary>
        /// Writes the common header fields <c>seq</c>, <c>boot</c>, <c>utc_ms</c> (0 when the wall
        /// clock is unknown), <c>uptime_ms</c> into an open object.
        /// </summary>
        public void WriteHeader(JsonByteWriter writer, long seq, long nowMicros)
        {
            WriteHeader(writer, seq, nowMicros, UtcMillisNow());
        }

        /// <summary>
        /// Writes the common header fields of a message taken at <paramref name="atMicros"/>, when the
        /// wall clock read <paramref name="utcMillis"/> (0 when unknown): a data frame encoded on the
        /// telemetry thread keeps the times of the cycle that sampled it.
        /// </summary>
        public void WriteHeader(JsonByteWriter writer, long seq, long atMicros, long utcMillis)
        {
            writer.WriteNumber("seq", seq);
            writer.WriteNumber("boot", BootCounter);
            writer.WriteNumber("utc_ms", utcMillis);
            writer.WriteNumber("uptime_ms", UptimeMillis(atMicros));
        }

        /// <summary>Writes <c>utc_ms</c> (0 when the wall clock is unknown) and <c>uptime_ms</c> into an open object.</summary>
        public void WriteTimes(JsonByteWriter writer, long nowMicros)
        {
            writer.WriteNumber("utc_ms", UtcMillisNow());
            writer.WriteNumber("uptime_ms", UptimeMillis(nowMicros));
        }

        /// <summary>UTC milliseconds now from the session's wall clock; 0 when it has none or it is not set.</summary>
        public long UtcMillisNow()
        {
            long utcMillis;
            if (_utcClock == null || !_utcClock.TryGetUtcMillis(out utcMillis))
            {
                utcMillis = 0;
            }

            return utcMillis;
        }
    }
}
