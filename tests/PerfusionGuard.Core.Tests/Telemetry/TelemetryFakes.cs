using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;
using PerfusionGuard.Units;

namespace PerfusionGuard.Tests.Telemetry
{
    /// <summary>A link that records what it publishes and can be unplugged.</summary>
    internal sealed class RecordingLink : ITelemetryLink
    {
        public readonly List<(string Topic, string Payload, int Qos, bool Retain)> Published = new();

        public bool IsConnected { get; private set; }

        public int ConnectionCount { get; private set; }

        /// <summary>When set, publishes fail (broker silent, PUBACK never comes).</summary>
        public bool FailPublishes { get; set; }

        public void Connect()
        {
            IsConnected = true;
            ConnectionCount++;
        }

        public void Disconnect() => IsConnected = false;

        public bool TryPublish(string topic, byte[] payload, int offset, int count, int qos, bool retain)
        {
            if (!IsConnected || FailPublishes)
            {
                return false;
            }

            Published.Add((topic, Encoding.ASCII.GetString(payload, offset, count), qos, retain));
            return true;
        }

        public IEnumerable<JsonElement> On(string leaf)
        {
            foreach (var message in Published)
            {
                if (message.Topic.EndsWith("/" + leaf))
                {
                    yield return JsonDocument.Parse(message.Payload).RootElement;
                }
            }
        }
    }

    internal sealed class ManualClock : IMicrosClock
    {
        public long NowMicros { get; set; }
    }

    internal sealed class FixedUtcClock : IUtcClock
    {
        public long? UtcMillis { get; set; }

        public bool TryGetUtcMillis(out long utcMillis)
        {
            utcMillis = UtcMillis ?? 0;
            return UtcMillis.HasValue;
        }
    }

    internal static class TelemetryFixtures
    {
        public static readonly ChannelId[] AdultCpbChannels =
        {
            ChannelId.PArterial, ChannelId.PVenous, ChannelId.PPostOxygenator, ChannelId.BubbleArterial,
            ChannelId.LevelReservoir, ChannelId.FlowArterial,
        };

        public static SafetyInputs TypicalInputs()
        {
            var inputs = new SafetyInputs();
            inputs.Pressures[(int)ChannelId.PArterial].Pressure = Pressure.FromMmHg(182.34);
            inputs.Pressures[(int)ChannelId.PVenous].Pressure = Pressure.FromMmHg(-32.5);
            inputs.Pressures[(int)ChannelId.PPostOxygenator].Pressure = Pressure.FromMmHg(95.0);
            inputs.Pressures[(int)ChannelId.PPostOxygenator].Quality = SensorQuality.Stuck;
            inputs.Air[(int)ChannelId.BubbleArterial].MicrobubblesPerMinute = 12;
            inputs.ReservoirLevel.HasVolume = true;
            inputs.ReservoirLevel.Volume = Volume.FromMl(812.25);
            inputs.Flows[(int)ChannelId.FlowArterial].Flow = Flow.FromLPerMin(4.526);
            return inputs;
        }
    }
}
