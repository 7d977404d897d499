using System.Text;
using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;

namespace PerfusionGuard.Log
{
    /// <summary>
    /// Turns event-log records into a human line (<c>log show</c>) and a JSON line (export, one
    /// object per line). Alarm and rule subjects are named through the supervisor's rules when an
    /// <see cref="IConditionMonitor"/> is given, else by index. Console/export code: allocates.
    /// </summary>
    public sealed class EventRecordFormatter
    {
        private readonly IConditionMonitor _conditions;

        /// <summary>Creates a formatter; <paramref name="conditions"/> may be null (subjects printed as numbers).</summary>
        public EventRecordFormatter(IConditionMonitor conditions)
        {
            _conditions = conditions;
        }

        /// <summary>
        /// One human-readable line, such as
        /// <c>#42 boot 3 +123.456789 s 2026-11-21T12:00:00.000Z alarm AIR_ARTERIAL active -> latched (high, condition)</c>.
        /// </summary>
        public string FormatLine(EventRecord record)
        {
            var sb = new StringBuilder();
            sb.Append('#').Append(record.Sequence.ToString());
            sb.Append(" boot ").Append(record.BootCounter.ToString());
            sb.Append(" +").Append(SecondsText(record.UptimeMicros)).Append(" s");
            string utc = UtcText.Format(record.UtcMillis);
            if (utc.Length > 0)
            {
                sb.Append(' ').Append(utc);
            }

            sb.Append(' ').Append(EventKindNames.NameOf(record.Kind));
            switch (record.Kind)
            {
                case EventKind.AlarmTransition:
                    sb.Append(' ').Append(SubjectName(record.Subject)).Append(' ')
                        .Append(StateName(record.OldValue)).Append(" -> ").Append(StateName(record.NewValue))
                        .Append(" (").Append(PriorityName(record.AuxValue & 0xFF)).Append(", ").Append(CauseName(record.AuxValue >> 8)).Append(')');
                    break;
                case EventKind.SelfTestResult:
                    sb.Append(' ').Append(SelfTestNames.NameOf((SelfTestCheck)record.Subject));
                    if (record.AuxValue >= 0 && record.AuxValue < ChannelNames.Count)
                    {
                        sb.Append(' ').Append(ChannelNames.NameOf((ChannelId)record.AuxValue));
                    }

                    sb.Append(record.NewValue != 0 ? " passed" : " FAILED");
                    if (record.OldValue > 0)
                    {
                        sb.Append(" (").Append(record.OldValue.ToString()).Append(" us)");
                    }

                    break;
                case EventKind.PumpStopped:
                case EventKind.Reset:
                case EventKind.Override:
                case EventKind.CommandRefused:
                    sb.Append(' ').Append(SubjectName(record.Subject));
                    sb.Append(" old=").Append(record.OldValue.ToString()).Append(" new=").Append(record.NewValue.ToString());
                    break;
                default:
                    sb.Append(" subject=").Append(record.Subject.ToString());
                    sb.Append(" old=").Append(record.OldValue.ToString()).Append(" new=").Append(record.NewValue.ToString());
                    sb.Append(" aux=").Append(record.AuxValue.ToString());
                    break;
            }

            if (record.Source != EventRecord.NoSource)
            {
                sb.Append(" by ").Append(SourceName(record.Source));
            }

            return sb.ToString();
        }

