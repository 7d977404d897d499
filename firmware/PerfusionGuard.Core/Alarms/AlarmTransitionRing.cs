using System.Threading;
using PerfusionGuard.Handoff;

namespace PerfusionGuard.Alarms
{
    /// <summary>
    /// Fixed-size ring of <see cref="AlarmTransition"/>s written by one producer thread (the alarm
    /// manager, on the safety thread). Used twice: as the alarm history (never drained, read
    /// newest-first on the producer's thread for <c>alarm history</c>) and as a sink one consumer
    /// thread drains (the event log writer, the telemetry thread; each has its own ring). When full
    /// the oldest entry is overwritten and <see cref="OverflowCount"/> grows. No lock (SAF-CYC-005):
    /// the positions move by Interlocked operations only (<see cref="SpscRingIndex"/>), so the safety
    /// cycle never waits for a consumer.
    /// </summary>
    public sealed class AlarmTransitionRing
    {
        private readonly AlarmTransition[] _items;
        private readonly SpscRingIndex _index;
        private int _recordedCount;

        /// <summary>Creates a ring of <paramref name="capacity"/> transitions (allocated now, once).</summary>
        public AlarmTransitionRing(int capacity)
        {
            if (capacity < 1)
            {
                throw new System.ArgumentOutOfRangeException(nameof(capacity), "alarm transition ring: capacity must be at least 1");
            }

            _index = new SpscRingIndex(capacity);
            _items = new AlarmTransition[capacity];
        }

        /// <summary>Most transitions the ring holds.</summary>
        public int Capacity => _index.Capacity;

        /// <summary>Transitions held now.</summary>
        public int Count => _index.Count;

        /// <summary>Transitions overwritten before anyone took them.</summary>
        public long OverflowCount => _index.Overflows;

        /// <summary>Transitions recorded since start.</summary>
        public long RecordedCount => Interlocked.CompareExchange(ref _recordedCount, 0, 0);

        /// <summary>Producer thread: records a transition; overwrites the oldest when full. Never waits, allocates nothing.</summary>
        public void Record(ref AlarmTransition transition)
        {
            int slot = _index.BeginWrite(true);
            _items[slot] = transition;
            _index.EndWrite();
            Interlocked.Increment(ref _recordedCount);
        }

        /// <summary>Consumer thread: takes the oldest transition; false when empty.</summary>
        public bool TryTake(out AlarmTransition transition)
        {
            while (true)
            {
                int slot = _index.BeginRead();
                if (slot < 0)
                {
                    transition = default;
                    return false;
                }

                transition = _items[slot];
                if (_index.EndRead())
                {
                    return true;
                }
            }
        }

        /// <summary>
        /// Producer thread only (the history is read on the safety thread, SAF-CON-012): reads without
        /// removing, index 0 is the newest; false when <paramref name="newestFirstIndex"/> is out of range.
        /// </summary>
        public bool TryPeekNewest(int newestFirstIndex, out AlarmTransition transition)
        {
            int slot = _index.NewestSlot(newestFirstIndex);
            if (slot < 0)
            {
                transition = default;
                return false;
            }

            transition = _items[slot];
            return true;
        }
    }
}
