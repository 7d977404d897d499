using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using PerfusionGuard.Integration.Tests.Broker;
using PerfusionGuard.Mqtt;

namespace PerfusionGuard.Integration.Tests.Telemetry
{
    /// <summary>A plain MQTT client that subscribes and keeps everything it receives.</summary>
    public sealed class CollectingSubscriber : IAsyncDisposable
    {
        public readonly ConcurrentQueue<MqttMessage> Received = new();

        private CollectingSubscriber(MqttClient client)
        {
            Client = client;
            client.MessageReceived += Received.Enqueue;
        }

        public MqttClient Client { get; }

        public static async Task<CollectingSubscriber> StartAsync(MosquittoBroker broker, string filter, string clientId = null, bool cleanSession = true)
        {
            var options = new MqttClientOptions { Host = "127.0.0.1", Port = broker.Port, CleanSession = cleanSession };
            if (clientId != null)
            {
                options.ClientId = clientId;
            }

            var subscriber = new CollectingSubscriber(new MqttClient(options));
            await subscriber.Client.ConnectAsync();
            if (filter != null)
            {
                await subscriber.Client.SubscribeAsync(new[] { (filter, 1) });
            }

            return subscriber;
        }

        public JsonElement[] Payloads(string leaf) =>
            Received.Where(m => m.Topic.EndsWith("/" + leaf, StringComparison.Ordinal))
                .Select(m => JsonDocument.Parse(m.Payload).RootElement).ToArray();

        public MqttMessage[] On(string leaf) => Received.Where(m => m.Topic.EndsWith("/" + leaf, StringComparison.Ordinal)).ToArray();

        public void WaitFor(Func<CollectingSubscriber, bool> condition, string what) =>
            Wait.Until(() => condition(this), TimeSpan.FromSeconds(10), what + "; received: " + string.Join(" | ", Received.Select(m => m.Topic + " " + Encoding.ASCII.GetString(m.Payload))));

        public ValueTask DisposeAsync() => Client.DisposeAsync();
    }
}
