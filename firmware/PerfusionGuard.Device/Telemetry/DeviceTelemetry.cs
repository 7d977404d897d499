using System.Security.Cryptography.X509Certificates;
using PerfusionGuard.Hal;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Device.Telemetry
{
    /// <summary>
    /// Telemetry of the device wired end to end: session, outbox, sampler, pump thread, M2Mqtt link.
    /// Start-up creates it once; the safety cycle gets <see cref="Sampler"/> as a cycle observer (it
    /// only encodes and enqueues, SAF-TEL-004) and the alarm manager's telemetry sink ring is drained
    /// into it (<see cref="TelemetrySampler.DrainAlarmTransitions"/>); the pump and the link run on
    /// their own lower-priority threads.
    /// </summary>
    public sealed class DeviceTelemetry
    {
        private DeviceTelemetry(TelemetrySampler sampler, TelemetryPump pump, M2MqttTelemetryLink link, TelemetryOutbox outbox)
        {
            Sampler = sampler;
            Pump = pump;
            Link = link;
            Outbox = outbox;
        }

        /// <summary>The cycle observer; also takes alarms and events.</summary>
        public TelemetrySampler Sampler { get; }

        /// <summary>Drains the outbox to the link.</summary>
        public TelemetryPump Pump { get; }

        /// <summary>The MQTT link.</summary>
        public M2MqttTelemetryLink Link { get; }

        /// <summary>The store-and-forward outbox.</summary>
        public TelemetryOutbox Outbox { get; }

        /// <summary>Builds telemetry for this node (allocates: start-up only).</summary>
        public static DeviceTelemetry Create(string site, string node, string host, int port, X509Certificate caCertificate,
            string userName, string password, TelemetryNodeInfo info, IMicrosClock clock, IConditionMonitor monitor, long bootCounter)
        {
            TelemetryTopics topics = new TelemetryTopics(site, node);
            long now = clock.NowMicros;
            TelemetrySession session = new TelemetrySession(bootCounter, now, new DeviceUtcClock());
            TelemetryOutbox outbox = new TelemetryOutbox();
            TelemetrySampler sampler = new TelemetrySampler(outbox, session, info.Channels, monitor, info.DataPeriodMicros);
            byte[] lost = StateMessageEncoder.ToBytes(session, StateMessageEncoder.Lost, now);
            M2MqttTelemetryLink link = new M2MqttTelemetryLink(host, port, caCertificate, "pg-" + site + "-" + node, userName, password,
                topics.TopicOf(TelemetryTopic.State), lost, 30, 5000);
            TelemetryPump pump = new TelemetryPump(outbox, link, topics, session, clock, MetaMessageEncoder.ToBytes(session, info, now));
            return new DeviceTelemetry(sampler, pump, link, outbox);
        }

        /// <summary>Starts the link's connection thread and the pump thread.</summary>
        public void Start()
        {
            Link.Start();
            Pump.Start(50);
        }
    }
}
