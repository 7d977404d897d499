using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using PerfusionGuard.Channels;
using PerfusionGuard.Mqtt;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;
using PerfusionGuard.Text;
using PerfusionGuard.Units;

namespace PerfusionGuard.Cli.Bench
{
    /// <summary>
    /// Telemetry figures: the cost and size of one adult CPB data frame, and the host MQTT client's
    /// publish rate against a local mosquitto next to mosquitto's own publisher, in the same run.
    /// </summary>
    public static class TelemetryBench
    {
        public sealed class FrameFigures
        {
            public double EncodeNs;
            public double AllocBytesPerFrame;
            public int FrameBytes;
        }

        public sealed class MqttFigures
        {
            public bool Available;
            public string Note;
            public int Messages;
            public int PayloadBytes;
            public double HostPerS;
            public double MosquittoPubPerS;
            public double Ratio => MosquittoPubPerS > 0 ? HostPerS / MosquittoPubPerS : double.NaN;
        }

        /// <summary>Encodes adult CPB data frames from changing inputs; median of 31 batches.</summary>
        public static FrameFigures Frames()
        {
            CircuitProfile profile = ProfileCatalog.Get(CircuitKind.AdultCpb);
            var supervisor = new InterlockSupervisor(profile, new SafetyEventRing(64));
            var session = new TelemetrySession(1, 0, null);
            var encoder = new DataFrameEncoder(session, profile.Channels, supervisor);
            var writer = new JsonByteWriter(TelemetrySampler.EncodeBufferBytes);
            var inputs = new SafetyInputs();
            var decision = new SafetyDecision(SafetyAction.None, -1, 1.0, false);
            const int batch = 2000;
            var batchNs = new double[31];
            long allocated = 0;
            long frames = 0;
            for (int warm = 0; warm < 2; warm++)
            {
                for (int b = 0; b < batchNs.Length; b++)
                {
                    long allocBefore = GC.GetAllocatedBytesForCurrentThread();
                    long start = Stopwatch.GetTimestamp();
                    for (int i = 0; i < batch; i++)
                    {
                        long now = (b * batch + i) * 10_000L;
                        inputs.Pressures[(int)ChannelId.PArterial].Pressure = Pressure.FromMmHg(200 + (i % 50) * 0.37);
                        inputs.Pressures[(int)ChannelId.PVenous].Pressure = Pressure.FromMmHg(-25 - (i % 30) * 0.11);
                        inputs.Pressures[(int)ChannelId.PPostOxygenator].Pressure = Pressure.FromMmHg(112.4 + (i % 7));
                        inputs.Flows[(int)ChannelId.FlowArterial].Flow = Flow.FromLPerMin(4.5 + (i % 9) * 0.01);
                        inputs.ReservoirLevel.Volume = Volume.FromMl(1500 - (i % 100));
                        encoder.Encode(writer, now, inputs, decision, 0, 0);
                    }

                    long elapsed = Stopwatch.GetTimestamp() - start;
                    if (warm == 1)
                    {
                        allocated += GC.GetAllocatedBytesForCurrentThread() - allocBefore;
                        frames += batch;
                        batchNs[b] = elapsed * 1e9 / Stopwatch.Frequency / batch;
                    }
                }
            }

            Array.Sort(batchNs);
            return new FrameFigures
            {
                EncodeNs = batchNs[batchNs.Length / 2],
                AllocBytesPerFrame = (double)allocated / frames,
                FrameBytes = writer.Length,
            };
        }

