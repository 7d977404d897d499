using PerfusionGuard.Hal;
using PerfusionGuard.Integrity;

namespace PerfusionGuard.Log
{
    /// <summary>
    /// The black box: a ring of fixed-size, CRC-framed <see cref="EventRecord"/>s over an
    /// <see cref="INonVolatileStore"/> (issue 3, "Event log"). Layout of the store:
    /// <code>
    ///   0  header slot A (32 bytes)   magic "PGEL", format version, record size, capacity, boot counter, CRC-32
    ///  32  header slot B (32 bytes)   the same; each open writes the slot NOT holding the newest boot counter
    ///  64  record slots, capacity × 48 bytes; sequence s lives in slot (s - 1) mod capacity
    /// </code>
    /// Power-loss safety (SAF-LOG-002): a record is written body first, flushed, then its CRC, then
    /// flushed again, so it becomes valid only once complete, and only its own slot is touched:
    /// earlier records are never at risk. The header is double-buffered the same way, so a cut while
    /// the boot counter is written leaves the previous header valid. On <see cref="Open"/> the log
    /// scans every slot and resumes after the newest valid sequence, which also finds the write
    /// position after the ring has wrapped (SAF-LOG-003).
    /// <para>Appending allocates nothing (preallocated record buffer, SAF-LOG-005). Writing to
    /// flash takes milliseconds: append from the event recorder's thread, never from the safety
    /// cycle. Thread-safe.</para>
    /// </summary>
    public sealed class EventLog
    {
        /// <summary>On-store format version (header and record layout).</summary>
        public const int FormatVersion = 1;

        /// <summary>Default number of records kept (commercial devices keep at least 1000; issue 3).</summary>
        public const int DefaultCapacity = 1000;

        /// <summary>Bytes of one header slot.</summary>
        public const int HeaderSlotBytes = 32;

        /// <summary>Address of the first record slot.</summary>
        public const int RecordsAddress = 2 * HeaderSlotBytes;

        private const uint HeaderMagic = 0x4C454750; // "PGEL" little-endian
        private const uint RecordMarker = 0x31474C50; // "PLG1" little-endian
        private const int RecordCrcOffset = EventRecord.SizeBytes - 4;
        private const int HeaderCrcOffset = HeaderSlotBytes - 4;

        private readonly INonVolatileStore _store;
        private readonly int _capacity;
        private readonly byte[] _writeBuffer = new byte[EventRecord.SizeBytes];
        private readonly byte[] _readBuffer = new byte[EventRecord.SizeBytes];
        private readonly byte[] _header = new byte[HeaderSlotBytes];
        private readonly object _lock = new object();
        private EventRecord _record;
        private bool _open;
        private uint _bootCounter;
        private uint _newestSequence;
        private long _writeFailures;
        private bool _utcKnown;
        private long _utcReferenceMillis;
        private long _utcReferenceUptimeMicros;
        private string _openError = "";
        private bool _formattedAtOpen;
        private int _validAtOpen;
        private uint _newestAtOpen;

        /// <summary>
        /// Creates a log of <paramref name="capacityRecords"/> records over <paramref name="store"/>.
        /// Throws when the store is too small, saying how many bytes are needed.
        /// </summary>
        public EventLog(INonVolatileStore store, int capacityRecords = DefaultCapacity)
        {
            _store = store ?? throw new System.ArgumentNullException(nameof(store), "event log: a non-volatile store is required");
            if (capacityRecords < 2)
            {
                throw new System.ArgumentOutOfRangeException(nameof(capacityRecords), "event log: capacity must be at least 2 records");
            }

            int needed = RequiredBytes(capacityRecords);
            if (store.SizeBytes < needed)
            {
                throw new System.ArgumentException(
                    "event log: " + capacityRecords + " records need " + needed + " bytes of non-volatile store but it has " + store.SizeBytes,
                    nameof(store));
            }

            _capacity = capacityRecords;
        }

        /// <summary>Store bytes needed for <paramref name="capacityRecords"/> records.</summary>
        public static int RequiredBytes(int capacityRecords) => RecordsAddress + capacityRecords * EventRecord.SizeBytes;

        /// <summary>Records the ring holds before the oldest is overwritten.</summary>
        public int Capacity => _capacity;

        /// <summary>True after a successful <see cref="Open"/>.</summary>
        public bool IsOpen => _open;

