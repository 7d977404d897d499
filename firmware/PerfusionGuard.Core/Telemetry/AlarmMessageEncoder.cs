using PerfusionGuard.Alarms;
using PerfusionGuard.Safety;
using PerfusionGuard.Text;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// Encodes one <c>alarm</c> message: an alarm's transition (raised, cleared, acknowledged,
    /// silenced, reset...) as the alarm manager reports it. Takes plain values so that any alarm
    /// source can feed it; allocates nothing when its string arguments come from tables.
    /// </summary>
    public sealed class AlarmMessageEncoder
    {
        private readonly TelemetrySession _session;

        /// <summary>Creates the encoder.</summary>
        public AlarmMessageEncoder(TelemetrySession session)
        {
            _session = session;
        }

        /// <summary>Writes one alarm message into <paramref name="writer"/> (reset first); returns its sequence number.</summary>
        /// <param name="writer">Preallocated writer.</param>
        /// <param name="nowMicros">Monotonic time now (header).</param>
        /// <param name="atMicros">Monotonic time of the transition.</param>
        /// <param name="alarmId">Alarm identifier ("AIR_ARTERIAL"); null when the transition names no alarm (refused command).</param>
        /// <param name="state">State after the transition ("active", "latched", "acknowledged", "inactive"...).</param>
        /// <param name="fromState">State before, or null when unknown.</param>
        /// <param name="cause">Why it changed ("condition", "acknowledge", "reset", "refused"...).</param>
        /// <param name="priority">IEC 60601-1-8 priority after the transition.</param>
        /// <param name="technical">True for an equipment (technical) alarm.</param>
        /// <param name="message">Operator text, or null.</param>
        /// <param name="action">The safety action of the rule behind the alarm.</param>
        /// <param name="source">Who asked ("firmware", "local_panel", "remote"...).</param>
        public long Encode(JsonByteWriter writer, long nowMicros, long atMicros, string alarmId, string state, string fromState,
            string cause, AlarmPriority priority, bool technical, string message, SafetyAction action, string source)
        {
            long seq = _session.NextSeq(TelemetryTopic.Alarm);
            writer.Reset();
            writer.BeginObject();
            _session.WriteHeader(writer, seq, nowMicros);
            writer.WriteString("alarm", alarmId);
            writer.WriteString("state", state);
            writer.WriteString("from", fromState);
            writer.WriteString("cause", cause);
            writer.WriteString("priority", TelemetryNames.NameOf(priority));
            writer.WriteBoolean("technical", technical);
            writer.WriteString("action", SafetyNames.NameOf(action));
            writer.WriteString("source", source);
            writer.WriteString("message", message);
            writer.WriteNumber("at_uptime_ms", _session.UptimeMillis(atMicros));
            writer.EndObject();
            return seq;
        }
    }
}
