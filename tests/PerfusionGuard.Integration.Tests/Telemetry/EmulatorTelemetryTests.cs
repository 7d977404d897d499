using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PerfusionGuard.Cli.Commands;
using PerfusionGuard.Integration.Tests.Broker;
using Xunit;

namespace PerfusionGuard.Integration.Tests.Telemetry
{
    public class EmulatorTelemetryTests
    {
        [Fact]
        public async Task Run_with_broker_publishes_the_emulated_module_telemetry_with_contiguous_seq()
        {
            using var broker = MosquittoBroker.Start();
            await using var subscriber = await CollectingSubscriber.StartAsync(broker, "pg/v1/lab/emu1/#");
            string result = Path.Combine(Path.GetTempPath(), "pg-emu-" + Guid.NewGuid().ToString("N")[..8] + ".json");
            var output = new StringWriter();
            var errors = new StringWriter();

            int exit = new RunCommand(output, errors).Run(new[] { "--broker", broker.Endpoint, "--site", "lab", "--node", "emu1", "--result", result });

            Assert.Equal(RunCommand.ExitPassed, exit);
            subscriber.WaitFor(s => s.Payloads("state").Any(p => p.GetProperty("state").GetString() == "offline"), "the run's final offline state");
            long[] seqs = subscriber.Payloads("data").Select(p => p.GetProperty("seq").GetInt64()).ToArray();
            Assert.True(seqs.Length >= 100, $"only {seqs.Length} data frames (seq {string.Join(",", seqs.Take(5))}..{string.Join(",", seqs.TakeLast(3))}); run said: {errors}");
            Assert.Equal(Enumerable.Range(1, seqs.Length).Select(i => (long)i), seqs);
            Assert.Contains(subscriber.Payloads("alarm"), a => a.GetProperty("alarm").GetString() == "AIR_ARTERIAL");
            Assert.Contains(subscriber.Payloads("event"), e => e.GetProperty("event").GetString() == "pump_stopped");
            Assert.Contains("telemetry: ", errors.ToString());
            File.Delete(result);
        }
    }
}
