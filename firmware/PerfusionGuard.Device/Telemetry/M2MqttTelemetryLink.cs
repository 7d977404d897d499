using System;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Device.Telemetry
{
    /// <summary>
    /// The device's <see cref="ITelemetryLink"/> over nanoFramework.M2Mqtt (MQTT 3.1.1): TLS with a
    /// CA certificate, user name / password, the Last Will on the node's <c>state</c> topic
    /// (<c>lost</c>, QoS 1, retained), QoS 1 publishes confirmed through <c>MqttMsgPublished</c>,
    /// and reconnection with exponential backoff and jitter on its own lowest-priority thread. It
    /// never subscribes (SAF-TEL-001), and only the telemetry pump's thread calls it (SAF-TEL-004).
    /// </summary>
    /// <remarks>
    /// Written against the API shapes of NANO-PLATFORM.md, checked in nanoframework/nanoFramework.m2mqtt,
    /// M2Mqtt/MqttClient.cs (commit 0db5dc1a47bb0f6f9fb2e5844676eb0493e30c7e):
    /// <c>MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert,
    /// X509Certificate clientCert, MqttSslProtocols sslProtocol)</c>;
    /// <c>MqttReasonCode Connect(string clientId, string username, string password, bool willRetain,
    /// MqttQoSLevel willQosLevel, bool willFlag, string willTopic, string willMessage, bool cleanSession,
    /// ushort keepAlivePeriod)</c>; Publish enqueues into the in-flight queue and throws
    /// <c>MqttClientException(InflightQueueFull)</c> when it is full; <c>event MqttMsgPublished</c>
    /// (<c>MqttMsgPublishedEventArgs.MessageId</c>, <c>IsPublished</c>); <c>event ConnectionClosed</c>
    /// (<c>object sender, EventArgs e</c>); <c>IsConnected</c>. That commit's Publish has the 4-argument
    /// form; the 5.x package this project references (packages.config, 5.1.221) has the 6-argument
    /// <c>Publish(topic, message, contentType, userProperties, qos, retain)</c> of NANO-PLATFORM.md,
    /// the shape of its IMqttClient interface, used here.
    /// The client's Close clears its in-flight queue ("clear all queues" in MqttClient.Close), so a
    /// QoS 1 message is confirmed only by MqttMsgPublished: until then it stays in the
    /// TelemetryOutbox, which sends it again after a reconnect.
    /// </remarks>
    public sealed class M2MqttTelemetryLink : ITelemetryLink
    {
        private const int MinBackoffMillis = 1000;
        private const int MaxBackoffMillis = 60000;

        private readonly string _host;
        private readonly int _port;
        private readonly X509Certificate _caCertificate;
        private readonly string _clientId;
        private readonly string _userName;
        private readonly string _password;
        private readonly string _willTopic;
        private readonly string _willMessage;
        private readonly ushort _keepAliveSeconds;
        private readonly int _ackTimeoutMillis;
        private readonly AutoResetEvent _published = new AutoResetEvent(false);
        private readonly AutoResetEvent _closed = new AutoResetEvent(false);
        private readonly Random _jitter = new Random();
        private readonly object _waitLock = new object();
        private MqttClient _client;
        private bool _connected;
        private int _connectionCount;
        private ushort _waitingId;
        private bool _waitingOutcome;
        private bool _stopRequested;
        private Thread _thread;

        /// <summary>Prepares the link; <see cref="Start"/> connects.</summary>
        /// <param name="host">Broker host name or address.</param>
        /// <param name="port">Broker port (8883 for TLS by convention).</param>
        /// <param name="caCertificate">CA that signed the broker's certificate; null for plain TCP.</param>
        /// <param name="clientId">MQTT client id (unique per node, e.g. "pg-site-node").</param>
        /// <param name="userName">User name or null.</param>
        /// <param name="password">Password or null.</param>
        /// <param name="willTopic">The node's <c>state</c> topic.</param>
        /// <param name="willPayload">The encoded <c>lost</c> state (StateMessageEncoder.ToBytes).</param>
        /// <param name="keepAliveSeconds">MQTT keep alive.</param>
        /// <param name="ackTimeoutMillis">How long a QoS 1 publish waits for MqttMsgPublished.</param>
        public M2MqttTelemetryLink(string host, int port, X509Certificate caCertificate, string clientId, string userName, string password,
            string willTopic, byte[] willPayload, ushort keepAliveSeconds, int ackTimeoutMillis)
        {
            _host = host;
            _port = port;
            _caCertificate = caCertificate;
            _clientId = clientId;
            _userName = userName;
            _password = password;
            _willTopic = willTopic;
            // M2Mqtt takes the Will as a string; our payload is 7-bit ASCII JSON (JsonByteWriter), so this is lossless.
            _willMessage = Encoding.UTF8.GetString(willPayload, 0, willPayload.Length);
            _keepAliveSeconds = keepAliveSeconds;
            _ackTimeoutMillis = ackTimeoutMillis;
        }

        /// <inheritdoc/>
        public bool IsConnected
        {
            get
            {
                MqttClient client = _client;
                return _connected && client != null && client.IsConnected;
            }
        }

        /// <inheritdoc/>
        public int ConnectionCount => _connectionCount;

        /// <summary>Failed connection attempts since start.</summary>
        public int FailedAttempts { get; private set; }

        /// <summary>The last failure, for the console's status.</summary>
        public string LastError { get; private set; }

        /// <summary>Starts the connection thread (lowest priority: the network never competes with the safety loop).</summary>
        public void Start()
        {
            _stopRequested = false;
            _thread = new Thread(Run);
            _thread.Priority = ThreadPriority.Lowest;
            _thread.Start();
        }

        /// <summary>Stops reconnecting and disconnects cleanly (publish the <c>offline</c> state first).</summary>
        public void Stop()
        {
            _stopRequested = true;
            _closed.Set();
            MqttClient client = _client;
            if (client != null && client.IsConnected)
            {
                try
                {
                    client.Disconnect();
                }
                catch (Exception)
                {
                    // Already gone: nothing more to tell the broker.
                }
            }
        }

        /// <inheritdoc/>
        public bool TryPublish(string topic, byte[] payload, int offset, int count, int qos, bool retain)
        {
            MqttClient client = _client;
            if (!IsConnected)
            {
                return false;
            }

            // M2Mqtt publishes a whole array: copy the outbox bytes (allocation on the pump thread, never the safety loop).
            byte[] message = new byte[count];
            Array.Copy(payload, offset, message, 0, count);
            MqttQoSLevel level = qos == 0 ? MqttQoSLevel.AtMostOnce : MqttQoSLevel.AtLeastOnce;
            try
            {
                lock (_waitLock)
                {
                    _published.Reset();
                    _waitingOutcome = false;
                    _waitingId = client.Publish(topic, message, null, null, level, retain);
                }
            }
            catch (Exception e)
            {
                // InflightQueueFull or a closed connection: the outbox keeps the message.
                LastError = "publish to " + topic + " failed: " + e.Message;
                return false;
            }

            if (qos == 0)
            {
                return true;
            }

            if (!_published.WaitOne(_ackTimeoutMillis, false))
            {
                LastError = "no PUBACK for " + topic + " within " + _ackTimeoutMillis.ToString() + " ms";
                return false;
            }

            return _waitingOutcome;
        }

        private void OnPublished(object sender, MqttMsgPublishedEventArgs e)
        {
            lock (_waitLock)
            {
                if (e.MessageId == _waitingId)
                {
                    _waitingOutcome = e.IsPublished;
                    _published.Set();
                }
            }
        }

        private void OnConnectionClosed(object sender, EventArgs e)
        {
            _connected = false;
            _published.Set();
            _closed.Set();
        }

        private void Run()
        {
            int backoffMillis = MinBackoffMillis;
            while (!_stopRequested)
            {
                if (!IsConnected)
                {
                    if (TryConnect())
                    {
                        backoffMillis = MinBackoffMillis;
                    }
                    else
                    {
                        FailedAttempts++;
                        // Exponential backoff with ±25 % jitter, so that a ward of modules restarted
                        // together by a power cut do not hammer the broker in lock-step.
                        int jitter = _jitter.Next(backoffMillis / 2) - (backoffMillis / 4);
                        Thread.Sleep(backoffMillis + jitter);
                        backoffMillis = backoffMillis >= MaxBackoffMillis / 2 ? MaxBackoffMillis : backoffMillis * 2;
                        continue;
                    }
                }

                _closed.WaitOne(5000, false);
            }
        }

        private bool TryConnect()
        {
            MqttClient previous = _client;
            if (previous != null)
            {
                previous.MqttMsgPublished -= OnPublished;
                previous.ConnectionClosed -= OnConnectionClosed;
                _client = null;
            }

            try
            {
                bool secure = _caCertificate != null;
                MqttClient client = new MqttClient(_host, _port, secure, _caCertificate, null, secure ? MqttSslProtocols.TLSv1_2 : MqttSslProtocols.None);
                client.MqttMsgPublished += OnPublished;
                client.ConnectionClosed += OnConnectionClosed;
                MqttReasonCode code = client.Connect(_clientId, _userName, _password, true, MqttQoSLevel.AtLeastOnce, true,
                    _willTopic, _willMessage, true, _keepAliveSeconds);
                if (code != MqttReasonCode.Success)
                {
                    // Enum.ToString() prints the number on nanoFramework: the CONNACK code as a number is what the broker log shows too.
                    LastError = "broker " + _host + ":" + _port.ToString() + " refused the connection, CONNACK code " + ((int)code).ToString();
                    return false;
                }

                _client = client;
                _connected = true;
                _connectionCount++;
                LastError = null;
                return true;
            }
            catch (Exception e)
            {
                LastError = "cannot connect to " + _host + ":" + _port.ToString() + ": " + e.Message;
                return false;
            }
        }
    }
}
