using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using PerfusionGuard.Alarms;
using PerfusionGuard.Handoff;
using PerfusionGuard.Log;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;
using Xunit;

namespace PerfusionGuard.Tests.Handoff
{
    /// <summary>
    /// The lock-free single-producer / single-consumer rings between the safety thread and the
    /// others (SAF-CYC-005): each ring through one adapter that writes entries derived from a
    /// sequence number into every field, and checks every field again when it takes one, so a torn
    /// entry (half old, half new) is caught.
    /// </summary>
    public class SpscRingTests
    {
        public static IEnumerable<object[]> Rings() => new[]
        {
            new object[] { "safety events" }, new object[] { "alarm transitions" }, new object[] { "pending log records" }, new object[] { "data frames" },
        };

        private static IRing Make(string ring, int capacity) => ring switch
        {
            "safety events" => new SafetyEvents(capacity),
            "alarm transitions" => new AlarmTransitions(capacity),
            "pending log records" => new PendingRecords(capacity),
            "data frames" => new DataFrames(capacity),
            _ => throw new ArgumentException(ring),
        };

        [Theory]
        [MemberData(nameof(Rings))]
        [Trait("Requirement", "SAF-CYC-005")]
        public void An_empty_ring_gives_nothing_and_counts_nothing(string name)
        {
            IRing ring = Make(name, 4);
            Assert.False(ring.TryTake(out _));
            Assert.Equal(0, ring.Count);
            Assert.Equal(0, ring.Overflows);
            ring.Put(7);
            Assert.True(ring.TryTake(out long seq));
            Assert.Equal(7, seq);
            Assert.False(ring.TryTake(out _));
            Assert.Equal(0, ring.Count);
        }

        [Theory]
        [MemberData(nameof(Rings))]
        [Trait("Requirement", "SAF-CYC-005")]
        public void Entries_come_out_in_order_across_many_wraps_of_the_slots(string name)
        {
            IRing ring = Make(name, 5);
            long next = 0;
            long expected = 0;
            var random = new Random(3);
            for (int round = 0; round < 400; round++)
            {
                // Between 0 and 5 in, then between 0 and all out: the slots wrap at every phase.
                int put = random.Next(0, 6 - ring.Count);
                for (int i = 0; i < put; i++)
                {
                    ring.Put(next++);
                }

                Assert.Equal((int)(next - expected), ring.Count);
                int take = random.Next(0, ring.Count + 1);
                for (int i = 0; i < take; i++)
                {
                    Assert.True(ring.TryTake(out long seq));
                    Assert.Equal(expected++, seq);
                }
            }

            Assert.Equal(0, ring.Overflows);
            Assert.True(next > 500, "the test should wrap the 5 slots many times, put " + next);
        }

        [Theory]
        [MemberData(nameof(Rings))]
        [Trait("Requirement", "SAF-CYC-005")]
        public void Positions_keep_order_across_their_own_wrap_near_two_to_the_thirtieth(string name)
        {
            IRing ring = Make(name, 3);
            SpscRingIndex index = IndexOf(ring.Target);
            int wrap = 3 * ((1 << 30) / 3);
            StartAt(index, wrap - 4);
            for (long seq = 0; seq < 20; seq++)
            {
                ring.Put(seq);
                if (seq % 2 == 1)
                {
                    Assert.True(ring.TryTake(out long a));
                    Assert.Equal(seq - 1, a);
                    Assert.True(ring.TryTake(out long b));
                    Assert.Equal(seq, b);
                }
            }

            Assert.Equal(0, ring.Count);
            Assert.True(Position(index, "_tail") < 100, "the positions should have wrapped to 0, tail is " + Position(index, "_tail"));
        }

        [Theory]
        [MemberData(nameof(Rings))]
        [Trait("Requirement", "SAF-CYC-005")]
        public void A_full_ring_never_makes_the_producer_wait_and_counts_every_entry_it_loses(string name)
        {
            IRing ring = Make(name, 4);
            for (long seq = 0; seq < 4; seq++)
            {
                ring.Put(seq);
            }

            Assert.Equal(4, ring.Count);
            Assert.Equal(0, ring.Overflows);
            for (long seq = 4; seq < 11; seq++)
            {
                ring.Put(seq);
            }

            Assert.Equal(4, ring.Count);
            Assert.Equal(7, ring.Overflows);
            var taken = new List<long>();
            while (ring.TryTake(out long seq))
            {
                taken.Add(seq);
            }

            // The event rings overwrite the oldest (the newest transitions matter most, SAF-ALM-010);
            // the data-frame handoff refuses the newest, which the next frame reports as dropped (SAF-TEL-003).
            Assert.Equal(ring.OverwritesOldest ? new long[] { 7, 8, 9, 10 } : new long[] { 0, 1, 2, 3 }, taken);
        }

