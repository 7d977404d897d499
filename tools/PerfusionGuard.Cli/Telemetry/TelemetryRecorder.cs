using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PerfusionGuard.Mqtt;

namespace PerfusionGuard.Cli.Telemetry
{
    /// <summary>
    /// Records PerfusionGuard telemetry: subscribes to <c>pg/v1/&lt;site&gt;/&lt;node&gt;/#</c> (wildcards
    /// allowed), writes one JSON line per message (topic, received time, payload), tracks sequence
    /// gaps and duplicates per (site, node, boot, stream), and keeps data frames for a CSV export.
    /// Reconnects and resubscribes by itself when the broker goes away.
    /// </summary>
    public sealed class TelemetryRecorder
    {
        private readonly object _lock = new();
        private readonly Dictionary<string, SequenceTracker> _streams = new(StringComparer.Ordinal);
        private readonly List<(string Node, DateTime ReceivedUtc, Dictionary<string, string> Fields)> _dataRows = new();
        private readonly TextWriter _jsonLines;
        private long _messages;

        /// <summary>Creates a recorder writing JSON lines to <paramref name="jsonLines"/> (may be null).</summary>
        public TelemetryRecorder(TextWriter jsonLines)
        {
            _jsonLines = jsonLines;
        }

        /// <summary>Messages recorded.</summary>
        public long Messages => Interlocked.Read(ref _messages);

        /// <summary>Raised after each message is recorded (topic, parsed payload or null).</summary>
        public event Action<string, JsonElement?> Recorded;

        /// <summary>The tracker of one stream, keyed "site/node boot=N stream"; null when nothing arrived.</summary>
        public SequenceTracker Stream(string site, string node, long boot, string stream)
        {
            lock (_lock)
            {
                return _streams.GetValueOrDefault(Key(site, node, boot, stream));
            }
        }

        /// <summary>Every stream seen, by key.</summary>
        public IReadOnlyDictionary<string, SequenceTracker> Streams
        {
            get
            {
                lock (_lock)
                {
                    return new Dictionary<string, SequenceTracker>(_streams);
                }
            }
        }

        /// <summary>Records one message (called by the subscription, or directly by tests).</summary>
        public void Record(string topic, byte[] payload, DateTime receivedUtc)
        {
            JsonElement? parsed = null;
            try
            {
                using JsonDocument document = JsonDocument.Parse(payload);
                parsed = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON: recorded as a string so that nothing is lost.
            }

            lock (_lock)
            {
                _messages++;
                if (_jsonLines != null)
                {
                    var line = new StringBuilder(payload.Length + topic.Length + 64);
                    line.Append("{\"topic\":").Append(JsonSerializer.Serialize(topic));
                    line.Append(",\"received_utc\":\"").Append(receivedUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)).Append('"');
                    line.Append(",\"payload\":");
                    line.Append(parsed.HasValue ? Encoding.UTF8.GetString(payload) : JsonSerializer.Serialize(Encoding.UTF8.GetString(payload)));
                    line.Append('}');
                    _jsonLines.WriteLine(line.ToString());
                }

                string[] levels = topic.Split('/');
                if (levels.Length == 5 && levels[0] == "pg" && levels[1] == "v1" && parsed is { ValueKind: JsonValueKind.Object } root
                    && root.TryGetProperty("seq", out JsonElement seqElement) && root.TryGetProperty("boot", out JsonElement bootElement))
                {
                    string key = Key(levels[2], levels[3], bootElement.GetInt64(), levels[4]);
                    if (!_streams.TryGetValue(key, out SequenceTracker tracker))
                    {
                        tracker = new SequenceTracker();
                        _streams[key] = tracker;
                    }

                    bool fresh = tracker.Add(seqElement.GetInt64());
                    if (fresh && levels[4] == "data")
                    {
                        if (root.TryGetProperty("dropped", out JsonElement dropped))
                        {
                            tracker.ReportedDropped += dropped.GetInt64();
                        }

                        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                        foreach (JsonProperty property in root.EnumerateObject())
                        {
                            fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
                        }

                        _dataRows.Add((levels[2] + "/" + levels[3], receivedUtc, fields));
                    }
                }
            }

