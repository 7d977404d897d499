using PerfusionGuard.Hal;

namespace PerfusionGuard.Integrity
{
    /// <summary>Checks the payload of a record whose frame (marker, CRC, version, shape) is intact.</summary>
    public interface IRecordPayloadCheck
    {
        /// <summary>Null when the payload at <paramref name="offset"/> of <paramref name="record"/> is acceptable, else what is wrong with it.</summary>
        string ProblemOf(byte[] record, int offset);
    }

    /// <summary>
    /// One small record kept in two slots, A and B, of a non-volatile store, so that a power cut at
    /// any byte of a save never loses the last good copy: a save writes the slot that does NOT hold
    /// the newest valid record, flushes and reads it back; a load takes the valid record with the
    /// highest sequence number (compared with wrap-around). A torn save can only damage the older
    /// copy. Used by the calibration store (SAF-CHN-014) and the console's login record
    /// (SAF-CON-013); the event log's header follows the same idea with a layout of its own.
    /// </summary>
    /// <remarks>
    /// Frame (little-endian): magic (4) · format version u16 · shape u16 (what the payload holds, e.g.
    /// a channel count) · sequence u32 · payload · CRC-32 (IEEE) of all preceding bytes. The caller
    /// encodes the payload into <see cref="Buffer"/> at <see cref="PayloadOffset"/> before
    /// <see cref="Save"/> and decodes it from there after <see cref="TryLoad"/>. Buffers are
    /// allocated once; loading and saving still belong off the safety cycle (flash takes milliseconds).
    /// </remarks>
    public sealed class DoubleBufferedRecord
    {
        /// <summary>Bytes before the payload: magic, version, shape, sequence.</summary>
        public const int HeaderBytes = 12;

        /// <summary>Bytes of the CRC-32 after the payload.</summary>
        public const int CrcBytes = 4;

        /// <summary>What <see cref="TryLoad"/> says about a slot that was never written (all bytes 0xFF or 0x00).</summary>
        public const string EmptyProblem = "empty";

        private readonly INonVolatileStore _store;
        private readonly int _baseAddress;
        private readonly int _slotBytes;
        private readonly uint _magic;
        private readonly ushort _formatVersion;
        private readonly ushort _shape;
        private readonly string _shapeUnit;
        private readonly IRecordPayloadCheck _check;
        private readonly string _owner;
        private readonly byte[] _buffer;
        private readonly byte[] _scratch;

        /// <summary>
        /// A record of <paramref name="payloadBytes"/> in two slots of <paramref name="slotBytes"/> from
        /// <paramref name="baseAddress"/> of <paramref name="store"/>. <paramref name="owner"/> starts every
        /// message ("calibration store"); <paramref name="shapeUnit"/> names what <paramref name="shape"/>
        /// counts ("channels"); <paramref name="check"/> may be null. Throws when the store is too small.
        /// </summary>
        public DoubleBufferedRecord(INonVolatileStore store, int baseAddress, int slotBytes, uint magic, ushort formatVersion,
            ushort shape, string shapeUnit, int payloadBytes, IRecordPayloadCheck check, string owner)
        {
            if (store == null)
            {
                throw new System.ArgumentNullException("store", owner + ": no non-volatile store given");
            }

            int recordBytes = HeaderBytes + payloadBytes + CrcBytes;
            if (payloadBytes < 0 || recordBytes > slotBytes)
            {
                throw new System.ArgumentOutOfRangeException("slotBytes", owner + ": a record of " + recordBytes.ToString()
                    + " bytes does not fit a slot of " + slotBytes.ToString());
            }

            if (baseAddress < 0 || baseAddress + 2 * slotBytes > store.SizeBytes)
            {
                throw new System.ArgumentOutOfRangeException("baseAddress",
                    owner + ": needs " + (2 * slotBytes).ToString() + " bytes from address " + baseAddress.ToString()
                    + " but the non-volatile store holds " + store.SizeBytes.ToString());
            }

            _store = store;
            _baseAddress = baseAddress;
            _slotBytes = slotBytes;
            _magic = magic;
            _formatVersion = formatVersion;
            _shape = shape;
            _shapeUnit = shapeUnit;
            _check = check;
            _owner = owner;
            _buffer = new byte[recordBytes];
            _scratch = new byte[recordBytes];
        }

        /// <summary>Bytes of one record (header, payload, CRC).</summary>
        public int RecordBytes => _buffer.Length;

        /// <summary>Bytes of the store the two slots take from the base address.</summary>
        public int RequiredBytes => 2 * _slotBytes;

        /// <summary>Where the payload starts in <see cref="Buffer"/>.</summary>
        public int PayloadOffset => HeaderBytes;

        /// <summary>The record: encode the payload here before <see cref="Save"/>, decode it after <see cref="TryLoad"/>.</summary>
        public byte[] Buffer => _buffer;

        /// <summary>Sequence number of the record loaded or saved last (0 before any).</summary>
        public uint Sequence { get; private set; }

        /// <summary>Slot of the record loaded or saved last: 'A', 'B', or '-' before any.</summary>
        public char CurrentSlot { get; private set; } = '-';

        /// <summary>A note on the last load when it succeeded despite a damaged slot, otherwise null.</summary>
        public string LastLoadNote { get; private set; }

