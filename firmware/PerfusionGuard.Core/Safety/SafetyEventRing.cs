namespace PerfusionGuard.Safety
{
    /// <summary>
    /// Fixed-size single-producer ring of <see cref="SafetyEvent"/>s between the safety cycle (which
    /// records) and the alarm, log and telemetry consumers (which drain). When full the oldest event
    /// is overwritten and <see cref="OverflowCount"/> grows: the safety cycle never waits.
    /// </summary>
    public sealed class SafetyEventRing
    {
        private readonly SafetyEvent[] _events;
        private int _head;
        private int _count;
        private long _overflowCount;
        private readonly object _lock = new object();

        /// <summary>Creates a ring of <paramref name="capacity"/> events.</summary>
        public SafetyEventRing(int capacity)
        {
            _events = new SafetyEvent[capacity];
        }

        /// <summary>Events waiting to be drained.</summary>
        public int Count => _count;

        /// <summary>Events lost because the ring was full.</summary>
        public long OverflowCount => _overflowCount;

        /// <summary>Records an event; overwrites the oldest when full.</summary>
        public void Record(long atMicros, SafetyEventKind kind, int ruleIndex, SafetyAction action, CommandSource source)
        {
            lock (_lock)
            {
                int tail = (_head + _count) % _events.Length;
                if (_count == _events.Length)
                {
                    _head = (_head + 1) % _events.Length;
                    _overflowCount++;
                }
                else
                {
                    _count++;
                }

                _events[tail].AtMicros = atMicros;
                _events[tail].Kind = kind;
                _events[tail].RuleIndex = (short)ruleIndex;
                _events[tail].Action = action;
                _events[tail].Source = source;
            }
        }

        /// <summary>Takes the oldest event; false when the ring is empty.</summary>
        public bool TryTake(out SafetyEvent safetyEvent)
        {
            lock (_lock)
            {
                if (_count == 0)
                {
                    safetyEvent = default;
                    return false;
                }

                safetyEvent = _events[_head];
                _head = (_head + 1) % _events.Length;
                _count--;
                return true;
            }
        }
    }
}
