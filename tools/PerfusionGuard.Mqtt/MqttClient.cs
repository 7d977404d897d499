using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace PerfusionGuard.Mqtt
{
    /// <summary>
    /// A small MQTT 3.1.1 client: CONNECT (Last Will, user name / password, clean or persistent
    /// session, keep alive with PINGREQ), PUBLISH at QoS 0 and 1 with PUBACK tracking, resend of
    /// unacknowledged QoS 1 messages with DUP after a reconnect, SUBSCRIBE, incoming PUBLISH (QoS 0
    /// and 1, acknowledged), DISCONNECT, and TLS with a CA file. One connection at a time;
    /// <see cref="ConnectAsync"/> again after a loss reconnects. No maintained MQTT package can be
    /// restored where PerfusionGuard is built, so this is the project's own (issue 5).
    /// </summary>
    public sealed class MqttClient : IAsyncDisposable
    {
        private readonly MqttClientOptions _options;
        private readonly SemaphoreSlim _writeLock = new(1, 1);
        private readonly object _stateLock = new();
        private readonly SortedDictionary<ushort, PendingPublish> _unacknowledged = new();
        private readonly Dictionary<ushort, TaskCompletionSource<byte[]>> _pendingSubscribes = new();
        private Connection _connection;
        private ushort _lastPacketId;
        private int _connectionCount;

        /// <summary>Creates a client; nothing happens on the network until <see cref="ConnectAsync"/>.</summary>
        public MqttClient(MqttClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <summary>Raised on the reader task for every application message received.</summary>
        public event Action<MqttMessage> MessageReceived;

        /// <summary>Raised once per lost or closed connection, with the reason (null for our own DISCONNECT).</summary>
        public event Action<Exception> Disconnected;

        /// <summary>The options in use.</summary>
        public MqttClientOptions Options => _options;

        /// <summary>True between a successful CONNACK and the loss or close of that connection.</summary>
        public bool IsConnected => _connection is { Closed: false };

        /// <summary>Successful connects so far.</summary>
        public int ConnectionCount => _connectionCount;

        /// <summary>QoS 1 messages sent and not yet acknowledged (kept across reconnects).</summary>
        public int UnacknowledgedCount
        {
            get
            {
                lock (_stateLock)
                {
                    return _unacknowledged.Count;
                }
            }
        }

        /// <summary>Application messages received since creation.</summary>
        public long MessagesReceived => Interlocked.Read(ref _messagesReceived);

        private long _messagesReceived;

        /// <summary>A task that completes when the current connection is lost or closed (completed when not connected).</summary>
        public Task ConnectionLost => _connection?.Lost.Task ?? Task.CompletedTask;

        /// <summary>
        /// Connects: TCP (and TLS when a CA file is set), CONNECT, CONNACK. Then resends every
        /// unacknowledged QoS 1 PUBLISH with DUP set (§4.4). Returns the CONNACK session-present flag.
        /// </summary>
        /// <exception cref="MqttConnectRefusedException">The broker refused, with its return code named.</exception>
        /// <exception cref="MqttException">TCP, TLS, time-out or protocol failure, saying which.</exception>
        public async Task<bool> ConnectAsync(CancellationToken cancellationToken = default)
        {
            if (IsConnected)
            {
                throw new InvalidOperationException($"MQTT client {_options.ClientId} is already connected to {_options.Endpoint}");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ConnectTimeout);
            var tcp = new TcpClient { NoDelay = true };
            Stream stream = null;
            try
            {
                try
                {
                    await tcp.ConnectAsync(_options.Host, _options.Port, timeout.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is SocketException or OperationCanceledException)
                {
                    throw new MqttException($"MQTT broker {_options.Endpoint}: TCP connect failed ({(e is OperationCanceledException ? "timed out after " + _options.ConnectTimeout.TotalSeconds + " s" : e.Message)})", e);
                }

                stream = tcp.GetStream();
                if (_options.TlsCaFile != null)
                {
                    stream = await StartTlsAsync(stream, timeout.Token).ConfigureAwait(false);
                }

                byte[] connect = MqttCodec.Connect(_options.ClientId, _options.UserName, _options.Password, _options.KeepAliveSeconds, _options.CleanSession, _options.Will);
                await stream.WriteAsync(connect, timeout.Token).ConfigureAwait(false);
                (byte header, byte[] body) = await ReadPacketAsync(stream, timeout.Token).ConfigureAwait(false)
                    ?? throw new MqttException($"MQTT broker {_options.Endpoint} closed the connection before CONNACK (refused client id, TLS expected, or not an MQTT broker?)");
                if ((MqttPacketType)(header >> 4) != MqttPacketType.Connack)
                {
                    throw new MqttProtocolException($"MQTT broker {_options.Endpoint} answered CONNECT with packet type {header >> 4}, not CONNACK");
                }

                (bool sessionPresent, byte code) = MqttCodec.ParseConnack(body);
                if (code != 0)
                {
                    throw new MqttConnectRefusedException(_options.Endpoint, code);
                }

                var connection = new Connection(tcp, stream);
                _connection = connection;
                Interlocked.Increment(ref _connectionCount);
                connection.Reader = Task.Run(() => ReadLoopAsync(connection));
                if (_options.KeepAliveSeconds > 0)
                {
                    connection.KeepAlive = Task.Run(() => KeepAliveLoopAsync(connection));
                }

                await ResendUnacknowledgedAsync(connection).ConfigureAwait(false);
                return sessionPresent;
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                stream?.Dispose();
                tcp.Dispose();
                throw new MqttException($"MQTT broker {_options.Endpoint}: no CONNACK within {_options.ConnectTimeout.TotalSeconds} s", e);
            }
            catch (IOException e)
            {
                stream?.Dispose();
                tcp.Dispose();
                throw new MqttException($"MQTT broker {_options.Endpoint}: connection failed during CONNECT ({e.Message})", e);
            }
            catch
            {
                stream?.Dispose();
                tcp.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Publishes. QoS 0 completes once written; QoS 1 completes when the PUBACK arrives, which may
        /// be after a reconnect (the message is resent with DUP). Cancelling a QoS 1 publish forgets it:
        /// it will not be resent.
        /// </summary>
        /// <exception cref="MqttException">Not connected, or the write failed.</exception>
        public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, int qos, bool retain, CancellationToken cancellationToken = default)
        {
            Connection connection = _connection;
            if (connection is not { Closed: false })
            {
                throw new MqttException($"MQTT client {_options.ClientId}: not connected to {_options.Endpoint}; cannot publish to {topic}");
            }

            if (qos == 0)
            {
                await WriteAsync(connection, MqttCodec.Publish(topic, payload.Span, 0, retain, false, 0), cancellationToken).ConfigureAwait(false);
                return;
            }

            PendingPublish pending;
            lock (_stateLock)
            {
                ushort id = NextPacketId();
                pending = new PendingPublish(id, MqttCodec.Publish(topic, payload.Span, qos, retain, false, id));
                _unacknowledged.Add(id, pending);
            }

            using var registration = cancellationToken.Register(() =>
            {
                lock (_stateLock)
                {
                    _unacknowledged.Remove(pending.PacketId);
                }

                pending.Acknowledged.TrySetCanceled();
            });

            try
            {
                await WriteAsync(connection, pending.Packet, cancellationToken).ConfigureAwait(false);
            }
            catch (MqttException)
            {
                // The connection is gone; the message stays unacknowledged and is resent after a reconnect.
            }

            await pending.Acknowledged.Task.ConfigureAwait(false);
        }

        /// <summary>Subscribes and returns the granted QoS of each filter (0x80 = refused by the broker).</summary>
        public async Task<byte[]> SubscribeAsync(IReadOnlyList<(string Filter, int Qos)> filters, CancellationToken cancellationToken = default)
        {
            Connection connection = _connection;
            if (connection is not { Closed: false })
            {
                throw new MqttException($"MQTT client {_options.ClientId}: not connected to {_options.Endpoint}; cannot subscribe");
            }

            var granted = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
            ushort id;
            lock (_stateLock)
            {
                id = NextPacketId();
                _pendingSubscribes[id] = granted;
            }

            await WriteAsync(connection, MqttCodec.Subscribe(id, filters), cancellationToken).ConfigureAwait(false);
            using var registration = cancellationToken.Register(() => granted.TrySetCanceled());
            return await granted.Task.ConfigureAwait(false);
        }

        /// <summary>Sends DISCONNECT (the broker discards the Last Will) and closes.</summary>
        public async Task DisconnectAsync()
        {
            Connection connection = _connection;
            if (connection is not { Closed: false })
            {
                return;
            }

            try
            {
                await WriteAsync(connection, MqttCodec.Disconnect(), CancellationToken.None).ConfigureAwait(false);
            }
            catch (MqttException)
            {
                // Already gone: nothing more to say to the broker.
            }

            Close(connection, null);
        }

        /// <summary>Drops the connection without DISCONNECT, as a crash or a pulled cable would: the broker publishes the Last Will.</summary>
        public void Abort()
        {
            Connection connection = _connection;
            if (connection != null)
            {
                try
                {
                    connection.Tcp.Client.LingerState = new LingerOption(true, 0);
                }
                catch (ObjectDisposedException)
                {
                }

                Close(connection, new MqttException("connection aborted by the client"));
            }
        }

        /// <inheritdoc/>
        public async ValueTask DisposeAsync()
        {
            await DisconnectAsync().ConfigureAwait(false);
            Close(_connection, null);
        }

        private ushort NextPacketId()
        {
            // Caller holds _stateLock. Skip 0 (forbidden) and ids still in use.
            do
            {
                _lastPacketId = (ushort)(_lastPacketId == ushort.MaxValue ? 1 : _lastPacketId + 1);
            }
            while (_unacknowledged.ContainsKey(_lastPacketId) || _pendingSubscribes.ContainsKey(_lastPacketId));
            return _lastPacketId;
        }

        private async Task<Stream> StartTlsAsync(Stream stream, CancellationToken cancellationToken)
        {
            X509Certificate2 ca;
            try
            {
                ca = X509Certificate2.CreateFromPem(File.ReadAllText(_options.TlsCaFile));
            }
            catch (Exception e)
            {
                throw new MqttException($"TLS CA file {_options.TlsCaFile}: cannot be read as a PEM certificate ({e.Message})", e);
            }

            string failure = null;
            var tls = new SslStream(stream, false, (_, certificate, _, errors) =>
            {
                if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 || certificate == null)
                {
                    failure = certificate == null ? "the broker sent no certificate" : $"the broker's certificate does not name '{_options.TlsServerName ?? _options.Host}'";
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                bool trusted = chain.Build(new X509Certificate2(certificate));
                if (!trusted)
                {
                    failure = "the broker's certificate is not signed by the CA in " + _options.TlsCaFile + " ("
                        + string.Join(", ", chain.ChainStatus.Select(s => s.StatusInformation.Trim())) + ")";
                }

                return trusted;
            });
            try
            {
                await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = _options.TlsServerName ?? _options.Host }, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is System.Security.Authentication.AuthenticationException or IOException)
            {
                tls.Dispose();
                throw new MqttException($"MQTT broker {_options.Endpoint}: TLS handshake failed: {failure ?? e.Message}", e);
            }

            return tls;
        }

        private async Task ResendUnacknowledgedAsync(Connection connection)
        {
            PendingPublish[] pending;
            lock (_stateLock)
            {
                pending = _unacknowledged.Values.ToArray();
            }

            foreach (PendingPublish message in pending)
            {
                MqttCodec.SetDuplicate(message.Packet);
                await WriteAsync(connection, message.Packet, CancellationToken.None).ConfigureAwait(false);
            }
        }

        private async Task WriteAsync(Connection connection, byte[] packet, CancellationToken cancellationToken)
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (connection.Closed)
                {
                    throw new MqttException($"MQTT connection to {_options.Endpoint} is closed");
                }

                await connection.Stream.WriteAsync(packet, cancellationToken).ConfigureAwait(false);
                connection.LastSendTicks = Environment.TickCount64;
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException)
            {
                Close(connection, e);
                throw new MqttException($"MQTT connection to {_options.Endpoint} failed while sending ({e.Message})", e);
            }
            finally
            {
                _writeLock.Release();
            }
        }

        private async Task ReadLoopAsync(Connection connection)
        {
            Exception reason = null;
            try
            {
                while (!connection.Closed)
                {
                    var packet = await ReadPacketAsync(connection.Stream, connection.Cancel.Token).ConfigureAwait(false);
                    if (packet == null)
                    {
                        reason = new MqttException($"MQTT broker {_options.Endpoint} closed the connection");
                        break;
                    }

                    await HandleAsync(connection, packet.Value.Header, packet.Value.Body).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                reason = e;
            }

            Close(connection, reason);
        }

        private async Task HandleAsync(Connection connection, byte header, byte[] body)
        {
            switch ((MqttPacketType)(header >> 4))
            {
                case MqttPacketType.Publish:
                    MqttMessage message = MqttCodec.ParsePublish((byte)(header & 0x0F), body, out ushort packetId);
                    Interlocked.Increment(ref _messagesReceived);
                    MessageReceived?.Invoke(message);
                    if (message.Qos == 1)
                    {
                        await WriteAsync(connection, MqttCodec.Puback(packetId), CancellationToken.None).ConfigureAwait(false);
                    }

                    break;
                case MqttPacketType.Puback:
                    PendingPublish acknowledged = null;
                    lock (_stateLock)
                    {
                        ushort id = MqttCodec.ParsePacketId(body);
                        if (_unacknowledged.Remove(id, out PendingPublish pending))
                        {
                            acknowledged = pending;
                        }
                    }

                    acknowledged?.Acknowledged.TrySetResult();
                    break;
                case MqttPacketType.Suback:
                    (ushort subId, byte[] granted) = MqttCodec.ParseSuback(body);
                    TaskCompletionSource<byte[]> subscribe = null;
                    lock (_stateLock)
                    {
                        if (_pendingSubscribes.Remove(subId, out var waiting))
                        {
                            subscribe = waiting;
                        }
                    }

                    subscribe?.TrySetResult(granted);
                    break;
                case MqttPacketType.Pingresp:
                    connection.PingOutstandingSinceTicks = 0;
                    break;
                default:
                    throw new MqttProtocolException($"MQTT broker {_options.Endpoint} sent unexpected packet type {header >> 4}");
            }
        }

        private async Task KeepAliveLoopAsync(Connection connection)
        {
            long keepAliveMillis = _options.KeepAliveSeconds * 1000L;
            try
            {
                while (!connection.Closed)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(1000, keepAliveMillis / 4)), connection.Cancel.Token).ConfigureAwait(false);
                    long now = Environment.TickCount64;
                    long outstanding = connection.PingOutstandingSinceTicks;
                    if (outstanding != 0 && now - outstanding > keepAliveMillis)
                    {
                        Close(connection, new MqttException($"MQTT broker {_options.Endpoint} did not answer PINGREQ within {_options.KeepAliveSeconds} s"));
                        return;
                    }

                    // Ping a little before the keep alive runs out: the broker drops us at 1.5 × keep alive (§3.1.2.10).
                    if (outstanding == 0 && now - connection.LastSendTicks >= keepAliveMillis * 3 / 4)
                    {
                        connection.PingOutstandingSinceTicks = now;
                        await WriteAsync(connection, MqttCodec.Pingreq(), connection.Cancel.Token).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or MqttException)
            {
                // The connection closed; Close has run or will.
            }
        }

        private void Close(Connection connection, Exception reason)
        {
            if (connection == null || !connection.MarkClosed())
            {
                return;
            }

            connection.Cancel.Cancel();
            connection.Stream.Dispose();
            connection.Tcp.Dispose();
            TaskCompletionSource<byte[]>[] subscribes;
            lock (_stateLock)
            {
                subscribes = _pendingSubscribes.Values.ToArray();
                _pendingSubscribes.Clear();
            }

            foreach (var subscribe in subscribes)
            {
                subscribe.TrySetException(new MqttException($"MQTT connection to {_options.Endpoint} closed before SUBACK"));
            }

            connection.Lost.TrySetResult();
            Disconnected?.Invoke(reason);
        }

        /// <summary>
        /// Reads one packet: fixed header byte, Remaining Length, body. Null at a clean end of stream
        /// before a packet starts.
        /// </summary>
        private static async Task<(byte Header, byte[] Body)?> ReadPacketAsync(Stream stream, CancellationToken cancellationToken)
        {
            byte[] one = new byte[1];
            if (await stream.ReadAsync(one, cancellationToken).ConfigureAwait(false) == 0)
            {
                return null;
            }

            byte header = one[0];
            byte[] lengthBytes = new byte[4];
            int count = 0;
            int length;
            while (true)
            {
                await stream.ReadExactlyAsync(lengthBytes.AsMemory(count, 1), cancellationToken).ConfigureAwait(false);
                count++;
                if (MqttCodec.TryDecodeRemainingLength(lengthBytes.AsSpan(0, count), out length, out _))
                {
                    break;
                }
            }

            byte[] body = new byte[length];
            await stream.ReadExactlyAsync(body, cancellationToken).ConfigureAwait(false);
            return (header, body);
        }

        private sealed class PendingPublish
        {
            public PendingPublish(ushort packetId, byte[] packet)
            {
                PacketId = packetId;
                Packet = packet;
            }

            public ushort PacketId { get; }

            public byte[] Packet { get; }

            public TaskCompletionSource Acknowledged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        private sealed class Connection
        {
            private int _closed;

            public Connection(TcpClient tcp, Stream stream)
            {
                Tcp = tcp;
                Stream = stream;
                LastSendTicks = Environment.TickCount64;
            }

            public TcpClient Tcp { get; }

            public Stream Stream { get; }

            public CancellationTokenSource Cancel { get; } = new();

            public TaskCompletionSource Lost { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

            public Task Reader { get; set; }

            public Task KeepAlive { get; set; }

            public long LastSendTicks;

            public long PingOutstandingSinceTicks;

            public bool Closed => Volatile.Read(ref _closed) != 0;

            public bool MarkClosed() => Interlocked.Exchange(ref _closed, 1) == 0;
        }
    }
}
