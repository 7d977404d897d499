using System;
using System.Threading;
using System.Threading.Tasks;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Mqtt.Telemetry
{
    /// <summary>
    /// <see cref="ITelemetryLink"/> over the project's MQTT client, for the emulator and host tools:
    /// keeps a connection up with exponential backoff and jitter, publishes QoS 0 on write and QoS 1
    /// on PUBACK. It never subscribes (SAF-TEL-001).
    /// </summary>
    public sealed class HostTelemetryLink : ITelemetryLink, IAsyncDisposable
    {
        private readonly MqttClient _client;
        private readonly CancellationTokenSource _stop = new();
        private Task _reconnectLoop;
        private string _lastError;

        /// <summary>Creates the link; <see cref="Start"/> connects.</summary>
        /// <param name="options">Broker, credentials, TLS, and the Last Will (the node's <c>state</c> topic, <c>lost</c>, retained).</param>
        public HostTelemetryLink(MqttClientOptions options)
        {
            _client = new MqttClient(options);
        }

        /// <summary>Time a QoS 1 publish may wait for its PUBACK before it counts as failed.</summary>
        public TimeSpan AckTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>First delay after a failed or lost connection.</summary>
        public TimeSpan ReconnectMinDelay { get; set; } = TimeSpan.FromMilliseconds(100);

        /// <summary>Longest delay between attempts; the delay doubles up to it, ±20 % jitter.</summary>
        public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>The client (for tests and diagnostics).</summary>
        public MqttClient Client => _client;

        /// <summary>The last connection error, or null.</summary>
        public string LastError => _lastError;

        /// <summary>Raised (on the reconnect task) with a line for the log: connected, lost, retrying.</summary>
        public event Action<string> StatusChanged;

        /// <inheritdoc/>
        public bool IsConnected => _client.IsConnected;

        /// <inheritdoc/>
        public int ConnectionCount => _client.ConnectionCount;

        /// <summary>Starts connecting in the background (and reconnecting whenever the connection is lost).</summary>
        public void Start()
        {
            _reconnectLoop ??= Task.Run(ReconnectLoopAsync);
        }

        /// <summary>Connects once, now, and throws on failure (used to report a bad broker address or credentials at start-up).</summary>
        public Task ConnectOnceAsync(CancellationToken cancellationToken = default) => _client.ConnectAsync(cancellationToken);

        /// <inheritdoc/>
        public bool TryPublish(string topic, byte[] payload, int offset, int count, int qos, bool retain)
        {
            if (!_client.IsConnected)
            {
                return false;
            }

            Task lost = _client.ConnectionLost;
            using var giveUp = new CancellationTokenSource();
            Task publish;
            try
            {
                // PublishAsync encodes the packet before its first await, so the pump may reuse its buffer.
                publish = _client.PublishAsync(topic, payload.AsMemory(offset, count), qos, retain, giveUp.Token);
            }
            catch (MqttException e)
            {
                _lastError = e.Message;
                return false;
            }

            Task.WaitAny(new[] { publish, lost }, qos == 0 ? TimeSpan.FromSeconds(2) : AckTimeout);
            if (publish.IsCompletedSuccessfully)
            {
                return true;
            }

            // Forget it: the outbox still holds the message and resends it after the reconnect, so the
            // client must not resend it as well.
            giveUp.Cancel();
            _lastError = publish.Exception?.InnerException?.Message ?? (lost.IsCompleted ? "connection lost before PUBACK" : "no PUBACK within " + AckTimeout.TotalSeconds + " s");
            return false;
        }

        /// <summary>Stops reconnecting and disconnects cleanly (the broker discards the Last Will).</summary>
        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            if (_reconnectLoop != null)
            {
                try
                {
                    await _reconnectLoop.ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                }
            }

            await _client.DisposeAsync().ConfigureAwait(false);
        }

        private async Task ReconnectLoopAsync()
        {
            TimeSpan delay = ReconnectMinDelay;
            while (!_stop.IsCancellationRequested)
            {
                if (!_client.IsConnected)
                {
                    try
                    {
                        await _client.ConnectAsync(_stop.Token).ConfigureAwait(false);
                        delay = ReconnectMinDelay;
                        _lastError = null;
                        StatusChanged?.Invoke($"telemetry: connected to {_client.Options.Endpoint} (connection {_client.ConnectionCount})");
                    }
                    catch (OperationCanceledException) when (_stop.IsCancellationRequested)
                    {
                        return;
                    }
                    catch (Exception e)
                    {
                        // Any failure (refused, TLS, network, a bug) must not end the loop: report it and retry.
                        _lastError = e is MqttException ? e.Message : e.GetType().Name + ": " + e.Message;
                        StatusChanged?.Invoke($"telemetry: {_lastError}; retrying in {delay.TotalSeconds:F1} s");
                        await DelayWithJitterAsync(delay).ConfigureAwait(false);
                        delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, ReconnectMaxDelay.Ticks));
                        continue;
                    }
                }

                try
                {
                    await Task.WhenAny(_client.ConnectionLost, Task.Delay(Timeout.Infinite, _stop.Token)).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                if (!_stop.IsCancellationRequested && !_client.IsConnected)
                {
                    StatusChanged?.Invoke($"telemetry: connection to {_client.Options.Endpoint} lost; reconnecting");
                    await DelayWithJitterAsync(delay).ConfigureAwait(false);
                }
            }
        }

        private async Task DelayWithJitterAsync(TimeSpan delay)
        {
            // ±20 % jitter so that many nodes restarted together do not reconnect in lock-step.
            double factor = 0.8 + (Random.Shared.NextDouble() * 0.4);
            try
            {
                await Task.Delay(TimeSpan.FromTicks((long)(delay.Ticks * factor)), _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
