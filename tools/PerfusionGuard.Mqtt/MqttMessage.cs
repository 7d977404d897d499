namespace PerfusionGuard.Mqtt
{
    /// <summary>An application message received from the broker.</summary>
    /// <param name="Topic">Topic name.</param>
    /// <param name="Payload">Payload bytes.</param>
    /// <param name="Qos">QoS it was delivered with.</param>
    /// <param name="Retain">True when the broker delivered a retained message (sent before we subscribed).</param>
    /// <param name="Duplicate">The DUP flag: a redelivery.</param>
    public sealed record MqttMessage(string Topic, byte[] Payload, int Qos, bool Retain, bool Duplicate);
}
