using System;
using System.Threading;
using PerfusionGuard.Boards;
using PerfusionGuard.Module;
#if ESP32
using System.Device.Wifi;
#endif
using nanoFramework.Networking;

namespace PerfusionGuard.Device.Startup
{
    /// <summary>
    /// Brings the network up on its own low-priority thread, so that a missing access point or
    /// cable never delays the safety loop (the network is a secondary channel: every alarm and
    /// stop acts locally, DESIGN.md telemetry). Wi-Fi: WifiNetworkHelper.ConnectDhcp; Ethernet:
    /// NetworkHelper.SetupAndConnectNetwork; both with a time limit, retried every minute.
    /// API: nanoframework/System.Device.Wifi NetworkHelper/WifiNetworkHelper.cs (ConnectDhcp(ssid,
    /// password, WifiReconnectionKind, requiresDateTime, wifiAdapterId, token)); nanoFramework.System.Net
    /// NetworkHelper.SetupAndConnectNetwork(CancellationToken, bool requiresDateTime).
    /// </summary>
    public sealed class NetworkStartup
    {
        private const int AttemptMillis = 30000;
        private const int RetryMillis = 60000;
        private readonly NetworkKind _kind;
        private readonly SiteSettings _settings;
        private Thread _thread;

        /// <summary>Prepares start-up for the board's network kind.</summary>
        public NetworkStartup(NetworkKind kind, SiteSettings settings)
        {
            _kind = kind;
            _settings = settings;
        }

        /// <summary>True once an address (and the time, for UTC stamps) is available; read by the telemetry thread.</summary>
        public bool IsUp { get; private set; }

        /// <summary>Connection attempts that failed.</summary>
        public int FailedAttempts { get; private set; }

        /// <summary>Starts connecting in the background; returns at once.</summary>
        public void Start()
        {
            if (_kind == NetworkKind.None || (_kind == NetworkKind.Wifi && _settings.WifiSsid == null))
            {
                return;
            }

            _thread = new Thread(Run);
            _thread.Priority = ThreadPriority.Lowest;
            _thread.Start();
        }

        private void Run()
        {
            while (!IsUp)
            {
                try
                {
                    // nanoFramework's CancellationTokenSource(int) runs a Timer until it is disposed
                    // (nanoframework/System.Threading CancellationTokenSource.cs): one per attempt, disposed.
                    using (CancellationTokenSource limit = new CancellationTokenSource(AttemptMillis))
                    {
                        bool up;
#if ESP32
                        if (_kind == NetworkKind.Wifi)
                        {
                            up = WifiNetworkHelper.ConnectDhcp(_settings.WifiSsid, _settings.WifiPassword, WifiReconnectionKind.Automatic, true, 0, limit.Token);
                        }
                        else
#endif
                        {
                            up = NetworkHelper.SetupAndConnectNetwork(limit.Token, true);
                        }

                        IsUp = up;
                    }
                }
                catch (Exception)
                {
                    IsUp = false;
                }

                if (!IsUp)
                {
                    FailedAttempts++;
                    Thread.Sleep(RetryMillis);
                }
            }
        }
    }
}
