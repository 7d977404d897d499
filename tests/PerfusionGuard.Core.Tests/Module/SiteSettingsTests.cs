using PerfusionGuard.Module;
using PerfusionGuard.Shell;
using PerfusionGuard.Telemetry;
using Xunit;

namespace PerfusionGuard.Tests.Module
{
    /// <summary>I:\perfusionguard.json: every key, its type and its range, with errors that name file, line and key.</summary>
    public class SiteSettingsTests
    {
        private const string Path = "I:\\perfusionguard.json";

        private const string Full = "{\n"
            + "  \"profile\": \"ecmo\",\n"
            + "  \"wifi_ssid\": \"or-net\",\n"
            + "  \"wifi_password\": \"correct horse\",\n"
            + "  \"mqtt_host\": \"broker.or3.example\",\n"
            + "  \"mqtt_username\": \"pg-01\",\n"
            + "  \"mqtt_password\": \"s3cret\",\n"
            + "  \"mqtt_tls\": true,\n"
            + "  \"mqtt_ca_file\": \"I:\\\\broker-ca.pem\",\n"
            + "  \"mqtt_client_id\": \"pg-or3-01\",\n"
            + "  \"telemetry_period_s\": 2.5,\n"
            + "  \"outbox_bytes\": 12288,\n"
            + "  \"site\": \"or3\",\n"
            + "  \"node\": \"pg-01\",\n"
            + "  \"service_pin\": \"4711\"\n"
            + "}\n";

        private static SiteSettings Parse(string text)
        {
            Assert.True(SiteSettings.TryParse(text, Path, out SiteSettings settings, out string error), error);
            return settings;
        }

        private static string Error(string text)
        {
            Assert.False(SiteSettings.TryParse(text, Path, out _, out string error));
            Assert.NotNull(error);
            return error;
        }

        [Fact]
        public void No_file_gives_adult_cpb_without_network_telemetry_or_service_login()
        {
            SiteSettings settings = Parse(null);
            Assert.Equal("adult-cpb", settings.Profile);
            Assert.Null(settings.WifiSsid);
            Assert.False(settings.TelemetryEnabled);
            Assert.Null(settings.ServicePin);
            Assert.Null(settings.CreateServiceCredential());
            Assert.Equal(TelemetryOutbox.DeviceBudgetBytes, settings.OutboxBytes);
            Assert.Equal(TelemetryOutbox.DeviceMaxEntries, settings.OutboxEntries);
        }

        [Fact]
        public void Every_key_is_read()
        {
            SiteSettings s = Parse(Full);
            Assert.Equal("ecmo", s.Profile);
            Assert.Equal("or-net", s.WifiSsid);
            Assert.Equal("correct horse", s.WifiPassword);
            Assert.Equal("broker.or3.example", s.MqttHost);
            Assert.Equal(8883, s.MqttPort); // the TLS port unless given
            Assert.Equal("pg-01", s.MqttUsername);
            Assert.Equal("s3cret", s.MqttPassword);
            Assert.True(s.MqttTls);
            Assert.Equal("I:\\broker-ca.pem", s.MqttCaFile);
            Assert.Equal("pg-or3-01", s.MqttClientId);
            Assert.Equal(2_500_000, s.TelemetryPeriodMicros);
            Assert.Equal(12288, s.OutboxBytes);
            Assert.Equal("or3", s.Site);
            Assert.Equal("pg-01", s.Node);
            Assert.Equal("broker.or3.example:8883", s.MqttEndpoint);
            Assert.True(s.CreateServiceCredential().Verify("4711"));
            Assert.False(s.CreateServiceCredential().Verify("4712"));
        }

        [Fact]
        public void Plain_mqtt_defaults_to_port_1883_and_a_client_id_from_site_and_node()
        {
            SiteSettings s = Parse("{\"mqtt_host\": \"10.0.0.5\", \"site\": \"lab\", \"node\": \"n7\"}");
            Assert.Equal(1883, s.MqttPort);
            Assert.False(s.MqttTls);
            Assert.Equal("pg-lab-n7", s.MqttClientId);
            Assert.Equal(1_000_000, s.TelemetryPeriodMicros);
        }

