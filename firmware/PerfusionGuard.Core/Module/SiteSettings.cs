using System.Collections;
using System.Text;
using PerfusionGuard.Profiles;
using PerfusionGuard.Shell;
using PerfusionGuard.Telemetry;
using PerfusionGuard.Text;
using PerfusionGuard.Units;

namespace PerfusionGuard.Module
{
    /// <summary>
    /// The site settings of one module, from I:\perfusionguard.json next to I:\board.json (both
    /// deployed with `nanoff --filedeployment`, README "Boards and flashing"): circuit profile,
    /// network, MQTT broker (credentials, TLS with the broker's CA as a PEM file on I:\), telemetry
    /// period and outbox size, the topic's site and node, and the console's service PIN. Parsed and
    /// checked here, in the portable core, so that every rule has a host test; the device only
    /// reads the files. Unknown keys, wrong types and out-of-range values are errors that name the
    /// file, the line, the key and what is wrong; nothing is silently ignored or defaulted over.
    /// A missing file gives the defaults: adult-cpb, no network, no telemetry, no service login.
    /// Start-up only (allocates).
    /// </summary>
    public sealed class SiteSettings
    {
        /// <summary>Smallest outbox: two of the largest messages.</summary>
        public const int MinOutboxBytes = 2 * TelemetryOutbox.DefaultMaxMessageBytes;

        /// <summary>Largest outbox on a module: the whole core with its outbox must stay under 32 KB of the ESP32's heap (issue 8).</summary>
        public const int MaxOutboxBytes = TelemetryOutbox.DefaultBudgetBytes;

        /// <summary>Shortest telemetry period in seconds (a data frame is about 0.5 KB; the module's outbox holds 8 KB).</summary>
        public const double MinTelemetryPeriodSeconds = 0.5;

        /// <summary>Longest telemetry period in seconds.</summary>
        public const double MaxTelemetryPeriodSeconds = 3600.0;

        private static readonly string[] s_keys =
        {
            "profile", "wifi_ssid", "wifi_password", "mqtt_host", "mqtt_port", "mqtt_username", "mqtt_password", "mqtt_tls",
            "mqtt_ca_file", "mqtt_client_id", "telemetry_period_s", "outbox_bytes", "site", "node", "service_pin",
        };

        /// <summary>Circuit profile name (SCENARIOS.md circuit).</summary>
        public string Profile = "adult-cpb";
        /// <summary>Wi-Fi network; null: stay off Wi-Fi.</summary>
        public string WifiSsid;
        /// <summary>Wi-Fi passphrase (null or empty: an open network).</summary>
        public string WifiPassword;
        /// <summary>MQTT broker host; null: no telemetry.</summary>
        public string MqttHost;
        /// <summary>MQTT broker port (1883, or 8883 with TLS, unless given).</summary>
        public int MqttPort = 1883;
        /// <summary>MQTT user name, or null.</summary>
        public string MqttUsername;
        /// <summary>MQTT password, or null.</summary>
        public string MqttPassword;
        /// <summary>True: TLS to the broker, verified against <see cref="MqttCaFile"/>.</summary>
        public bool MqttTls;
        /// <summary>The broker's CA certificate, a PEM file on I:\ (required with TLS).</summary>
        public string MqttCaFile;
        /// <summary>MQTT client id ("pg-SITE-NODE" unless given).</summary>
        public string MqttClientId;
        /// <summary>Period of telemetry data frames.</summary>
        public long TelemetryPeriodMicros = TelemetrySampler.DefaultPeriodMicros;
        /// <summary>Byte budget of the telemetry outbox (<see cref="TelemetryOutbox.DeviceBudgetBytes"/> unless given).</summary>
        public int OutboxBytes = TelemetryOutbox.DeviceBudgetBytes;
        /// <summary>Telemetry site segment of the topic.</summary>
        public string Site = "site";
        /// <summary>Telemetry node segment of the topic and the console prompt.</summary>
        public string Node = "node";
        /// <summary>The service PIN (digits) or its stored form ("pbkdf2-sha256$..."); null: service login disabled.</summary>
        public string ServicePin;

        /// <summary>Entries of the telemetry outbox (fixed for a module).</summary>
        public int OutboxEntries => TelemetryOutbox.DeviceMaxEntries;

        /// <summary>True when a broker is configured.</summary>
        public bool TelemetryEnabled => MqttHost != null;

        /// <summary>"host:port" for the console's `net status`.</summary>
        public string MqttEndpoint => MqttHost == null ? null : MqttHost + ":" + MqttPort.ToString();