        /// <summary>
        /// QoS 1 publishes of <paramref name="payloadBytes"/>-byte messages to a mosquitto started on a
        /// free loopback port: the host client (a window of in-flight publishes, as mosquitto_pub keeps
        /// its default 20) and then `mosquitto_pub -q 1 -l` fed the same number of lines. Both rates
        /// count until the last PUBACK / process exit.
        /// </summary>
        public static MqttFigures Mqtt(int messages, int payloadBytes)
        {
            var figures = new MqttFigures { Messages = messages, PayloadBytes = payloadBytes };
            string broker = File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : FindOnPath("mosquitto");
            string pub = FindOnPath("mosquitto_pub");
            if (broker == null || pub == null)
            {
                figures.Note = "no mosquitto broker / mosquitto_pub on this machine (bash tools/ci/test.sh installs them): MQTT figures not measured";
                return figures;
            }

            string dir = Path.Combine(Path.GetTempPath(), "pg-bench-" + Environment.ProcessId);
            Directory.CreateDirectory(dir);
            int port = FreePort();
            string conf = Path.Combine(dir, "mosquitto.conf");
            File.WriteAllText(conf, $"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\nmax_queued_messages 100000\n");
            using Process brokerProcess = Process.Start(new ProcessStartInfo(broker, $"-c {conf}") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false });
            try
            {
                if (!WaitForPort(port, TimeSpan.FromSeconds(10)))
                {
                    figures.Note = $"mosquitto did not listen on 127.0.0.1:{port} within 10 s";
                    return figures;
                }

                byte[] payload = new byte[payloadBytes];
                for (int i = 0; i < payload.Length; i++)
                {
                    payload[i] = (byte)('a' + i % 26);
                }

                figures.HostPerS = HostRate(port, payload, messages).GetAwaiter().GetResult();
                figures.MosquittoPubPerS = MosquittoPubRate(pub, port, payload, messages);
                figures.Available = true;
                figures.Note = $"QoS 1, {payloadBytes}-byte payloads, {messages} messages each, mosquitto on 127.0.0.1:{port}";
                return figures;
            }
            finally
            {
                try
                {
                    brokerProcess.Kill();
                    brokerProcess.WaitForExit(5000);
                }
                catch (InvalidOperationException)
                {
                }

                Directory.Delete(dir, true);
            }
        }

        private static async Task<double> HostRate(int port, byte[] payload, int messages)
        {
            await using var client = new MqttClient(new MqttClientOptions { Port = port, ClientId = "pg-bench-host" });
            await client.ConnectAsync(); // throws MqttException when refused; returns "session present"

            const int window = 20;
            var inFlight = new Task[window];
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < messages; i++)
            {
                int slot = i % window;
                if (inFlight[slot] != null)
                {
                    await inFlight[slot];
                }

                inFlight[slot] = client.PublishAsync("pg/v1/bench/host/data", payload, 1, false);
            }

            foreach (Task t in inFlight)
            {
                if (t != null)
                {
                    await t;
                }
            }

            return messages / watch.Elapsed.TotalSeconds;
        }

        private static double MosquittoPubRate(string pub, int port, byte[] payload, int messages)
        {
            string line = System.Text.Encoding.ASCII.GetString(payload);
            var info = new ProcessStartInfo(pub, $"-h 127.0.0.1 -p {port} -q 1 -t pg/v1/bench/mosquitto_pub/data -l")
            {
                RedirectStandardInput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            var watch = Stopwatch.StartNew();
            using Process p = Process.Start(info);
            var feeder = new Thread(() =>
            {
                for (int i = 0; i < messages; i++)
                {
                    p.StandardInput.WriteLine(line);
                }

                p.StandardInput.Close();
            });
            feeder.Start();
            if (!p.WaitForExit(120_000))
            {
                p.Kill();
                throw new InvalidOperationException("bench: mosquitto_pub did not finish within 120 s");
            }

            feeder.Join();
            return messages / watch.Elapsed.TotalSeconds;
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }

        private static bool WaitForPort(int port, TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < timeout)
            {
                try
                {
                    using var c = new TcpClient();
                    c.Connect(IPAddress.Loopback, port);
                    return true;
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            return false;
        }

        private static string FindOnPath(string name)
        {
            foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
            {
                string candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