            Recorded?.Invoke(topic, parsed);
        }

        /// <summary>
        /// Subscribes through <paramref name="options"/> to <paramref name="filter"/> and records until
        /// <paramref name="cancellationToken"/> is cancelled, reconnecting (100 ms doubling to 2 s)
        /// whenever the connection is lost. A refused connection (bad credentials) is thrown at once.
        /// </summary>
        public async Task RunAsync(MqttClientOptions options, string filter, Action<string> status, CancellationToken cancellationToken)
        {
            var client = new MqttClient(options);
            client.MessageReceived += message => Record(message.Topic, message.Payload, DateTime.UtcNow);
            TimeSpan delay = TimeSpan.FromMilliseconds(100);
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    try
                    {
                        await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
                        byte[] granted = await client.SubscribeAsync(new[] { (filter, 1) }, cancellationToken).ConfigureAwait(false);
                        if (granted[0] == 0x80)
                        {
                            throw new MqttException($"MQTT broker {options.Endpoint} refused the subscription to {filter}");
                        }

                        delay = TimeSpan.FromMilliseconds(100);
                        status?.Invoke($"record: subscribed to {filter} on {options.Endpoint}");
                        Connected?.Invoke();
                        await Task.WhenAny(client.ConnectionLost, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
                        if (!cancellationToken.IsCancellationRequested)
                        {
                            status?.Invoke($"record: connection to {options.Endpoint} lost; reconnecting");
                        }
                    }
                    catch (MqttConnectRefusedException)
                    {
                        throw;
                    }
                    catch (MqttException e)
                    {
                        status?.Invoke($"record: {e.Message}; retrying in {delay.TotalSeconds:F1} s");
                        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                        delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            finally
            {
                await client.DisposeAsync().ConfigureAwait(false);
            }
        }

        /// <summary>Raised each time the recorder has (re)subscribed.</summary>
        public event Action Connected;

        /// <summary>One line per stream: received, missing (gaps), duplicates, reported drops.</summary>
        public IEnumerable<string> Report()
        {
            lock (_lock)
            {
                foreach (var (key, tracker) in _streams.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    string line = $"{key}: {tracker.Received} received, seq {tracker.First}..{tracker.Last}, {tracker.Missing} missing, {tracker.Duplicates} duplicate(s), {tracker.OutOfOrder} out of order";
                    if (key.EndsWith(" data", StringComparison.Ordinal))
                    {
                        line += $", {tracker.ReportedDropped} reported dropped by the node";
                        if (tracker.Missing != tracker.ReportedDropped)
                        {
                            line += $" (UNEXPLAINED: {tracker.Missing - tracker.ReportedDropped} missing beyond the node's count)";
                        }
                    }
                    else if (tracker.Missing > 0)
                    {
                        line += $" (LOST: {string.Join(",", tracker.MissingNumbers(20))})";
                    }

                    yield return line;
                }
            }
        }

        /// <summary>Writes every data frame as CSV: node, received time, then the union of the frames' fields.</summary>
        public void WriteCsv(TextWriter csv)
        {
            lock (_lock)
            {
                var columns = new List<string>();
                var known = new HashSet<string>(StringComparer.Ordinal);
                foreach (var row in _dataRows)
                {
                    foreach (string name in row.Fields.Keys)
                    {
                        if (known.Add(name))
                        {
                            columns.Add(name);
                        }
                    }
                }

                csv.WriteLine(string.Join(",", new[] { "node", "received_utc" }.Concat(columns).Select(Escape)));
                foreach (var row in _dataRows)
                {
                    var cells = new List<string> { row.Node, row.ReceivedUtc.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture) };
                    cells.AddRange(columns.Select(c => row.Fields.TryGetValue(c, out string v) ? v : ""));
                    csv.WriteLine(string.Join(",", cells.Select(Escape)));
                }
            }
        }

        private static string Escape(string cell) =>
            cell.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0 ? "\"" + cell.Replace("\"", "\"\"") + "\"" : cell;

        private static string Key(string site, string node, long boot, string stream) => $"{site}/{node} boot={boot} {stream}";
    }
}
