// API shape of nanoFramework.M2Mqtt (assembly nanoFramework.M2Mqtt, with the types it takes from
// nanoFramework.M2Mqtt.Core): declarations only, for the host compile check of
// firmware/PerfusionGuard.Device (see ../README.md). Nothing here runs.
// Confirmed against:
//   nanoframework/nanoFramework.m2mqtt M2Mqtt/MqttClient.cs (commit 0191675688e9f0a518668a5342b192a861aab9f3;
//     first 32,000 of 114,866 characters read: delegates, events, properties, constructors, Connect,
//     Disconnect, Close, Dispose, Subscribe, Unsubscribe, Publish)
//   MqttSslProtocols (namespace nanoFramework.M2Mqtt), MqttReasonCode and MqttMsgPublishedEventArgs
//     (namespace nanoFramework.M2Mqtt.Messages): nanoFramework sources found with find_string
//     (repository path not shown by the index)
//   MqttQoSLevel (namespace nanoFramework.M2Mqtt.Messages): eclipse/paho.mqtt.m2mqtt
//     M2Mqtt/Messages/MqttQoSLevel.cs (nanoFramework's port)
//   IMqttClient (namespace nanoFramework.M2Mqtt): its nested delegate types are what MqttClient's
//     events are declared with (`event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished`);
//     the interface's own file (in nanoFramework.M2Mqtt.Core) was not read, so its members are not
//     declared here; namespace from copies of it in nanoFramework IoT device bindings.
// Left out: the receive side (MqttMsgPublishReceived and its args: the module subscribes to nothing,
// README "Telemetry"), MQTT 5 properties, the exception types (nanoFramework.M2Mqtt.Exceptions).
using System;
using System.Collections;
using System.Security.Cryptography.X509Certificates;
using nanoFramework.M2Mqtt.Messages;

namespace nanoFramework.M2Mqtt
{
    /// <summary>IMqttClient (nanoFramework.M2Mqtt.Core): only its nested delegates are declared.</summary>
    public interface IMqttClient
    {
        /// <summary>delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e) — confirmed by use.</summary>
        public delegate void MqttMsgPublishedEventHandler(object sender, MqttMsgPublishedEventArgs e);

        /// <summary>delegate void ConnectionClosedEventHandler(object sender, EventArgs e) — confirmed by use.</summary>
        public delegate void ConnectionClosedEventHandler(object sender, EventArgs e);
    }

    /// <summary>MqttClient.cs: runs its own receive, keep-alive, dispatch and in-flight threads once connected.</summary>
    public class MqttClient : IMqttClient, IDisposable
    {
        /// <summary>MqttClient(string brokerHostName) — confirmed (default port, no TLS).</summary>
        public MqttClient(string brokerHostName) { throw new NotSupportedException(); }

        /// <summary>MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) — confirmed.</summary>
        public MqttClient(string brokerHostName, int brokerPort, bool secure, X509Certificate caCert, X509Certificate clientCert, MqttSslProtocols sslProtocol) { throw new NotSupportedException(); }

        /// <summary>event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished — confirmed.</summary>
        public event IMqttClient.MqttMsgPublishedEventHandler MqttMsgPublished;

        /// <summary>event IMqttClient.ConnectionClosedEventHandler ConnectionClosed — confirmed.</summary>
        public event IMqttClient.ConnectionClosedEventHandler ConnectionClosed;

        /// <summary>bool IsConnected { get; } — confirmed.</summary>
        public bool IsConnected { get { throw new NotSupportedException(); } }

        /// <summary>string ClientId { get; } — confirmed.</summary>
        public string ClientId { get { throw new NotSupportedException(); } }

