using PerfusionGuard.Hal;
using PerfusionGuard.Integrity;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Persists a <see cref="CalibrationSet"/> in non-volatile memory so that a power cut never
    /// loses the last good calibration (SAF-CHN-014): a <see cref="DoubleBufferedRecord"/> (two
    /// CRC-framed slots, A and B; a save writes the slot that does NOT hold the newest valid
    /// record, so a torn write can only damage the older copy, and a load takes the valid record
    /// with the highest sequence number).
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
        public const int RecordBytes = DoubleBufferedRecord.HeaderBytes + ChannelNames.Count * 16 + DoubleBufferedRecord.CrcBytes;

        /// <summary>Bytes reserved per slot (the record rounded up).</summary>
        public const int SlotBytes = 256;

        /// <summary>Bytes of non-volatile memory the store needs from its base address.</summary>
        public const int RequiredBytes = 2 * SlotBytes;

        private const uint Magic = 0x4C434750; // "PGCL" little-endian

        private readonly DoubleBufferedRecord _record;
        private readonly byte[] _buffer;

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

            _record = new DoubleBufferedRecord(store, baseAddress, SlotBytes, Magic, FormatVersion, ChannelNames.Count, "channels",
                ChannelNames.Count * 16, new FiniteValues(), "calibration store");
            _buffer = _record.Buffer;
        }

        /// <summary>Sequence number of the record loaded or saved last (0 before any).</summary>
        public uint Sequence => _record.Sequence;

        /// <summary>Slot of the record loaded or saved last: 'A', 'B', or '-' before any.</summary>
        public char CurrentSlot => _record.CurrentSlot;

        /// <summary>
        /// A note on the last load when it succeeded despite a damaged slot (for the event log),
        /// otherwise null.
        /// </summary>
        public string LastLoadNote => _record.LastLoadNote;

        /// <summary>
        /// Loads the newest valid record into <paramref name="into"/>. False, with a message that
        /// says what is wrong with each slot, when neither slot holds a valid record; then
        /// <paramref name="into"/> is left unchanged.
        /// </summary>
        public bool TryLoad(CalibrationSet into, out string error)
        {
            if (!_record.TryLoad(out error))
            {
                return false;
            }

            Decode(into);
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

            Encode(set);
            _record.Save();
        }

        private void Decode(CalibrationSet into)
        {
            int payload = DoubleBufferedRecord.HeaderBytes;
            for (int i = 0; i < ChannelNames.Count; i++)
            {
                into.SetRaw((ChannelId)i, ReadDouble(_buffer, payload + i * 16), ReadDouble(_buffer, payload + i * 16 + 8));
            }
        }

        private void Encode(CalibrationSet set)
        {
            int payload = DoubleBufferedRecord.HeaderBytes;
            for (int i = 0; i < ChannelNames.Count; i++)
            {
                ChannelId id = (ChannelId)i;
                LittleEndian.WriteU64(_buffer, payload + i * 16, (ulong)System.BitConverter.DoubleToInt64Bits(set.ZeroOffsetCountsOf(id)));
                LittleEndian.WriteU64(_buffer, payload + i * 16 + 8, (ulong)System.BitConverter.DoubleToInt64Bits(set.SpanCountsPerUnitOf(id)));
            }
        }

        private static double ReadDouble(byte[] bytes, int at)
        {
            return System.BitConverter.Int64BitsToDouble((long)LittleEndian.ReadU64(bytes, at));
        }

        /// <summary>A record whose frame is intact but holds a non-finite zero or span is not loaded (the other slot is).</summary>
        private sealed class FiniteValues : IRecordPayloadCheck
        {
            public string ProblemOf(byte[] record, int offset)
            {
                for (int i = 0; i < ChannelNames.Count * 2; i++)
                {
                    if (!PressureCalibration.IsFinite(ReadDouble(record, offset + i * 8)))
                    {
                        return "non-finite value for channel " + ChannelNames.NameOf((ChannelId)(i / 2));
                    }
                }

                return null;
            }
        }
    }
}
