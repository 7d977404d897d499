using PerfusionGuard.Handoff;

namespace PerfusionGuard.Log
{
    /// <summary>
    /// Records the safety thread wants in the event log, waiting for the log writer thread (the
    /// start-up self-test's results). The event log holds its lock while it writes flash, which can
    /// take tens of milliseconds, so the safety thread only copies a few fields in here and never
    /// waits for a flash write (SAF-LOG-007) nor for the log writer (SAF-CYC-005: one producer, one
    /// consumer, positions moved by Interlocked operations only, <see cref="SpscRingIndex"/>).
    /// Fixed size; when full the oldest waiting record is dropped and counted.
    /// </summary>
    public sealed class PendingRecordRing
    {
        private readonly long[] _atMicros;
        private readonly EventKind[] _kind;
        private readonly int[] _subject;
        private readonly int[] _oldValue;
        private readonly int[] _newValue;
        private readonly int[] _auxValue;
        private readonly byte[] _source;
        private readonly SpscRingIndex _index;

        /// <summary>A ring of <paramref name="capacity"/> records (allocated now).</summary>
        public PendingRecordRing(int capacity)
        {
            _index = new SpscRingIndex(capacity);
            _atMicros = new long[capacity];
            _kind = new EventKind[capacity];
            _subject = new int[capacity];
            _oldValue = new int[capacity];
            _newValue = new int[capacity];
            _auxValue = new int[capacity];
            _source = new byte[capacity];
        }

        /// <summary>Number of records the ring holds.</summary>
        public int Capacity => _index.Capacity;

        /// <summary>Records waiting.</summary>
        public int Count => _index.Count;

        /// <summary>Records dropped because the ring was full.</summary>
        public long OverflowCount => _index.Overflows;

        /// <summary>Producer thread: queues a record (the arguments of <see cref="EventLog.Append"/>). Never waits, allocates nothing.</summary>
        public void Record(long atMicros, EventKind kind, int subject, int oldValue, int newValue, int auxValue, byte source)
        {
            int slot = _index.BeginWrite(true);
            _atMicros[slot] = atMicros;
            _kind[slot] = kind;
            _subject[slot] = subject;
            _oldValue[slot] = oldValue;
            _newValue[slot] = newValue;
            _auxValue[slot] = auxValue;
            _source[slot] = source;
            _index.EndWrite();
        }

        /// <summary>Log writer thread: appends the oldest waiting record to <paramref name="log"/>; false when none waits.</summary>
        public bool TryAppendOldestTo(EventLog log)
        {
            long atMicros;
            EventKind kind;
            int subject;
            int oldValue;
            int newValue;
            int auxValue;
            byte source;
            if (!TryTakeOldest(out atMicros, out kind, out subject, out oldValue, out newValue, out auxValue, out source))
            {
                return false;
            }

            // The ring's slot is free again before the flash write, which may take long.
            log.Append(atMicros, kind, subject, oldValue, newValue, auxValue, source);
            return true;
        }

        /// <summary>Consumer thread: takes the oldest waiting record field by field; false when none waits.</summary>
        public bool TryTakeOldest(out long atMicros, out EventKind kind, out int subject, out int oldValue, out int newValue, out int auxValue, out byte source)
        {
            while (true)
            {
                int slot = _index.BeginRead();
                if (slot < 0)
                {
                    atMicros = 0;
                    kind = EventKind.None;
                    subject = 0;
                    oldValue = 0;
                    newValue = 0;
                    auxValue = 0;
                    source = 0;
                    return false;
                }

                atMicros = _atMicros[slot];
                kind = _kind[slot];
                subject = _subject[slot];
                oldValue = _oldValue[slot];
                newValue = _newValue[slot];
                auxValue = _auxValue[slot];
                source = _source[slot];
                if (_index.EndRead())
                {
                    return true;
                }
            }
        }
    }
}
