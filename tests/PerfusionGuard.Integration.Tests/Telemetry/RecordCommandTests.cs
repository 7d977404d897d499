using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using PerfusionGuard.Cli.Commands;
using PerfusionGuard.Cli.Telemetry;
using PerfusionGuard.Integration.Tests.Broker;
using Xunit;

namespace PerfusionGuard.Integration.Tests.Telemetry
{
    public class RecordCommandTests
    {
        [Fact]
        public async Task Record_writes_json_lines_and_a_csv_of_data_frames_and_stops_after_count()
        {
            using var broker = MosquittoBroker.Start();
            await using var node = new NodeUnderTest(broker);
            node.WaitConnected();
            node.Pump(); // retained state and meta are on the broker before the recorder starts

            string directory = Path.Combine(Path.GetTempPath(), "pg-record-" + Guid.NewGuid().ToString("N")[..8]);
            Directory.CreateDirectory(directory);
            string jsonl = Path.Combine(directory, "run.jsonl");
            string csv = Path.Combine(directory, "run.csv");
            Task<int> record = Task.Run(() => new RecordCommand().Run(new[] { "--broker", broker.Endpoint, "--site", "or3", "--count", "4", "--out", jsonl, "--csv", csv }));
            Wait.Until(() => File.Exists(jsonl) && ReadLines(jsonl).Length == 2, TimeSpan.FromSeconds(10), "the recorder to write the retained state and meta");

            node.RunOneSecond();
            node.RunOneSecond();
            node.Pump();

            Assert.Equal(0, await record.WaitAsync(TimeSpan.FromSeconds(10)));
            string[] lines = ReadLines(jsonl);
            Assert.Equal(4, lines.Length);
            using var first = JsonDocument.Parse(lines[2]);
            Assert.Equal("pg/v1/or3/pg-01/data", first.RootElement.GetProperty("topic").GetString());
            Assert.True(first.RootElement.TryGetProperty("received_utc", out _));
            Assert.Equal(1, first.RootElement.GetProperty("payload").GetProperty("seq").GetInt64());

            string[] rows = File.ReadAllLines(csv);
            Assert.Equal(3, rows.Length);
            Assert.StartsWith("node,received_utc,seq,boot,", rows[0]);
            Assert.Contains("p_arterial_mmHg", rows[0]);
            Assert.StartsWith("or3/pg-01,", rows[1]);
            Directory.Delete(directory, true);
        }

        [Fact]
        public void The_sequence_tracker_tells_gaps_duplicates_and_late_arrivals_apart()
        {
            var tracker = new SequenceTracker();
            foreach (long seq in new long[] { 1, 2, 4, 4, 3, 7 })
            {
                tracker.Add(seq);
            }

            Assert.Equal(6, tracker.Received);
            Assert.Equal(1, tracker.Duplicates);
            Assert.Equal(1, tracker.OutOfOrder);
            Assert.Equal(2, tracker.Missing);
            Assert.Equal(new long[] { 5, 6 }, tracker.MissingNumbers(10));
        }

        [Fact]
        public void The_report_flags_data_gaps_the_node_did_not_report_and_lost_alarms()
        {
            var recorder = new TelemetryRecorder(null);
            var now = DateTime.UtcNow;
            recorder.Record("pg/v1/s/n/data", "{\"seq\":1,\"boot\":1,\"dropped\":0}"u8.ToArray(), now);
            recorder.Record("pg/v1/s/n/data", "{\"seq\":4,\"boot\":1,\"dropped\":1}"u8.ToArray(), now);
            recorder.Record("pg/v1/s/n/alarm", "{\"seq\":1,\"boot\":1}"u8.ToArray(), now);
            recorder.Record("pg/v1/s/n/alarm", "{\"seq\":3,\"boot\":1}"u8.ToArray(), now);

            string[] report = recorder.Report().ToArray();
            Assert.Contains(report, l => l.StartsWith("s/n boot=1 data:") && l.Contains("2 missing") && l.Contains("UNEXPLAINED: 1"));
            Assert.Contains(report, l => l.StartsWith("s/n boot=1 alarm:") && l.Contains("LOST: 2"));
        }

        private static string[] ReadLines(string path)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
