using System;
using System.Text;
using PerfusionGuard.Mqtt;
using Xunit;

namespace PerfusionGuard.Integration.Tests.Mqtt
{
    /// <summary>The packet encoder and decoder against the bytes of the MQTT 3.1.1 standard.</summary>
    public class MqttCodecTests
    {
        [Theory]
        // Table 2.4 of MQTT 3.1.1 §2.2.3: the edges of 1, 2, 3 and 4-byte remaining lengths.
        [InlineData(0, new byte[] { 0x00 })]
        [InlineData(127, new byte[] { 0x7F })]
        [InlineData(128, new byte[] { 0x80, 0x01 })]
        [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
        [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
        [InlineData(2_097_151, new byte[] { 0xFF, 0xFF, 0x7F })]
        [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
        [InlineData(268_435_455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
        public void Remaining_length_encodes_and_decodes_at_the_edges_of_the_standard_table(int length, byte[] expected)
        {
            Span<byte> buffer = stackalloc byte[4];
            int count = MqttCodec.EncodeRemainingLength(length, buffer);
            Assert.Equal(expected, buffer[..count].ToArray());

            Assert.True(MqttCodec.TryDecodeRemainingLength(expected, out int decoded, out int consumed));
            Assert.Equal(length, decoded);
            Assert.Equal(expected.Length, consumed);
        }

        [Theory]
        [InlineData(-1)]
        [InlineData(268_435_456)]
        public void Remaining_length_outside_the_four_byte_range_is_refused(int length)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => MqttCodec.EncodeRemainingLength(length, new byte[4]));
        }

        [Fact]
        public void A_fifth_length_byte_is_malformed_and_a_short_one_asks_for_more()
        {
            Assert.Throws<MqttProtocolException>(() => MqttCodec.TryDecodeRemainingLength(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, out _, out _));
            Assert.False(MqttCodec.TryDecodeRemainingLength(new byte[] { 0x80, 0x80 }, out _, out _));
            Assert.False(MqttCodec.TryDecodeRemainingLength(ReadOnlySpan<byte>.Empty, out _, out _));
        }

        [Fact]
        public void Connect_carries_will_credentials_clean_session_and_keep_alive()
        {
            byte[] packet = MqttCodec.Connect("pg1", "u", "p", 30, true, new MqttWill("a/b", Encoding.ASCII.GetBytes("lost"), 1, true));
            byte[] expected =
            {
                0x10, 32,
                0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04,
                0b1110_1110, // user, password, will retain, will QoS 1, will flag, clean session
                0x00, 30,
                0x00, 0x03, (byte)'p', (byte)'g', (byte)'1',
                0x00, 0x03, (byte)'a', (byte)'/', (byte)'b',
                0x00, 0x04, (byte)'l', (byte)'o', (byte)'s', (byte)'t',
                0x00, 0x01, (byte)'u',
                0x00, 0x01, (byte)'p',
            };
            Assert.Equal(expected, packet);
        }

        [Fact]
        public void Connect_without_will_or_credentials_for_a_persistent_session_sets_no_flags()
        {
            byte[] packet = MqttCodec.Connect("x", null, null, 0, false, null);
            Assert.Equal(0x00, packet[9]);
            Assert.Throws<ArgumentException>(() => MqttCodec.Connect("x", null, "secret", 0, true, null));
        }

        [Fact]
        public void Publish_qos1_retained_duplicate_round_trips_through_the_parser()
        {
            byte[] payload = Encoding.ASCII.GetBytes("{\"seq\":1}");
            byte[] packet = MqttCodec.Publish("pg/v1/s/n/alarm", payload, 1, true, true, 0x1234);
            Assert.Equal(0x3B, packet[0]); // PUBLISH, DUP, QoS 1, RETAIN
            Assert.True(MqttCodec.TryDecodeRemainingLength(packet.AsSpan(1), out int length, out int consumed));
            Assert.Equal(packet.Length - 1 - consumed, length);

            MqttMessage message = MqttCodec.ParsePublish((byte)(packet[0] & 0x0F), packet.AsSpan(1 + consumed), out ushort id);
            Assert.Equal("pg/v1/s/n/alarm", message.Topic);
            Assert.Equal(payload, message.Payload);
            Assert.Equal(1, message.Qos);
            Assert.True(message.Retain);
            Assert.True(message.Duplicate);
            Assert.Equal(0x1234, id);
        }

        [Fact]
        public void Publish_qos0_has_no_packet_id_and_a_large_payload_gets_a_multibyte_length()
        {
            byte[] packet = MqttCodec.Publish("t", new byte[200], 0, false, false, 0);
            Assert.Equal(0x30, packet[0]);
            Assert.Equal(new byte[] { 0xCB, 0x01 }, packet[1..3]); // 2 + 1 + 200 = 203
            Assert.Equal(3 + 203, packet.Length);
        }

        [Theory]
        [InlineData("pg/+/x")]
        [InlineData("pg/#")]
        [InlineData("")]
        public void Publishing_to_a_wildcard_or_empty_topic_is_refused(string topic)
        {
            Assert.Throws<ArgumentException>(() => MqttCodec.Publish(topic, Array.Empty<byte>(), 0, false, false, 0));
        }

        [Fact]
        public void Resend_sets_only_the_dup_flag()
        {
            byte[] packet = MqttCodec.Publish("t", new byte[] { 1 }, 1, false, false, 7);
            byte[] copy = (byte[])packet.Clone();
            MqttCodec.SetDuplicate(packet);
            Assert.Equal(copy[0] | 0x08, packet[0]);
            Assert.Equal(copy[1..], packet[1..]);
        }

        [Fact]
        public void Subscribe_uses_the_reserved_flags_0010_and_lists_filters_with_qos()
        {
            byte[] packet = MqttCodec.Subscribe(10, new[] { ("pg/v1/+/+/#", 1) });
            Assert.Equal(new byte[] { 0x82, 16, 0x00, 10, 0x00, 11 }, packet[..6]);
            Assert.Equal(1, packet[^1]);
        }

        [Fact]
        public void Connack_suback_and_puback_are_parsed_and_connack_codes_are_named()
        {
            Assert.Equal((true, (byte)0), MqttCodec.ParseConnack(new byte[] { 0x01, 0x00 }));
            Assert.Equal((false, (byte)5), MqttCodec.ParseConnack(new byte[] { 0x00, 0x05 }));
            Assert.Throws<MqttProtocolException>(() => MqttCodec.ParseConnack(new byte[] { 0x00 }));
            Assert.Contains("not authorized", MqttConnackCodes.Describe(5));
            Assert.Contains("bad user name or password", MqttConnackCodes.Describe(4));
            Assert.Contains("not a MQTT 3.1.1", MqttConnackCodes.Describe(9));

            var (id, granted) = MqttCodec.ParseSuback(new byte[] { 0x00, 0x0A, 0x01, 0x80 });
            Assert.Equal(10, id);
            Assert.Equal(new byte[] { 0x01, 0x80 }, granted);
            Assert.Equal(0xBEEF, MqttCodec.ParsePacketId(MqttCodec.Puback(0xBEEF).AsSpan(2)));
            Assert.Equal(new byte[] { 0xC0, 0x00 }, MqttCodec.Pingreq());
            Assert.Equal(new byte[] { 0xE0, 0x00 }, MqttCodec.Disconnect());
        }

        [Fact]
        public void A_publish_whose_topic_runs_past_the_packet_is_malformed()
        {
            Assert.Throws<MqttProtocolException>(() => MqttCodec.ParsePublish(0, new byte[] { 0x00, 0x09, (byte)'a' }, out _));
            Assert.Throws<MqttProtocolException>(() => MqttCodec.ParsePublish(0x06, new byte[] { 0x00, 0x00 }, out _));
        }
    }
}
