using System.Threading;

namespace PerfusionGuard.Handoff
{
    /// <summary>
    /// The positions of a fixed-size ring between exactly one producer thread and one consumer thread,
    /// without a lock (SAF-CYC-005): the safety thread, at ThreadPriority.Highest, must never wait for
    /// a lock that a lower-priority thread holds while a third thread preempts it (a priority
    /// inversion; nanoFramework time-slices managed threads in 20 ms quanta and has, as far as we
    /// know, no priority inheritance). The ring's owner keeps the slots; this class says which slot
    /// to write or read and publishes it.
    /// <para>Only what nanoFramework has: int fields moved with Interlocked.Exchange and
    /// Interlocked.CompareExchange, and read with Interlocked.CompareExchange(ref x, 0, 0)
    /// (no Interlocked on long, no Volatile, no <c>volatile</c>, no Monitor.TryEnter,
    /// NANO-PLATFORM.md). A slot is written before the position that covers it is published, and
    /// read before the position that frees it is moved.</para>
    /// <para>Positions count up to a multiple of the capacity near 2^30 and wrap there, so the slot of
    /// position p is p mod capacity across the wrap, and a position seen again (ABA) needs about a
    /// billion writes during one read.</para>
    /// <para>When the ring is full the producer either refuses the new entry or takes the oldest
    /// away from the consumer (one compare-exchange on the head, never a loop), counting either in
    /// <see cref="Overflows"/>. Because the producer may move the head, the consumer frees a slot
    /// with a compare-exchange: when it fails, the producer overwrote the slot while the consumer
    /// copied it, and the consumer reads again (<see cref="EndRead"/>). The producer never waits;
    /// only the consumer may retry. Allocates nothing after the constructor.</para>
    /// </summary>
    public sealed class SpscRingIndex
    {
        /// <summary>Largest capacity accepted.</summary>
        public const int MaxCapacity = 1 << 20;

        private const int WrapSpan = 1 << 30;

        private readonly int _capacity;
        private readonly int _wrap;

        // Shared: the oldest unread position (moved by the consumer, and by the producer when it overwrites).
        private int _head;

        // Shared: the next position the producer writes (moved by the producer only).
        private int _tail;

        // Shared: entries refused or overwritten (producer increments, anyone reads).
        private int _overflows;

        // Producer-private and consumer-private: the position being written / read.
        private int _writePosition;
        private int _readPosition;

        /// <summary>Positions for a ring of <paramref name="capacity"/> slots (1..<see cref="MaxCapacity"/>).</summary>
        public SpscRingIndex(int capacity)
        {
            if (capacity < 1 || capacity > MaxCapacity)
            {
                throw new System.ArgumentOutOfRangeException(nameof(capacity), "ring: capacity must be from 1 to " + MaxCapacity.ToString()
                    + ", not " + capacity.ToString());
            }

            _capacity = capacity;
            _wrap = capacity * (WrapSpan / capacity);
        }

        /// <summary>Number of slots.</summary>
        public int Capacity => _capacity;

        /// <summary>Entries waiting now (any thread; a moment's view while the others run).</summary>
        public int Count
        {
            get
            {
                // Head first: the tail only grows after it, so the distance is never negative.
                int head = Interlocked.CompareExchange(ref _head, 0, 0);
                int tail = Interlocked.CompareExchange(ref _tail, 0, 0);
                int count = Distance(head, tail);
                return count > _capacity ? _capacity : count;
            }
        }

        /// <summary>Entries refused (ring full, not overwriting) or overwritten before the consumer took them.</summary>
        public int Overflows => Interlocked.CompareExchange(ref _overflows, 0, 0);

        /// <summary>
        /// Producer: the slot to write the next entry into, or -1 when the ring is full and
        /// <paramref name="overwriteOldest"/> is false (the entry is refused and counted). With
        /// <paramref name="overwriteOldest"/> a full ring gives up its oldest entry (counted). Call
        /// <see cref="EndWrite"/> once the slot is written. Never waits.
        /// </summary>
        public int BeginWrite(bool overwriteOldest)
        {
            int tail = _tail;
            int head = Interlocked.CompareExchange(ref _head, 0, 0);
            if (Distance(head, tail) >= _capacity)
            {
                if (!overwriteOldest)
                {
                    Interlocked.Increment(ref _overflows);
                    return -1;
                }

                // Take the oldest from the consumer. If this fails, the consumer has just taken it
                // itself, so a slot is free either way and nobody waits.
                if (Interlocked.CompareExchange(ref _head, Next(head), head) == head)
                {
                    Interlocked.Increment(ref _overflows);
                }
            }

            _writePosition = tail;
            return tail % _capacity;
        }

        /// <summary>Producer: publishes the slot written since <see cref="BeginWrite"/> to the consumer.</summary>
        public void EndWrite()
        {
            Interlocked.Exchange(ref _tail, Next(_writePosition));
        }

        /// <summary>
        /// Consumer: the slot of the oldest entry, or -1 when the ring is empty. Copy the slot, then
        /// call <see cref="EndRead"/>; use the copy only when that returns true.
        /// </summary>
        public int BeginRead()
        {
            int head = Interlocked.CompareExchange(ref _head, 0, 0);
            int tail = Interlocked.CompareExchange(ref _tail, 0, 0);
            if (head == tail)
            {
                return -1;
            }

            _readPosition = head;
            return head % _capacity;
        }

        /// <summary>
        /// Consumer: frees the slot read since <see cref="BeginRead"/>. False when the producer
        /// overwrote it meanwhile: the copy may be torn, discard it and read again.
        /// </summary>
        public bool EndRead()
        {
            int position = _readPosition;
            return Interlocked.CompareExchange(ref _head, Next(position), position) == position;
        }

        /// <summary>
        /// Producer thread only (or a ring nobody drains, such as the alarm history): the slot of the
        /// entry <paramref name="newestFirstIndex"/> places before the newest (0 = newest), or -1 when
        /// there is no such entry.
        /// </summary>
        public int NewestSlot(int newestFirstIndex)
        {
            int tail = _tail;
            int head = Interlocked.CompareExchange(ref _head, 0, 0);
            if (newestFirstIndex < 0 || newestFirstIndex >= Distance(head, tail))
            {
                return -1;
            }

            int position = tail - 1 - newestFirstIndex;
            if (position < 0)
            {
                position += _wrap;
            }

            return position % _capacity;
        }

        private int Next(int position) => position + 1 == _wrap ? 0 : position + 1;

        private int Distance(int from, int to) => to >= from ? to - from : to - from + _wrap;
    }
}
