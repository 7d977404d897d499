using System;
using System.Linq;
using System.Text;
using PerfusionGuard.Channels;
using PerfusionGuard.Integrity;
using PerfusionGuard.Shell;
using PerfusionGuard.Tests.Fakes;
using Xunit;

namespace PerfusionGuard.Tests.Integrity
{
    /// <summary>
    /// The two-slot CRC record shared by the calibration store and the login record. Records are laid
    /// out here byte by byte from the documented layouts, so the on-flash formats cannot drift: a
    /// module updated to this firmware still reads the calibration an older one stored.
    /// </summary>
    public class DoubleBufferedRecordTests
    {
        private static void PutU16(byte[] b, int at, int v) { b[at] = (byte)v; b[at + 1] = (byte)(v >> 8); }

        private static void PutU32(byte[] b, int at, uint v) { PutU16(b, at, (int)(v & 0xFFFF)); PutU16(b, at + 2, (int)(v >> 16)); }

        /// <summary>magic · version u16 · shape u16 · sequence u32 · payload · CRC-32 of all before it.</summary>
        private static byte[] Frame(string magic, int version, int shape, uint sequence, byte[] payload)
        {
            var record = new byte[12 + payload.Length + 4];
            Encoding.ASCII.GetBytes(magic).CopyTo(record, 0);
            PutU16(record, 4, version);
            PutU16(record, 6, shape);
            PutU32(record, 8, sequence);
            payload.CopyTo(record, 12);
            PutU32(record, record.Length - 4, Crc32.Compute(record, 0, record.Length - 4));
            return record;
        }

        // SAF-CHN-014
        [Fact]
        [Trait("Requirement", "SAF-CHN-014")]
        public void A_calibration_record_laid_out_as_documented_loads_from_slot_B()
        {
            var payload = new byte[ChannelNames.Count * 16];
            for (int c = 0; c < ChannelNames.Count; c++)
            {
                BitConverter.GetBytes(1000.0 + c).CopyTo(payload, c * 16);
                BitConverter.GetBytes(2.5 + c / 10.0).CopyTo(payload, c * 16 + 8);
            }

            var nv = new TearableNonVolatileStore();
            Frame("PGCL", 1, ChannelNames.Count, 7, payload).CopyTo(nv.Memory, CalibrationStore.SlotBytes);
            var store = new CalibrationStore(nv);
            var loaded = new CalibrationSet();
            Assert.True(store.TryLoad(loaded, out string error), error);
            Assert.Equal('B', store.CurrentSlot);
            Assert.Equal(7u, store.Sequence);
            Assert.Equal(1000.0, loaded.ZeroOffsetCountsOf(ChannelId.PArterial));
            Assert.Equal(1012.0, loaded.ZeroOffsetCountsOf((ChannelId)12));
            Assert.Equal(2.5 + 1.2, loaded.SpanCountsPerUnitOf((ChannelId)12));

            // The next save goes to slot A with sequence 8, byte for byte in the same layout.
            store.Save(loaded);
            Assert.Equal(Frame("PGCL", 1, ChannelNames.Count, 8, payload), nv.Memory.Take(CalibrationStore.RecordBytes).ToArray());
        }

        // SAF-CON-013
        [Fact]
        [Trait("Requirement", "SAF-CON-013")]
        public void A_login_record_laid_out_as_documented_loads_and_one_with_impossible_values_counts_as_damaged()
        {
            var payload = new byte[8];
            PutU16(payload, 0, 3);          // wrong PINs in a row
            PutU32(payload, 4, 120_000);    // lockout remaining, ms
            var nv = new TearableNonVolatileStore(LoginAttemptRecord.RequiredBytes);
            Frame("PGLN", 1, 8, 1, payload).CopyTo(nv.Memory, 0);

            // Slot B is newer and intact, but says 9 wrong PINs in a row: no state the console can be in.
            var impossible = new byte[8];
            PutU16(impossible, 0, 9);
            Frame("PGLN", 1, 8, 2, impossible).CopyTo(nv.Memory, LoginAttemptRecord.SlotBytes);

            var record = new LoginAttemptRecord(nv, 0);
            Assert.True(record.TryLoad(out string error), error);
            Assert.Equal(3, record.Failures);
            Assert.Equal(120_000_000, record.LockoutRemainingMicros);
            Assert.Contains("values out of range (9 failures", record.LastLoadNote);
        }

        [Fact]
        public void A_record_that_does_not_fit_its_slot_or_store_is_refused_with_the_sizes()
        {
            var small = new TearableNonVolatileStore(100);
            var tooBig = Assert.Throws<ArgumentOutOfRangeException>(() => new DoubleBufferedRecord(small, 0, 16, 1, 1, 0, "bytes", 8, null, "test record"));
            Assert.Contains("test record: a record of 24 bytes does not fit a slot of 16", tooBig.Message);
            var noRoom = Assert.Throws<ArgumentOutOfRangeException>(() => new LoginAttemptRecord(small, 50));
            Assert.Contains("login record: needs 64 bytes from address 50 but the non-volatile store holds 100", noRoom.Message);
        }
    }
}
