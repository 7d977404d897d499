using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using PerfusionGuard.Alarms;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;
using Xunit;

namespace PerfusionGuard.Tests.Telemetry
{
    public class TelemetryOutboxTests
    {
        private static bool Enqueue(TelemetryOutbox outbox, TelemetryTopic topic, string text, long carried = 0)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            return outbox.Enqueue(topic, topic == TelemetryTopic.Data ? 0 : 1, false, bytes, 0, bytes.Length, carried);
        }

        private static List<string> Drain(TelemetryOutbox outbox)
        {
            var result = new List<string>();
            var buffer = new byte[outbox.MaxMessageBytes];
            long id;
            while ((id = outbox.BeginSend(buffer, out _, out _, out _, out int length)) != 0)
            {
                result.Add(Encoding.ASCII.GetString(buffer, 0, length));
                outbox.EndSend(id, true);
            }

            return result;
        }

        [Fact]
        public void Messages_come_out_in_the_order_they_went_in()
        {
            var outbox = new TelemetryOutbox(1024, 16, 256);
            Enqueue(outbox, TelemetryTopic.Data, "d1");
            Enqueue(outbox, TelemetryTopic.Alarm, "a1");
            Enqueue(outbox, TelemetryTopic.Data, "d2");
            Enqueue(outbox, TelemetryTopic.Event, "e1");

            Assert.Equal(new[] { "d1", "a1", "d2", "e1" }, Drain(outbox));
            Assert.Equal(0, outbox.UsedBytes);
        }

        [Fact]
        [Trait("Requirement", "SAF-TEL-002")]
        public void When_full_the_oldest_data_frames_are_dropped_and_never_an_alarm_or_event()
        {
            // SAF-TEL-002: budget of 10 bytes-ish messages; alarms sit between data frames.
            var outbox = new TelemetryOutbox(64, 16, 32);
            Enqueue(outbox, TelemetryTopic.Alarm, "alarm-1_");   // 8 bytes
            Enqueue(outbox, TelemetryTopic.Data, "data-1__");    // 8
            Enqueue(outbox, TelemetryTopic.Event, "event-1_");   // 8
            Enqueue(outbox, TelemetryTopic.Data, "data-2__");    // 8
            Enqueue(outbox, TelemetryTopic.Data, "data-3__");    // 8
            Enqueue(outbox, TelemetryTopic.Data, "data-4__");    // 8
            Enqueue(outbox, TelemetryTopic.Data, "data-5__");    // 8
            Enqueue(outbox, TelemetryTopic.Data, "data-6__");    // 8 -> 64 used
            Assert.True(Enqueue(outbox, TelemetryTopic.Alarm, "alarm-2_"));   // evicts data-1
            Assert.True(Enqueue(outbox, TelemetryTopic.Data, "data-7__"));    // evicts data-2

            Assert.Equal(2, outbox.DroppedDataFrames);
            Assert.Equal(2, outbox.TakeDroppedDataFrames());
            Assert.Equal(0, outbox.TakeDroppedDataFrames());
            Assert.Equal(new[] { "alarm-1_", "event-1_", "data-3__", "data-4__", "data-5__", "data-6__", "alarm-2_", "data-7__" }, Drain(outbox));
            Assert.Equal(0, outbox.DroppedPriorityMessages);
        }

        [Fact]
        [Trait("Requirement", "SAF-TEL-002")]
        public void With_only_alarms_left_a_new_data_frame_is_refused_and_an_alarm_that_cannot_fit_is_counted_loudly()
        {
            var outbox = new TelemetryOutbox(64, 16, 32);
            for (int i = 0; i < 8; i++)
            {
                Assert.True(Enqueue(outbox, TelemetryTopic.Alarm, $"alarm-{i}_"));
            }

            Assert.False(Enqueue(outbox, TelemetryTopic.Data, "data-1__", carried: 4));
            Assert.Equal(1, outbox.RefusedDataFrames);
            Assert.Equal(5, outbox.TakeDroppedDataFrames()); // the refused frame and the 4 it carried
            Assert.False(Enqueue(outbox, TelemetryTopic.Alarm, "alarm-9_"));
            Assert.Equal(1, outbox.DroppedPriorityMessages);
            Assert.Equal(8, Drain(outbox).Count(m => m.StartsWith("alarm")));
        }

