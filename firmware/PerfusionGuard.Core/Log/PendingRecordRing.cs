namespace PerfusionGuard.Log
{
    /// <summary>
    /// Records the safety thread wants in the event log, waiting for the log writer thread (the
    /// start-up self-test's results). The event log holds its lock while it writes flash, which can
    /// take tens of milliseconds, so the safety thread only copies a few fields in here and never
    /// waits for a flash write (SAF-LOG-007). Fixed size; when full the oldest waiting record is
    /// dropped and counted.
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
        private readonly object _lock = new object();
        private int _head;
        private int _count;
        private long _overflowCount;

        /// <summary>A ring of <paramref name="capacity"/> records (allocated now).</summary>
        public PendingRecordRing(int capacity)
        {
            _atMicros = new long[capacity];
            _kind = new EventKind[capacity];
            _subject = new int[capacity];
            _oldValue = new int[capacity];
            _newValue = new int[capacity];
            _auxValue = new int[capacity];
            _source = new byte[capacity];
        }

        /// <summary>Records waiting.</summary>
        public int Count => _count;

        /// <summary>Records dropped because the ring was full.</summary>
        public long OverflowCount => _overflowCount;

        /// <summary>Queues a record (the arguments of <see cref="EventLog.Append"/>). Allocates nothing.</summary>
        public void Record(long atMicros, EventKind kind, int subject, int oldValue, int newValue, int auxValue, byte source)
        {
            lock (_lock)
            {
                int tail = (_head + _count) % _kind.Length;
                if (_count == _kind.Length)
                {
                    _head = (_head + 1) % _kind.Length;
                    _overflowCount++;
                }
                else
                {
                    _count++;
                }

                _atMicros[tail] = atMicros;
                _kind[tail] = kind;
                _subject[tail] = subject;
                _oldValue[tail] = oldValue;
                _newValue[tail] = newValue;
                _auxValue[tail] = auxValue;
                _source[tail] = source;
            }
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
            lock (_lock)
            {
                if (_count == 0)
                {
                    return false;
                }

                atMicros = _atMicros[_head];
                kind = _kind[_head];
                subject = _subject[_head];
                oldValue = _oldValue[_head];
                newValue = _newValue[_head];
                auxValue = _auxValue[_head];
                source = _source[_head];
                _head = (_head + 1) % _kind.Length;
                _count--;
            }

            // Outside the ring's lock: the flash write may take long, the safety thread may be recording.
            log.Append(atMicros, kind, subject, oldValue, newValue, auxValue, source);
            return true;
        }
    }
}
