namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// The network side of telemetry: an MQTT connection that publishes. Implemented by the device's
    /// M2Mqtt link and by the host client's link. Only the <see cref="TelemetryPump"/> calls it, from
    /// its own lower-priority thread: the safety cycle never touches the network (SAF-TEL-004).
    /// A link publishes and never subscribes, so nothing can arrive over it (SAF-TEL-001).
    /// </summary>
    public interface ITelemetryLink
    {
        /// <summary>True while connected to the broker.</summary>
        bool IsConnected { get; }

        /// <summary>
        /// Number of successful connects since start. The pump republishes the retained <c>state</c>
        /// and <c>meta</c> messages whenever it changes.
        /// </summary>
        int ConnectionCount { get; }

        /// <summary>
        /// Publishes one message. QoS 0: true once it has been written to the connection. QoS 1:
        /// true only once the broker acknowledged it (PUBACK), waiting a bounded time. False when
        /// disconnected, on error or on time-out: the outbox keeps the message and the pump tries
        /// again after the link reconnects (a QoS 1 message may then arrive twice; receivers
        /// de-duplicate by <c>seq</c>).
        /// </summary>
        bool TryPublish(string topic, byte[] payload, int offset, int count, int qos, bool retain);
    }
}
