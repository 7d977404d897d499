using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using PerfusionGuard.Cli.Bench;

namespace PerfusionGuard.Cli.Commands
{
    /// <summary>
    /// `bench [--json] [--scenarios DIR] [--mqtt-messages N] [--no-mqtt]`: measures the published
    /// figures (README, Performance) and prints a table, or one JSON object with --json. Figures come
    /// from here, never from timed tests.
    /// </summary>
    public sealed class BenchCommand : ICliCommand
    {
        private readonly TextWriter _out;
        private readonly TextWriter _err;

        public BenchCommand() : this(Console.Out, Console.Error)
        {
        }

        public BenchCommand(TextWriter output, TextWriter error)
        {
            _out = output;
            _err = error;
        }

        public string Name => "bench";

        public string Summary => "bench [--json] [--scenarios DIR] [--mqtt-messages N] [--no-mqtt]  measure cycle cost, stop latency, air, speed, telemetry, heap";

        public int Run(string[] args)
        {
            bool json = false;
            bool mqtt = true;
            int mqttMessages = 5_000;
            string scenarioDir = Path.Combine("tests", "scenarios");
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--json": json = true; break;
                    case "--no-mqtt": mqtt = false; break;
                    case "--scenarios" when i + 1 < args.Length: scenarioDir = args[++i]; break;
                    case "--mqtt-messages" when i + 1 < args.Length && int.TryParse(args[i + 1], out int n) && n > 0: mqttMessages = n; i++; break;
                    default:
                        _err.WriteLine($"bench: unexpected argument '{args[i]}'");
                        _err.WriteLine("usage: perfusionguard " + Summary);
                        return 2;
                }
            }

            if (!Directory.Exists(scenarioDir))
            {
                _err.WriteLine($"bench: scenario folder '{scenarioDir}' not found");
                return 2;
            }

            _err.WriteLine("bench: safety cycle (default scenario, measured on its second run)...");
            CycleBench.Figures cycle = CycleBench.Run();
            _err.WriteLine("bench: telemetry frame encoding...");
            TelemetryBench.FrameFigures frame = TelemetryBench.Frames();
            _err.WriteLine($"bench: shipped scenarios in {scenarioDir}...");
            ScenarioBench.Figures scenarios = ScenarioBench.Run(scenarioDir, name => _err.WriteLine("  " + name));
            TelemetryBench.MqttFigures broker = mqtt
                ? Measure(() => TelemetryBench.Mqtt(mqttMessages, frame.FrameBytes))
                : new TelemetryBench.MqttFigures { Note = "skipped (--no-mqtt)" };

            var rows = new List<(string Name, string Value, string Target, bool? Met)>
            {
                ("cycle_ns (median)", F(cycle.MedianNs, 0), "-", null),
                ("cycle_ns (p99 / max)", F(cycle.P99Ns, 0) + " / " + F(cycle.MaxNs, 0), "-", null),
                ("cycle_alloc_bytes", F(cycle.AllocBytesPerCycle, 3), "0", cycle.AllocatedBytes == 0),
            };
            foreach (string cause in ScenarioBench.Causes)
            {
                ScenarioBench.Latency l = scenarios.Latencies[cause];
                bool hardware = cause == "air_hardware_latch";
                string target = hardware ? "<= 1" : "<= 11 beyond design delay";
                bool? met = double.IsNaN(l.WorstMs) ? null : hardware ? l.WorstMs <= 1.0 : l.BeyondDesignMs <= 11.0;
                string value = double.IsNaN(l.WorstMs) ? "no stop in scenarios" : $"{F(l.WorstMs, 3)} (design delay {F(l.DesignDelayMs, 0)}; {l.Scenario})";
                rows.Add(("stop_latency_ms." + cause, value, target, met));
            }

            rows.Add(("air_past_detector_ml", $"{F(scenarios.AirPastDetectorMl, 3)} ({scenarios.AirPastDetectorScenario}; includes pump spin-down)", "<= 0.1", scenarios.AirPastDetectorMl <= 0.1));
            rows.Add(("air_during_detection_ml", F(scenarios.AirDuringDetectionMl, 3) + " (worst air-stop latency x flow)", "<= 0.1", scenarios.AirDuringDetectionMl <= 0.1));
            rows.Add(("air_past_detector_ml.single_fault", $"{F(scenarios.AirPastDetectorSingleFaultMl, 3)} ({scenarios.AirPastDetectorSingleFaultScenario}; hardware latch failed on purpose)", "-", null));
            rows.Add(("air_to_patient_ml", F(scenarios.AirToPatientMl, 3), "0", scenarios.AirToPatientMl == 0));
            rows.Add(("emulator_speedup (wall / cpu)", $"{F(scenarios.SpeedupWall, 0)}x / {F(scenarios.SpeedupCpu, 0)}x", ">= 1000", scenarios.SpeedupWall >= 1000));
            rows.Add(("frame_encode_ns", F(frame.EncodeNs, 0), "-", null));
            rows.Add(("frame_alloc_bytes", F(frame.AllocBytesPerFrame, 3), "0", frame.AllocBytesPerFrame == 0));
            rows.Add(("frame_bytes", frame.FrameBytes.ToString(CultureInfo.InvariantCulture), "-", null));
            rows.Add(("mqtt_publish_per_s", broker.Available ? F(broker.HostPerS, 0) + $" (mosquitto_pub {F(broker.MosquittoPubPerS, 0)})" : broker.Note, "-", null));
            rows.Add(("mqtt_publish_ratio", broker.Available ? F(broker.Ratio, 2) : "n/a", "-", null));
            rows.Add(("core_heap_bytes", cycle.CoreHeapBytes.ToString(CultureInfo.InvariantCulture), "< 32768", cycle.CoreHeapBytes < 32768));
            rows.Add(("core_heap_without_telemetry_bytes", cycle.CoreHeapWithoutTelemetryBytes.ToString(CultureInfo.InvariantCulture), "-", null));
            rows.Add(("core_startup_alloc_bytes", cycle.CoreStartupAllocBytes.ToString(CultureInfo.InvariantCulture), "-", null));

