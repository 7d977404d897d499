using System.IO;
using PerfusionGuard.Module;

namespace PerfusionGuard.Device.Startup
{
    /// <summary>
    /// Reads the site settings and the broker's CA from the internal flash drive. Parsing and every
    /// check are the portable core's (<see cref="SiteSettings"/>, host-tested); this only reads files.
    /// </summary>
    public static class DeviceSettings
    {
        /// <summary>Reads and checks <paramref name="path"/>; a missing file gives the defaults. False with every problem, one per line.</summary>
        public static bool TryLoad(string path, out SiteSettings settings, out string error)
        {
            return SiteSettings.TryParse(DeviceFiles.ReadText(path), path, out settings, out error);
        }

        /// <summary>
        /// The PEM text of the broker's CA when <paramref name="settings"/> asks for TLS (null without
        /// TLS); false with a message naming <paramref name="settingsPath"/> and the file when it is
        /// missing or is not a PEM certificate.
        /// </summary>
        public static bool TryReadBrokerCa(SiteSettings settings, string settingsPath, out string pem, out string error)
        {
            pem = null;
            error = null;
            if (!settings.MqttTls)
            {
                return true;
            }

            pem = DeviceFiles.ReadText(settings.MqttCaFile);
            if (pem == null)
            {
                error = settingsPath + ": mqtt_ca_file: " + settings.MqttCaFile + " does not exist on the module; deploy it with nanoff --filedeployment";
                return false;
            }

            if (pem.IndexOf("-----BEGIN CERTIFICATE-----") < 0)
            {
                error = settings.MqttCaFile + ": not a PEM certificate (no -----BEGIN CERTIFICATE----- line)";
                pem = null;
                return false;
            }

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
