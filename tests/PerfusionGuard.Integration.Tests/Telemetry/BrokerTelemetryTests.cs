using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using PerfusionGuard.Integration.Tests.Broker;
using PerfusionGuard.Mqtt;
using Xunit;

namespace PerfusionGuard.Integration.Tests.Telemetry
{
    /// <summary>
    /// Telemetry against a real mosquitto that each test starts on its own free loopback port.
    /// Waits for the broker are bounded polls; the node's time is virtual.
    /// </summary>
    public class BrokerTelemetryTests
    {
        [Fact]
        public async Task Retained_state_and_meta_are_seen_by_a_subscriber_that_arrives_later()
        {
            using var broker = MosquittoBroker.Start();
            await using var node = new NodeUnderTest(broker);
            node.WaitConnected();
            node.RunOneSecond();
            node.Pump();

            await using var late = await CollectingSubscriber.StartAsync(broker, "pg/v1/or3/pg-01/#");
            late.WaitFor(s => s.On("state").Length == 1 && s.On("meta").Length == 1, "retained state and meta");

            Assert.All(late.On("state").Concat(late.On("meta")), m => Assert.True(m.Retain));
            Assert.Equal("online", late.Payloads("state")[0].GetProperty("state").GetString());
            var meta = late.Payloads("meta")[0];
            Assert.Equal("adult-cpb", meta.GetProperty("profile").GetString());
            Assert.Equal(3, meta.GetProperty("boot").GetInt64());
            Assert.Equal("MDC_PRESS_BLD_ART", meta.GetProperty("metrics")[0].GetProperty("mdc").GetString());
            Assert.Empty(late.On("data")); // data frames are QoS 0, not retained
        }

        [Fact]
        [Trait("Requirement", "SAF-TEL-005")]
        public async Task The_last_will_lost_is_published_and_retained_when_the_node_vanishes_without_disconnect()
        {
            // SAF-TEL-005: a node that dies (power, crash, cable) shows as "lost" to every subscriber, even later ones.
            using var broker = MosquittoBroker.Start();
            await using var watcher = await CollectingSubscriber.StartAsync(broker, "pg/v1/+/+/state");
            await using var node = new NodeUnderTest(broker);
            node.WaitConnected();
            node.Pump();
            watcher.WaitFor(s => s.Payloads("state").Any(p => p.GetProperty("state").GetString() == "online"), "state online");

            await node.Telemetry.Link.DisposeAsync(); // stop reconnecting ...
            // ... then: a fresh link, and kill its socket without DISCONNECT.
            await using var doomed = new NodeUnderTest(broker, node: "pg-02");
            doomed.WaitConnected();
            doomed.Pump();
            doomed.Telemetry.Link.Client.Abort();

            watcher.WaitFor(s => s.Received.Any(m => m.Topic == "pg/v1/or3/pg-02/state" && Encoding.ASCII.GetString(m.Payload).Contains("\"lost\"")), "the Last Will of pg-02");
            await using var late = await CollectingSubscriber.StartAsync(broker, "pg/v1/or3/pg-02/state");
            late.WaitFor(s => s.On("state").Length == 1, "retained lost state");
            Assert.Equal("lost", late.Payloads("state")[0].GetProperty("state").GetString());
            Assert.Equal(3, late.Payloads("state")[0].GetProperty("boot").GetInt64());
        }

        [Fact]
        public async Task A_clean_shutdown_publishes_offline_instead_of_lost()
        {
            using var broker = MosquittoBroker.Start();
            await using var watcher = await CollectingSubscriber.StartAsync(broker, "pg/v1/+/+/state");
            var node = new NodeUnderTest(broker);
            node.WaitConnected();
            node.Pump();
            await node.DisposeAsync();

            watcher.WaitFor(s => s.Payloads("state").Any(p => p.GetProperty("state").GetString() == "offline"), "state offline");
            Assert.DoesNotContain(watcher.Payloads("state"), p => p.GetProperty("state").GetString() == "lost");
        }

        [Fact]
        public async Task Data_and_alarms_reach_an_independent_mosquitto_sub()
        {
            using var broker = MosquittoBroker.Start();
            var info = new ProcessStartInfo("stdbuf", $"-oL mosquitto_sub -h 127.0.0.1 -p {broker.Port} -t pg/v1/+/+/data -t pg/v1/+/+/alarm -q 1 -v -d")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var sub = Process.Start(info)!;
            var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
            sub.OutputDataReceived += (_, e) => { if (e.Data != null) lines.Enqueue(e.Data); };
            sub.BeginOutputReadLine();
            try
            {
                Wait.Until(() => lines.Any(l => l.Contains("SUBACK")), TimeSpan.FromSeconds(10), "mosquitto_sub to subscribe");
                await using var node = new NodeUnderTest(broker);
                node.WaitConnected();
                node.RunOneSecond();
                node.RaiseAlarm("AIR_ARTERIAL");
                node.RunOneSecond();
                node.Pump();

                Wait.Until(() => lines.Count(l => l.StartsWith("pg/v1/or3/pg-01/data {")) == 2 && lines.Any(l => l.StartsWith("pg/v1/or3/pg-01/alarm {")),
                    TimeSpan.FromSeconds(10), "mosquitto_sub to print two data frames and one alarm");
                string alarm = lines.First(l => l.StartsWith("pg/v1/or3/pg-01/alarm "));
                Assert.Contains("\"alarm\":\"AIR_ARTERIAL\"", alarm);
                string frame = lines.First(l => l.StartsWith("pg/v1/or3/pg-01/data "));
                Assert.Contains("\"p_arterial_mmHg\":", frame);
                Assert.Contains("\"seq\":1,", frame);
            }
            finally
            {
                sub.Kill();
            }
        }