        [Theory]
        [MemberData(nameof(Rings))]
        [Trait("Requirement", "SAF-CYC-005")]
        public void A_producer_and_a_consumer_on_two_threads_lose_nothing_uncounted_and_never_see_a_torn_entry(string name)
        {
            const long total = 300_000;
            IRing ring = Make(name, 4);
            Exception consumerFailure = null;
            long received = 0;
            long last = -1;
            long producedAll = 0;
            var consumer = new Thread(() =>
            {
                try
                {
                    var random = new Random(11);
                    while (true)
                    {
                        bool done = Interlocked.Read(ref producedAll) == 1;
                        if (ring.TryTake(out long seq))
                        {
                            // Checked inside TryTake: every field belongs to this seq (no torn entry).
                            Assert.True(seq > last, "out of order: " + seq + " after " + last);
                            last = seq;
                            received++;
                        }
                        else if (done)
                        {
                            return;
                        }

                        if (random.Next(64) == 0)
                        {
                            // A slow consumer now and then, so the ring also runs full.
                            Thread.Sleep(0);
                        }
                    }
                }
                catch (Exception e)
                {
                    consumerFailure = e;
                }
            });
            consumer.Start();
            for (long seq = 0; seq < total; seq++)
            {
                ring.Put(seq);
            }

            Interlocked.Exchange(ref producedAll, 1);
            Assert.True(consumer.Join(TimeSpan.FromSeconds(60)), "the consumer did not finish");
            Assert.Null(consumerFailure);
            Assert.Equal(total, received + ring.Overflows);
            Assert.True(received > 0);
            Assert.True(ring.OverwritesOldest ? last == total - 1 : last <= total - 1);
        }

        [Fact]
        [Trait("Requirement", "SAF-CYC-005")]
        public void The_history_is_read_newest_first_on_the_producers_thread()
        {
            var ring = new AlarmTransitionRing(3);
            for (long seq = 0; seq < 5; seq++)
            {
                var t = new AlarmTransition { AtMicros = seq };
                ring.Record(ref t);
            }

            Assert.True(ring.TryPeekNewest(0, out AlarmTransition newest));
            Assert.Equal(4, newest.AtMicros);
            Assert.True(ring.TryPeekNewest(2, out AlarmTransition oldest));
            Assert.Equal(2, oldest.AtMicros);
            Assert.False(ring.TryPeekNewest(3, out _));
            Assert.False(ring.TryPeekNewest(-1, out _));
            Assert.Equal(5, ring.RecordedCount);
            Assert.Equal(2, ring.OverflowCount);
        }

        [Fact]
        public void A_ring_without_slots_or_with_too_many_is_refused_with_the_range()
        {
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => new SpscRingIndex(0));
            Assert.Contains("from 1 to " + SpscRingIndex.MaxCapacity, e.Message);
            Assert.Throws<ArgumentOutOfRangeException>(() => new SpscRingIndex(SpscRingIndex.MaxCapacity + 1));
        }

        internal static SpscRingIndex IndexOf(object ring)
        {
            foreach (FieldInfo field in ring.GetType().GetFields(BindingFlags.Instance | BindingFlags.NonPublic))
            {
                if (field.FieldType == typeof(SpscRingIndex))
                {
                    return (SpscRingIndex)field.GetValue(ring);
                }
            }

            throw new InvalidOperationException(ring.GetType().Name + " has no SpscRingIndex");
        }

        // White box: an empty ring whose positions start just below their wrap (head = tail).
        private static void StartAt(SpscRingIndex index, int position)
        {
            typeof(SpscRingIndex).GetField("_head", BindingFlags.Instance | BindingFlags.NonPublic).SetValue(index, position);
            typeof(SpscRingIndex).GetField("_tail", BindingFlags.Instance | BindingFlags.NonPublic).SetValue(index, position);
        }

        private static int Position(SpscRingIndex index, string field) =>
            (int)typeof(SpscRingIndex).GetField(field, BindingFlags.Instance | BindingFlags.NonPublic).GetValue(index);

        /// <summary>One ring under test: entries derived from a sequence number, checked field by field when taken.</summary>
        private interface IRing
        {
            object Target { get; }

            bool OverwritesOldest { get; }

            int Count { get; }

            long Overflows { get; }

            void Put(long seq);

            bool TryTake(out long seq);
        }

        private sealed class SafetyEvents : IRing
        {
            private readonly SafetyEventRing _ring;

            public SafetyEvents(int capacity) => _ring = new SafetyEventRing(capacity);

            public object Target => _ring;

            public bool OverwritesOldest => true;

            public int Count => _ring.Count;

            public long Overflows => _ring.OverflowCount;

            public void Put(long seq) => _ring.Record(seq, (SafetyEventKind)(seq % 8), (int)(seq % 30_000), (SafetyAction)(seq % 6), (CommandSource)(seq % 5));

