using System;
using System.Text;
using System.Text.Json;
using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;
using PerfusionGuard.Text;
using Xunit;

namespace PerfusionGuard.Tests.Telemetry
{
    public class DataFrameEncoderTests
    {
        private static JsonElement Parse(JsonByteWriter writer) =>
            JsonDocument.Parse(Encoding.ASCII.GetString(writer.Buffer, 0, writer.Length)).RootElement;

        [Fact]
        public void Data_frame_holds_every_channel_with_unit_suffixed_key_and_quality()
        {
            var session = new TelemetrySession(7, 1_000_000, new FixedUtcClock { UtcMillis = 1_763_700_000_123 });
            var encoder = new DataFrameEncoder(session, TelemetryFixtures.AdultCpbChannels, null);
            var writer = new JsonByteWriter(2048);
            var decision = new SafetyDecision(SafetyAction.SpeedLimit, 2, 0.625, false);

            long seq = encoder.Encode(writer, 13_500_000, TelemetryFixtures.TypicalInputs(), decision, 3, 0);

            JsonElement frame = Parse(writer);
            Assert.Equal(1, seq);
            Assert.Equal(1, frame.GetProperty("seq").GetInt64());
            Assert.Equal(7, frame.GetProperty("boot").GetInt64());
            Assert.Equal(1_763_700_000_123, frame.GetProperty("utc_ms").GetInt64());
            Assert.Equal(12_500, frame.GetProperty("uptime_ms").GetInt64());
            Assert.Equal(3, frame.GetProperty("dropped").GetInt64());
            Assert.Equal(0, frame.GetProperty("alarm_drops").GetInt64());
            Assert.True(frame.GetProperty("pump_enable").GetBoolean());
            Assert.Equal("speed_limit", frame.GetProperty("action").GetString());
            Assert.Equal(0.63, frame.GetProperty("speed_limit").GetDouble());
            Assert.Equal(2, frame.GetProperty("cause").GetInt32());
            Assert.Equal(182.3, frame.GetProperty("p_arterial_mmHg").GetDouble());
            Assert.Equal(0, frame.GetProperty("p_arterial_q").GetInt32());
            Assert.Equal(-32.5, frame.GetProperty("p_venous_mmHg").GetDouble());
            Assert.Equal((int)SensorQuality.Stuck, frame.GetProperty("p_post_oxygenator_q").GetInt32());
            Assert.Equal(12, frame.GetProperty("bubble_arterial_per_min").GetInt32());
            Assert.False(frame.GetProperty("bubble_arterial_air").GetBoolean());
            Assert.False(frame.GetProperty("bubble_arterial_latch").GetBoolean());
            Assert.Equal(812.3, frame.GetProperty("level_reservoir_mL").GetDouble());
            Assert.Equal("normal", frame.GetProperty("level_reservoir_state").GetString());
            Assert.Equal(4.53, frame.GetProperty("flow_arterial_L_per_min").GetDouble());
            Assert.False(frame.TryGetProperty("p_cardioplegia_mmHg", out _));
        }

        [Fact]
        public void Utc_ms_is_zero_while_the_wall_clock_is_unknown()
        {
            var utc = new FixedUtcClock();
            var session = new TelemetrySession(1, 0, utc);
            var encoder = new DataFrameEncoder(session, TelemetryFixtures.AdultCpbChannels, null);
            var writer = new JsonByteWriter(2048);
            encoder.Encode(writer, 1000, TelemetryFixtures.TypicalInputs(), default, 0, 0);
            Assert.Equal(0, Parse(writer).GetProperty("utc_ms").GetInt64());

            utc.UtcMillis = 5000;
            encoder.Encode(writer, 1000, TelemetryFixtures.TypicalInputs(), default, 0, 0);
            Assert.Equal(5000, Parse(writer).GetProperty("utc_ms").GetInt64());
            Assert.Equal(2, Parse(writer).GetProperty("seq").GetInt64());
        }

