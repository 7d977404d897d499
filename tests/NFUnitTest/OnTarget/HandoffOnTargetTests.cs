using System.Threading;
using nanoFramework.TestFramework;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.OnTarget
{
    /// <summary>
    /// The lock-free rings between the safety thread and the others (SAF-CYC-005) on the target's
    /// runtime: Interlocked.Exchange / CompareExchange on int fields, a full ring overwriting or
    /// refusing, and a producer at ThreadPriority.Highest with a consumer at Lowest, as on the device.
    /// </summary>
    [TestClass]
    public class HandoffOnTargetTests
    {
        [TestMethod]
        public static void A_full_event_ring_overwrites_its_oldest_and_a_full_frame_handoff_refuses_the_newest()
        {
            SafetyEventRing events = new SafetyEventRing(3);
            for (int i = 0; i < 5; i++)
            {
                events.Record(i, SafetyEventKind.PumpStopped, i, SafetyAction.Stop, CommandSource.Firmware);
            }

            Assert.AreEqual(3, events.Count);
            Assert.AreEqual(2L, events.OverflowCount);
            SafetyEvent e;
            Assert.IsTrue(events.TryTake(out e));
            Assert.AreEqual(2L, e.AtMicros);
            Assert.AreEqual((short)2, e.RuleIndex);

            DataFrameHandoff frames = new DataFrameHandoff(2, 5);
            for (int i = 0; i < 3; i++)
            {
                DataFrameSample sample = frames.TryBeginWrite();
                if (sample != null)
                {
                    sample.Seq = i;
                    frames.Publish();
                }
            }

            Assert.AreEqual(1L, frames.Refused);
            Assert.AreEqual(0L, frames.Oldest().Seq);
            frames.Release();
            Assert.AreEqual(1L, frames.Oldest().Seq);
            frames.Release();
            Assert.IsNull(frames.Oldest());
        }

        [TestMethod]
        public static void A_highest_priority_producer_and_a_lowest_priority_consumer_lose_nothing_uncounted()
        {
            SafetyEventRing ring = new SafetyEventRing(8);
            const int total = 2000;
            int received = 0;
            long last = -1;
            bool ordered = true;
            bool whole = true;
            int producerDone = 0;
            Thread consumer = new Thread(() =>
            {
                SafetyEvent e;
                while (true)
                {
                    bool done = Interlocked.CompareExchange(ref producerDone, 0, 0) == 1;
                    if (ring.TryTake(out e))
                    {
                        ordered &= e.AtMicros > last;
                        whole &= e.RuleIndex == (short)(e.AtMicros % 1000);
                        last = e.AtMicros;
                        received++;
                    }
                    else if (done)
                    {
                        return;
                    }
                }
            });
            consumer.Priority = ThreadPriority.Lowest;
            Thread producer = new Thread(() =>
            {
                for (int i = 0; i < total; i++)
                {
                    ring.Record(i, SafetyEventKind.ConditionRaised, i % 1000, SafetyAction.Alarm, CommandSource.Firmware);
                    if (i % 16 == 0)
                    {
                        Thread.Sleep(0);
                    }
                }

                Interlocked.Exchange(ref producerDone, 1);
            });
            producer.Priority = ThreadPriority.Highest;
            consumer.Start();
            producer.Start();
            producer.Join();
            consumer.Join();
            Assert.IsTrue(ordered, "events out of order");
            Assert.IsTrue(whole, "a torn event");
            Assert.AreEqual((long)total, received + ring.OverflowCount);
        }
    }
}
