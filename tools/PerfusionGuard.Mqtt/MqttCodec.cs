using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace PerfusionGuard.Mqtt
{
    /// <summary>
    /// Encodes and decodes MQTT 3.1.1 packets (OASIS standard, 29 October 2014). Pure functions over
    /// byte arrays: the client does the I/O, tests check the bytes.
    /// </summary>
    public static class MqttCodec
    {
        /// <summary>Largest Remaining Length the four-byte variable length encoding can carry (§2.2.3).</summary>
        public const int MaxRemainingLength = 268_435_455;

        /// <summary>Protocol level of MQTT 3.1.1 in CONNECT (§3.1.2.2).</summary>
        public const byte ProtocolLevel = 4;

        /// <summary>Writes <paramref name="length"/> as a Remaining Length (1-4 bytes, 7 bits each, low first); returns the byte count.</summary>
        public static int EncodeRemainingLength(int length, Span<byte> destination)
        {
            if (length < 0 || length > MaxRemainingLength)
            {
                throw new ArgumentOutOfRangeException(nameof(length), length, $"MQTT remaining length must be 0..{MaxRemainingLength}");
            }

            int count = 0;
            do
            {
                byte digit = (byte)(length % 128);
                length /= 128;
                if (length > 0)
                {
                    digit |= 0x80;
                }

                destination[count++] = digit;
            }
            while (length > 0);
            return count;
        }

        /// <summary>
        /// Reads a Remaining Length from <paramref name="source"/>. False when more bytes are needed;
        /// throws <see cref="MqttProtocolException"/> when a fifth byte would be needed (malformed, §2.2.3).
        /// </summary>
        public static bool TryDecodeRemainingLength(ReadOnlySpan<byte> source, out int length, out int consumed)
        {
            length = 0;
            int multiplier = 1;
            for (consumed = 0; consumed < 4; )
            {
                if (consumed >= source.Length)
                {
                    return false;
                }

                byte digit = source[consumed++];
                length += (digit & 0x7F) * multiplier;
                if ((digit & 0x80) == 0)
                {
                    return true;
                }

                multiplier *= 128;
            }

            throw new MqttProtocolException("malformed MQTT remaining length: continuation bit set on the fourth byte");
        }

        /// <summary>CONNECT (§3.1).</summary>
        public static byte[] Connect(string clientId, string userName, string password, ushort keepAliveSeconds, bool cleanSession, MqttWill will)
        {
            if (password != null && userName == null)
            {
                throw new ArgumentException("MQTT 3.1.1 sends a password only with a user name (§3.1.2.9)");
            }

            var body = new PacketBody();
            body.String("MQTT");
            body.Byte(ProtocolLevel);
            byte flags = 0;
            if (cleanSession)
            {
                flags |= 0x02;
            }

            if (will != null)
            {
                CheckQos(will.Qos);
                flags |= 0x04;
                flags |= (byte)(will.Qos << 3);
                if (will.Retain)
                {
                    flags |= 0x20;
                }
            }

            if (password != null)
            {
                flags |= 0x40;
            }

            if (userName != null)
            {
                flags |= 0x80;
            }

            body.Byte(flags);
            body.UInt16(keepAliveSeconds);
            body.String(clientId ?? "");
            if (will != null)
            {
                body.String(will.Topic);
                body.Binary(will.Payload ?? Array.Empty<byte>());
            }

            if (userName != null)
            {
                body.String(userName);
            }

            if (password != null)
            {
                body.Binary(Encoding.UTF8.GetBytes(password));
            }

            return body.ToPacket((byte)((int)MqttPacketType.Connect << 4));
        }

        /// <summary>PUBLISH (§3.3); <paramref name="packetId"/> is ignored for QoS 0.</summary>
        public static byte[] Publish(string topic, ReadOnlySpan<byte> payload, int qos, bool retain, bool duplicate, ushort packetId)
        {
            CheckQos(qos);
            if (string.IsNullOrEmpty(topic) || topic.Contains('+') || topic.Contains('#'))
            {
                throw new ArgumentException($"MQTT topic name '{topic}' is empty or holds a wildcard (§4.7.1)");
            }

            if (qos > 0 && packetId == 0)
            {
                throw new ArgumentException("MQTT packet identifier 0 is not allowed for QoS > 0 (§2.3.1)");
            }

            var body = new PacketBody();
            body.String(topic);
            if (qos > 0)
            {
                body.UInt16(packetId);
            }

            body.Raw(payload);
            byte header = (byte)(((int)MqttPacketType.Publish << 4) | (qos << 1));
            if (retain)
            {
                header |= 0x01;
            }

            if (duplicate)
            {
                header |= 0x08;
            }

            return body.ToPacket(header);
        }

        /// <summary>Sets the DUP flag of an encoded PUBLISH (for a resend, §3.3.1.1).</summary>
        public static void SetDuplicate(byte[] publishPacket) => publishPacket[0] |= 0x08;

        /// <summary>PUBACK (§3.4).</summary>
        public static byte[] Puback(ushort packetId) => new byte[] { (byte)((int)MqttPacketType.Puback << 4), 2, (byte)(packetId >> 8), (byte)packetId };

        /// <summary>SUBSCRIBE (§3.8): fixed header flags must be 0010.</summary>
        public static byte[] Subscribe(ushort packetId, IReadOnlyList<(string Filter, int Qos)> filters)
        {
            if (filters.Count == 0)
            {
                throw new ArgumentException("MQTT SUBSCRIBE needs at least one topic filter (§3.8.3)");
            }

            var body = new PacketBody();
            body.UInt16(packetId);
            foreach (var (filter, qos) in filters)
            {
                CheckQos(qos);
                body.String(filter);
                body.Byte((byte)qos);
            }

            return body.ToPacket((byte)(((int)MqttPacketType.Subscribe << 4) | 0x02));
        }

        /// <summary>PINGREQ (§3.12).</summary>
        public static byte[] Pingreq() => new byte[] { (byte)((int)MqttPacketType.Pingreq << 4), 0 };

        /// <summary>DISCONNECT (§3.14).</summary>
        public static byte[] Disconnect() => new byte[] { (byte)((int)MqttPacketType.Disconnect << 4), 0 };

        /// <summary>Reads CONNACK's body (§3.2): session present flag and return code.</summary>
        public static (bool SessionPresent, byte ReturnCode) ParseConnack(ReadOnlySpan<byte> body)
        {
            if (body.Length != 2)
            {
                throw new MqttProtocolException($"CONNACK must have 2 bytes of variable header, got {body.Length}");
            }

            return ((body[0] & 0x01) != 0, body[1]);
        }

        /// <summary>Reads a PUBLISH (§3.3) from its fixed-header flags and body.</summary>
        public static MqttMessage ParsePublish(byte flags, ReadOnlySpan<byte> body, out ushort packetId)
        {
            int qos = (flags >> 1) & 0x03;
            if (qos == 3)
            {
                throw new MqttProtocolException("PUBLISH with QoS 3 is malformed (§3.3.1.2)");
            }

            int position = 0;
            string topic = ReadString(body, ref position);
            packetId = 0;
            if (qos > 0)
            {
                packetId = ReadUInt16(body, ref position);
            }

            return new MqttMessage(topic, body[position..].ToArray(), qos, (flags & 0x01) != 0, (flags & 0x08) != 0);
        }

        /// <summary>Reads the packet identifier of PUBACK, UNSUBACK and the like.</summary>
        public static ushort ParsePacketId(ReadOnlySpan<byte> body)
        {
            if (body.Length < 2)
            {
                throw new MqttProtocolException($"packet identifier needs 2 bytes, got {body.Length}");
            }

            return (ushort)((body[0] << 8) | body[1]);
        }

        /// <summary>Reads SUBACK (§3.9): packet id and one granted QoS (0-2) or 0x80 (failure) per filter.</summary>
        public static (ushort PacketId, byte[] Granted) ParseSuback(ReadOnlySpan<byte> body)
        {
            ushort id = ParsePacketId(body);
            return (id, body[2..].ToArray());
        }

        private static void CheckQos(int qos)
        {
            if (qos < 0 || qos > 1)
            {
                throw new ArgumentOutOfRangeException(nameof(qos), qos, "this client supports QoS 0 and 1");
            }
        }

        private static string ReadString(ReadOnlySpan<byte> body, ref int position)
        {
            int length = ReadUInt16(body, ref position);
            if (position + length > body.Length)
            {
                throw new MqttProtocolException($"string of {length} bytes runs past the end of a {body.Length}-byte packet");
            }

            string text = Encoding.UTF8.GetString(body.Slice(position, length));
            position += length;
            return text;
        }

        private static ushort ReadUInt16(ReadOnlySpan<byte> body, ref int position)
        {
            if (position + 2 > body.Length)
            {
                throw new MqttProtocolException("packet ends inside a two-byte integer");
            }

            ushort value = (ushort)((body[position] << 8) | body[position + 1]);
            position += 2;
            return value;
        }

        /// <summary>Collects a packet's variable header and payload, then prefixes the fixed header.</summary>
        private sealed class PacketBody
        {
            private readonly MemoryStream _bytes = new();

            public void Byte(byte b) => _bytes.WriteByte(b);

            public void UInt16(ushort value)
            {
                _bytes.WriteByte((byte)(value >> 8));
                _bytes.WriteByte((byte)value);
            }

            public void String(string text)
            {
                byte[] utf8 = Encoding.UTF8.GetBytes(text);
                Binary(utf8);
            }

            public void Binary(byte[] data)
            {
                if (data.Length > ushort.MaxValue)
                {
                    throw new ArgumentException($"MQTT string or binary field of {data.Length} bytes exceeds 65535 (§1.5.3)");
                }

                UInt16((ushort)data.Length);
                _bytes.Write(data);
            }

            public void Raw(ReadOnlySpan<byte> data) => _bytes.Write(data);

            public byte[] ToPacket(byte header)
            {
                Span<byte> length = stackalloc byte[4];
                int lengthBytes = EncodeRemainingLength((int)_bytes.Length, length);
                var packet = new byte[1 + lengthBytes + _bytes.Length];
                packet[0] = header;
                length[..lengthBytes].CopyTo(packet.AsSpan(1));
                _bytes.GetBuffer().AsSpan(0, (int)_bytes.Length).CopyTo(packet.AsSpan(1 + lengthBytes));
                return packet;
            }
        }
    }
}
