using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;
using PerfusionGuard.Tests.Module;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.Telemetry
{
    /// <summary>
    /// The data frame's way from the safety thread to the telemetry thread (SAF-CYC-005): the cycle
    /// only copies a sample into a free slot of the handoff; the telemetry thread encodes it into the
    /// outbox, whose lock the safety thread never takes.
    /// </summary>
    public class DataFrameHandoffTests
    {
        [Fact]
        [Trait("Requirement", "SAF-CYC-005")]
        [Trait("Requirement", "SAF-TEL-003")]
        public void Frames_handed_between_two_threads_arrive_whole_in_order_and_every_refused_one_is_reported_as_dropped()
        {
            const int cycles = 20_000;
            var session = new TelemetrySession(1, 0, null);
            var outbox = new TelemetryOutbox(64 * 1024, 256, 2048);
            // One frame per 10 ms cycle and two slots: a telemetry thread that dawdles loses frames at the handoff.
            var sampler = new TelemetrySampler(outbox, session, TelemetryFixtures.AdultCpbChannels, null, 10_000, 2);
            var frames = new List<(long Seq, long UptimeMs, long Dropped, double ArterialMmHg)>();
            int stop = 0;
            int pause = 0;
            int paused = 0;
            Exception telemetryFailure = null;
            var telemetry = new Thread(() =>
            {
                try
                {
                    var random = new Random(5);
                    var buffer = new byte[outbox.MaxMessageBytes];
                    while (true)
                    {
                        if (Interlocked.CompareExchange(ref pause, 0, 0) == 1)
                        {
                            // Late, as a Lowest-priority thread blocked on a publish: takes nothing meanwhile.
                            Interlocked.Exchange(ref paused, 1);
                            while (Interlocked.CompareExchange(ref pause, 0, 0) == 1)
                            {
                                Thread.Yield();
                            }

                            Interlocked.Exchange(ref paused, 0);
                        }

                        bool last = Interlocked.CompareExchange(ref stop, 0, 0) == 1;
                        sampler.EnqueueDataFrames();
                        long id;
                        while ((id = outbox.BeginSend(buffer, out TelemetryTopic topic, out _, out _, out int length)) != 0)
                        {
                            outbox.EndSend(id, true);
                            JsonElement frame = JsonDocument.Parse(Encoding.ASCII.GetString(buffer, 0, length)).RootElement;
                            frames.Add((frame.GetProperty("seq").GetInt64(), frame.GetProperty("uptime_ms").GetInt64(),
                                frame.GetProperty("dropped").GetInt64(), frame.GetProperty("p_arterial_mmHg").GetDouble()));
                        }

                        if (last)
                        {
                            return;
                        }

                        if (random.Next(200) == 0)
                        {
                            Thread.Sleep(0);
                        }
                    }
                }
                catch (Exception e)
                {
                    telemetryFailure = e;
                }
            });
            telemetry.Start();

            SafetyInputs inputs = TelemetryFixtures.TypicalInputs();
            long now = 0;
            for (int i = 0; i < cycles; i++)
            {
                now += 10_000;
                // What the cycle saw, tied to its time: a frame mixing two cycles would not match.
                inputs.Pressures[(int)ChannelId.PArterial].Pressure = Pressure.FromMmHg(i % 1000);
                if (i % 50 == 25)
                {
                    // The telemetry thread falls behind for three cycles: the two slots fill, a frame is refused.
                    Interlocked.Exchange(ref pause, 1);
                    while (Interlocked.CompareExchange(ref paused, 0, 0) == 0)
                    {
                        Thread.Yield();
                    }
                }
                else if (i % 50 == 28)
                {
                    Interlocked.Exchange(ref pause, 0);
                }

                if (Interlocked.CompareExchange(ref pause, 0, 0) == 0)
                {
                    // Otherwise a patient cycle (this test's, not the module's: the module's never
                    // waits), so that the frames that arrive are many and every refusal is one of the above.
                    while (sampler.Handoff.Count == sampler.Handoff.Slots)
                    {
                        Thread.Yield();
                    }
                }

                sampler.AfterCycle(now, inputs, default);
            }

            Interlocked.Exchange(ref stop, 1);
            Assert.True(telemetry.Join(TimeSpan.FromSeconds(60)), "the telemetry thread did not finish");
            Assert.Null(telemetryFailure);

            Assert.Equal(cycles, sampler.DataFramesSampled);
            long previous = 0;
            long reported = 0;
            foreach (var frame in frames)
            {
                // Frame seq s was sampled at cycle s - 1, at uptime 10 ms × s.
                Assert.Equal(frame.Seq * 10, frame.UptimeMs);
                Assert.Equal((frame.Seq - 1) % 1000, frame.ArterialMmHg);
                Assert.True(frame.Seq > previous, "seq " + frame.Seq + " after " + previous);
                // Each refused frame is reported by the next one that arrives: exactly the gap.
                Assert.Equal(frame.Seq - previous - 1, frame.Dropped);
                reported += frame.Dropped;
                previous = frame.Seq;
            }

            Assert.True(frames.Count > cycles / 2, "only " + frames.Count + " of " + cycles + " frames arrived");
            Assert.True(sampler.Handoff.Refused >= cycles / 50, "every pause of the telemetry thread should cost a frame, refused " + sampler.Handoff.Refused);
            // Those not yet reported: refused after the last frame that arrived.
            Assert.Equal(cycles - frames.Count, reported + (cycles - previous));
            Assert.Equal(sampler.Handoff.Refused, reported + (cycles - previous));
            Assert.Equal(0, outbox.DroppedDataFrames);
        }

        [Fact]
        [Trait("Requirement", "SAF-CYC-005")]
        public void The_safety_half_never_touches_the_outbox_so_a_held_outbox_lock_cannot_delay_it()
        {
            var session = new TelemetrySession(1, 0, null);
            var outbox = new TelemetryOutbox();
            var sampler = new TelemetrySampler(outbox, session, TelemetryFixtures.AdultCpbChannels, null, 10_000);
            object outboxLock = typeof(TelemetryOutbox).GetField("_lock", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic).GetValue(outbox);
            SafetyInputs inputs = TelemetryFixtures.TypicalInputs();
            using var held = new LockHolder(new[] { outboxLock });
            var cycle = new Thread(() =>
            {
                for (long now = 10_000; now <= 100_000; now += 10_000)
                {
                    sampler.AfterCycle(now, inputs, default);
                }
            })
            { IsBackground = true };
            cycle.Start();
            Assert.True(cycle.Join(TimeSpan.FromSeconds(10)), "the safety half waited for the outbox's lock");
            Assert.Equal(10, sampler.DataFramesSampled);

            // The telemetry half does take it: it waits until the holder lets go.
            var enqueue = new Thread(() => sampler.EnqueueDataFrames()) { IsBackground = true };
            enqueue.Start();
            Assert.False(enqueue.Join(TimeSpan.FromMilliseconds(200)), "the telemetry half should need the outbox's lock");
            held.Dispose();
            Assert.True(enqueue.Join(TimeSpan.FromSeconds(10)));
            Assert.Equal(DataFrameHandoff.DefaultSlots, outbox.Count);
        }
    }
}
