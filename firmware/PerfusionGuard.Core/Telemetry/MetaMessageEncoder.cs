using PerfusionGuard.Channels;
using PerfusionGuard.Text;
using PerfusionGuard.Units;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// Encodes the retained <c>meta</c> message: firmware, board, profile, boot counter, data period,
    /// the names of the quality bits, and the metric catalogue (name, data-frame key, UCUM unit,
    /// IEEE 11073 MDC reference id or "none", reporting range, period). Encoded at start-up and
    /// republished on every (re)connect, so it may allocate.
    /// </summary>
    public static class MetaMessageEncoder
    {
        /// <summary>Payload schema identifier; matches the topic root.</summary>
        public const string Schema = "pg/v1";

        /// <summary>Writes the meta message into <paramref name="writer"/> (reset first).</summary>
        public static void Encode(JsonByteWriter writer, TelemetrySession session, TelemetryNodeInfo node, long nowMicros)
        {
            long periodMillis = node.DataPeriodMicros / Time.MicrosPerMilli;
            writer.Reset();
            writer.BeginObject();
            writer.WriteString("schema", Schema);
            writer.WriteString("firmware", node.FirmwareVersion);
            writer.WriteString("board", node.Board);
            writer.WriteString("profile", node.Profile);
            writer.WriteNumber("boot", session.BootCounter);
            session.WriteTimes(writer, nowMicros);
            writer.WriteNumber("data_period_ms", periodMillis);
            writer.WritePropertyName("quality_bits");
            writer.BeginArray();
            for (int bit = 0; bit < TelemetryNames.QualityBitCount; bit++)
            {
                writer.WriteStringValue(TelemetryNames.QualityBitName(bit));
            }

            writer.EndArray();
            writer.WritePropertyName("metrics");
            writer.BeginArray();
            for (int i = 0; i < node.Channels.Length; i++)
            {
                ChannelId id = node.Channels[i];
                writer.BeginObject();
                writer.WriteString("name", ChannelNames.NameOf(id));
                writer.WriteString("key", ChannelNames.NameOf(id) + MetricCatalog.KeySuffixOf(id));
                writer.WriteString("unit", MetricCatalog.UcumUnitOf(id));
                writer.WriteString("mdc", MetricCatalog.MdcCodeOf(id));
                writer.WriteString("description", MetricCatalog.DescriptionOf(id));
                writer.WriteFixed("min", MetricCatalog.RangeMinOf(id), MetricCatalog.DecimalsOf(id));
                writer.WriteFixed("max", MetricCatalog.RangeMaxOf(id), MetricCatalog.DecimalsOf(id));
                writer.WriteNumber("period_ms", periodMillis);
                writer.EndObject();
            }

            writer.BeginObject();
            writer.WriteString("name", "speed_limit");
            writer.WriteString("key", "speed_limit");
            writer.WriteString("unit", "1");
            writer.WriteString("mdc", MetricCatalog.NoMdcCode);
            writer.WriteString("description", "pump speed limit as a fraction of the commanded speed");
            writer.WriteFixed("min", 0, 2);
            writer.WriteFixed("max", 1, 2);
            writer.WriteNumber("period_ms", periodMillis);
            writer.EndObject();
            writer.EndArray();
            writer.EndObject();
        }

        /// <summary>The payload as a new byte array (start-up time only).</summary>
        public static byte[] ToBytes(TelemetrySession session, TelemetryNodeInfo node, long nowMicros)
        {
            JsonByteWriter writer = new JsonByteWriter(4096);
            Encode(writer, session, node, nowMicros);
            byte[] payload = new byte[writer.Length];
            writer.CopyTo(payload, 0);
            return payload;
        }
    }
}