            if (json)
            {
                var latency = new Dictionary<string, object>();
                foreach (string cause in ScenarioBench.Causes)
                {
                    ScenarioBench.Latency l = scenarios.Latencies[cause];
                    latency[cause] = double.IsNaN(l.WorstMs) ? null : new Dictionary<string, object>
                    {
                        ["worst_ms"] = Round(l.WorstMs), ["design_delay_ms"] = Round(l.DesignDelayMs), ["beyond_design_ms"] = Round(l.BeyondDesignMs),
                        ["scenario"] = l.Scenario, ["rule"] = l.Rule, ["stops"] = l.Stops,
                    };
                }

                var doc = new Dictionary<string, object>
                {
                    ["machine"] = Machine(),
                    ["cycle_ns"] = Round(cycle.MedianNs),
                    ["cycle_p99_ns"] = Round(cycle.P99Ns),
                    ["cycle_max_ns"] = Round(cycle.MaxNs),
                    ["cycles_measured"] = cycle.Cycles,
                    ["cycle_alloc_bytes"] = Round(cycle.AllocBytesPerCycle),
                    ["stop_latency_ms"] = latency,
                    ["air_past_detector_ml"] = Round(scenarios.AirPastDetectorMl),
                    ["air_during_detection_ml"] = Round(scenarios.AirDuringDetectionMl),
                    ["air_past_detector_single_fault_ml"] = Round(scenarios.AirPastDetectorSingleFaultMl),
                    ["air_to_patient_ml"] = Round(scenarios.AirToPatientMl),
                    ["emulator_speedup"] = Round(scenarios.SpeedupWall),
                    ["emulator_speedup_cpu"] = Round(scenarios.SpeedupCpu),
                    ["frame_encode_ns"] = Round(frame.EncodeNs),
                    ["frame_alloc_bytes"] = Round(frame.AllocBytesPerFrame),
                    ["frame_bytes"] = frame.FrameBytes,
                    ["mqtt_publish_per_s"] = broker.Available ? Round(broker.HostPerS) : null,
                    ["mosquitto_pub_per_s"] = broker.Available ? Round(broker.MosquittoPubPerS) : null,
                    ["mqtt_publish_ratio"] = broker.Available ? Round(broker.Ratio) : null,
                    ["mqtt_note"] = broker.Note,
                    ["core_heap_bytes"] = cycle.CoreHeapBytes,
                    ["core_startup_alloc_bytes"] = cycle.CoreStartupAllocBytes,
                    ["core_heap_without_telemetry_bytes"] = cycle.CoreHeapWithoutTelemetryBytes,
                    ["scenarios_run"] = scenarios.ScenariosRun,
                    ["scenarios_failed"] = scenarios.ScenariosFailed,
                };
                _out.WriteLine(JsonSerializer.Serialize(doc));
            }
            else
            {
                _out.WriteLine($"PerfusionGuard bench on {Machine()}");
                _out.WriteLine($"{"figure",-36} {"value",-70} {"target",-26} met");
                foreach (var row in rows)
                {
                    string met = row.Met == null ? "" : row.Met.Value ? "yes" : "NO";
                    _out.WriteLine($"{row.Name,-36} {row.Value,-70} {row.Target,-26} {met}");
                }

                _out.WriteLine($"{scenarios.ScenariosRun} scenarios run, {scenarios.ScenariosFailed} failed their expectations; {cycle.Cycles} cycles timed.");
            }

            return scenarios.ScenariosFailed == 0 ? 0 : 1;
        }

        private TelemetryBench.MqttFigures Measure(Func<TelemetryBench.MqttFigures> run)
        {
            _err.WriteLine("bench: MQTT publish rate against a local mosquitto...");
            try
            {
                return run();
            }
            catch (Exception e) when (e is InvalidOperationException || e is IOException || e is System.ComponentModel.Win32Exception || e is PerfusionGuard.Mqtt.MqttException)
            {
                return new TelemetryBench.MqttFigures { Note = "not measured: " + e.Message };
            }
        }

        private static string F(double value, int decimals) => double.IsNaN(value) ? "n/a" : value.ToString("F" + decimals, CultureInfo.InvariantCulture);

        private static object Round(double value) => double.IsNaN(value) || double.IsInfinity(value) ? null : Math.Round(value, 4);

        private static string Machine()
        {
            string cpu = "unknown CPU";
            try
            {
                string line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
                if (line != null)
                {
                    cpu = line.Substring(line.IndexOf(':') + 1).Trim();
                }
            }
            catch (IOException)
            {
            }

            return $"{cpu}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()}, .NET {Environment.Version}";
        }
    }
}
