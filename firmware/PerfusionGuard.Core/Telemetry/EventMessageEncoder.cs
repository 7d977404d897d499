using PerfusionGuard.Safety;
using PerfusionGuard.Text;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// Encodes one <c>event</c> message from a <see cref="SafetyEvent"/> (condition raised or
    /// cleared, reset, override, refused command, pump stopped or enabled).
    /// </summary>
    public sealed class EventMessageEncoder
    {
        private readonly TelemetrySession _session;
        private readonly IConditionMonitor _monitor;

        /// <summary>Creates the encoder; <paramref name="monitor"/> (may be null) names rules by alarm id.</summary>
        public EventMessageEncoder(TelemetrySession session, IConditionMonitor monitor)
        {
            _session = session;
            _monitor = monitor;
        }

        /// <summary>Writes one event message into <paramref name="writer"/> (reset first); returns its sequence number.</summary>
        public long Encode(JsonByteWriter writer, long nowMicros, SafetyEvent safetyEvent)
        {
            long seq = _session.NextSeq(TelemetryTopic.Event);
            writer.Reset();
            writer.BeginObject();
            _session.WriteHeader(writer, seq, nowMicros);
            writer.WriteString("event", TelemetryNames.NameOf(safetyEvent.Kind));
            int rule = safetyEvent.RuleIndex;
            if (rule < 0)
            {
                writer.WriteNull("rule");
            }
            else if (_monitor != null && rule < _monitor.RuleCount)
            {
                writer.WriteString("rule", _monitor.RuleAt(rule).AlarmId);
            }
            else
            {
                writer.WriteNumber("rule", rule);
            }

            writer.WriteString("action", SafetyNames.NameOf(safetyEvent.Action));
            writer.WriteString("source", SafetyNames.NameOf(safetyEvent.Source));
            writer.WriteNumber("at_uptime_ms", _session.UptimeMillis(safetyEvent.AtMicros));
            writer.EndObject();
            return seq;
        }
    }
}
