using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Text;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// Encodes one <c>data</c> frame: the common header, how many data frames were dropped since the
    /// previous frame, the decision (pump enable, action, speed limit, cause, clamp) and every
    /// channel of the profile with its unit-suffixed value key and its quality bitmask.
    /// Every key is built in the constructor, so encoding allocates nothing (SAF-TEL-004). On a
    /// module it runs on the telemetry thread, from a <see cref="DataFrameSample"/> the safety cycle
    /// handed over (SAF-CYC-005).
    /// </summary>
    public sealed class DataFrameEncoder
    {
        private readonly TelemetrySession _session;
        private readonly IConditionMonitor _monitor;
        private readonly ChannelId[] _channels;
        private readonly string[] _valueKeys;
        private readonly string[] _qualityKeys;
        private readonly string[] _extraKeys;
        private readonly string[] _latchKeys;
        private readonly int[] _decimals;
        private readonly DataFrameSample _scratch;

        /// <summary>Creates the encoder for the channels <paramref name="channels"/> of the active profile.</summary>
        /// <param name="session">Header fields and sequence numbers.</param>
        /// <param name="channels">The profile's channels, in the order they appear in frames.</param>
        /// <param name="monitor">The supervisor's rules, to name the cause of the decision by its alarm id; null writes the rule index.</param>
        public DataFrameEncoder(TelemetrySession session, ChannelId[] channels, IConditionMonitor monitor)
        {
            _session = session;
            _monitor = monitor;
            _channels = new ChannelId[channels.Length];
            _valueKeys = new string[channels.Length];
            _qualityKeys = new string[channels.Length];
            _extraKeys = new string[channels.Length];
            _latchKeys = new string[channels.Length];
            _decimals = new int[channels.Length];
            _scratch = new DataFrameSample(channels.Length);
            for (int i = 0; i < channels.Length; i++)
            {
                ChannelId id = channels[i];
                string name = ChannelNames.NameOf(id);
                _channels[i] = id;
                _valueKeys[i] = name + MetricCatalog.KeySuffixOf(id);
                _qualityKeys[i] = name + "_q";
                _decimals[i] = MetricCatalog.DecimalsOf(id);
                switch (ChannelNames.KindOf(id))
                {
                    case ChannelKind.Air:
                        _extraKeys[i] = name + "_air";
                        _latchKeys[i] = name + "_latch";
                        break;
                    case ChannelKind.Level:
                        _extraKeys[i] = name + "_state";
                        break;
                }
            }
        }

        /// <summary>The channels written, in order.</summary>
        public int ChannelCount => _channels.Length;

        /// <summary>
        /// Writes one frame into <paramref name="writer"/> (reset first) and returns its sequence number.
        /// </summary>
        /// <param name="writer">Preallocated writer; check <see cref="JsonByteWriter.Overflowed"/> after.</param>
        /// <param name="nowMicros">Monotonic time of the cycle.</param>
        /// <param name="inputs">The cycle's inputs.</param>
        /// <param name="decision">The cycle's decision.</param>
        /// <param name="droppedDataFrames">Data frames dropped since the previous frame (SAF-TEL-003).</param>
        /// <param name="alarmDropsTotal">Alarm and event messages the outbox could not store since start (should be 0; SAF-TEL-002).</param>
        public long Encode(JsonByteWriter writer, long nowMicros, SafetyInputs inputs, SafetyDecision decision, long droppedDataFrames, long alarmDropsTotal)
        {
            long seq = _session.NextSeq(TelemetryTopic.Data);
            string cause = null;
            if (decision.CauseRuleIndex >= 0 && _monitor != null && decision.CauseRuleIndex < _monitor.RuleCount)
            {
                cause = _monitor.RuleAt(decision.CauseRuleIndex).AlarmId;
            }

            _scratch.CopyChannels(_channels, inputs);
            Write(writer, seq, nowMicros, _session.UtcMillisNow(), _scratch, decision, cause, droppedDataFrames, alarmDropsTotal);
            return seq;
        }

        /// <summary>
        /// Writes the frame of a <paramref name="sample"/> the safety cycle took (its own seq, times,
        /// inputs, decision and cause), on the telemetry thread (SAF-CYC-005); returns its sequence number.
        /// </summary>
        /// <param name="writer">Preallocated writer; check <see cref="JsonByteWriter.Overflowed"/> after.</param>
        /// <param name="sample">The sample; read only.</param>
        /// <param name="droppedDataFrames">Data frames dropped since the previous frame (SAF-TEL-003).</param>
        /// <param name="alarmDropsTotal">Alarm and event messages the outbox could not store since start (SAF-TEL-002).</param>
        public long Encode(JsonByteWriter writer, DataFrameSample sample, long droppedDataFrames, long alarmDropsTotal)
        {
            Write(writer, sample.Seq, sample.AtMicros, sample.UtcMillis, sample, sample.Decision, sample.CauseAlarmId,
                droppedDataFrames, alarmDropsTotal);
            return sample.Seq;
        }

        /// <summary>Copies what a frame of this encoder shows from <paramref name="inputs"/> into <paramref name="sample"/>. Allocates nothing.</summary>
        public void CopyChannels(DataFrameSample sample, SafetyInputs inputs) => sample.CopyChannels(_channels, inputs);

        private void Write(JsonByteWriter writer, long seq, long nowMicros, long utcMillis, DataFrameSample channels, SafetyDecision decision,
            string causeAlarmId, long droppedDataFrames, long alarmDropsTotal)
        {
            writer.Reset();
            writer.BeginObject();
            _session.WriteHeader(writer, seq, nowMicros, utcMillis);
            writer.WriteNumber("dropped", droppedDataFrames);
            writer.WriteNumber("alarm_drops", alarmDropsTotal);
            writer.WriteBoolean("pump_enable", decision.PumpEnable);
            writer.WriteString("action", SafetyNames.NameOf(decision.Action));
            writer.WriteFixed("speed_limit", decision.SpeedLimitFraction, 2);
            writer.WriteBoolean("clamp_closed", decision.ClampClosed);
            if (decision.CauseRuleIndex < 0)
            {
                writer.WriteNull("cause");
            }
            else if (causeAlarmId != null)
            {
                writer.WriteString("cause", causeAlarmId);
            }
            else
            {
                writer.WriteNumber("cause", decision.CauseRuleIndex);
            }

            for (int i = 0; i < _channels.Length; i++)
            {
                switch (ChannelNames.KindOf(_channels[i]))
                {
                    case ChannelKind.Pressure:
                    case ChannelKind.Flow:
                        writer.WriteFixed(_valueKeys[i], channels.Values[i], _decimals[i]);
                        break;
                    case ChannelKind.Air:
                        writer.WriteNumber(_valueKeys[i], (long)channels.Values[i]);
                        writer.WriteBoolean(_extraKeys[i], channels.AirPresent[i]);
                        writer.WriteBoolean(_latchKeys[i], channels.LatchTripped[i]);
                        break;
                    case ChannelKind.Level:
                        if (channels.ReservoirHasVolume)
                        {
                            writer.WriteFixed(_valueKeys[i], channels.Values[i], _decimals[i]);
                        }
                        else
                        {
                            writer.WriteNull(_valueKeys[i]);
                        }

                        writer.WriteString(_extraKeys[i], TelemetryNames.NameOf(channels.ReservoirState));
                        break;
                }

                writer.WriteNumber(_qualityKeys[i], (long)channels.Qualities[i]);
            }

            writer.EndObject();
        }
    }
}
