using System;
using System.Collections.Generic;
using PerfusionGuard.Log;
using PerfusionGuard.Tests.Fakes;
using Xunit;

namespace PerfusionGuard.Tests.Log
{
    /// <summary>The black box: format, boot counter, wrap-around, power cuts at every byte, allocation.</summary>
    public class EventLogTests
    {
        private long _now = 5_000_000;

        private static PowerCutStore NewStore(int capacity) => new PowerCutStore(EventLog.RequiredBytes(capacity));

        private bool AppendNumbered(EventLog log, int n)
        {
            _now += 10_000;
            return log.Append(_now, EventKind.AlarmTransition, n % 50, n, n * 7, -n, 1);
        }

        /// <summary>Every valid record in the raw image, by sequence (read-only: nothing is written).</summary>
        private static Dictionary<uint, EventRecord> Scan(byte[] image, int capacity)
        {
            var found = new Dictionary<uint, EventRecord>();
            var slot = new byte[EventRecord.SizeBytes];
            for (int s = 0; s < capacity; s++)
            {
                Array.Copy(image, EventLog.RecordsAddress + s * EventRecord.SizeBytes, slot, 0, slot.Length);
                if (EventLog.TryDecode(slot, s, capacity, out var record))
                {
                    Assert.False(found.ContainsKey(record.Sequence), $"sequence {record.Sequence} valid in two slots");
                    found[record.Sequence] = record;
                }
            }

            return found;
        }

        [Fact]
        [Trait("Requirement", "SAF-LOG-001")]
        public void Records_carry_sequence_boot_counter_uptime_utc_and_values()
        {
            var store = NewStore(1000);
            var log = new EventLog(store);
            Assert.Equal(1000, log.Capacity);
            Assert.True(log.Open(_now));
            Assert.True(log.FormattedAtOpen);
            Assert.Equal(1u, log.BootCounter);

            Assert.True(log.Append(2_000_000, EventKind.Calibration, 0, 100, 120, 0, 1));
            log.SetUtcReference(1_795_000_000_000, 3_000_000);
            Assert.True(log.Append(4_500_000, EventKind.Login, -1, 0, 2, 0, 1));

            Assert.True(log.TryReadNewest(0, out var login));
            Assert.Equal(EventKind.Login, login.Kind);
            Assert.Equal(1u, login.BootCounter);
            Assert.Equal(4_500_000, login.UptimeMicros);
            Assert.Equal(1_795_000_001_500, login.UtcMillis);
            Assert.Equal(2, login.NewValue);

            Assert.True(log.TryReadNewest(1, out var calibration));
            Assert.Equal(0, calibration.UtcMillis); // before the clock was known
            Assert.Equal(login.Sequence - 1, calibration.Sequence);
            Assert.Equal(100, calibration.OldValue);
            Assert.Equal(120, calibration.NewValue);

            Assert.True(log.TryReadNewest(log.Count - 1, out var first));
            Assert.Equal(EventKind.LogFormatted, first.Kind);
            Assert.Equal(1u, first.Sequence);
            Assert.True(log.TryReadNewest(log.Count - 2, out var boot));
            Assert.Equal(EventKind.Boot, boot.Kind);
        }