        /// <summary>True when the last <see cref="TryLoad"/> found both slots never written (as opposed to damaged).</summary>
        public bool LastLoadFoundBothEmpty { get; private set; }

        /// <summary>
        /// Loads the newest valid record into <see cref="Buffer"/>. False, with a message that says
        /// what is wrong with each slot, when neither slot holds a valid record.
        /// </summary>
        public bool TryLoad(out string error)
        {
            LastLoadNote = null;
            uint seqA, seqB;
            string problemA = ReadSlot(0, _buffer, out seqA);
            string problemB = ReadSlot(1, _buffer, out seqB);
            LastLoadFoundBothEmpty = problemA == EmptyProblem && problemB == EmptyProblem;
            int newest = Newest(problemA == null, seqA, problemB == null, seqB);
            if (newest < 0)
            {
                error = _owner + ": no valid record (slot A: " + problemA + "; slot B: " + problemB + ")";
                return false;
            }

            uint sequence;
            ReadSlot(newest, _buffer, out sequence);
            Sequence = sequence;
            CurrentSlot = newest == 0 ? 'A' : 'B';
            string otherProblem = newest == 0 ? problemB : problemA;
            if (otherProblem != null && otherProblem != EmptyProblem)
            {
                LastLoadNote = _owner + ": loaded slot " + CurrentSlot.ToString() + " (sequence " + sequence.ToString()
                    + "); the other slot is damaged (" + otherProblem + ")";
            }

            error = null;
            return true;
        }

        /// <summary>
        /// Writes the payload in <see cref="Buffer"/> as the newest record into the slot that does not
        /// hold the current newest valid record, flushes and reads it back. Throws when the read-back
        /// differs (worn or failing memory) or the store throws; the other slot is untouched either way.
        /// </summary>
        public void Save()
        {
            uint seqA, seqB;
            bool validA = ReadSlot(0, _scratch, out seqA) == null;
            bool validB = ReadSlot(1, _scratch, out seqB) == null;
            int newest = Newest(validA, seqA, validB, seqB);
            int target = newest == 0 ? 1 : 0;
            uint sequence = newest < 0 ? 1u : (newest == 0 ? seqA : seqB) + 1u;

            LittleEndian.WriteU32(_buffer, 0, _magic);
            LittleEndian.WriteU16(_buffer, 4, _formatVersion);
            LittleEndian.WriteU16(_buffer, 6, _shape);
            LittleEndian.WriteU32(_buffer, 8, sequence);
            int crcAt = _buffer.Length - CrcBytes;
            LittleEndian.WriteU32(_buffer, crcAt, Crc32.Compute(_buffer, 0, crcAt));

            int address = SlotAddress(target);
            _store.Write(address, _buffer, 0, _buffer.Length);
            _store.Flush();

            _store.Read(address, _scratch, 0, _scratch.Length);
            for (int i = 0; i < _buffer.Length; i++)
            {
                if (_scratch[i] != _buffer[i])
                {
                    throw new System.InvalidOperationException(_owner + ": slot " + (target == 0 ? "A" : "B") + " reads back differently at byte "
                        + i.ToString() + " after writing; non-volatile memory failing, the previous record is kept in the other slot");
                }
            }

            Sequence = sequence;
            CurrentSlot = target == 0 ? 'A' : 'B';
        }

        private int SlotAddress(int slot) => _baseAddress + slot * _slotBytes;

        /// <summary>Slot index of the newer valid record, -1 when none is valid. Sequence numbers compare with wrap-around.</summary>
        private static int Newest(bool validA, uint seqA, bool validB, uint seqB)
        {
            if (validA && validB)
            {
                return (int)(seqB - seqA) > 0 ? 1 : 0;
            }

            return validA ? 0 : validB ? 1 : -1;
        }

        /// <summary>Reads a slot into <paramref name="into"/> and validates it; null when valid, else what is wrong.</summary>
        private string ReadSlot(int slot, byte[] into, out uint sequence)
        {
            sequence = 0;
            int length = into.Length;
            _store.Read(SlotAddress(slot), into, 0, length);
            if (LittleEndian.ReadU32(into, 0) != _magic)
            {
                for (int i = 0; i < length; i++)
                {
                    if (into[i] != 0xFF && into[i] != 0x00)
                    {
                        return "no record marker";
                    }
                }

                return EmptyProblem;
            }

            int crcAt = length - CrcBytes;
            if (Crc32.Compute(into, 0, crcAt) != LittleEndian.ReadU32(into, crcAt))
            {
                return "CRC mismatch (torn or corrupted write)";
            }

            ushort version = LittleEndian.ReadU16(into, 4);
            if (version != _formatVersion)
            {
                return "format version " + version.ToString() + ", this firmware reads " + _formatVersion.ToString();
            }

            ushort shape = LittleEndian.ReadU16(into, 6);
            if (shape != _shape)
            {
                return "record holds " + shape.ToString() + " " + _shapeUnit + ", this firmware has " + _shape.ToString();
            }

            if (_check != null)
            {
                string problem = _check.ProblemOf(into, HeaderBytes);
                if (problem != null)
                {
                    return problem;
                }
            }

            sequence = LittleEndian.ReadU32(into, 8);
            return null;
        }
    }
}