        /// <summary>
        /// One JSON object on one line: seq, boot, uptime_us, utc_ms (0 when unknown), utc (ISO text or
        /// ""), kind, subject, old, new, aux, source, plus decoded names for alarm and self-test records.
        /// </summary>
        public string FormatJson(EventRecord record)
        {
            var sb = new StringBuilder();
            sb.Append("{\"seq\":").Append(record.Sequence.ToString());
            sb.Append(",\"boot\":").Append(record.BootCounter.ToString());
            sb.Append(",\"uptime_us\":").Append(record.UptimeMicros.ToString());
            sb.Append(",\"utc_ms\":").Append(record.UtcMillis.ToString());
            sb.Append(",\"utc\":\"").Append(UtcText.Format(record.UtcMillis)).Append('"');
            sb.Append(",\"kind\":\"").Append(EventKindNames.NameOf(record.Kind)).Append('"');
            sb.Append(",\"subject\":").Append(record.Subject.ToString());
            sb.Append(",\"old\":").Append(record.OldValue.ToString());
            sb.Append(",\"new\":").Append(record.NewValue.ToString());
            sb.Append(",\"aux\":").Append(record.AuxValue.ToString());
            sb.Append(",\"source\":\"").Append(record.Source == EventRecord.NoSource ? "" : SourceName(record.Source)).Append('"');
            if (record.Kind == EventKind.AlarmTransition)
            {
                AppendJsonString(sb, "alarm_id", SubjectName(record.Subject));
                AppendJsonString(sb, "from", StateName(record.OldValue));
                AppendJsonString(sb, "to", StateName(record.NewValue));
                AppendJsonString(sb, "priority", PriorityName(record.AuxValue & 0xFF));
                AppendJsonString(sb, "cause", CauseName(record.AuxValue >> 8));
            }
            else if (record.Kind == EventKind.SelfTestResult)
            {
                AppendJsonString(sb, "check", SelfTestNames.NameOf((SelfTestCheck)record.Subject));
                if (record.AuxValue >= 0 && record.AuxValue < ChannelNames.Count)
                {
                    AppendJsonString(sb, "channel", ChannelNames.NameOf((ChannelId)record.AuxValue));
                }

                sb.Append(",\"passed\":").Append(record.NewValue != 0 ? "true" : "false");
            }
            else if (record.Subject >= 0 && (record.Kind == EventKind.PumpStopped || record.Kind == EventKind.Reset
                || record.Kind == EventKind.Override || record.Kind == EventKind.CommandRefused))
            {
                AppendJsonString(sb, "alarm_id", SubjectName(record.Subject));
            }

            sb.Append('}');
            return sb.ToString();
        }

        private string SubjectName(int subject)
        {
            if (subject < 0)
            {
                return "-";
            }

            if (_conditions != null && subject < _conditions.RuleCount)
            {
                string id = _conditions.RuleAt(subject).AlarmId;
                if (id != null && id.Length > 0)
                {
                    return id;
                }
            }

            return "rule_" + subject.ToString();
        }

        private static string StateName(int state) => state >= 0 && state <= (int)AlarmState.Advisory ? AlarmNames.NameOf((AlarmState)state) : "state_" + state.ToString();

        private static string PriorityName(int priority) => priority >= 0 && priority <= (int)AlarmPriority.High ? AlarmNames.NameOf((AlarmPriority)priority) : "priority_" + priority.ToString();

        private static string CauseName(int cause) => cause >= 0 && cause <= (int)AlarmTransitionCause.Refused ? AlarmTransitionNames.NameOf((AlarmTransitionCause)cause) : "cause_" + cause.ToString();

        private static string SourceName(byte source) => source <= (byte)CommandSource.Firmware ? SafetyNames.NameOf((CommandSource)source) : "source_" + source.ToString();

        private static string SecondsText(long micros)
        {
            long whole = micros / 1000000;
            long frac = micros % 1000000;
            if (frac < 0)
            {
                frac = -frac;
            }

            return whole.ToString() + "." + frac.ToString("D6");
        }

        private static void AppendJsonString(StringBuilder sb, string name, string value)
        {
            sb.Append(",\"").Append(name).Append("\":\"");
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '"' || c == '\\')
                {
                    sb.Append('\\').Append(c);
                }
                else if (c < ' ')
                {
                    sb.Append(' ');
                }
                else
                {
                    sb.Append(c);
                }
            }

            sb.Append('"');
        }
    }
}
