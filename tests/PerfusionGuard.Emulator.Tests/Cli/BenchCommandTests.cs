using System.IO;
using System.Text.Json;
using PerfusionGuard.Cli.Commands;
using Xunit;

namespace PerfusionGuard.Emulator.Tests.Cli
{
    /// <summary>
    /// The bench's report, not its timings: figures are checked for presence and for the targets that
    /// do not depend on the machine's speed (allocation, air, latency in simulated time). Timing
    /// targets are read off `perfusionguard bench`, never asserted here.
    /// </summary>
    public class BenchCommandTests
    {
        [Fact]
        public void Bench_json_reports_every_published_figure_and_the_machine_independent_targets_hold()
        {
            string dir = Path.Combine(Path.GetTempPath(), "pg-bench-test-" + System.Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                File.Copy(Path.Combine(RepoPaths.Root, "tests", "scenarios", "adult-cpb-air-slugs-6lpm.json"), Path.Combine(dir, "air.json"));
                var output = new StringWriter();
                int exit = new BenchCommand(output, TextWriter.Null).Run(new[] { "--json", "--no-mqtt", "--scenarios", dir });
                Assert.Equal(0, exit);

                using JsonDocument doc = JsonDocument.Parse(output.ToString());
                JsonElement root = doc.RootElement;
                foreach (string key in new[]
                {
                    "cycle_ns", "cycle_alloc_bytes", "stop_latency_ms", "air_past_detector_ml", "emulator_speedup",
                    "frame_encode_ns", "frame_alloc_bytes", "frame_bytes", "mqtt_publish_per_s", "mqtt_publish_ratio", "core_heap_bytes",
                })
                {
                    Assert.True(root.TryGetProperty(key, out _), "bench JSON lacks " + key);
                }

                Assert.Equal(0.0, root.GetProperty("cycle_alloc_bytes").GetDouble());
                Assert.Equal(0.0, root.GetProperty("frame_alloc_bytes").GetDouble());
                Assert.True(root.GetProperty("cycle_ns").GetDouble() > 0);
                Assert.True(root.GetProperty("stop_latency_ms").GetProperty("air_hardware_latch").GetProperty("worst_ms").GetDouble() <= 1.0);
                Assert.True(root.GetProperty("core_startup_alloc_bytes").GetInt64() > 0);
                Assert.True(root.GetProperty("air_during_detection_ml").GetDouble() <= 0.1, "detection and actuation let more than 0.1 ml pass");
                Assert.True(root.GetProperty("air_past_detector_ml").GetDouble() > 0, "the air scenario should let some air past the detector before the stop");
                Assert.Equal(JsonValueKind.Null, root.GetProperty("mqtt_publish_per_s").ValueKind);
                Assert.Contains("--no-mqtt", root.GetProperty("mqtt_note").GetString());
            }
            finally
            {
                Directory.Delete(dir, true);
            }
        }
    }
}