        /// <summary>Why the last <see cref="Open"/> failed; empty when it succeeded.</summary>
        public string OpenError => _openError;

        /// <summary>Power-ups counted by the log, this one included (persisted; incremented per open).</summary>
        public uint BootCounter => _bootCounter;

        /// <summary>Sequence number of the newest valid record; 0 when the log is empty.</summary>
        public uint NewestSequence => _newestSequence;

        /// <summary>Records in the readable window: min(newest sequence, capacity).</summary>
        public int Count => _newestSequence < (uint)_capacity ? (int)_newestSequence : _capacity;

        /// <summary>Appends that failed because the store threw.</summary>
        public long WriteFailures => _writeFailures;

        /// <summary>True when the last open found no valid header (or another geometry) and formatted the store.</summary>
        public bool FormattedAtOpen => _formattedAtOpen;

        /// <summary>The newest valid sequence the last open's scan found, before it appended its boot record.</summary>
        public uint NewestSequenceAtOpen => _newestAtOpen;

        /// <summary>Valid records the last open found.</summary>
        public int ValidRecordsAtOpen => _validAtOpen;

        /// <summary>
        /// Tells the log the wall-clock time: <paramref name="utcMillis"/> was the UTC time at
        /// <paramref name="atUptimeMicros"/> (after an SNTP sync). Records carry UTC from then on.
        /// </summary>
        public void SetUtcReference(long utcMillis, long atUptimeMicros)
        {
            lock (_lock)
            {
                _utcReferenceMillis = utcMillis;
                _utcReferenceUptimeMicros = atUptimeMicros;
                _utcKnown = true;
            }
        }

        /// <summary>UTC milliseconds at <paramref name="uptimeMicros"/>, 0 when the time is not known.</summary>
        public long UtcMillisAt(long uptimeMicros)
        {
            if (!_utcKnown)
            {
                return 0;
            }

            return _utcReferenceMillis + (uptimeMicros - _utcReferenceUptimeMicros) / 1000;
        }

        /// <summary>
        /// Opens the log: picks the valid header with the newest boot counter (formatting the store
        /// when there is none), writes the incremented boot counter into the other header slot, scans
        /// every record slot for the newest valid sequence, and appends a <see cref="EventKind.Boot"/>
        /// record (preceded by <see cref="EventKind.LogFormatted"/> when it formatted the store). False, with <see cref="OpenError"/>, when the store fails.
        /// </summary>
        public bool Open(long nowMicros)
        {
            lock (_lock)
            {
                _open = false;
                _openError = "";
                _formattedAtOpen = false;
                try
                {
                    uint previousNewest = OpenLocked();
                    _open = true;
                    if (_formattedAtOpen)
                    {
                        AppendLocked(nowMicros, EventKind.LogFormatted, -1, 0, _capacity, 0, EventRecord.NoSource);
                    }

                    AppendLocked(nowMicros, EventKind.Boot, -1, (int)previousNewest, FormatVersion, _capacity, EventRecord.NoSource);

                    return true;
                }
                catch (System.Exception ex)
                {
                    _open = false;
                    _openError = "event log: store failed while opening: " + ex.Message;
                    return false;
                }
            }
        }

        /// <summary>
        /// Appends one record stamped with the next sequence number, the boot counter, and UTC when
        /// known. False when the log is not open or the store failed (counted in
        /// <see cref="WriteFailures"/>). Allocates nothing.
        /// </summary>
        public bool Append(long uptimeMicros, EventKind kind, int subject, int oldValue, int newValue, int auxValue, byte source)
        {
            lock (_lock)
            {
                if (!_open)
                {
                    return false;
                }

                try
                {
                    AppendLocked(uptimeMicros, kind, subject, oldValue, newValue, auxValue, source);
                    return true;
                }
                catch (System.Exception)
                {
                    _writeFailures++;
                    return false;
                }
            }
        }

        /// <summary>
        /// Reads the record <paramref name="newestFirstIndex"/> places before the newest (0 = newest).
        /// False when the index is outside the window or the slot does not hold that valid record
        /// (corrupted since it was written).
        /// </summary>
        public bool TryReadNewest(int newestFirstIndex, out EventRecord record)
        {
            lock (_lock)
            {
                record = default;
                if (!_open || newestFirstIndex < 0 || newestFirstIndex >= Count)
                {
                    return false;
                }

                uint sequence = _newestSequence - (uint)newestFirstIndex;
                int slot = SlotOf(sequence);
                _store.Read(SlotAddress(slot), _readBuffer, 0, EventRecord.SizeBytes);
                if (!IsValidRecord(_readBuffer, slot))
                {
                    return false;
                }

                Decode(_readBuffer, out record);
                return record.Sequence == sequence;
            }
        }

