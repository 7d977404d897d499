using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PerfusionGuard.Profiles;

namespace PerfusionGuard.Emulator.Runner
{
    /// <summary>
    /// Writes the result JSON of SCENARIOS.md: every contract field with its meaning, in the contract's
    /// order, then the emulator's extensions. Numbers are rounded to stable precision so that two runs
    /// of one file and seed are byte-identical apart from "wall_s".
    /// </summary>
    public static class ResultWriter
    {
        /// <summary>The result as indented UTF-8 JSON text.</summary>
        public static string ToJson(RunResult result)
        {
            using var stream = new MemoryStream();
            var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            using (var w = new Utf8JsonWriter(stream, options))
            {
                Write(w, result);
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        /// <summary>Writes the result to <paramref name="path"/>, creating its folder.</summary>
        public static void WriteFile(RunResult result, string path)
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            File.WriteAllText(path, ToJson(result));
        }

        private static void Write(Utf8JsonWriter w, RunResult r)
        {
            w.WriteStartObject();
            w.WriteString("scenario", r.Scenario.Name);
            w.WriteString("circuit", CircuitNames.NameOf(r.Scenario.Circuit));
            w.WriteNumber("seed", r.Seed);
            w.WriteNumber("duration_s", r.Scenario.DurationS);
            w.WriteBoolean("passed", r.Passed);
            w.WriteStartArray("expectations");
            var docOptions = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            foreach (ExpectationResult e in r.Expectations)
            {
                w.WriteStartObject();
                w.WritePropertyName("expect");
                JsonNode.Parse(e.Expectation.Raw, null, docOptions).WriteTo(w);
                w.WriteBoolean("held", e.Held);
                w.WriteString("detail", e.Detail);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            RunOutcomes o = r.Outcomes;
            w.WriteStartObject("outcomes");
            Number(w, "air_to_patient_ml", o.AirToPatientMl, 4);
            Number(w, "air_past_detector_ml", o.AirPastDetectorMl, 4);
            w.WriteStartObject("max_pressure_mmHg");
            foreach (KeyValuePair<string, double> pair in o.MaxPressureMmHg)
            {
                Number(w, pair.Key, pair.Value, 1);
            }

            w.WriteEndObject();
            Number(w, "min_reservoir_ml", o.MinReservoirMl, 1);
            w.WriteNumber("pump_stops", o.PumpStops);
            w.WriteNumber("spurious_stops", o.SpuriousStops);
            Number(w, "max_stop_latency_ms", o.MaxStopLatencyMs, 3);
            Number(w, "blood_lost_ml", o.BloodLostMl, 1);
            w.WriteNumber("alarms_high", o.AlarmsHigh);
            w.WriteNumber("microbubbles_counted", o.MicrobubblesCounted);
            w.WriteNumber("speed_limit_changes", o.SpeedLimitChanges);
            w.WriteNumber("speed_limit_reversals", o.SpeedLimitReversals);
            Number(w, "air_trapped_in_reservoir_ml", o.AirTrappedInReservoirMl, 3);
            w.WriteNumber("console_lines_unsupported", o.ConsoleLinesUnsupported);
            w.WriteEndObject();
            w.WriteStartArray("events");
            foreach (RunEvent e in r.Events)
            {
                w.WriteStartObject();
                Number(w, "t_ms", e.TMs, 3);
                w.WriteString("kind", e.Kind);
                foreach (KeyValuePair<string, object> field in e.Fields)
                {
                    switch (field.Value)
                    {
                        case null: w.WriteNull(field.Key); break;
                        case string s: w.WriteString(field.Key, s); break;
                        case bool b: w.WriteBoolean(field.Key, b); break;
                        case double d: Number(w, field.Key, d, 4); break;
                        case long l: w.WriteNumber(field.Key, l); break;
                        case int i: w.WriteNumber(field.Key, i); break;
                        default: w.WriteString(field.Key, Convert.ToString(field.Value, System.Globalization.CultureInfo.InvariantCulture)); break;
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            Number(w, "wall_s", r.WallS, 3);
            w.WriteString("description", r.Scenario.Description);
            w.WriteStartArray("requirements");
            foreach (string id in r.Scenario.Requirements)
            {
                w.WriteStringValue(id);
            }

            w.WriteEndArray();
            w.WriteString("firmware", r.Firmware);
            w.WriteNumber("safety_cycles", r.SafetyCycles);
            w.WriteNumber("physics_steps", r.PhysicsSteps);
            w.WriteEndObject();
        }

        private static void Number(Utf8JsonWriter w, string name, double value, int decimals)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                w.WriteNull(name);
                return;
            }

            double rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
            if (rounded == 0)
            {
                rounded = 0; // no "-0"
            }

            w.WriteNumber(name, rounded);
        }
    }
}
