namespace PerfusionGuard.Mqtt
{
    /// <summary>The Last Will the broker publishes when the client vanishes without DISCONNECT (§3.1.2.5).</summary>
    public sealed record MqttWill(string Topic, byte[] Payload, int Qos, bool Retain);
}
