using PerfusionGuard.Handoff;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// The data frames the safety cycle hands to the telemetry thread: a few preallocated
    /// <see cref="DataFrameSample"/> slots with one producer (the cycle) and one consumer (the
    /// telemetry thread), without a lock (SAF-CYC-005, <see cref="SpscRingIndex"/>). The safety cycle
    /// thus never touches the outbox, whose lock the telemetry thread holds while it copies and the
    /// console while it reads counters. A slot is filled, then published; the consumer encodes it,
    /// then frees it, so neither side ever reads a slot the other is writing. When every slot still
    /// waits (the telemetry thread is late, for example blocked on a QoS 1 publish), the new frame is
    /// refused and counted: the producer adds it to the next frame's <c>dropped</c> (SAF-TEL-003).
    /// </summary>
    public sealed class DataFrameHandoff
    {
        /// <summary>Default number of slots: four periods of data frames while the telemetry thread is busy.</summary>
        public const int DefaultSlots = 4;

        private readonly DataFrameSample[] _slots;
        private readonly SpscRingIndex _index;
        private int _writeSlot = -1;
        private int _readSlot = -1;

        /// <summary>A handoff of <paramref name="slots"/> samples of <paramref name="channelCount"/> channels each (allocated now).</summary>
        public DataFrameHandoff(int slots, int channelCount)
        {
            _index = new SpscRingIndex(slots);
            _slots = new DataFrameSample[slots];
            for (int i = 0; i < slots; i++)
            {
                _slots[i] = new DataFrameSample(channelCount);
            }
        }

        /// <summary>Number of slots.</summary>
        public int Slots => _index.Capacity;

        /// <summary>Samples waiting for the telemetry thread.</summary>
        public int Count => _index.Count;

        /// <summary>Frames refused because every slot was waiting.</summary>
        public long Refused => _index.Overflows;

        /// <summary>Safety thread: a free slot to fill, or null when every slot waits (the frame is refused and counted). Never waits.</summary>
        public DataFrameSample TryBeginWrite()
        {
            _writeSlot = _index.BeginWrite(false);
            return _writeSlot < 0 ? null : _slots[_writeSlot];
        }

        /// <summary>Safety thread: hands the slot filled since <see cref="TryBeginWrite"/> to the telemetry thread.</summary>
        public void Publish()
        {
            if (_writeSlot >= 0)
            {
                _writeSlot = -1;
                _index.EndWrite();
            }
        }

        /// <summary>Telemetry thread: the oldest waiting sample, or null; read it, then <see cref="Release"/> it.</summary>
        public DataFrameSample Oldest()
        {
            _readSlot = _index.BeginRead();
            return _readSlot < 0 ? null : _slots[_readSlot];
        }

        /// <summary>Telemetry thread: frees the sample returned by <see cref="Oldest"/> for the safety cycle.</summary>
        public void Release()
        {
            if (_readSlot >= 0)
            {
                _readSlot = -1;
                // Nobody else moves the head of a ring that refuses instead of overwriting: this succeeds.
                _index.EndRead();
            }
        }
    }
}
