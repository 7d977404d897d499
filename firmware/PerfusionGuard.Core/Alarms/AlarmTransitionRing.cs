namespace PerfusionGuard.Alarms
{
    /// <summary>
    /// Fixed-size ring of <see cref="AlarmTransition"/>s. Used twice: as the alarm history (never
    /// drained, read newest-first for <c>alarm history</c>) and as a sink one consumer drains (the
    /// event log writer, the telemetry outbox; each has its own ring). When full the oldest entry is
    /// overwritten and <see cref="OverflowCount"/> grows: the safety cycle never waits.
    /// </summary>
    public sealed class AlarmTransitionRing
    {
        private readonly AlarmTransition[] _items;
        private readonly object _lock = new object();
        private int _head;
        private int _count;
        private long _overflowCount;
        private long _recordedCount;

        /// <summary>Creates a ring of <paramref name="capacity"/> transitions (allocated now, once).</summary>
        public AlarmTransitionRing(int capacity)
        {
            if (capacity < 1)
            {
                throw new System.ArgumentOutOfRangeException(nameof(capacity), "alarm transition ring: capacity must be at least 1");
            }

            _items = new AlarmTransition[capacity];
        }

        /// <summary>Most transitions the ring holds.</summary>
        public int Capacity => _items.Length;

        /// <summary>Transitions held now.</summary>
        public int Count => _count;

        /// <summary>Transitions overwritten before anyone took them.</summary>
        public long OverflowCount => _overflowCount;

        /// <summary>Transitions recorded since start.</summary>
        public long RecordedCount => _recordedCount;

        /// <summary>Records a transition; overwrites the oldest when full.</summary>
        public void Record(ref AlarmTransition transition)
        {
            lock (_lock)
            {
                int tail = (_head + _count) % _items.Length;
                if (_count == _items.Length)
                {
                    _head = (_head + 1) % _items.Length;
                    _overflowCount++;
                }
                else
                {
                    _count++;
                }

                _items[tail] = transition;
                _recordedCount++;
            }
        }

        /// <summary>Takes the oldest transition; false when empty.</summary>
        public bool TryTake(out AlarmTransition transition)
        {
            lock (_lock)
            {
                if (_count == 0)
                {
                    transition = default;
                    return false;
                }

                transition = _items[_head];
                _head = (_head + 1) % _items.Length;
                _count--;
                return true;
            }
        }

        /// <summary>Reads without removing: index 0 is the newest; false when <paramref name="newestFirstIndex"/> is out of range.</summary>
        public bool TryPeekNewest(int newestFirstIndex, out AlarmTransition transition)
        {
            lock (_lock)
            {
                if (newestFirstIndex < 0 || newestFirstIndex >= _count)
                {
                    transition = default;
                    return false;
                }

                int slot = (_head + _count - 1 - newestFirstIndex) % _items.Length;
                transition = _items[slot];
                return true;
            }
        }
    }
}
