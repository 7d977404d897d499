using PerfusionGuard.Hal;
using PerfusionGuard.Integrity;

namespace PerfusionGuard.Shell
{
    /// <summary>
    /// The console's wrong-PIN count and remaining lockout in non-volatile memory, so that cutting
    /// the power does not reset them (SAF-CON-013). A <see cref="DoubleBufferedRecord"/>: a save
    /// goes to the slot not holding the newest valid copy, so a torn save leaves the previous state.
    /// </summary>
    /// <remarks>
    /// Record (little-endian, 24 bytes in a 32-byte slot): "PGLN" magic (4) · format version u16 ·
    /// payload bytes u16 (8) · sequence u32 · wrong PINs in a row u16 · reserved u16 (0) · lockout
    /// remaining in ms u32 (uptime the lockout still has to run; the module has no trustworthy wall
    /// clock before SNTP) · CRC-32. A frame-valid record whose values are out of range is treated
    /// like a damaged slot. Written on the console thread only.
    /// </remarks>
    public sealed class LoginAttemptRecord
    {
        /// <summary>Format version written by this firmware.</summary>
        public const ushort FormatVersion = 1;

        /// <summary>Bytes of the payload.</summary>
        public const int PayloadBytes = 8;

        /// <summary>Bytes of one record (frame and payload).</summary>
        public const int RecordBytes = DoubleBufferedRecord.HeaderBytes + PayloadBytes + DoubleBufferedRecord.CrcBytes;

        /// <summary>Bytes reserved per slot.</summary>
        public const int SlotBytes = 32;

        /// <summary>Bytes of non-volatile memory the record needs from its base address.</summary>
        public const int RequiredBytes = 2 * SlotBytes;

        private const uint Magic = 0x4E4C4750; // "PGLN" little-endian

        private readonly DoubleBufferedRecord _record;
        private readonly byte[] _buffer;

        /// <summary>The record in <see cref="RequiredBytes"/> of <paramref name="store"/> from <paramref name="baseAddress"/>; throws when they do not fit.</summary>
        public LoginAttemptRecord(INonVolatileStore store, int baseAddress)
        {
            _record = new DoubleBufferedRecord(store, baseAddress, SlotBytes, Magic, FormatVersion, PayloadBytes, "bytes",
                PayloadBytes, new RangeCheck(), "login record");
            _buffer = _record.Buffer;
        }

        /// <summary>Wrong PINs in a row of the record loaded or saved last.</summary>
        public int Failures { get; private set; }

        /// <summary>Lockout uptime still to run, of the record loaded or saved last (whole milliseconds, rounded up).</summary>
        public long LockoutRemainingMicros { get; private set; }

        /// <summary>True when the last <see cref="TryLoad"/> found both slots never written (a new module), not damaged ones.</summary>
        public bool FoundNothing => _record.LastLoadFoundBothEmpty;

        /// <summary>A note on the last load when it succeeded despite a damaged slot, otherwise null.</summary>
        public string LastLoadNote => _record.LastLoadNote;

        /// <summary>Successful saves since start-up (flash wear figures).</summary>
        public long Saves { get; private set; }

        /// <summary>Loads the newest valid record; false, with what is wrong with each slot, when there is none.</summary>
        public bool TryLoad(out string error)
        {
            if (!_record.TryLoad(out error))
            {
                return false;
            }

            int at = _record.PayloadOffset;
            Failures = LittleEndian.ReadU16(_buffer, at);
            LockoutRemainingMicros = LittleEndian.ReadU32(_buffer, at + 4) * 1000L;
            return true;
        }

        /// <summary>
        /// Saves <paramref name="failures"/> and <paramref name="lockoutRemainingMicros"/> (rounded up to
        /// whole milliseconds, so a reload never shortens the lockout). Throws when the store fails.
        /// </summary>
        public void Save(int failures, long lockoutRemainingMicros)
        {
            if (failures < 0 || failures >= LoginThrottle.MaxFailures || lockoutRemainingMicros < 0 || lockoutRemainingMicros > LoginThrottle.LockoutMicros)
            {
                throw new System.ArgumentOutOfRangeException("failures", "login record: " + failures.ToString() + " failures, "
                    + (lockoutRemainingMicros / 1000).ToString() + " ms lockout is not a state the console can be in");
            }

            long millis = (lockoutRemainingMicros + 999) / 1000;
            int at = _record.PayloadOffset;
            LittleEndian.WriteU16(_buffer, at, failures);
            LittleEndian.WriteU16(_buffer, at + 2, 0);
            LittleEndian.WriteU32(_buffer, at + 4, (uint)millis);
            _record.Save();
            Failures = failures;
            LockoutRemainingMicros = millis * 1000;
            Saves++;
        }

        /// <summary>Values outside what the console can store make the slot invalid (the other slot is used).</summary>
        private sealed class RangeCheck : IRecordPayloadCheck
        {
            public string ProblemOf(byte[] record, int offset)
            {
                int failures = LittleEndian.ReadU16(record, offset);
                uint lockoutMillis = LittleEndian.ReadU32(record, offset + 4);
                if (failures >= LoginThrottle.MaxFailures || LittleEndian.ReadU16(record, offset + 2) != 0
                    || lockoutMillis > LoginThrottle.LockoutMicros / 1000)
                {
                    return "values out of range (" + failures.ToString() + " failures, " + lockoutMillis.ToString() + " ms lockout)";
                }

                return null;
            }
        }
    }
}