        private uint OpenLocked()
        {
            bool aValid = ReadHeaderSlot(0, out uint bootA, out bool aForeign);
            bool bValid = ReadHeaderSlot(1, out uint bootB, out bool bForeign);
            uint previousBoot;
            int targetSlot;
            if (!aValid && !bValid)
            {
                // No usable header: a blank store, another format or another geometry. Start over,
                // keeping the boot count if a header of another geometry told us one.
                previousBoot = aForeign || bForeign ? (bootA > bootB ? bootA : bootB) : 0;
                FormatRecordsLocked();
                _formattedAtOpen = true;
                targetSlot = 0;
            }
            else if (aValid && (!bValid || bootA >= bootB))
            {
                previousBoot = bootA;
                targetSlot = 1;
            }
            else
            {
                previousBoot = bootB;
                targetSlot = 0;
            }

            _bootCounter = previousBoot + 1;
            WriteHeaderSlot(targetSlot, _bootCounter);

            // Scan every slot: the newest valid sequence decides where the ring resumes.
            uint newest = 0;
            int valid = 0;
            for (int slot = 0; slot < _capacity; slot++)
            {
                _store.Read(SlotAddress(slot), _readBuffer, 0, EventRecord.SizeBytes);
                if (!IsValidRecord(_readBuffer, slot))
                {
                    continue;
                }

                valid++;
                uint sequence = LittleEndian.ReadU32(_readBuffer, 0);
                if (sequence > newest)
                {
                    newest = sequence;
                }
            }

            _newestSequence = newest;
            _newestAtOpen = newest;
            _validAtOpen = valid;
            return newest;
        }

        private void AppendLocked(long uptimeMicros, EventKind kind, int subject, int oldValue, int newValue, int auxValue, byte source)
        {
            uint sequence = _newestSequence + 1;
            _record.Sequence = sequence;
            _record.BootCounter = _bootCounter;
            _record.UptimeMicros = uptimeMicros;
            _record.UtcMillis = UtcMillisAt(uptimeMicros);
            _record.Kind = kind;
            _record.Source = source;
            _record.Subject = (short)subject;
            _record.OldValue = oldValue;
            _record.NewValue = newValue;
            _record.AuxValue = auxValue;
            Encode(ref _record, _writeBuffer);

            int address = SlotAddress(SlotOf(sequence));

            // Body first, durable; then the CRC that makes it valid (SAF-LOG-002).
            _store.Write(address, _writeBuffer, 0, RecordCrcOffset);
            _store.Flush();
            _store.Write(address + RecordCrcOffset, _writeBuffer, RecordCrcOffset, 4);
            _store.Flush();
            _newestSequence = sequence;
        }

        private void FormatRecordsLocked()
        {
            for (int i = 0; i < EventRecord.SizeBytes; i++)
            {
                _writeBuffer[i] = 0;
            }

            for (int slot = 0; slot < _capacity; slot++)
            {
                _store.Write(SlotAddress(slot), _writeBuffer, 0, EventRecord.SizeBytes);
            }

            // The header is written only after this: a cut while formatting leaves no valid header
            // of this geometry, so the next open formats again.
            _store.Flush();
        }

        private bool ReadHeaderSlot(int slot, out uint bootCounter, out bool foreignGeometry)
        {
            _store.Read(slot * HeaderSlotBytes, _header, 0, HeaderSlotBytes);
            bootCounter = 0;
            foreignGeometry = false;
            if (LittleEndian.ReadU32(_header, 0) != HeaderMagic || Crc32.Compute(_header, 0, HeaderCrcOffset) != LittleEndian.ReadU32(_header, HeaderCrcOffset))
            {
                return false;
            }

            bootCounter = LittleEndian.ReadU32(_header, 12);
            bool sameGeometry = LittleEndian.ReadU16(_header, 4) == FormatVersion && LittleEndian.ReadU16(_header, 6) == EventRecord.SizeBytes
                && LittleEndian.ReadU32(_header, 8) == (uint)_capacity;
            foreignGeometry = !sameGeometry;
            return sameGeometry;
        }