        [Fact]
        [Trait("Requirement", "SAF-LOG-004")]
        public void Boot_counter_is_persisted_and_incremented_at_every_open()
        {
            var store = NewStore(16);
            for (uint boot = 1; boot <= 5; boot++)
            {
                var log = new EventLog(new PowerCutStore(store.Bytes), 16);
                Assert.True(log.Open(_now));
                Assert.Equal(boot, log.BootCounter);
                Assert.True(log.TryReadNewest(0, out var bootRecord));
                Assert.Equal(EventKind.Boot, bootRecord.Kind);
                Assert.Equal(boot, bootRecord.BootCounter);
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-LOG-003")]
        public void Ring_wraps_and_resumes_after_the_newest_valid_record_on_reopen()
        {
            const int capacity = 10;
            var bytes = NewStore(capacity).Bytes;
            uint expectedNext = 1;
            for (int boot = 0; boot < 4; boot++)
            {
                var log = new EventLog(new PowerCutStore(bytes), capacity);
                Assert.True(log.Open(_now));
                Assert.Equal(expectedNext - 1, log.NewestSequenceAtOpen);
                expectedNext += boot == 0 ? 2u : 1u; // (format record and) boot record
                for (int n = 0; n < 7; n++)
                {
                    Assert.True(AppendNumbered(log, n));
                    expectedNext++;
                }

                Assert.Equal(expectedNext - 1, log.NewestSequence);
                Assert.Equal(Math.Min((int)log.NewestSequence, capacity), log.Count);
                uint previous = uint.MaxValue;
                for (int i = 0; i < log.Count; i++)
                {
                    Assert.True(log.TryReadNewest(i, out var r));
                    Assert.Equal(log.NewestSequence - (uint)i, r.Sequence);
                    Assert.True(r.Sequence < previous);
                    previous = r.Sequence;
                }

                Assert.False(log.TryReadNewest(log.Count, out _));
            }

            Assert.Equal(33u, expectedNext - 1); // format + 4 boots x 8 records: wrapped three times
            Assert.Equal(capacity, Scan(bytes, capacity).Count);
        }

        [Fact]
        [Trait("Requirement", "SAF-LOG-002")]
        public void Power_cut_at_every_byte_of_a_record_write_never_corrupts_earlier_records_nor_validates_a_torn_one()
        {
            foreach (bool wrapped in new[] { false, true })
            {
                const int capacity = 8;
                var original = NewStore(capacity);
                var log = new EventLog(original, capacity);
                Assert.True(log.Open(_now));
                int before = wrapped ? 21 : 4; // 21 + boot record: slot of the next record holds an older one
                for (int n = 0; n < before; n++)
                {
                    Assert.True(AppendNumbered(log, n));
                }

                byte[] image = (byte[])original.Bytes.Clone();
                Dictionary<uint, EventRecord> earlier = Scan(image, capacity);
                uint tornSequence = log.NewestSequence + 1;
                Assert.Equal(wrapped, earlier.ContainsKey(tornSequence - capacity));

                // The record the cut write should have produced, from an uncut run.
                var complete = new PowerCutStore((byte[])image.Clone());
                var completeLog = new EventLog(complete, capacity);
                Assert.True(completeLog.Open(_now)); // reopen appends its boot record; use its own torn target
                long at = _now + 1;
                Assert.True(completeLog.Append(at, EventKind.Override, 3, 0, 1, 600, 1));
                EventRecord intended = Scan(complete.Bytes, capacity)[completeLog.NewestSequence];

                // Now cut the same write (with the same log state) at every byte offset.
                int cuts = 0;
                for (int budget = 0; budget <= EventRecord.SizeBytes; budget++)
                {
                    var store = new PowerCutStore((byte[])image.Clone());
                    var victim = new EventLog(store, capacity);
                    Assert.True(victim.Open(_now));
                    uint victimSequence = victim.NewestSequence + 1;
                    Dictionary<uint, EventRecord> beforeCut = Scan(store.Bytes, capacity);
                    store.WriteBudget = budget;
                    bool appended = victim.Append(at, EventKind.Override, 3, 0, 1, 600, 1);
                    Assert.Equal(budget == EventRecord.SizeBytes, appended);
                    if (!appended)
                    {
                        cuts++;
                        Assert.True(store.PowerIsCut);
                    }

                    // Power back: inspect the image without writing.
                    Dictionary<uint, EventRecord> after = Scan(store.Bytes, capacity);
                    foreach (var (sequence, record) in beforeCut)
                    {
                        if (sequence == victimSequence - capacity)
                        {
                            // The record being overwritten: intact or gone, never altered.
                            if (after.TryGetValue(sequence, out var survivor))
                            {
                                Assert.Equal(record, survivor);
                            }

                            continue;
                        }

                        Assert.True(after.TryGetValue(sequence, out var kept), $"budget {budget}: record {sequence} lost");
                        Assert.Equal(record, kept);
                    }

                    if (after.TryGetValue(victimSequence, out var torn))
                    {
                        Assert.Equal(EventRecord.SizeBytes, budget); // valid only when complete
                        Assert.Equal(intended.Kind, torn.Kind);
                        Assert.Equal(intended.AuxValue, torn.AuxValue);
                        Assert.Equal(intended.UptimeMicros, torn.UptimeMicros);
                    }
                    else
                    {
                        Assert.True(budget < EventRecord.SizeBytes);
                    }

                    foreach (uint sequence in after.Keys)
                    {
                        Assert.True(beforeCut.ContainsKey(sequence) || sequence == victimSequence, $"budget {budget}: unexpected record {sequence}");
                    }

                    // Re-open: the ring resumes after the newest valid record.
                    var reopened = new EventLog(new PowerCutStore(store.Bytes), capacity);
                    Assert.True(reopened.Open(_now));
                    Assert.Equal(appended ? victimSequence : victimSequence - 1, reopened.NewestSequenceAtOpen);
                    Assert.True(reopened.Append(_now + 2, EventKind.Power, -1, 0, 1, 0, EventRecord.NoSource));
                    Assert.True(reopened.TryReadNewest(0, out var resumed));
                    Assert.Equal(EventKind.Power, resumed.Kind);
                    Assert.True(reopened.TryReadNewest(2, out var previous));
                    Assert.Equal(resumed.Sequence - 2, previous.Sequence);
                }

                Assert.Equal(EventRecord.SizeBytes, cuts);
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-LOG-004")]
        public void Power_cut_at_every_byte_of_the_boot_counter_write_keeps_the_log_and_a_valid_header()
        {
            const int capacity = 8;
            var first = NewStore(capacity);
            var log = new EventLog(first, capacity);
            Assert.True(log.Open(_now));
            for (int n = 0; n < 5; n++)
            {
                Assert.True(AppendNumbered(log, n));
            }

            Assert.True(new EventLog(new PowerCutStore(first.Bytes), capacity).Open(_now)); // boot 2
            byte[] image = (byte[])first.Bytes.Clone();
            Dictionary<uint, EventRecord> records = Scan(image, capacity);

            for (int budget = 0; budget < EventLog.HeaderSlotBytes; budget++)
            {
                var store = new PowerCutStore((byte[])image.Clone()) { WriteBudget = budget };
                Assert.False(new EventLog(store, capacity).Open(_now)); // cut while writing boot 3's header

                var again = new EventLog(new PowerCutStore(store.Bytes), capacity);
                Assert.True(again.Open(_now));
                Assert.False(again.FormattedAtOpen);
                Assert.Equal(3u, again.BootCounter);
                Assert.Equal(8u, again.NewestSequenceAtOpen);
                Dictionary<uint, EventRecord> after = Scan(store.Bytes, capacity);
                foreach (var (sequence, record) in records)
                {
                    if (sequence == 1)
                    {
                        continue; // overwritten by this open's own boot record (ring of 8)
                    }

                    Assert.Equal(record, after[sequence]);
                }
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-LOG-005")]
        public void Append_allocates_nothing()
        {
            var log = new EventLog(NewStore(1000));
            Assert.True(log.Open(_now));
            AppendNumbered(log, 0); // warm up
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int n = 0; n < 2_000; n++)
            {
                log.Append(_now + n, EventKind.AlarmTransition, n % 40, 1, 2, 3, 3);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(2_003u, log.NewestSequence); // format, boot, warm-up, 2000
        }

        [Fact]
        [Trait("Requirement", "SAF-LOG-001")]
        public void Blank_or_foreign_store_is_formatted_and_a_geometry_change_keeps_the_boot_count()
        {
            var store = NewStore(20);
            new Random(7).NextBytes(store.Bytes);
            var log = new EventLog(store, 20);
            Assert.True(log.Open(_now));
            Assert.True(log.FormattedAtOpen);
            Assert.Equal(0, log.ValidRecordsAtOpen);
            Assert.True(AppendNumbered(log, 1));
            Assert.True(new EventLog(new PowerCutStore(store.Bytes), 20).Open(_now)); // boot 2

            var resized = new EventLog(new PowerCutStore(store.Bytes), 10);
            Assert.True(resized.Open(_now));
            Assert.True(resized.FormattedAtOpen);
            Assert.Equal(3u, resized.BootCounter);
            Assert.True(resized.TryReadNewest(1, out var formatted));
            Assert.Equal(EventKind.LogFormatted, formatted.Kind);
            Assert.True(resized.TryReadNewest(0, out var boot));
            Assert.Equal(EventKind.Boot, boot.Kind);
            Assert.Equal(2, resized.Count);
        }

        [Fact]
        [Trait("Requirement", "SAF-LOG-001")]
        public void Store_too_small_or_failing_is_reported_with_a_clear_message()
        {
            var ex = Assert.Throws<ArgumentException>(() => new EventLog(new PowerCutStore(1000), 1000));
            Assert.Contains("1000 records need 48064 bytes", ex.Message);

            var dead = new PowerCutStore(EventLog.RequiredBytes(10)) { WriteBudget = 0 };
            var log = new EventLog(dead, 10);
            Assert.False(log.Open(_now));
            Assert.False(log.IsOpen);
            Assert.Contains("event log: store failed while opening", log.OpenError);
            Assert.False(log.Append(_now, EventKind.Power, -1, 0, 0, 0, 0));
        }

        [Fact]
        [Trait("Requirement", "SAF-LOG-002")]
        public void Failed_append_is_counted_and_does_not_advance_the_sequence()
        {
            var store = NewStore(10);
            var log = new EventLog(store, 10);
            Assert.True(log.Open(_now));
            uint newest = log.NewestSequence;
            store.WriteBudget = 10;
            Assert.False(AppendNumbered(log, 1));
            Assert.Equal(1, log.WriteFailures);
            Assert.Equal(newest, log.NewestSequence);
        }
    }
}
