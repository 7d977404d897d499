using System;

namespace PerfusionGuard.Mqtt
{
    /// <summary>How to reach and talk to the broker.</summary>
    public sealed class MqttClientOptions
    {
        /// <summary>Broker host name or address.</summary>
        public string Host { get; set; } = "127.0.0.1";

        /// <summary>Broker TCP port (1883 plain, 8883 TLS by convention).</summary>
        public int Port { get; set; } = 1883;

        /// <summary>Client identifier (1-23 characters is what every broker must accept, §3.1.3.1).</summary>
        public string ClientId { get; set; } = "pg-" + Guid.NewGuid().ToString("N")[..12];

        /// <summary>User name, or null.</summary>
        public string UserName { get; set; }

        /// <summary>Password, or null (sent only with a user name).</summary>
        public string Password { get; set; }

        /// <summary>Keep alive in seconds; 0 turns it off.</summary>
        public ushort KeepAliveSeconds { get; set; } = 30;

        /// <summary>Clean session: false keeps subscriptions and queued QoS 1 messages at the broker across connections.</summary>
        public bool CleanSession { get; set; } = true;

        /// <summary>Last Will, or null.</summary>
        public MqttWill Will { get; set; }

        /// <summary>PEM file of the CA that signed the broker's certificate; set to use TLS.</summary>
        public string TlsCaFile { get; set; }

        /// <summary>Name to check the broker's certificate against; defaults to <see cref="Host"/>.</summary>
        public string TlsServerName { get; set; }

        /// <summary>Time allowed for TCP, TLS and CONNACK.</summary>
        public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>"host:port" for messages.</summary>
        public string Endpoint => $"{Host}:{Port}";
    }
}