        /// <summary>
        /// The console's service credential: the stored form as given, or the PIN hashed with a salt
        /// that differs per site and node (PBKDF2, <see cref="PinCredential.DefaultIterations"/>).
        /// Null without a service_pin: console login then answers that no PIN is provisioned
        /// (SAF-CON-005: there is no default PIN).
        /// </summary>
        public PinCredential CreateServiceCredential()
        {
            if (ServicePin == null)
            {
                return null;
            }

            PinCredential stored;
            if (PinCredential.TryParse(ServicePin, out stored))
            {
                return stored;
            }

            return PinCredential.Create(ServicePin, Encoding.UTF8.GetBytes("perfusionguard/" + Site + "/" + Node), PinCredential.DefaultIterations);
        }

        /// <summary>
        /// Parses the text of <paramref name="path"/>; <paramref name="text"/> null (no file) gives the
        /// defaults. False with every problem, one per line, each "path:line: key: what is wrong".
        /// </summary>
        public static bool TryParse(string text, string path, out SiteSettings settings, out string error)
        {
            settings = new SiteSettings();
            error = null;
            if (text == null)
            {
                return true;
            }

            object root;
            string jsonError;
            if (!JsonReader.TryParse(text, out root, out jsonError))
            {
                error = path + LineOfJsonError(jsonError) + ": not valid JSON: " + jsonError;
                return false;
            }

            Hashtable table = root as Hashtable;
            if (table == null)
            {
                error = path + ":1: must be a JSON object such as { \"profile\": \"adult-cpb\", \"node\": \"pg-01\" }";
                return false;
            }

            Parser parser = new Parser(text, path, table);
            parser.CheckKeys();
            SiteSettings s = settings;
            s.Profile = parser.Text("profile", s.Profile, 1, 32);
            CircuitKind circuit;
            if (s.Profile != null && !CircuitNames.TryParse(s.Profile, out circuit))
            {
                parser.Fail("profile", "unknown circuit profile \"" + s.Profile + "\"; one of " + CircuitList());
            }

            s.WifiSsid = parser.Text("wifi_ssid", null, 1, 32);
            s.WifiPassword = parser.Text("wifi_password", null, 0, 63);
            if (s.WifiPassword != null && s.WifiPassword.Length > 0 && s.WifiPassword.Length < 8)
            {
                parser.Fail("wifi_password", "a WPA2 passphrase has 8 to 63 characters (empty for an open network)");
            }

            if (s.WifiPassword != null && s.WifiSsid == null)
            {
                parser.Fail("wifi_password", "is set but wifi_ssid is not");
            }

            s.MqttHost = parser.Text("mqtt_host", null, 1, 253);
            if (s.MqttHost != null && !IsHostName(s.MqttHost))
            {
                parser.Fail("mqtt_host", "\"" + s.MqttHost + "\" is not a host name or address (letters, digits, '-', '.', ':')");
            }

            s.MqttTls = parser.Flag("mqtt_tls", false);
            s.MqttPort = parser.Whole("mqtt_port", s.MqttTls ? 8883 : 1883, 1, 65535, "");
            s.MqttUsername = parser.Text("mqtt_username", null, 1, 128);
            s.MqttPassword = parser.Text("mqtt_password", null, 1, 128);
            if (s.MqttPassword != null && s.MqttUsername == null)
            {
                parser.Fail("mqtt_password", "is set but mqtt_username is not (MQTT 3.1.1 sends a password only with a user name)");
            }

            s.MqttCaFile = parser.Text("mqtt_ca_file", null, 4, 128);
            if (s.MqttCaFile != null && !(s.MqttCaFile.Length > 3 && (s.MqttCaFile[0] == 'I' || s.MqttCaFile[0] == 'i') && s.MqttCaFile[1] == ':' && s.MqttCaFile[2] == '\\'))
            {
                parser.Fail("mqtt_ca_file", "\"" + s.MqttCaFile + "\" must be a PEM file on the module's flash drive, such as \"I:\\\\broker-ca.pem\"");
            }

            if (s.MqttTls && s.MqttCaFile == null)
            {
                parser.Fail("mqtt_tls", "is true but mqtt_ca_file is not set: the module cannot verify the broker without its CA certificate");
            }

            if (!s.MqttTls && s.MqttCaFile != null)
            {
                parser.Fail("mqtt_ca_file", "is set but mqtt_tls is not true: the connection would not use it");
            }

            s.Site = parser.TopicLevel("site", s.Site);
            s.Node = parser.TopicLevel("node", s.Node);
            s.MqttClientId = parser.Text("mqtt_client_id", null, 1, 64);
            if (s.MqttClientId != null && !IsPlainName(s.MqttClientId))
            {
                parser.Fail("mqtt_client_id", "\"" + s.MqttClientId + "\" may hold only letters, digits, '-', '_' and '.'");
            }

            if (s.MqttClientId == null)
            {
                s.MqttClientId = "pg-" + s.Site + "-" + s.Node;
            }

            double periodSeconds = parser.Number("telemetry_period_s", TelemetrySampler.DefaultPeriodMicros / (double)Time.MicrosPerSecond,
                MinTelemetryPeriodSeconds, MaxTelemetryPeriodSeconds, "s");
            s.TelemetryPeriodMicros = (long)(periodSeconds * Time.MicrosPerSecond + 0.5);
            s.OutboxBytes = parser.Whole("outbox_bytes", TelemetryOutbox.DeviceBudgetBytes, MinOutboxBytes, MaxOutboxBytes, " bytes");

            if (s.MqttHost != null && (table["site"] == null || table["node"] == null))
            {
                parser.Fail("mqtt_host", "is set but site or node is not: give every module its own node name so that its telemetry topic is its own");
            }

            if (s.MqttHost == null)
            {
                string[] needHost = { "mqtt_port", "mqtt_username", "mqtt_password", "mqtt_tls", "mqtt_ca_file", "mqtt_client_id", "telemetry_period_s", "outbox_bytes" };
                for (int i = 0; i < needHost.Length; i++)
                {
                    if (table[needHost[i]] != null)
                    {
                        parser.Fail(needHost[i], "is set but mqtt_host is not: telemetry is off without a broker");
                    }
                }
            }

            s.ServicePin = parser.Text("service_pin", null, 1, 200);
            if (s.ServicePin != null)
            {
                PinCredential stored;
                string pinProblem = PinProblem(s.ServicePin);
                if (!PinCredential.TryParse(s.ServicePin, out stored) && pinProblem != null)
                {
                    parser.Fail("service_pin", pinProblem);
                }
            }

            error = parser.Errors();
            return error == null;
        }