        /// <summary>MqttProtocolVersion ProtocolVersion { get; set; } — confirmed (3.1.1 by default).</summary>
        public MqttProtocolVersion ProtocolVersion { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>MqttReasonCode Connect(string clientId) — confirmed.</summary>
        public MqttReasonCode Connect(string clientId) { throw new NotSupportedException(); }

        /// <summary>MqttReasonCode Connect(string clientId, bool cleanSession) — confirmed.</summary>
        public MqttReasonCode Connect(string clientId, bool cleanSession) { throw new NotSupportedException(); }

        /// <summary>MqttReasonCode Connect(string clientId, string username, string password) — confirmed.</summary>
        public MqttReasonCode Connect(string clientId, string username, string password) { throw new NotSupportedException(); }

        /// <summary>MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod) — confirmed.</summary>
        public MqttReasonCode Connect(string clientId, string username, string password, bool cleanSession, ushort keepAlivePeriod) { throw new NotSupportedException(); }

        /// <summary>
        /// MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel,
        /// bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) — confirmed.
        /// </summary>
        public MqttReasonCode Connect(string clientId, string username, string password, bool willRetain, MqttQoSLevel willQosLevel,
            bool willFlag, string willTopic, string willMessage, bool cleanSession, ushort keepAlivePeriod) { throw new NotSupportedException(); }

        /// <summary>void Disconnect() — confirmed.</summary>
        public void Disconnect() { throw new NotSupportedException(); }

        /// <summary>void Close() — confirmed (clears the in-flight queue).</summary>
        public void Close() { throw new NotSupportedException(); }

        /// <summary>void Dispose() — confirmed.</summary>
        public void Dispose() { throw new NotSupportedException(); }

        /// <summary>ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) — confirmed (the module never subscribes).</summary>
        public ushort Subscribe(string[] topics, MqttQoSLevel[] qosLevels) { throw new NotSupportedException(); }

        /// <summary>ushort Unsubscribe(string[] topics) — confirmed.</summary>
        public ushort Unsubscribe(string[] topics) { throw new NotSupportedException(); }

        /// <summary>ushort Publish(string topic, byte[] message) — confirmed (QoS 0, not retained).</summary>
        public ushort Publish(string topic, byte[] message) { throw new NotSupportedException(); }

        /// <summary>ushort Publish(string topic, byte[] message, string contentType) — confirmed.</summary>
        public ushort Publish(string topic, byte[] message, string contentType) { throw new NotSupportedException(); }

        /// <summary>ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties) — confirmed.</summary>
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties) { throw new NotSupportedException(); }

        /// <summary>
        /// ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain)
        /// — confirmed; throws MqttClientException(InflightQueueFull) when the in-flight queue is full.
        /// </summary>
        public ushort Publish(string topic, byte[] message, string contentType, ArrayList userProperties, MqttQoSLevel qosLevel, bool retain) { throw new NotSupportedException(); }
    }

    /// <summary>MqttSslProtocols — every value confirmed.</summary>
    public enum MqttSslProtocols
    {
        /// <summary>No TLS.</summary>
        None,
        /// <summary>SSL 3.</summary>
        SSLv3,
        /// <summary>TLS 1.0.</summary>
        TLSv1_0,
        /// <summary>TLS 1.1.</summary>
        TLSv1_1,
        /// <summary>TLS 1.2.</summary>
        TLSv1_2,
        /// <summary>TLS 1.3.</summary>
        TLSv1_3,
    }

    /// <summary>MqttProtocolVersion: the two values MqttClient.cs uses (confirmed; their numbers were not read); MQTT 3.1 may exist too.</summary>
    public enum MqttProtocolVersion
    {
        /// <summary>MQTT 3.1.1 (the default).</summary>
        Version_3_1_1,
        /// <summary>MQTT 5.0.</summary>
        Version_5,
    }
}

namespace nanoFramework.M2Mqtt.Messages
{
    /// <summary>MqttQoSLevel — every value confirmed.</summary>
    public enum MqttQoSLevel
    {
        /// <summary>QoS 0.</summary>
        AtMostOnce = 0x00,
        /// <summary>QoS 1.</summary>
        AtLeastOnce = 0x01,
        /// <summary>QoS 2.</summary>
        ExactlyOnce = 0x02,
        /// <summary>SUBACK failure (3.1.1).</summary>
        GrantedFailure = 0x80,
    }

    /// <summary>MqttReasonCode: the success codes read (confirmed); the failure codes (0x80 and up) exist but are not declared.</summary>
    public enum MqttReasonCode
    {
        /// <summary>Success.</summary>
        Success = 0x00,
        /// <summary>Normal disconnection.</summary>
        NormalDisconnection = 0x00,
        /// <summary>Granted QoS 0.</summary>
        GrantedQoS0 = 0x00,
        /// <summary>Granted QoS 1.</summary>
        GrantedQoS1 = 0x01,
        /// <summary>Granted QoS 2.</summary>
        GrantedQoS2 = 0x02,
        /// <summary>Disconnect with Will message.</summary>
        DisconnectWithWillMessage = 0x04,
        /// <summary>No matching subscribers.</summary>
        NoMatchingSubscribers = 0x10,
    }

    /// <summary>MqttMsgPublishedEventArgs: raised when a QoS 1/2 publish is acknowledged or given up.</summary>
    public class MqttMsgPublishedEventArgs : EventArgs
    {
        /// <summary>MqttMsgPublishedEventArgs(ushort messageId) — confirmed.</summary>
        public MqttMsgPublishedEventArgs(ushort messageId) { throw new NotSupportedException(); }

        /// <summary>MqttMsgPublishedEventArgs(ushort messageId, bool isPublished) — confirmed.</summary>
        public MqttMsgPublishedEventArgs(ushort messageId, bool isPublished) { throw new NotSupportedException(); }

        /// <summary>ushort MessageId { get; set; } — confirmed.</summary>
        public ushort MessageId { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>bool IsPublished { get; set; } — confirmed.</summary>
        public bool IsPublished { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }
    }
}