            public bool TryTake(out long seq)
            {
                seq = -1;
                if (!_ring.TryTake(out SafetyEvent e))
                {
                    return false;
                }

                seq = e.AtMicros;
                Assert.True(e.Kind == (SafetyEventKind)(seq % 8) && e.RuleIndex == (short)(seq % 30_000) && e.Action == (SafetyAction)(seq % 6)
                    && e.Source == (CommandSource)(seq % 5), "torn safety event at " + seq);
                return true;
            }
        }

        private sealed class AlarmTransitions : IRing
        {
            private readonly AlarmTransitionRing _ring;

            public AlarmTransitions(int capacity) => _ring = new AlarmTransitionRing(capacity);

            public object Target => _ring;

            public bool OverwritesOldest => true;

            public int Count => _ring.Count;

            public long Overflows => _ring.OverflowCount;

            public void Put(long seq)
            {
                var t = new AlarmTransition
                {
                    AtMicros = seq,
                    AlarmIndex = (short)(seq % 30_000),
                    From = (AlarmState)(seq % 7),
                    To = (AlarmState)((seq / 7) % 7),
                    Priority = (AlarmPriority)(seq % 4),
                    Cause = (AlarmTransitionCause)(seq % 9),
                    Source = (CommandSource)(seq % 5),
                    Technical = seq % 2 == 0,
                };
                _ring.Record(ref t);
            }

            public bool TryTake(out long seq)
            {
                seq = -1;
                if (!_ring.TryTake(out AlarmTransition t))
                {
                    return false;
                }

                seq = t.AtMicros;
                Assert.True(t.AlarmIndex == (short)(seq % 30_000) && t.From == (AlarmState)(seq % 7) && t.To == (AlarmState)((seq / 7) % 7)
                    && t.Priority == (AlarmPriority)(seq % 4) && t.Cause == (AlarmTransitionCause)(seq % 9) && t.Source == (CommandSource)(seq % 5)
                    && t.Technical == (seq % 2 == 0), "torn alarm transition at " + seq);
                return true;
            }
        }

        private sealed class PendingRecords : IRing
        {
            private readonly PendingRecordRing _ring;

            public PendingRecords(int capacity) => _ring = new PendingRecordRing(capacity);

            public object Target => _ring;

            public bool OverwritesOldest => true;

            public int Count => _ring.Count;

            public long Overflows => _ring.OverflowCount;

            public void Put(long seq) => _ring.Record(seq, (EventKind)(seq % 12), (int)seq, ~(int)seq, (int)(seq * 3), (int)(seq >> 3), (byte)seq);

            public bool TryTake(out long seq)
            {
                seq = -1;
                if (!_ring.TryTakeOldest(out long at, out EventKind kind, out int subject, out int oldValue, out int newValue, out int auxValue, out byte source))
                {
                    return false;
                }

                seq = at;
                Assert.True(kind == (EventKind)(seq % 12) && subject == (int)seq && oldValue == ~(int)seq && newValue == (int)(seq * 3)
                    && auxValue == (int)(seq >> 3) && source == (byte)seq, "torn pending record at " + seq);
                return true;
            }
        }

        private sealed class DataFrames : IRing
        {
            private readonly DataFrameHandoff _handoff;

            public DataFrames(int capacity) => _handoff = new DataFrameHandoff(capacity, 6);

            public object Target => _handoff;

            public bool OverwritesOldest => false;

            public int Count => _handoff.Count;

            public long Overflows => _handoff.Refused;

            public void Put(long seq)
            {
                DataFrameSample sample = _handoff.TryBeginWrite();
                if (sample == null)
                {
                    return;
                }

                sample.Seq = seq;
                sample.AtMicros = seq * 10;
                sample.UtcMillis = seq * 7;
                sample.CarriedDropped = seq * 2;
                sample.Decision = new SafetyDecision((SafetyAction)(seq % 6), (int)(seq % 40), (seq % 100) / 100.0, seq % 3 == 0);
                for (int c = 0; c < sample.Values.Length; c++)
                {
                    sample.Values[c] = seq + c;
                    sample.AirPresent[c] = (seq + c) % 2 == 0;
                }

                _handoff.Publish();
            }

            public bool TryTake(out long seq)
            {
                seq = -1;
                DataFrameSample sample = _handoff.Oldest();
                if (sample == null)
                {
                    return false;
                }

                seq = sample.Seq;
                bool whole = sample.AtMicros == seq * 10 && sample.UtcMillis == seq * 7 && sample.CarriedDropped == seq * 2
                    && sample.Decision.Action == (SafetyAction)(seq % 6) && sample.Decision.CauseRuleIndex == (int)(seq % 40)
                    && sample.Decision.SpeedLimitFraction == (seq % 100) / 100.0 && sample.Decision.ClampClosed == (seq % 3 == 0);
                for (int c = 0; c < sample.Values.Length; c++)
                {
                    whole &= sample.Values[c] == seq + c && sample.AirPresent[c] == ((seq + c) % 2 == 0);
                }

                _handoff.Release();
                Assert.True(whole, "torn data frame sample at " + seq);
                return true;
            }
        }
    }
}
