using System.Security.Cryptography.X509Certificates;
using PerfusionGuard.Device.Startup;
using PerfusionGuard.Hal;
using PerfusionGuard.Module;

namespace PerfusionGuard.Device.Telemetry
{
    /// <summary>
    /// The device-only part of telemetry: the M2Mqtt link with the site's credentials, TLS against
    /// the broker's CA (PEM text from I:\) and the Last Will, attached to the portable
    /// <see cref="ModuleTelemetry"/> (the module's own sampler fills the outbox on the safety cycle).
    /// <see cref="Step"/> runs on the telemetry thread: it starts the link's connection thread once
    /// the network is up, then moves events into the outbox and drains it. The safety thread never
    /// waits on any of it (SAF-TEL-004).
    /// API: nanoFramework.System.Net X509Certificate(string certificate) (PEM or DER).
    /// </summary>
    public sealed class DeviceTelemetry
    {
        /// <summary>MQTT keep alive: the broker declares the node lost (Last Will) after 1.5 of these without traffic.</summary>
        public const ushort KeepAliveSeconds = 30;

        /// <summary>How long a QoS 1 publish waits for its PUBACK.</summary>
        public const int AckTimeoutMillis = 5000;

        private readonly ModuleTelemetry _telemetry;
        private readonly NetworkStartup _network;
        private bool _linkStarted;

        /// <summary>Builds the link for <paramref name="telemetry"/> from <paramref name="settings"/>; <paramref name="caPem"/> is null without TLS.</summary>
        public DeviceTelemetry(ModuleTelemetry telemetry, SiteSettings settings, string caPem, NetworkStartup network, IMicrosClock clock)
        {
            _telemetry = telemetry;
            _network = network;
            X509Certificate ca = caPem == null ? null : new X509Certificate(caPem);
            Link = new M2MqttTelemetryLink(settings.MqttHost, settings.MqttPort, ca, settings.MqttClientId, settings.MqttUsername,
                settings.MqttPassword, telemetry.WillTopic, telemetry.LostPayload, KeepAliveSeconds, AckTimeoutMillis);
            telemetry.Attach(Link, clock);
        }

        /// <summary>The MQTT link.</summary>
        public M2MqttTelemetryLink Link { get; }

        /// <summary>Telemetry thread: connects once the network is up, then events into the outbox and the outbox to the broker.</summary>
        public void Step(long nowMicros)
        {
            if (!_linkStarted && _network.IsUp)
            {
                Link.Start();
                _linkStarted = true;
            }

            _telemetry.Step(nowMicros);
        }
    }
}
