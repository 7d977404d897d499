// API shape of nanoFramework.System.Device.Wifi (assembly System.Device.Wifi): declarations only,
// for the host compile check of firmware/PerfusionGuard.Device (see ../README.md). Nothing here
// runs. Compiled only into the ESP32 check (PerfusionGuard.Device.nfproj references this package
// only for TargetChip=esp32).
// Confirmed against nanoframework/System.Device.Wifi:
//   System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs (commit 606f5099248125d454c45136bd2ac75db0c74191; first 16,000 of 27,596 characters read)
//   System.Device.Wifi/WifiReconnectionKind.cs            (commit dc9aa1db40235786c74a1c17f3643f29fb4a3588)
// WifiNetworkHelper is in namespace nanoFramework.Networking (as NetworkHelper of System.Net).
// Left out: WifiAdapter and its scan / connection types.
using System;
using System.Device.Wifi;
using System.Threading;

namespace System.Device.Wifi
{
    /// <summary>WifiReconnectionKind.cs — every value confirmed.</summary>
    public enum WifiReconnectionKind
    {
        /// <summary>Reconnect automatically.</summary>
        Automatic,
        /// <summary>Reconnect manually.</summary>
        Manual,
    }
}

namespace nanoFramework.Networking
{
    /// <summary>WifiNetworkHelper.cs.</summary>
    public static class WifiNetworkHelper
    {
        /// <summary>static ManualResetEvent NetworkReady { get; } — confirmed.</summary>
        public static ManualResetEvent NetworkReady { get { throw new NotSupportedException(); } }

        /// <summary>static NetworkHelperStatus Status { get; } — confirmed.</summary>
        public static NetworkHelperStatus Status { get { throw new NotSupportedException(); } }

        /// <summary>static Exception HelperException { get; } — confirmed (internal setter).</summary>
        public static Exception HelperException { get { throw new NotSupportedException(); } }

        /// <summary>static void SetupNetworkHelper(bool requiresDateTime = false) — confirmed.</summary>
        public static void SetupNetworkHelper(bool requiresDateTime = false) { throw new NotSupportedException(); }

        /// <summary>static void SetupNetworkHelper(string ssid, string password, WifiReconnectionKind reconnectionKind = Automatic, bool requiresDateTime = false) — confirmed.</summary>
        public static void SetupNetworkHelper(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic, bool requiresDateTime = false) { throw new NotSupportedException(); }

        /// <summary>static void Disconnect() — confirmed.</summary>
        public static void Disconnect() { throw new NotSupportedException(); }

        /// <summary>
        /// static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = Automatic,
        /// bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) — confirmed.
        /// </summary>
        public static bool ConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) { throw new NotSupportedException(); }

        /// <summary>
        /// static bool ConnectFixAddress(string ssid, string password, IPConfiguration ipConfiguration, WifiReconnectionKind reconnectionKind = Automatic,
        /// bool requiresDateTime = false, int WifiAdapter = 0, CancellationToken token = default) — confirmed.
        /// </summary>
        public static bool ConnectFixAddress(string ssid, string password, IPConfiguration ipConfiguration, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false, int WifiAdapter = 0, CancellationToken token = default) { throw new NotSupportedException(); }

        /// <summary>
        /// static bool ScanAndConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = Automatic,
        /// bool requiresDateTime = false, int WifiAdapter = 0, CancellationToken token = default) — confirmed.
        /// </summary>
        public static bool ScanAndConnectDhcp(string ssid, string password, WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false, int WifiAdapter = 0, CancellationToken token = default) { throw new NotSupportedException(); }

        /// <summary>static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) — confirmed.</summary>
        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) { throw new NotSupportedException(); }
    }
}
