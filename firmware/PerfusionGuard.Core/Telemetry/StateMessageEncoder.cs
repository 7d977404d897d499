using PerfusionGuard.Text;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// Encodes the retained <c>state</c> message: <c>online</c> when the link connects,
    /// <c>offline</c> before a clean disconnect, and <c>lost</c> as the Last Will the broker
    /// publishes when the module vanishes without saying goodbye.
    /// </summary>
    public static class StateMessageEncoder
    {
        /// <summary>The module is connected and publishing.</summary>
        public const string Online = "online";

        /// <summary>The module disconnected cleanly (shutdown, maintenance).</summary>
        public const string Offline = "offline";

        /// <summary>The broker lost the module (Last Will): power, network or a crash.</summary>
        public const string Lost = "lost";

        /// <summary>Writes <c>{"state":...,"boot":...,"utc_ms":...,"uptime_ms":...}</c>.</summary>
        public static void Encode(JsonByteWriter writer, TelemetrySession session, string state, long nowMicros)
        {
            writer.Reset();
            writer.BeginObject();
            writer.WriteString("state", state);
            writer.WriteNumber("boot", session.BootCounter);
            // The Last Will is composed at connect time, so its times are those of the connect.
            session.WriteTimes(writer, nowMicros);
            writer.EndObject();
        }

        /// <summary>The payload as a new byte array (start-up and connect time only).</summary>
        public static byte[] ToBytes(TelemetrySession session, string state, long nowMicros)
        {
            JsonByteWriter writer = new JsonByteWriter(128);
            Encode(writer, session, state, nowMicros);
            byte[] payload = new byte[writer.Length];
            writer.CopyTo(payload, 0);
            return payload;
        }
    }
}