        private void WriteHeaderSlot(int slot, uint bootCounter)
        {
            for (int i = 0; i < HeaderSlotBytes; i++)
            {
                _header[i] = 0;
            }

            LittleEndian.WriteU32(_header, 0, HeaderMagic);
            LittleEndian.WriteU16(_header, 4, FormatVersion);
            LittleEndian.WriteU16(_header, 6, EventRecord.SizeBytes);
            LittleEndian.WriteU32(_header, 8, (uint)_capacity);
            LittleEndian.WriteU32(_header, 12, bootCounter);
            LittleEndian.WriteU32(_header, HeaderCrcOffset, Crc32.Compute(_header, 0, HeaderCrcOffset));
            int address = slot * HeaderSlotBytes;
            _store.Write(address, _header, 0, HeaderCrcOffset);
            _store.Flush();
            _store.Write(address + HeaderCrcOffset, _header, HeaderCrcOffset, 4);
            _store.Flush();
        }

        private int SlotOf(uint sequence) => (int)((sequence - 1) % (uint)_capacity);

        private static int SlotAddress(int slot) => RecordsAddress + slot * EventRecord.SizeBytes;

        private static bool IsValidRecord(byte[] buffer, int slot, int capacity)
        {
            uint sequence = LittleEndian.ReadU32(buffer, 0);
            return sequence != 0
                && LittleEndian.ReadU32(buffer, 40) == RecordMarker
                && Crc32.Compute(buffer, 0, RecordCrcOffset) == LittleEndian.ReadU32(buffer, RecordCrcOffset)
                && (int)((sequence - 1) % (uint)capacity) == slot;
        }

        private bool IsValidRecord(byte[] buffer, int slot) => IsValidRecord(buffer, slot, _capacity);

        /// <summary>
        /// Decodes the record slot <paramref name="slot"/> of a raw image (48 bytes at
        /// <paramref name="buffer"/>) of a log of <paramref name="capacity"/> records: true only when the
        /// slot holds a complete, valid record that belongs there. For host tools reading a flash dump
        /// and for the power-cut proof.
        /// </summary>
        public static bool TryDecode(byte[] buffer, int slot, int capacity, out EventRecord record)
        {
            if (!IsValidRecord(buffer, slot, capacity))
            {
                record = default;
                return false;
            }

            Decode(buffer, out record);
            return true;
        }

        /// <summary>Encodes <paramref name="record"/> with its marker and CRC into 48 bytes.</summary>
        public static void Encode(ref EventRecord record, byte[] buffer)
        {
            LittleEndian.WriteU32(buffer, 0, record.Sequence);
            LittleEndian.WriteU32(buffer, 4, record.BootCounter);
            LittleEndian.WriteU64(buffer, 8, (ulong)record.UptimeMicros);
            LittleEndian.WriteU64(buffer, 16, (ulong)record.UtcMillis);
            buffer[24] = (byte)record.Kind;
            buffer[25] = record.Source;
            LittleEndian.WriteU16(buffer, 26, (ushort)record.Subject);
            LittleEndian.WriteU32(buffer, 28, (uint)record.OldValue);
            LittleEndian.WriteU32(buffer, 32, (uint)record.NewValue);
            LittleEndian.WriteU32(buffer, 36, (uint)record.AuxValue);
            LittleEndian.WriteU32(buffer, 40, RecordMarker);
            LittleEndian.WriteU32(buffer, RecordCrcOffset, Crc32.Compute(buffer, 0, RecordCrcOffset));
        }

        /// <summary>Decodes 48 bytes (CRC not checked here).</summary>
        public static void Decode(byte[] buffer, out EventRecord record)
        {
            record.Sequence = LittleEndian.ReadU32(buffer, 0);
            record.BootCounter = LittleEndian.ReadU32(buffer, 4);
            record.UptimeMicros = (long)LittleEndian.ReadU64(buffer, 8);
            record.UtcMillis = (long)LittleEndian.ReadU64(buffer, 16);
            record.Kind = (EventKind)buffer[24];
            record.Source = buffer[25];
            record.Subject = (short)LittleEndian.ReadU16(buffer, 26);
            record.OldValue = (int)LittleEndian.ReadU32(buffer, 28);
            record.NewValue = (int)LittleEndian.ReadU32(buffer, 32);
            record.AuxValue = (int)LittleEndian.ReadU32(buffer, 36);
        }
    }
}