        [Fact]
        public async Task Qos1_alarms_queued_for_a_persistent_subscriber_survive_a_broker_restart()
        {
            using var broker = MosquittoBroker.Start(new MosquittoSettings { Persistence = true });
            // A central station with a persistent session subscribes, then goes away.
            var station = await CollectingSubscriber.StartAsync(broker, "pg/v1/+/+/alarm", clientId: "central-station", cleanSession: false);
            await station.Client.DisconnectAsync();

            await using (var node = new NodeUnderTest(broker))
            {
                node.WaitConnected();
                node.RaiseAlarm("P_ARTERIAL_HIGH");
                Assert.Equal(1, node.Pump()); // returns only after the broker's PUBACK
            }

            broker.Stop();
            broker.Start();

            await using var back = await CollectingSubscriber.StartAsync(broker, null, clientId: "central-station", cleanSession: false);
            back.WaitFor(s => s.On("alarm").Length >= 1, "the alarm queued before the restart");
            Assert.Equal("P_ARTERIAL_HIGH", back.Payloads("alarm")[0].GetProperty("alarm").GetString());
            Assert.Equal(1, back.On("alarm")[0].Qos);
        }

        [Fact]
        public async Task Tls_with_a_test_ca_connects_and_a_broker_signed_by_another_ca_is_refused()
        {
            string directory = Path.Combine(Path.GetTempPath(), "pg-tls-" + Guid.NewGuid().ToString("N")[..8]);
            TestCertificates certificates = TestCertificates.Create(directory);
            TestCertificates stranger = TestCertificates.Create(Path.Combine(directory, "other"), "Some Other CA");
            using var broker = MosquittoBroker.Start(new MosquittoSettings { Tls = certificates });

            await using var node = new NodeUnderTest(broker, configure: o => o.TlsCaFile = certificates.CaFile);
            node.WaitConnected();
            node.RunOneSecond();
            Assert.Equal(1, node.Pump());

            var refused = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, TlsCaFile = stranger.CaFile });
            var error = await Assert.ThrowsAsync<MqttException>(() => refused.ConnectAsync());
            Assert.Contains("TLS handshake failed", error.Message);
            Assert.Contains("not signed by the CA", error.Message);

            var plain = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, ConnectTimeout = TimeSpan.FromSeconds(2) });
            await Assert.ThrowsAsync<MqttException>(() => plain.ConnectAsync());
            Directory.Delete(directory, true);
        }

        [Fact]
        public async Task Bad_credentials_are_refused_with_the_connack_code_named_and_good_ones_accepted()
        {
            var settings = new MosquittoSettings();
            settings.Users.Add(("node", "s3cret"));
            using var broker = MosquittoBroker.Start(settings);

            var wrong = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, UserName = "node", Password = "guess" });
            var error = await Assert.ThrowsAsync<MqttConnectRefusedException>(() => wrong.ConnectAsync());
            Assert.True(error.Code is MqttConnackCode.NotAuthorized or MqttConnackCode.BadUsernameOrPassword, error.Message);
            Assert.Contains($"127.0.0.1:{broker.Port} refused the connection: CONNACK return code", error.Message);

            var anonymous = new MqttClient(new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port });
            await Assert.ThrowsAsync<MqttConnectRefusedException>(() => anonymous.ConnectAsync());

            await using var node = new NodeUnderTest(broker, configure: o => { o.UserName = "node"; o.Password = "s3cret"; });
            node.WaitConnected();
            Assert.True(node.Telemetry.Link.IsConnected);
        }

        [Fact]
        [Trait("Requirement", "SAF-TEL-001")]
        public async Task Messages_published_to_the_node_topics_never_reach_the_node()
        {
            // SAF-TEL-001: the node subscribes to nothing, so a "command" sent to its topics cannot reach it.
            using var broker = MosquittoBroker.Start();
            await using var node = new NodeUnderTest(broker);
            node.WaitConnected();
            node.Pump();
            await using var attacker = await CollectingSubscriber.StartAsync(broker, "pg/v1/or3/pg-01/#");
            foreach (string leaf in new[] { "cmd", "interlock/reset", "state", "config" })
            {
                await attacker.Client.PublishAsync("pg/v1/or3/pg-01/" + leaf, Encoding.ASCII.GetBytes("{\"reset\":true}"), 1, false);
            }

            attacker.WaitFor(s => s.Received.Count(m => m.Payload.Length == 14) == 4, "the broker to route the four messages");
            Assert.Equal(0, node.Telemetry.Link.Client.MessagesReceived);
        }
    }
}