        [Theory]
        [InlineData("{\n\"profile\": \"adult-cpb\",\n\"mqtt_prot\": 1883\n}", ":3: mqtt_prot: unknown key")]
        [InlineData("{\n\"mqtt_host\": \"b\",\n\"site\": \"s\",\n\"node\": \"n\",\n\"mqtt_port\": \"1883\"\n}", ":5: mqtt_port: must be a whole number, found a string")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"n\", \"mqtt_port\": 70000}", ":1: mqtt_port: must be from 1 to 65535, found 70000")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"n\", \"mqtt_port\": 18.5}", "mqtt_port: must be a whole number")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"n\", \"mqtt_tls\": \"yes\"}", "mqtt_tls: must be true or false, found a string")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"n\", \"mqtt_tls\": true}", "mqtt_tls: is true but mqtt_ca_file is not set")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"n\", \"mqtt_tls\": true, \"mqtt_ca_file\": \"/etc/ca.pem\"}", "mqtt_ca_file: \"/etc/ca.pem\" must be a PEM file on the module's flash drive")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"n\", \"mqtt_ca_file\": \"I:\\\\ca.pem\"}", "mqtt_ca_file: is set but mqtt_tls is not true")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"n\", \"mqtt_password\": \"x\"}", "mqtt_password: is set but mqtt_username is not")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"n\", \"mqtt_username\": 12}", "mqtt_username: must be a string in quotes, found the number 12.000")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"n\", \"mqtt_client_id\": \"pg one\"}", "mqtt_client_id: \"pg one\" may hold only letters")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"n\", \"telemetry_period_s\": 0.1}", "telemetry_period_s: must be from 0.5 to 3600.0 s, found 0.100")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"n\", \"telemetry_period_s\": \"1\"}", "telemetry_period_s: must be a number, found a string")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"n\", \"outbox_bytes\": 1024}", "outbox_bytes: must be from 4096 to 32768 bytes, found 1024")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"n\", \"outbox_bytes\": 65536}", "outbox_bytes: must be from 4096 to 32768 bytes, found 65536")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"or/3\", \"node\": \"n\"}", "site: \"or/3\" has '/', which MQTT reserves in topics")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"pg+1\"}", "node: \"pg+1\" has '+', which MQTT reserves")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"#\"}", "node: \"#\" has '#', which MQTT reserves")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"\", \"node\": \"n\"}", "site: must have 1 to 64 characters, found 0")]
        [InlineData("{\"mqtt_host\": \"b\", \"site\": \"s\", \"node\": \"pg 01\"}", "node: \"pg 01\" may hold only letters")]
        [InlineData("{\"mqtt_host\": \"b\"}", "mqtt_host: is set but site or node is not")]
        [InlineData("{\"mqtt_host\": \"broker one\", \"site\": \"s\", \"node\": \"n\"}", "mqtt_host: \"broker one\" is not a host name")]
        [InlineData("{\"mqtt_port\": 1883}", "mqtt_port: is set but mqtt_host is not")]
        [InlineData("{\"outbox_bytes\": 8192}", "outbox_bytes: is set but mqtt_host is not")]
        [InlineData("{\"profile\": \"lvad\"}", "profile: unknown circuit profile \"lvad\"; one of adult-cpb, pediatric-cpb, ecmo")]
        [InlineData("{\"profile\": 1}", "profile: must be a string in quotes")]
        [InlineData("{\"wifi_ssid\": \"net\", \"wifi_password\": \"short\"}", "wifi_password: a WPA2 passphrase has 8 to 63 characters")]
        [InlineData("{\"wifi_password\": \"long enough\"}", "wifi_password: is set but wifi_ssid is not")]
        [InlineData("{\"wifi_ssid\": \"a-network-name-longer-than-32-bytes\"}", "wifi_ssid: must have 1 to 32 characters, found 35")]
        [InlineData("{\"service_pin\": 4711}", "service_pin: must be a string in quotes, found the number 4711.000 (quote it: a number loses leading zeros)")]
        [InlineData("{\"service_pin\": \"0000\"}", "service_pin: \"0000\" repeats one digit")]
        [InlineData("{\"service_pin\": \"12a4\"}", "service_pin: must be 4 to 12 digits")]
        [InlineData("{\"service_pin\": \"123\"}", "service_pin: must be 4 to 12 digits")]
        public void A_wrong_key_type_or_value_is_an_error_naming_the_file_the_key_and_the_problem(string text, string expected)
        {
            string error = Error(text);
            Assert.StartsWith(Path, error);
            Assert.Contains(expected, error);
        }

        [Fact]
        public void Invalid_json_names_the_line_and_column()
        {
            string error = Error("{\n  \"profile\": \"ecmo\"\n  \"node\": \"n\"\n}");
            Assert.StartsWith(Path + ":3: not valid JSON: line 3, column 3:", error);
            Assert.StartsWith(Path + ":1: must be a JSON object", Error("[1, 2]"));
        }

        [Fact]
        public void Every_problem_is_reported_in_file_order()
        {
            string error = Error("{\n\"mqtt_host\": \"b\",\n\"site\": \"s\",\n\"node\": \"n/1\",\n\"mqtt_port\": 0,\n\"color\": \"red\"\n}");
            string[] lines = error.Split('\n');
            Assert.Equal(3, lines.Length);
            Assert.StartsWith(Path + ":4: node:", lines[0]);
            Assert.StartsWith(Path + ":5: mqtt_port:", lines[1]);
            Assert.StartsWith(Path + ":6: color: unknown key", lines[2]);
        }

        [Fact]
        public void The_example_in_the_README_is_valid()
        {
            string readme = System.IO.File.ReadAllText(System.IO.Path.Combine(PerfusionGuard.Tests.Boards.BoardFiles.RepoRoot(), "README.md"));
            int start = readme.IndexOf("    { \"profile\"", readme.IndexOf("`perfusionguard.json` (parsed"));
            int end = readme.IndexOf("\n\n", start);
            string example = readme.Substring(start, end - start);
            SiteSettings s = Parse(example);
            Assert.Equal("or3", s.Site);
            Assert.True(s.MqttTls);
            Assert.Equal("I:\\broker-ca.pem", s.MqttCaFile);
            Assert.NotNull(s.CreateServiceCredential());
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-005")]
        public void Without_a_service_pin_there_is_no_credential_and_a_stored_credential_is_taken_as_is()
        {
            Assert.Null(Parse("{\"profile\": \"adult-cpb\"}").CreateServiceCredential());
            string stored = PinCredential.Create("582937", new byte[16], 8).ToText();
            SiteSettings s = Parse("{\"service_pin\": \"" + stored + "\"}");
            Assert.True(s.CreateServiceCredential().Verify("582937"));
            Assert.Equal(stored, s.CreateServiceCredential().ToText());

            // The same PIN on two nodes is stored differently (the salt is per site and node).
            string a = Parse("{\"service_pin\": \"4711\", \"node\": \"a\"}").CreateServiceCredential().ToText();
            string b = Parse("{\"service_pin\": \"4711\", \"node\": \"b\"}").CreateServiceCredential().ToText();
            Assert.NotEqual(a, b);
        }
    }
}
