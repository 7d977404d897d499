using System;
using System.Threading;
using System.Threading.Tasks;
using PerfusionGuard.Cli.Telemetry;
using PerfusionGuard.Integration.Tests.Broker;
using PerfusionGuard.Mqtt;
using Xunit;

namespace PerfusionGuard.Integration.Tests.Telemetry
{
    /// <summary>
    /// The broker is stopped in the middle of a run and started again: the recorder must see a
    /// contiguous data sequence when the outage fits the outbox, and exactly the reported number of
    /// missing data frames (and every alarm) when it does not.
    /// </summary>
    public class OutageTests
    {
        [Fact]
        [Trait("Requirement", "SAF-TEL-003")]
        public async Task An_outage_that_fits_the_budget_loses_nothing_and_the_sequence_stays_contiguous()
        {
            Outcome outcome = await RunOutageAsync(budgetBytes: 32 * 1024, secondsBefore: 3, secondsDuring: 20, secondsAfter: 2);

            Assert.Equal(25, outcome.Data.Received);
            Assert.Equal(1, outcome.Data.First);
            Assert.Equal(25, outcome.Data.Last);
            Assert.Equal(0, outcome.Data.Missing);
            Assert.Equal(0, outcome.Data.Duplicates);
            Assert.Equal(0, outcome.Data.OutOfOrder);
            Assert.Equal(0, outcome.Data.ReportedDropped);
            Assert.Equal(2, outcome.Alarms.Received);
            Assert.Equal(0, outcome.Alarms.Missing);
        }

        [Fact]
        [Trait("Requirement", "SAF-TEL-002")]
        [Trait("Requirement", "SAF-TEL-003")]
        public async Task An_outage_beyond_the_budget_drops_exactly_the_reported_data_frames_and_no_alarm()
        {
            // SAF-TEL-002 / SAF-TEL-003 end to end: a 4 KiB outbox holds a few frames of a 20 s outage.
            Outcome outcome = await RunOutageAsync(budgetBytes: 4 * 1024, secondsBefore: 3, secondsDuring: 20, secondsAfter: 2);

            Assert.True(outcome.Data.Missing > 0, "the outage should have overflowed the budget");
            Assert.Equal(outcome.Data.Missing, outcome.Data.ReportedDropped);
            Assert.Equal(outcome.DroppedByOutbox, outcome.Data.Missing);
            Assert.Equal(25, outcome.Data.Last);
            Assert.Equal(0, outcome.Data.Duplicates);
            Assert.Equal(2, outcome.Alarms.Received);
            Assert.Equal(0, outcome.Alarms.Missing);
            Assert.Equal(0, outcome.AlarmDrops);
        }

        private sealed record Outcome(SequenceTracker Data, SequenceTracker Alarms, long DroppedByOutbox, long AlarmDrops);

        private static async Task<Outcome> RunOutageAsync(int budgetBytes, int secondsBefore, int secondsDuring, int secondsAfter)
        {
            using var broker = MosquittoBroker.Start();
            var recorder = new TelemetryRecorder(null);
            int subscriptions = 0;
            recorder.Connected += () => Interlocked.Increment(ref subscriptions);
            using var stopRecorder = new CancellationTokenSource();
            Task recording = recorder.RunAsync(new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port }, "pg/v1/+/+/#", null, stopRecorder.Token);
            Wait.Until(() => Volatile.Read(ref subscriptions) == 1, TimeSpan.FromSeconds(10), "the recorder to subscribe");

            await using var node = new NodeUnderTest(broker, configure: o => o.OutboxBudgetBytes = budgetBytes);
            node.WaitConnected();
            for (int s = 0; s < secondsBefore; s++)
            {
                node.RunOneSecond();
                node.Pump();
            }

            Wait.Until(() => recorder.Stream("or3", "pg-01", 3, "data")?.Last == secondsBefore, TimeSpan.FromSeconds(10), "the frames before the outage");

            broker.Kill();
            Wait.Until(() => !node.Telemetry.Link.IsConnected, TimeSpan.FromSeconds(10), "the node to notice the outage");
            for (int s = 0; s < secondsDuring; s++)
            {
                node.RunOneSecond();
                if (s == 2 || s == secondsDuring - 2)
                {
                    node.RaiseAlarm(s == 2 ? "P_ARTERIAL_HIGH" : "LEVEL_LOW");
                }

                Assert.Equal(0, node.Pump());
            }

            broker.Start();
            Wait.Until(() => Volatile.Read(ref subscriptions) == 2, TimeSpan.FromSeconds(10), "the recorder to subscribe again");
            node.WaitConnected();
            node.Pump();
            for (int s = 0; s < secondsAfter; s++)
            {
                node.RunOneSecond();
                node.Pump();
            }

            int total = secondsBefore + secondsDuring + secondsAfter;
            Wait.Until(() => recorder.Stream("or3", "pg-01", 3, "data")?.Last == total && recorder.Stream("or3", "pg-01", 3, "alarm")?.Received >= 2,
                TimeSpan.FromSeconds(10), "the last frame and both alarms");
            stopRecorder.Cancel();
            await recording;
            return new Outcome(recorder.Stream("or3", "pg-01", 3, "data"), recorder.Stream("or3", "pg-01", 3, "alarm"),
                node.Telemetry.Outbox.DroppedDataFrames, node.Telemetry.Outbox.DroppedPriorityMessages);
        }
    }
}
