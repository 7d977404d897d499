using PerfusionGuard.Hal;
using PerfusionGuard.Integrity;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Persists a <see cref="CalibrationSet"/> in non-volatile memory so that a power cut never
    /// loses the last good calibration (SAF-CHN-014). Two slots, A and B, each hold a versioned
    /// record framed by a CRC-32; a save writes the slot that does NOT hold the newest valid
    /// record, so a torn write can only damage the older copy, and a load takes the valid record
    /// with the highest sequence number.
    /// </summary>
    /// <remarks>
    /// Record layout (little-endian): "PGCL" magic (4) · format version u16 · channel count u16 ·
    /// sequence u32 · per channel: zero offset f64, span f64 · CRC-32 (IEEE) of all preceding bytes.
    /// Loading and saving run off the safety cycle; buffers are preallocated all the same.
    /// </remarks>
    public sealed class CalibrationStore
    {
        /// <summary>Format version written by this firmware.</summary>
        public const ushort FormatVersion = 1;

        /// <summary>Bytes of one record.</summary>
        public const int RecordBytes = 12 + ChannelNames.Count * 16 + 4;

        /// <summary>Bytes reserved per slot (the record rounded up).</summary>
        public const int SlotBytes = 256;

        /// <summary>Bytes of non-volatile memory the store needs from its base address.</summary>
        public const int RequiredBytes = 2 * SlotBytes;

        private const int HeaderBytes = 12;
        private static readonly byte[] s_magic = { (byte)'P', (byte)'G', (byte)'C', (byte)'L' };

        private readonly INonVolatileStore _store;
        private readonly int _baseAddress;
        private readonly byte[] _buffer = new byte[RecordBytes];
        private readonly byte[] _verify = new byte[RecordBytes];

        /// <summary>A store over the first <see cref="RequiredBytes"/> of <paramref name="store"/>.</summary>
        public CalibrationStore(INonVolatileStore store)
            : this(store, 0)
        {
        }

        /// <summary>A store over <see cref="RequiredBytes"/> of <paramref name="store"/> from <paramref name="baseAddress"/>.</summary>
        public CalibrationStore(INonVolatileStore store, int baseAddress)
        {
            if (store == null)
            {
                throw new System.ArgumentNullException("store", "calibration store: no non-volatile store given");
            }

            if (baseAddress < 0 || baseAddress + RequiredBytes > store.SizeBytes)
            {
                throw new System.ArgumentOutOfRangeException("baseAddress",
                    "calibration store: needs " + RequiredBytes.ToString() + " bytes from address " + baseAddress.ToString()
                    + " but the non-volatile store holds " + store.SizeBytes.ToString());
            }

            _store = store;
            _baseAddress = baseAddress;
        }

        /// <summary>Sequence number of the record loaded or saved last (0 before any).</summary>
        public uint Sequence { get; private set; }

        /// <summary>Slot of the record loaded or saved last: 'A', 'B', or '-' before any.</summary>
        public char CurrentSlot { get; private set; } = '-';

        /// <summary>
        /// A note on the last load when it succeeded despite a damaged slot (for the event log),
        /// otherwise null.
        /// </summary>
        public string LastLoadNote { get; private set; }

        /// <summary>
        /// Loads the newest valid record into <paramref name="into"/>. False, with a message that
        /// says what is wrong with each slot, when neither slot holds a valid record; then
        /// <paramref name="into"/> is left unchanged.
        /// </summary>
        public bool TryLoad(CalibrationSet into, out string error)
        {
            LastLoadNote = null;
            uint seqA, seqB;
            string problemA = ReadSlot(0, out seqA);
            string problemB = ReadSlot(1, out seqB);
            int newest = Newest(problemA == null, seqA, problemB == null, seqB);
            if (newest < 0)
            {
                error = "calibration store: no valid record (slot A: " + problemA + "; slot B: " + problemB + ")";
                return false;
            }

            ReadSlot(newest, out uint sequence);
            Decode(into);
            Sequence = sequence;
            CurrentSlot = newest == 0 ? 'A' : 'B';
            string otherProblem = newest == 0 ? problemB : problemA;
            if (otherProblem != null && otherProblem != EmptyProblem)
            {
                LastLoadNote = "calibration store: loaded slot " + CurrentSlot.ToString() + " (sequence " + sequence.ToString()
                    + "); the other slot is damaged (" + otherProblem + ")";
            }

            error = null;
            return true;
        }

        /// <summary>
        /// Writes <paramref name="set"/> as the newest record into the slot that does not hold the
        /// current newest valid record, flushes and reads it back. Throws when a value is not
        /// finite or the read-back differs (worn or failing memory).
        /// </summary>
        public void Save(CalibrationSet set)
        {
            if (set == null)
            {
                throw new System.ArgumentNullException("set", "calibration store: no calibration set given");
            }

            for (int i = 0; i < ChannelNames.Count; i++)
            {
                ChannelId id = (ChannelId)i;
                if (!PressureCalibration.IsFinite(set.ZeroOffsetCountsOf(id)) || !PressureCalibration.IsFinite(set.SpanCountsPerUnitOf(id)))
                {
                    throw new System.ArgumentException("calibration store: channel " + ChannelNames.NameOf(id) + " has a non-finite zero or span; not saved", "set");
                }
            }

            uint seqA, seqB;
            bool validA = ReadSlot(0, out seqA) == null;
            bool validB = ReadSlot(1, out seqB) == null;
            int newest = Newest(validA, seqA, validB, seqB);
            int target = newest == 0 ? 1 : 0;
            uint sequence = newest < 0 ? 1u : (newest == 0 ? seqA : seqB) + 1u;

            Encode(set, sequence);
            int address = SlotAddress(target);
            _store.Write(address, _buffer, 0, RecordBytes);
            _store.Flush();

            _store.Read(address, _verify, 0, RecordBytes);
            for (int i = 0; i < RecordBytes; i++)
            {
                if (_verify[i] != _buffer[i])
                {
                    throw new System.InvalidOperationException("calibration store: slot " + (target == 0 ? "A" : "B") + " reads back differently at byte "
                        + i.ToString() + " after writing; non-volatile memory failing, previous calibration kept in the other slot");
                }
            }

            Sequence = sequence;
            CurrentSlot = target == 0 ? 'A' : 'B';
        }

        private const string EmptyProblem = "empty";

        private int SlotAddress(int slot) => _baseAddress + slot * SlotBytes;

        /// <summary>Slot index of the newer valid record, -1 when none is valid. Sequence numbers compare with wrap-around.</summary>
        private static int Newest(bool validA, uint seqA, bool validB, uint seqB)
        {
            if (validA && validB)
            {
                return (int)(seqB - seqA) > 0 ? 1 : 0;
            }

            return validA ? 0 : validB ? 1 : -1;
        }

        /// <summary>Reads a slot into the buffer and validates it; null when valid, else what is wrong.</summary>
        private string ReadSlot(int slot, out uint sequence)
        {
            sequence = 0;
            _store.Read(SlotAddress(slot), _buffer, 0, RecordBytes);
            bool magic = true;
            bool erased = true;
            for (int i = 0; i < RecordBytes; i++)
            {
                if (_buffer[i] != 0xFF && _buffer[i] != 0x00)
                {
                    erased = false;
                    break;
                }
            }

            for (int i = 0; i < 4; i++)
            {
                if (_buffer[i] != s_magic[i])
                {
                    magic = false;
                }
            }

            if (!magic)
            {
                return erased ? EmptyProblem : "no record marker";
            }

            uint storedCrc = ReadU32(RecordBytes - 4);
            if (Crc32.Compute(_buffer, 0, RecordBytes - 4) != storedCrc)
            {
                return "CRC mismatch (torn or corrupted write)";
            }

            ushort version = ReadU16(4);
            if (version != FormatVersion)
            {
                return "format version " + version.ToString() + ", this firmware reads " + FormatVersion.ToString();
            }

            ushort channels = ReadU16(6);
            if (channels != ChannelNames.Count)
            {
                return "record holds " + channels.ToString() + " channels, this firmware has " + ChannelNames.Count.ToString();
            }

            for (int i = 0; i < ChannelNames.Count * 2; i++)
            {
                if (!PressureCalibration.IsFinite(ReadDouble(HeaderBytes + i * 8)))
                {
                    return "non-finite value for channel " + ChannelNames.NameOf((ChannelId)(i / 2));
                }
            }

            sequence = ReadU32(8);
            return null;
        }

        private void Decode(CalibrationSet into)
        {
            for (int i = 0; i < ChannelNames.Count; i++)
            {
                into.SetRaw((ChannelId)i, ReadDouble(HeaderBytes + i * 16), ReadDouble(HeaderBytes + i * 16 + 8));
            }
        }

        private void Encode(CalibrationSet set, uint sequence)
        {
            for (int i = 0; i < 4; i++)
            {
                _buffer[i] = s_magic[i];
            }

            WriteU16(4, FormatVersion);
            WriteU16(6, ChannelNames.Count);
            WriteU32(8, sequence);
            for (int i = 0; i < ChannelNames.Count; i++)
            {
                ChannelId id = (ChannelId)i;
                WriteU64(HeaderBytes + i * 16, (ulong)System.BitConverter.DoubleToInt64Bits(set.ZeroOffsetCountsOf(id)));
                WriteU64(HeaderBytes + i * 16 + 8, (ulong)System.BitConverter.DoubleToInt64Bits(set.SpanCountsPerUnitOf(id)));
            }

            WriteU32(RecordBytes - 4, Crc32.Compute(_buffer, 0, RecordBytes - 4));
        }

        private ushort ReadU16(int at) => (ushort)(_buffer[at] | (_buffer[at + 1] << 8));

        private uint ReadU32(int at) => (uint)(_buffer[at] | (_buffer[at + 1] << 8) | (_buffer[at + 2] << 16) | (_buffer[at + 3] << 24));

        private double ReadDouble(int at)
        {
            ulong bits = ReadU32(at) | ((ulong)ReadU32(at + 4) << 32);
            return System.BitConverter.Int64BitsToDouble((long)bits);
        }

        private void WriteU16(int at, int value)
        {
            _buffer[at] = (byte)value;
            _buffer[at + 1] = (byte)(value >> 8);
        }

        private void WriteU32(int at, uint value)
        {
            _buffer[at] = (byte)value;
            _buffer[at + 1] = (byte)(value >> 8);
            _buffer[at + 2] = (byte)(value >> 16);
            _buffer[at + 3] = (byte)(value >> 24);
        }

        private void WriteU64(int at, ulong value)
        {
            WriteU32(at, (uint)value);
            WriteU32(at + 4, (uint)(value >> 32));
        }
    }
}
