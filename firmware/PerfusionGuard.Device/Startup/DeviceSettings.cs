using System.Collections;
using System.IO;
using PerfusionGuard.Text;

namespace PerfusionGuard.Device.Startup
{
    /// <summary>
    /// Site settings of a module, in I:\perfusionguard.json next to I:\board.json (both deployed
    /// with `nanoff --filedeployment`, README "Boards and flashing"):
    /// { "profile": "adult-cpb", "wifi_ssid": "...", "wifi_password": "...", "mqtt_host": "...",
    ///   "mqtt_port": 1883, "site": "or-3", "node": "pg-01", "service_pin": "4711" }. A missing file gives the defaults
    /// (adult-cpb, no network); a malformed one is an error, never silently ignored.
    /// </summary>
    public sealed class DeviceSettings
    {
        /// <summary>Circuit profile name (SCENARIOS.md circuit).</summary>
        public string Profile = "adult-cpb";
        /// <summary>Wi-Fi network; null: stay off the network.</summary>
        public string WifiSsid;
        /// <summary>Wi-Fi password.</summary>
        public string WifiPassword;
        /// <summary>MQTT broker host; null: no telemetry.</summary>
        public string MqttHost;
        /// <summary>MQTT broker port.</summary>
        public int MqttPort = 1883;
        /// <summary>Telemetry site segment of the topic.</summary>
        public string Site = "site";
        /// <summary>Telemetry node segment of the topic.</summary>
        public string Node = "node";
        /// <summary>Service-level PIN of the console (change it on site).</summary>
        public string ServicePin = "0000";

        /// <summary>Reads <paramref name="path"/>; false with a message when the file exists but is not valid.</summary>
        public static bool TryLoad(string path, out DeviceSettings settings, out string error)
        {
            settings = new DeviceSettings();
            error = null;
            string text = DeviceFiles.ReadText(path);
            if (text == null)
            {
                return true;
            }

            object root;
            string jsonError;
            if (!JsonReader.TryParse(text, out root, out jsonError) || !(root is Hashtable))
            {
                error = path + ": " + (jsonError ?? "must be a JSON object");
                return false;
            }

            Hashtable table = (Hashtable)root;
            settings.Profile = table["profile"] as string ?? settings.Profile;
            settings.WifiSsid = table["wifi_ssid"] as string;
            settings.WifiPassword = table["wifi_password"] as string;
            settings.MqttHost = table["mqtt_host"] as string;
            if (table["mqtt_port"] is double)
            {
                settings.MqttPort = (int)(double)table["mqtt_port"];
            }

            settings.Site = table["site"] as string ?? settings.Site;
            settings.Node = table["node"] as string ?? settings.Node;
            settings.ServicePin = table["service_pin"] as string ?? settings.ServicePin;
            return true;
        }
    }

    /// <summary>Small whole-file reads from the internal flash drive (start-up only).</summary>
    public static class DeviceFiles
    {
        /// <summary>The file's text (UTF-8), or null when it does not exist.</summary>
        public static string ReadText(string path)
        {
            if (!File.Exists(path))
            {
                return null;
            }

            using (FileStream stream = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                byte[] bytes = new byte[(int)stream.Length];
                int done = 0;
                while (done < bytes.Length)
                {
                    int read = stream.Read(bytes, done, bytes.Length - done);
                    if (read <= 0)
                    {
                        break;
                    }

                    done += read;
                }

                return System.Text.Encoding.UTF8.GetString(bytes, 0, done);
            }
        }
    }
}