        /// <summary>Why <paramref name="pin"/> is not a usable service PIN; null when it is.</summary>
        public static string PinProblem(string pin)
        {
            if (pin.Length < 4 || pin.Length > 12)
            {
                return "must be 4 to 12 digits (or a stored credential \"pbkdf2-sha256$...\")";
            }

            bool allSame = true;
            for (int i = 0; i < pin.Length; i++)
            {
                if (pin[i] < '0' || pin[i] > '9')
                {
                    return "must be 4 to 12 digits (or a stored credential \"pbkdf2-sha256$...\")";
                }

                allSame &= pin[i] == pin[0];
            }

            return allSame ? "\"" + pin + "\" repeats one digit: choose a PIN that is not a factory default" : null;
        }

        private static string CircuitList()
        {
            string text = "";
            for (int i = 0; i < CircuitNames.Count; i++)
            {
                text += (i == 0 ? "" : ", ") + CircuitNames.NameOf((CircuitKind)i);
            }

            return text;
        }

        private static bool IsHostName(string host)
        {
            for (int i = 0; i < host.Length; i++)
            {
                char c = host[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == ':';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsPlainName(string name)
        {
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        // "line 3, column 7: ..." from JsonReader becomes ":3".
        private static string LineOfJsonError(string jsonError)
        {
            if (jsonError == null || !jsonError.StartsWith("line "))
            {
                return "";
            }

            int end = 5;
            while (end < jsonError.Length && jsonError[end] >= '0' && jsonError[end] <= '9')
            {
                end++;
            }

            return end > 5 ? ":" + jsonError.Substring(5, end - 5) : "";
        }

        /// <summary>Reads and checks members, collecting "path:line: key: problem" lines.</summary>
        private sealed class Parser
        {
            private readonly string _text;
            private readonly string _path;
            private readonly Hashtable _table;
            private readonly ArrayList _errors = new ArrayList();
            private readonly ArrayList _errorLines = new ArrayList();

            public Parser(string text, string path, Hashtable table)
            {
                _text = text;
                _path = path;
                _table = table;
            }

            public void CheckKeys()
            {
                foreach (DictionaryEntry member in _table)
                {
                    string key = (string)member.Key;
                    bool known = false;
                    for (int i = 0; i < s_keys.Length; i++)
                    {
                        if (s_keys[i] == key)
                        {
                            known = true;
                            break;
                        }
                    }

                    if (!known)
                    {
                        Fail(key, "unknown key (a typo? known keys: " + KeyList() + ")");
                    }
                }
            }

            public void Fail(string key, string problem)
            {
                int line = LineOf(key);
                string where = line > 0 ? _path + ":" + line.ToString() : _path;
                // Kept in file order, so the first line of the message is the first problem in the file.
                int at = _errors.Count;
                while (at > 0 && (int)_errorLines[at - 1] > line)
                {
                    at--;
                }

                _errors.Insert(at, where + ": " + key + ": " + problem);
                _errorLines.Insert(at, line);
            }

            public string Errors()
            {
                if (_errors.Count == 0)
                {
                    return null;
                }

                string text = "";
                for (int i = 0; i < _errors.Count; i++)
                {
                    text += (i == 0 ? "" : "\n") + (string)_errors[i];
                }

                return text;
            }

            public string Text(string key, string fallback, int minLength, int maxLength)
            {
                object value = _table[key];
                if (value == null)
                {
                    return fallback;
                }

                string text = value as string;
                if (text == null)
                {
                    Fail(key, "must be a string in quotes, found " + Describe(value) + (value is double ? " (quote it: a number loses leading zeros)" : ""));
                    return fallback;
                }

                if (text.Length < minLength || text.Length > maxLength)
                {
                    Fail(key, minLength == maxLength ? "must have " + minLength.ToString() + " characters"
                        : "must have " + minLength.ToString() + " to " + maxLength.ToString() + " characters, found " + text.Length.ToString());
                    return fallback;
                }

                return text;
            }

            public bool Flag(string key, bool fallback)
            {
                object value = _table[key];
                if (value == null)
                {
                    return fallback;
                }

                if (!(value is bool))
                {
                    Fail(key, "must be true or false, found " + Describe(value));
                    return fallback;
                }

                return (bool)value;
            }

            public double Number(string key, double fallback, double min, double max, string unit)
            {
                object value = _table[key];
                if (value == null)
                {
                    return fallback;
                }

                if (!(value is double))
                {
                    Fail(key, "must be a number, found " + Describe(value));
                    return fallback;
                }

                double number = (double)value;
                if (number < min || number > max)
                {
                    Fail(key, "must be from " + min.ToString("F1") + " to " + max.ToString("F1") + (unit.Length > 0 ? " " + unit : "") + ", found " + number.ToString("F3"));
                    return fallback;
                }

                return number;
            }

            public int Whole(string key, int fallback, int min, int max, string unit)
            {
                object value = _table[key];
                if (value == null)
                {
                    return fallback;
                }

                if (!(value is double) || (double)value != (double)(long)(double)value)
                {
                    Fail(key, "must be a whole number, found " + Describe(value));
                    return fallback;
                }

                double number = (double)value;
                if (number < min || number > max)
                {
                    Fail(key, "must be from " + min.ToString() + " to " + max.ToString() + unit + ", found " + ((long)number).ToString());
                    return fallback;
                }

                return (int)number;
            }

            public string TopicLevel(string key, string fallback)
            {
                string name = Text(key, fallback, 1, 64);
                if (name == null || name == fallback)
                {
                    return name;
                }

                for (int i = 0; i < name.Length; i++)
                {
                    char c = name[i];
                    if (c == '/' || c == '+' || c == '#')
                    {
                        // '/' would add a topic level, '+' and '#' are wildcards (MQTT 3.1.1 §4.7).
                        Fail(key, "\"" + name + "\" has '" + c.ToString() + "', which MQTT reserves in topics; use letters, digits, '-', '_' and '.'");
                        return fallback;
                    }
                }

                if (!IsPlainName(name))
                {
                    Fail(key, "\"" + name + "\" may hold only letters, digits, '-', '_' and '.' (it is a segment of the telemetry topic)");
                    return fallback;
                }

                return name;
            }

            // The line of "key": in the text (the JSON reader keeps no positions for members).
            private int LineOf(string key)
            {
                string quoted = "\"" + key + "\"";
                int from = 0;
                while (true)
                {
                    int at = _text.IndexOf(quoted, from);
                    if (at < 0)
                    {
                        return 0;
                    }

                    int after = at + quoted.Length;
                    while (after < _text.Length && (_text[after] == ' ' || _text[after] == '\t' || _text[after] == '\r' || _text[after] == '\n'))
                    {
                        after++;
                    }

                    if (after < _text.Length && _text[after] == ':')
                    {
                        int line;
                        int column;
                        JsonReader.LineColumnOf(_text, at, out line, out column);
                        return line;
                    }

                    from = at + 1;
                }
            }

            private static string KeyList()
            {
                string text = "";
                for (int i = 0; i < s_keys.Length; i++)
                {
                    text += (i == 0 ? "" : ", ") + s_keys[i];
                }

                return text;
            }

            private static string Describe(object value)
            {
                if (value is string)
                {
                    return "a string";
                }

                if (value is bool)
                {
                    return (bool)value ? "true" : "false";
                }

                if (value is double)
                {
                    return "the number " + ((double)value).ToString("F3");
                }

                if (value is Hashtable)
                {
                    return "an object";
                }

                return value is ArrayList ? "an array" : "null";
            }
        }
    }
}