        [Fact]
        [Trait("Requirement", "SAF-TEL-004")]
        public void Encoding_and_enqueueing_a_data_frame_allocates_nothing()
        {
            // SAF-TEL-004: telemetry's data frames allocate nothing: the safety cycle's half (sample and
            // hand over) and the telemetry thread's half (encode and enqueue).
            var session = new TelemetrySession(1, 0, new FixedUtcClock { UtcMillis = 1 });
            var outbox = new TelemetryOutbox(8 * 1024, 64, 2048);
            var sampler = new TelemetrySampler(outbox, session, TelemetryFixtures.AdultCpbChannels, null, 10_000);
            SafetyInputs inputs = TelemetryFixtures.TypicalInputs();
            var decision = new SafetyDecision(SafetyAction.Stop, -1, 0, true);
            long now = 0;
            for (int i = 0; i < 50; i++)
            {
                sampler.AfterCycle(now += 10_000, inputs, decision);
                sampler.EnqueueDataFrames();
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 1000; i++)
            {
                // The outbox fills after a few frames: this also covers dropping the oldest data frame.
                sampler.AfterCycle(now += 10_000, inputs, decision);
                sampler.EnqueueDataFrames();
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.Equal(1050, sampler.DataFramesSampled);
            Assert.Equal(1050, sampler.DataFramesEncoded);
            Assert.True(outbox.DroppedDataFrames > 0);
        }

        [Fact]
        public void Alarm_event_state_and_meta_messages_are_valid_json_with_the_documented_fields()
        {
            var session = new TelemetrySession(4, 0, null);
            var writer = new JsonByteWriter(4096);

            new AlarmMessageEncoder(session).Encode(writer, 2_000_000, 1_500_000, "AIR_ARTERIAL", "active", "inactive", "condition",
                AlarmPriority.High, false, "Air in arterial line", SafetyAction.LatchedStop, "firmware");
            JsonElement alarm = Parse(writer);
            Assert.Equal("AIR_ARTERIAL", alarm.GetProperty("alarm").GetString());
            Assert.Equal("active", alarm.GetProperty("state").GetString());
            Assert.Equal("inactive", alarm.GetProperty("from").GetString());
            Assert.Equal("high", alarm.GetProperty("priority").GetString());
            Assert.Equal("latched_stop", alarm.GetProperty("action").GetString());
            Assert.Equal(1500, alarm.GetProperty("at_uptime_ms").GetInt64());
            Assert.Equal(1, alarm.GetProperty("seq").GetInt64());

            var safetyEvent = new SafetyEvent { AtMicros = 3_000_000, Kind = SafetyEventKind.CommandRefused, RuleIndex = 0, Action = SafetyAction.LatchedStop, Source = CommandSource.Remote };
            new EventMessageEncoder(session, null).Encode(writer, 3_000_000, safetyEvent);
            JsonElement ev = Parse(writer);
            Assert.Equal("command_refused", ev.GetProperty("event").GetString());
            Assert.Equal("remote", ev.GetProperty("source").GetString());
            Assert.Equal(0, ev.GetProperty("rule").GetInt32());
            Assert.Equal(1, ev.GetProperty("seq").GetInt64());

            StateMessageEncoder.Encode(writer, session, StateMessageEncoder.Lost, 0);
            Assert.Equal("lost", Parse(writer).GetProperty("state").GetString());

            var node = new TelemetryNodeInfo { FirmwareVersion = "0.1.0", Board = "virtual", Profile = "adult-cpb", Channels = TelemetryFixtures.AdultCpbChannels, DataPeriodMicros = 1_000_000 };
            JsonElement meta = JsonDocument.Parse(MetaMessageEncoder.ToBytes(session, node, 0)).RootElement;
            Assert.Equal("adult-cpb", meta.GetProperty("profile").GetString());
            Assert.Equal(1000, meta.GetProperty("data_period_ms").GetInt32());
            JsonElement arterial = meta.GetProperty("metrics")[0];
            Assert.Equal("p_arterial_mmHg", arterial.GetProperty("key").GetString());
            Assert.Equal("mm[Hg]", arterial.GetProperty("unit").GetString());
            Assert.Equal("MDC_PRESS_BLD_ART", arterial.GetProperty("mdc").GetString());
            Assert.Equal("{count}/min", meta.GetProperty("metrics")[3].GetProperty("unit").GetString());
            Assert.Equal("none", meta.GetProperty("metrics")[3].GetProperty("mdc").GetString());
            Assert.Equal("L/min", meta.GetProperty("metrics")[5].GetProperty("unit").GetString());
        }

        [Theory]
        [InlineData("", "n1")]
        [InlineData("or/3", "n1")]
        [InlineData("or3", "n+1")]
        [InlineData("or3", "#")]
        public void Topic_names_that_would_break_the_tree_are_refused_with_a_clear_message(string site, string node)
        {
            var error = Assert.Throws<ArgumentException>(() => new TelemetryTopics(site, node));
            Assert.Contains("telemetry", error.Message);
        }

        [Fact]
        public void Topics_are_built_under_pg_v1_site_node()
        {
            var topics = new TelemetryTopics("or3", "pg-07");
            Assert.Equal("pg/v1/or3/pg-07/state", topics.TopicOf(TelemetryTopic.State));
            Assert.Equal("pg/v1/or3/pg-07/data", topics.TopicOf(TelemetryTopic.Data));
            Assert.Equal("pg/v1/or3/pg-07/log", topics.TopicOf(TelemetryTopic.Log));
        }
    }
}
