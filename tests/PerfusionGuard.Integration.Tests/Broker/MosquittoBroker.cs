using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;

namespace PerfusionGuard.Integration.Tests.Broker
{
    /// <summary>
    /// A real mosquitto broker that a test starts on a free loopback port with a generated
    /// configuration (never the system broker on 1883). Stop and start it again on the same port to
    /// simulate an outage; the persistence directory survives a restart.
    /// </summary>
    public sealed class MosquittoBroker : IDisposable
    {
        private readonly StringBuilder _log = new();
        private Process _process;

        private MosquittoBroker(string directory, int port, MosquittoSettings settings)
        {
            Directory = directory;
            Port = port;
            Settings = settings;
        }

        /// <summary>The broker's working directory (config, persistence, certificates).</summary>
        public string Directory { get; }

        /// <summary>The loopback port it listens on.</summary>
        public int Port { get; }

        /// <summary>The settings it runs with.</summary>
        public MosquittoSettings Settings { get; }

        /// <summary>"127.0.0.1:port".</summary>
        public string Endpoint => $"127.0.0.1:{Port}";

        /// <summary>What mosquitto printed (for failure messages).</summary>
        public string Log
        {
            get
            {
                lock (_log)
                {
                    return _log.ToString();
                }
            }
        }

        /// <summary>Path of the mosquitto executable (Debian puts it in /usr/sbin, outside a normal PATH).</summary>
        public static string Executable => File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : "mosquitto";

        /// <summary>Creates a directory and a config, picks a free port, starts the broker and waits until it accepts connections.</summary>
        public static MosquittoBroker Start(MosquittoSettings settings = null)
        {
            settings ??= new MosquittoSettings();
            string directory = Path.Combine(Path.GetTempPath(), "pg-mosquitto-" + Guid.NewGuid().ToString("N")[..10]);
            System.IO.Directory.CreateDirectory(directory);
            var broker = new MosquittoBroker(directory, FreePort(), settings);
            broker.WriteConfig();
            broker.Start();
            return broker;
        }

        /// <summary>Starts (again) on the same port and waits, bounded, until it accepts connections.</summary>
        public void Start()
        {
            var info = new ProcessStartInfo(Executable, $"-c {Path.Combine(Directory, "mosquitto.conf")}")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            _process = Process.Start(info) ?? throw new InvalidOperationException("could not start mosquitto");
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.BeginErrorReadLine();
            _process.BeginOutputReadLine();
            Wait.Until(() => _process.HasExited || Accepts(), TimeSpan.FromSeconds(10), $"mosquitto to listen on {Endpoint}");
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"mosquitto exited with code {_process.ExitCode} at start on port {Port}:\n{Log}");
            }
        }

        /// <summary>Stops with SIGTERM (mosquitto saves its persistence database) and waits for the exit.</summary>
        public void Stop()
        {
            if (_process is { HasExited: false })
            {
                kill(_process.Id, 15);
                if (!_process.WaitForExit(10_000))
                {
                    _process.Kill();
                }
            }

            _process?.WaitForExit();
        }

        /// <summary>Kills with SIGKILL: no goodbye to anyone.</summary>
        public void Kill()
        {
            if (_process is { HasExited: false })
            {
                _process.Kill();
                _process.WaitForExit();
            }
        }

        /// <inheritdoc/>
        public void Dispose()
        {
            Kill();
            try
            {
                System.IO.Directory.Delete(Directory, true);
            }
            catch (IOException)
            {
            }
        }

        /// <summary>Runs a command to completion (bounded) and returns its output; throws with the output when it fails.</summary>
        public static string Run(string file, string arguments, string workingDirectory)
        {
            var info = new ProcessStartInfo(file, arguments)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory,
            };
            using Process process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            if (!process.WaitForExit(30_000) || process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {arguments} failed:\n{output}");
            }

            return output;
        }

        private void WriteConfig()
        {
            var config = new List<string>
            {
                $"listener {Port} 127.0.0.1",
                // Run as the current user: as root mosquitto would switch to the 'mosquitto' user, which cannot write here.
                $"user {Environment.UserName}",
                "log_dest stderr",
                "log_type error",
                "log_type warning",
                "log_type notice",
            };
            if (Settings.Persistence)
            {
                config.Add("persistence true");
                config.Add($"persistence_location {Directory}/");
            }

            if (Settings.Users.Count > 0)
            {
                string passwords = Path.Combine(Directory, "passwords");
                foreach (var (user, password) in Settings.Users)
                {
                    string create = File.Exists(passwords) ? "" : "-c ";
                    Run("mosquitto_passwd", $"-b {create}{passwords} {user} {password}", Directory);
                }

                config.Add($"password_file {passwords}");
                config.Add("allow_anonymous false");
            }
            else
            {
                config.Add("allow_anonymous true");
            }

            if (Settings.Tls != null)
            {
                config.Add($"cafile {Settings.Tls.CaFile}");
                config.Add($"certfile {Settings.Tls.ServerCertFile}");
                config.Add($"keyfile {Settings.Tls.ServerKeyFile}");
            }

            File.WriteAllLines(Path.Combine(Directory, "mosquitto.conf"), config);
        }

        private bool Accepts()
        {
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }

        private void Append(string line)
        {
            if (line != null)
            {
                lock (_log)
                {
                    _log.AppendLine(line);
                }
            }
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }

    /// <summary>What a test broker is configured with.</summary>
    public sealed class MosquittoSettings
    {
        /// <summary>Keep retained messages and persistent sessions across a restart.</summary>
        public bool Persistence { get; set; }

        /// <summary>User / password pairs; when any, anonymous clients are refused.</summary>
        public List<(string User, string Password)> Users { get; } = new();

        /// <summary>TLS files, or null for plain TCP.</summary>
        public TestCertificates Tls { get; set; }
    }

    /// <summary>Bounded polling for things a real broker does in its own time.</summary>
    public static class Wait
    {
        /// <summary>Polls <paramref name="condition"/> every 10 ms until true; throws after <paramref name="timeout"/> naming <paramref name="what"/>.</summary>
        public static void Until(Func<bool> condition, TimeSpan timeout, string what)
        {
            var watch = Stopwatch.StartNew();
            while (!condition())
            {
                if (watch.Elapsed > timeout)
                {
                    throw new TimeoutException($"waited {timeout.TotalSeconds} s for {what}");
                }

                Thread.Sleep(10);
            }
        }
    }
}
