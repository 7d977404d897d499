using System;
using System.Globalization;
using System.IO;
using System.Threading;
using PerfusionGuard.Cli.Telemetry;
using PerfusionGuard.Mqtt;
using PerfusionGuard.Mqtt.Telemetry;

namespace PerfusionGuard.Cli.Commands
{
    /// <summary>
    /// <c>perfusionguard record --broker HOST:PORT [--tls-ca FILE] [--user U --password P] [--site S]
    /// [--node N] [--out FILE] [--csv FILE] [--count N] [--duration S] [--session ID]</c>: records
    /// telemetry as JSON lines and reports sequence gaps and duplicates per node, boot and stream.
    /// </summary>
    public sealed class RecordCommand : ICliCommand
    {
        /// <inheritdoc/>
        public string Name => "record";

        /// <inheritdoc/>
        public string Summary => "record MQTT telemetry to JSON lines / CSV and report seq gaps and duplicates";

        /// <inheritdoc/>
        public int Run(string[] args)
        {
            if (!HostTelemetryOptions.TryParse(args, out HostTelemetryOptions broker, out string[] rest, out string error))
            {
                return Usage(error);
            }

            string outPath = null;
            string csvPath = null;
            string session = null;
            long count = 0;
            double durationSeconds = 0;
            for (int i = 0; i < rest.Length; i++)
            {
                string option = rest[i];
                string value = i + 1 < rest.Length ? rest[i + 1] : null;
                switch (option)
                {
                    case "--out" when value != null: outPath = value; i++; break;
                    case "--csv" when value != null: csvPath = value; i++; break;
                    case "--session" when value != null: session = value; i++; break;
                    case "--count" when value != null && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count > 0: i++; break;
                    case "--duration" when value != null && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out durationSeconds) && durationSeconds > 0: i++; break;
                    default: return Usage($"unknown or incomplete option '{option}'");
                }
            }

            if (!broker.HasBroker)
            {
                return Usage("--broker HOST:PORT is required");
            }

            string filter = $"pg/v1/{broker.Site ?? "+"}/{broker.Node ?? "+"}/#";
            MqttClientOptions options = broker.ToClientOptions(session ?? "pg-record-" + Guid.NewGuid().ToString("N")[..8]);
            // A named session is persistent: QoS 1 alarms and events published while the recorder is away are kept for it.
            options.CleanSession = session == null;
            TextWriter lines = outPath == null ? Console.Out : new StreamWriter(outPath, append: false) { AutoFlush = true };
            var recorder = new TelemetryRecorder(lines);
            using var stop = new CancellationTokenSource();
            if (durationSeconds > 0)
            {
                stop.CancelAfter(TimeSpan.FromSeconds(durationSeconds));
            }

            if (count > 0)
            {
                recorder.Recorded += (_, _) =>
                {
                    if (recorder.Messages >= count)
                    {
                        stop.Cancel();
                    }
                };
            }

            Console.CancelKeyPress += (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };

            int exitCode = 0;
            try
            {
                recorder.RunAsync(options, filter, Console.Error.WriteLine, stop.Token).GetAwaiter().GetResult();
            }
            catch (MqttException e)
            {
                Console.Error.WriteLine($"record: {e.Message}");
                exitCode = 1;
            }
            finally
            {
                if (outPath != null)
                {
                    lines.Dispose();
                }
            }

            if (csvPath != null)
            {
                using var csv = new StreamWriter(csvPath, append: false);
                recorder.WriteCsv(csv);
            }

            Console.Error.WriteLine($"record: {recorder.Messages} message(s)");
            foreach (string line in recorder.Report())
            {
                Console.Error.WriteLine("record: " + line);
            }

            return exitCode;
        }

        private static int Usage(string error)
        {
            Console.Error.WriteLine($"perfusionguard record: {error}");
            Console.Error.WriteLine("usage: perfusionguard record --broker HOST:PORT [--tls-ca FILE] [--user U --password P] [--site S] [--node N]");
            Console.Error.WriteLine("                             [--out FILE.jsonl] [--csv FILE.csv] [--count N] [--duration SECONDS] [--session ID]");
            return 2;
        }
    }
}