        [Fact]
        public void The_message_being_sent_is_not_dropped_under_it()
        {
            var outbox = new TelemetryOutbox(32, 16, 16);
            Enqueue(outbox, TelemetryTopic.Data, "data-1__");
            Enqueue(outbox, TelemetryTopic.Data, "data-2__");
            Enqueue(outbox, TelemetryTopic.Data, "data-3__");
            Enqueue(outbox, TelemetryTopic.Data, "data-4__");
            var buffer = new byte[16];
            long id = outbox.BeginSend(buffer, out _, out _, out _, out _);
            Enqueue(outbox, TelemetryTopic.Data, "data-5__"); // must drop data-2, not the in-flight data-1
            outbox.EndSend(id, true);

            Assert.Equal(new[] { "data-3__", "data-4__", "data-5__" }, Drain(outbox));
        }

        [Fact]
        public void A_failed_send_keeps_the_message_at_the_head()
        {
            var outbox = new TelemetryOutbox(256, 16, 64);
            Enqueue(outbox, TelemetryTopic.Alarm, "a1");
            Enqueue(outbox, TelemetryTopic.Data, "d1");
            var buffer = new byte[64];
            long id = outbox.BeginSend(buffer, out _, out _, out _, out _);
            outbox.EndSend(id, false);
            Assert.Equal(new[] { "a1", "d1" }, Drain(outbox));
        }

        [Fact]
        [Trait("Requirement", "SAF-TEL-003")]
        public void Dropped_counts_reported_by_delivered_frames_add_up_to_the_missing_frames_and_no_alarm_is_lost()
        {
            // SAF-TEL-002 / SAF-TEL-003, as a property over random outages: the link goes up and down,
            // alarms interleave with data frames, the budget is small. Whatever happens, every alarm is
            // delivered (the budget always holds the alarms of a run) and the data frames a receiver never
            // gets equal the sum of the "dropped" fields of those it gets plus what is still pending.
            Gen<int[]> script = Gen.ArrayOf(Gen.Choose(0, 9));
            Prop.ForAll(script.ToArbitrary(), steps =>
            {
                var session = new TelemetrySession(1, 0, null);
                var outbox = new TelemetryOutbox(6 * 1024, 64, 2048);
                var sampler = new TelemetrySampler(outbox, session, TelemetryFixtures.AdultCpbChannels, null, 1_000_000);
                var link = new RecordingLink();
                var pump = new TelemetryPump(outbox, link, new TelemetryTopics("s", "n"), session, new ManualClock(), Encoding.ASCII.GetBytes("{}"));
                SafetyInputs inputs = TelemetryFixtures.TypicalInputs();
                long now = 0;
                int alarms = 0;
                foreach (int step in steps)
                {
                    switch (step)
                    {
                        case 0: link.Connect(); break;
                        case 1: link.Disconnect(); break;
                        case 2: sampler.EnqueueAlarm(now, now, "P_ARTERIAL_HIGH", "active", AlarmPriority.High, false, "Arterial pressure high", SafetyAction.Stop); alarms++; break;
                        default:
                            sampler.AfterCycle(now += 1_000_000, inputs, default);
                            sampler.EnqueueDataFrames();
                            pump.PumpOnce(step - 3);
                            break;
                    }
                }

                link.Connect();
                pump.PumpOnce(int.MaxValue);
                List<JsonElement> frames = link.On("data").ToList();
                long encoded = sampler.DataFramesSampled;
                long reported = frames.Sum(f => f.GetProperty("dropped").GetInt64()) + outbox.TakeDroppedDataFrames();
                bool seqIncreasing = frames.Select(f => f.GetProperty("seq").GetInt64()).Zip(frames.Skip(1).Select(f => f.GetProperty("seq").GetInt64()), (a, b) => a < b).All(x => x);
                return link.On("alarm").Count() == alarms && outbox.DroppedPriorityMessages == 0
                    && encoded - frames.Count == reported && seqIncreasing;
            }).QuickCheckThrowOnFailure();
        }
    }
}
