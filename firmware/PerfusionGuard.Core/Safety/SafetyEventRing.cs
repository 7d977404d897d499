using PerfusionGuard.Handoff;

namespace PerfusionGuard.Safety
{
    /// <summary>
    /// Fixed-size ring of <see cref="SafetyEvent"/>s from one producer thread (the safety cycle,
    /// which records) to one consumer thread (the module's fan-out on the safety thread, the log
    /// writer, the telemetry thread: each consumer has its own ring). When full the oldest event is
    /// overwritten and <see cref="OverflowCount"/> grows. No lock (SAF-CYC-005): the positions move
    /// by Interlocked operations only (<see cref="SpscRingIndex"/>), so the safety cycle never waits
    /// for a consumer, and a consumer whose event was overwritten while it copied it reads again.
    /// </summary>
    public sealed class SafetyEventRing
    {
        private readonly SafetyEvent[] _events;
        private readonly SpscRingIndex _index;

        /// <summary>Creates a ring of <paramref name="capacity"/> events.</summary>
        public SafetyEventRing(int capacity)
        {
            _index = new SpscRingIndex(capacity);
            _events = new SafetyEvent[capacity];
        }

        /// <summary>Number of events the ring holds.</summary>
        public int Capacity => _index.Capacity;

        /// <summary>Events waiting to be drained.</summary>
        public int Count => _index.Count;

        /// <summary>Events lost because the ring was full.</summary>
        public long OverflowCount => _index.Overflows;

        /// <summary>Producer thread: records an event; overwrites the oldest when full. Never waits, allocates nothing.</summary>
        public void Record(long atMicros, SafetyEventKind kind, int ruleIndex, SafetyAction action, CommandSource source)
        {
            int slot = _index.BeginWrite(true);
            _events[slot].AtMicros = atMicros;
            _events[slot].Kind = kind;
            _events[slot].RuleIndex = (short)ruleIndex;
            _events[slot].Action = action;
            _events[slot].Source = source;
            _index.EndWrite();
        }

        /// <summary>Consumer thread: takes the oldest event; false when the ring is empty.</summary>
        public bool TryTake(out SafetyEvent safetyEvent)
        {
            while (true)
            {
                int slot = _index.BeginRead();
                if (slot < 0)
                {
                    safetyEvent = default;
                    return false;
                }

                safetyEvent = _events[slot];
                if (_index.EndRead())
                {
                    return true;
                }
            }
        }
    }
}
