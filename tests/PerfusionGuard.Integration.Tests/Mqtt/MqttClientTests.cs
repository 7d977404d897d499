using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PerfusionGuard.Integration.Tests.Broker;
using PerfusionGuard.Mqtt;
using Xunit;

namespace PerfusionGuard.Integration.Tests.Mqtt
{
    /// <summary>
    /// The client's session behaviour against a scripted in-process broker that can withhold
    /// acknowledgements and drop the connection at chosen moments (a real broker cannot be told to).
    /// </summary>
    public class MqttClientTests
    {
        [Fact]
        public async Task An_unacknowledged_qos1_publish_is_resent_with_dup_and_the_same_id_after_reconnect()
        {
            using var broker = new ScriptedBroker();
            var client = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, CleanSession = false, ClientId = "pg-test", KeepAliveSeconds = 0 });
            await client.ConnectAsync();
            Task publish = client.PublishAsync("pg/v1/s/n/alarm", Encoding.ASCII.GetBytes("{\"seq\":1}"), 1, false);
            (byte header1, byte[] body1) = broker.NextPacket(MqttPacketType.Publish);
            Assert.Equal(0, header1 & 0x08);
            broker.DropConnection();
            Wait.Until(() => !client.IsConnected, TimeSpan.FromSeconds(5), "the client to see the drop");
            Assert.False(publish.IsCompleted);
            Assert.Equal(1, client.UnacknowledgedCount);

            await client.ConnectAsync();
            (byte header2, byte[] body2) = broker.NextPacket(MqttPacketType.Publish);
            Assert.Equal(0x08, header2 & 0x08); // DUP
            Assert.Equal(body1, body2);          // same topic, packet id and payload
            broker.Send(MqttCodec.Puback((ushort)((body2[17] << 8) | body2[18])));
            await publish.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Equal(0, client.UnacknowledgedCount);
            Assert.Equal(2, client.ConnectionCount);
        }

        [Fact]
        public async Task A_forgotten_qos1_publish_is_not_resent()
        {
            using var broker = new ScriptedBroker();
            var client = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, KeepAliveSeconds = 0 });
            await client.ConnectAsync();
            using var cancel = new CancellationTokenSource();
            Task publish = client.PublishAsync("a/b", new byte[] { 1 }, 1, false, cancel.Token);
            broker.NextPacket(MqttPacketType.Publish);
            cancel.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => publish);
            Assert.Equal(0, client.UnacknowledgedCount);
        }

        [Fact]
        public async Task Keep_alive_sends_pingreq_when_idle_and_gives_up_when_the_broker_stays_silent()
        {
            using var broker = new ScriptedBroker();
            var client = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, KeepAliveSeconds = 1 });
            Exception lost = null;
            client.Disconnected += e => lost = e;
            await client.ConnectAsync();

            broker.NextPacket(MqttPacketType.Pingreq); // within ~0.75 s of idling
            // No PINGRESP: after the keep alive the client must declare the connection dead.
            Wait.Until(() => Volatile.Read(ref lost) != null, TimeSpan.FromSeconds(5), "the client to give up on a silent broker");
            Assert.False(client.IsConnected);
            Assert.Contains("did not answer PINGREQ", lost.Message);
        }

        [Fact]
        public async Task Incoming_qos1_publish_is_delivered_and_acknowledged()
        {
            using var broker = new ScriptedBroker();
            var client = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, KeepAliveSeconds = 0 });
            var received = new ConcurrentQueue<MqttMessage>();
            client.MessageReceived += received.Enqueue;
            await client.ConnectAsync();

            broker.Send(MqttCodec.Publish("pg/v1/s/n/alarm", Encoding.ASCII.GetBytes("x"), 1, true, false, 77));
            (_, byte[] ack) = broker.NextPacket(MqttPacketType.Puback);
            Assert.Equal(77, MqttCodec.ParsePacketId(ack));
            Assert.True(received.TryDequeue(out MqttMessage message));
            Assert.Equal("pg/v1/s/n/alarm", message.Topic);
            Assert.True(message.Retain);
        }

        /// <summary>Accepts one client at a time, answers CONNECT with CONNACK 0, and lets the test read and write packets.</summary>
        private sealed class ScriptedBroker : IDisposable
        {
            private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
            private readonly BlockingCollection<(byte, byte[])> _packets = new();
            private TcpClient _client;

            public ScriptedBroker()
            {
                _listener.Start();
                Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
                Task.Run(AcceptLoop);
            }

            public int Port { get; }

            public (byte Header, byte[] Body) NextPacket(MqttPacketType type)
            {
                while (_packets.TryTake(out var packet, TimeSpan.FromSeconds(5)))
                {
                    if ((MqttPacketType)(packet.Item1 >> 4) == type)
                    {
                        return packet;
                    }
                }

                throw new TimeoutException($"no {type} packet within 5 s");
            }

            public void Send(byte[] packet) => _client.GetStream().Write(packet);

            public void DropConnection()
            {
                _client.Client.LingerState = new LingerOption(true, 0);
                _client.Dispose();
            }

            public void Dispose()
            {
                _listener.Stop();
                _client?.Dispose();
            }

            private async Task AcceptLoop()
            {
                try
                {
                    while (true)
                    {
                        TcpClient client = await _listener.AcceptTcpClientAsync();
                        _client = client;
                        _ = Task.Run(() => ReadLoop(client));
                    }
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                }
            }

            private void ReadLoop(TcpClient client)
            {
                try
                {
                    NetworkStream stream = client.GetStream();
                    while (true)
                    {
                        int header = stream.ReadByte();
                        if (header < 0)
                        {
                            return;
                        }

                        var lengthBytes = new byte[4];
                        int count = 0;
                        int length;
                        do
                        {
                            lengthBytes[count++] = (byte)stream.ReadByte();
                        }
                        while (!MqttCodec.TryDecodeRemainingLength(lengthBytes.AsSpan(0, count), out length, out _));
                        var body = new byte[length];
                        stream.ReadExactly(body);
                        if ((MqttPacketType)(header >> 4) == MqttPacketType.Connect)
                        {
                            stream.Write(new byte[] { 0x20, 0x02, 0x00, 0x00 });
                        }

                        _packets.Add(((byte)header, body));
                    }
                }
                catch (Exception e) when (e is System.IO.IOException or ObjectDisposedException or SocketException)
                {
                }
            }
        }
    }
}
