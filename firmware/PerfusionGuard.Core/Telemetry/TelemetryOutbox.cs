using System;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// Store-and-forward queue between the safety cycle (which enqueues encoded messages) and the
    /// telemetry pump (which sends them in order when the link is up). Memory is one byte array of
    /// a fixed budget plus a fixed table of entries, both allocated in the constructor: enqueueing
    /// never allocates and never blocks on the network (SAF-TEL-004).
    /// </summary>
    /// <remarks>
    /// When a message does not fit, the oldest data (or log) messages are dropped first, one by one,
    /// until it fits; alarms and events are never dropped to make room (SAF-TEL-002). If only alarms
    /// and events remain, a new data frame is refused (and counted as dropped), and an alarm or event
    /// that cannot fit is counted in <see cref="DroppedPriorityMessages"/>, which every data frame
    /// reports as <c>alarm_drops</c>; the default budget makes that need more than a hundred queued
    /// alarms and events. Every dropped data frame is added to a pending count that the next data
    /// frame reports as <c>dropped</c> (SAF-TEL-003); a data frame that is itself dropped passes the
    /// count it carried on, so the sum of <c>dropped</c> over the frames a receiver gets equals the
    /// number of data frames it never gets.
    /// Bytes are kept contiguous and in order: taking the head is O(1); dropping a data frame behind
    /// an alarm moves the bytes after it down (one Array.Copy of at most the budget).
    /// </remarks>
    public sealed class TelemetryOutbox
    {
        /// <summary>Default byte budget: about fifty adult-CPB data frames, or over a hundred alarms and events.</summary>
        public const int DefaultBudgetBytes = 32 * 1024;

        /// <summary>Default number of entries.</summary>
        public const int DefaultMaxEntries = 256;

        /// <summary>Default largest single message.</summary>
        public const int DefaultMaxMessageBytes = 2048;

        /// <summary>
        /// Byte budget on a module: about fifteen adult-CPB data frames (542 B each) or some forty alarms
        /// and events. The ESP32 has roughly 100 KB of managed heap for everything (issue 8: the core
        /// with its outbox under 32 KB), so a module rides out seconds of broker outage, not minutes;
        /// the emulator and host tools keep <see cref="DefaultBudgetBytes"/>.
        /// </summary>
        public const int DeviceBudgetBytes = 8 * 1024;

        /// <summary>Entries on a module (see <see cref="DeviceBudgetBytes"/>).</summary>
        public const int DeviceMaxEntries = 64;

        private readonly object _lock = new object();
        private readonly byte[] _bytes;
        private readonly int[] _offset;
        private readonly int[] _length;
        private readonly byte[] _topic;
        private readonly byte[] _qos;
        private readonly bool[] _retain;
        private readonly long[] _carriedDropped;
        private readonly long[] _id;
        private int _head;
        private int _count;
        private int _byteStart;
        private int _byteEnd;
        private long _nextId = 1;
        private long _inFlightId;
        private long _pendingDroppedData;
        private long _droppedDataTotal;
        private long _refusedData;
        private long _droppedLog;
        private long _droppedPriority;
        private long _enqueuedTotal;
        private long _sentTotal;

        /// <summary>Creates an outbox with the default budget.</summary>
        public TelemetryOutbox()
            : this(DefaultBudgetBytes, DefaultMaxEntries, DefaultMaxMessageBytes)
        {
        }

        /// <summary>Creates an outbox of <paramref name="budgetBytes"/> bytes and <paramref name="maxEntries"/> messages.</summary>
        public TelemetryOutbox(int budgetBytes, int maxEntries, int maxMessageBytes)
        {
            if (budgetBytes < 16 || maxEntries < 2 || maxMessageBytes < 16 || maxMessageBytes > budgetBytes)
            {
                throw new ArgumentException("telemetry outbox: budget " + budgetBytes.ToString() + " B, " + maxEntries.ToString()
                    + " entries, largest message " + maxMessageBytes.ToString() + " B is not a usable size (budget >= 16, entries >= 2, 16 <= largest <= budget)");
            }

            _bytes = new byte[budgetBytes];
            _offset = new int[maxEntries];
            _length = new int[maxEntries];
            _topic = new byte[maxEntries];
            _qos = new byte[maxEntries];
            _retain = new bool[maxEntries];
            _carriedDropped = new long[maxEntries];
            _id = new long[maxEntries];
            MaxMessageBytes = maxMessageBytes;
        }

        /// <summary>The byte budget.</summary>
        public int BudgetBytes => _bytes.Length;

        /// <summary>Largest message accepted.</summary>
        public int MaxMessageBytes { get; }

        /// <summary>Messages waiting.</summary>
        public int Count => _count;

        /// <summary>Bytes of payload waiting.</summary>
        public int UsedBytes => _byteEnd - _byteStart;

        /// <summary>Data frames dropped since start (evicted or refused).</summary>
        public long DroppedDataFrames => ReadLocked(ref _droppedDataTotal);

        /// <summary>Data frames refused because only alarms and events were left to drop.</summary>
        public long RefusedDataFrames => ReadLocked(ref _refusedData);

        /// <summary>Log messages dropped.</summary>
        public long DroppedLogMessages => ReadLocked(ref _droppedLog);

        /// <summary>
        /// Alarm and event messages that could not be stored. Must stay 0: every data frame reports it
        /// as <c>alarm_drops</c> and the pump logs it, so a non-zero value is visible everywhere.
        /// </summary>
        public long DroppedPriorityMessages => ReadLocked(ref _droppedPriority);

        /// <summary>Messages accepted since start.</summary>
        public long EnqueuedTotal => ReadLocked(ref _enqueuedTotal);

        /// <summary>Messages handed to the link since start.</summary>
        public long SentTotal => ReadLocked(ref _sentTotal);

        /// <summary>
        /// Takes the number of data frames dropped since the last call; the sampler writes it into
        /// the next frame as <c>dropped</c> and passes it back as that frame's carried count.
        /// </summary>
        public long TakeDroppedDataFrames()
        {
            lock (_lock)
            {
                long dropped = _pendingDroppedData;
                _pendingDroppedData = 0;
                return dropped;
            }
        }

        /// <summary>
        /// Stores a copy of a message. Returns false when it was not stored (see the class remarks
        /// for what is counted). Never allocates, never blocks on the network.
        /// </summary>
        /// <param name="topic">Which topic of the node.</param>
        /// <param name="qos">MQTT QoS, 0 or 1.</param>
        /// <param name="retain">MQTT retain flag.</param>
        /// <param name="payload">Buffer holding the payload.</param>
        /// <param name="offset">Start of the payload in <paramref name="payload"/>.</param>
        /// <param name="count">Payload length.</param>
        /// <param name="carriedDropped">For a data frame: the <c>dropped</c> count it reports (0 otherwise).</param>
        public bool Enqueue(TelemetryTopic topic, int qos, bool retain, byte[] payload, int offset, int count, long carriedDropped)
        {
            lock (_lock)
            {
                if (count <= MaxMessageBytes)
                {
                    while (_count == _id.Length || UsedBytes + count > _bytes.Length)
                    {
                        int victim = OldestDroppable();
                        if (victim < 0)
                        {
                            break;
                        }

                        CountDropped(victim);
                        RemoveAt(victim);
                    }
                }

                if (count > MaxMessageBytes || _count == _id.Length || UsedBytes + count > _bytes.Length)
                {
                    CountRefused(topic, carriedDropped);
                    return false;
                }

                if (_byteEnd + count > _bytes.Length)
                {
                    Compact();
                }

                int slot = (_head + _count) % _id.Length;
                Array.Copy(payload, offset, _bytes, _byteEnd, count);
                _offset[slot] = _byteEnd;
                _length[slot] = count;
                _topic[slot] = (byte)topic;
                _qos[slot] = (byte)qos;
                _retain[slot] = retain;
                _carriedDropped[slot] = carriedDropped;
                _id[slot] = _nextId++;
                _byteEnd += count;
                _count++;
                _enqueuedTotal++;
                return true;
            }
        }

        /// <summary>
        /// Copies the oldest message into <paramref name="destination"/> and marks it in flight (it
        /// will not be dropped while the pump sends it). Returns its id, or 0 when the outbox is empty.
        /// </summary>
        public long BeginSend(byte[] destination, out TelemetryTopic topic, out int qos, out bool retain, out int length)
        {
            lock (_lock)
            {
                if (_count == 0)
                {
                    topic = TelemetryTopic.Data;
                    qos = 0;
                    retain = false;
                    length = 0;
                    return 0;
                }

                int slot = _head;
                topic = (TelemetryTopic)_topic[slot];
                qos = _qos[slot];
                retain = _retain[slot];
                length = _length[slot];
                Array.Copy(_bytes, _offset[slot], destination, 0, length);
                _inFlightId = _id[slot];
                return _inFlightId;
            }
        }

        /// <summary>
        /// Ends the send of message <paramref name="id"/>: removes it when <paramref name="sent"/>,
        /// else leaves it at the head to be sent again when the link returns.
        /// </summary>
        public void EndSend(long id, bool sent)
        {
            lock (_lock)
            {
                if (_inFlightId != id)
                {
                    return;
                }

                _inFlightId = 0;
                if (sent && _count > 0 && _id[_head] == id)
                {
                    RemoveAt(0);
                    _sentTotal++;
                }
            }
        }

        // A long is two words on a 32-bit MCU: read counters under the lock so that a reader never sees a torn value.
        private long ReadLocked(ref long counter)
        {
            lock (_lock)
            {
                return counter;
            }
        }

        private static bool IsDroppable(TelemetryTopic topic) => topic == TelemetryTopic.Data || topic == TelemetryTopic.Log;

        private int OldestDroppable()
        {
            for (int k = 0; k < _count; k++)
            {
                int slot = (_head + k) % _id.Length;
                if (IsDroppable((TelemetryTopic)_topic[slot]) && _id[slot] != _inFlightId)
                {
                    return k;
                }
            }

            return -1;
        }

        private void CountDropped(int index)
        {
            int slot = (_head + index) % _id.Length;
            if ((TelemetryTopic)_topic[slot] == TelemetryTopic.Data)
            {
                _droppedDataTotal++;
                _pendingDroppedData += 1 + _carriedDropped[slot];
            }
            else
            {
                _droppedLog++;
            }
        }

        private void CountRefused(TelemetryTopic topic, long carriedDropped)
        {
            if (topic == TelemetryTopic.Data)
            {
                _droppedDataTotal++;
                _refusedData++;
                _pendingDroppedData += 1 + carriedDropped;
            }
            else if (topic == TelemetryTopic.Log)
            {
                _droppedLog++;
            }
            else
            {
                _droppedPriority++;
            }
        }

        private void RemoveAt(int index)
        {
            int slot = (_head + index) % _id.Length;
            int length = _length[slot];
            if (index == 0)
            {
                _byteStart += length;
                _head = (_head + 1) % _id.Length;
                _count--;
                if (_count == 0)
                {
                    _byteStart = 0;
                    _byteEnd = 0;
                }

                return;
            }

            int end = _offset[slot] + length;
            Array.Copy(_bytes, end, _bytes, _offset[slot], _byteEnd - end);
            _byteEnd -= length;
            for (int k = index + 1; k < _count; k++)
            {
                int from = (_head + k) % _id.Length;
                int to = (_head + k - 1) % _id.Length;
                _offset[to] = _offset[from] - length;
                _length[to] = _length[from];
                _topic[to] = _topic[from];
                _qos[to] = _qos[from];
                _retain[to] = _retain[from];
                _carriedDropped[to] = _carriedDropped[from];
                _id[to] = _id[from];
            }

            _count--;
        }

        private void Compact()
        {
            int used = UsedBytes;
            Array.Copy(_bytes, _byteStart, _bytes, 0, used);
            for (int k = 0; k < _count; k++)
            {
                int slot = (_head + k) % _id.Length;
                _offset[slot] -= _byteStart;
            }

            _byteStart = 0;
            _byteEnd = used;
        }
    }
}
