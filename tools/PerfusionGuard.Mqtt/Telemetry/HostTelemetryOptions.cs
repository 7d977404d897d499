using System;
using System.Collections.Generic;
using System.Globalization;

namespace PerfusionGuard.Mqtt.Telemetry
{
    /// <summary>
    /// Broker options shared by every host command that talks to a broker (`run --broker`, `record`):
    /// <c>--broker HOST:PORT [--tls-ca FILE] [--user U --password P] [--site S] [--node N]</c>.
    /// </summary>
    public sealed class HostTelemetryOptions
    {
        /// <summary>Broker host.</summary>
        public string Host { get; set; } = "127.0.0.1";

        /// <summary>Broker port.</summary>
        public int Port { get; set; } = 1883;

        /// <summary>PEM CA file; set to use TLS.</summary>
        public string TlsCaFile { get; set; }

        /// <summary>User name or null.</summary>
        public string UserName { get; set; }

        /// <summary>Password or null.</summary>
        public string Password { get; set; }

        /// <summary>Site level of the topic tree.</summary>
        public string Site { get; set; }

        /// <summary>Node level of the topic tree.</summary>
        public string Node { get; set; }

        /// <summary>Byte budget of the store-and-forward outbox.</summary>
        public int OutboxBudgetBytes { get; set; } = PerfusionGuard.Telemetry.TelemetryOutbox.DefaultBudgetBytes;

        /// <summary>True when <c>--broker</c> was given.</summary>
        public bool HasBroker { get; set; }

        /// <summary>
        /// Takes the broker options out of <paramref name="args"/>; the other arguments come back in
        /// <paramref name="rest"/>. False with a message when an option is malformed.
        /// </summary>
        public static bool TryParse(string[] args, out HostTelemetryOptions options, out string[] rest, out string error)
        {
            options = new HostTelemetryOptions();
            var others = new List<string>();
            error = null;
            rest = Array.Empty<string>();
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i];
                bool known = arg is "--broker" or "--tls-ca" or "--user" or "--password" or "--site" or "--node";
                if (!known)
                {
                    others.Add(arg);
                    continue;
                }

                if (i + 1 >= args.Length)
                {
                    error = $"{arg} needs a value";
                    return false;
                }

                string value = args[++i];
                switch (arg)
                {
                    case "--broker":
                        if (!TryParseEndpoint(value, out string host, out int port, out error))
                        {
                            return false;
                        }

                        options.Host = host;
                        options.Port = port;
                        options.HasBroker = true;
                        break;
                    case "--tls-ca": options.TlsCaFile = value; break;
                    case "--user": options.UserName = value; break;
                    case "--password": options.Password = value; break;
                    case "--site": options.Site = value; break;
                    case "--node": options.Node = value; break;
                }
            }

            if (options.Password != null && options.UserName == null)
            {
                error = "--password needs --user (MQTT 3.1.1 sends a password only with a user name)";
                return false;
            }

            if (options.TlsCaFile != null && !System.IO.File.Exists(options.TlsCaFile))
            {
                error = $"--tls-ca {options.TlsCaFile}: no such file";
                return false;
            }

            rest = others.ToArray();
            return true;
        }

        /// <summary>Parses "host:port" ("[::1]:1883" for IPv6).</summary>
        public static bool TryParseEndpoint(string text, out string host, out int port, out string error)
        {
            host = null;
            port = 0;
            error = null;
            int colon = text.LastIndexOf(':');
            if (colon <= 0 || colon == text.Length - 1)
            {
                error = $"--broker '{text}' is not HOST:PORT (for example 127.0.0.1:1883)";
                return false;
            }

            host = text[..colon].Trim('[', ']');
            if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port < 1 || port > 65535)
            {
                error = $"--broker '{text}': port must be 1-65535";
                return false;
            }

            return true;
        }

        /// <summary>Client options for this broker.</summary>
        public MqttClientOptions ToClientOptions(string clientId) => new()
        {
            Host = Host,
            Port = Port,
            TlsCaFile = TlsCaFile,
            UserName = UserName,
            Password = Password,
            ClientId = clientId,
        };
    }
}
