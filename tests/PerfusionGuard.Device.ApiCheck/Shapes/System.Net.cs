// API shape of nanoFramework.System.Net (assembly System.Net): declarations only, for the host
// compile check of firmware/PerfusionGuard.Device (see ../README.md). Nothing here runs.
// Confirmed against nanoframework/System.Net:
//   nanoFramework.System.Net/NetworkHelper/NetworkHelper.cs (commit 055d4fe792f3a3c0eac63dcdec4032d1a2667679)
//   nanoFramework.System.Net/X509Certificates/X509Certificate.cs (commit 215b2f786526ce5eabb04b0e115e9fec862bf712)
// X509Certificate shadows the BCL's (CS0436, suppressed in this project only): .NET's has file-name
// constructors and many more members; nanoFramework's takes the certificate itself (DER/PEM bytes
// or a PEM string).
// IPConfiguration (NetworkHelper/IPConfiguration.cs) was not read: declared empty, only so the
// static-address overloads exist. NetworkHelperStatus: the values NetworkHelper.cs uses; the enum
// may have more. NetworkInterface, sockets, DNS: not used by the device layer, not declared.
using System;
using System.Threading;

namespace nanoFramework.Networking
{
    /// <summary>NetworkHelper.cs: wired network (Ethernet) start-up helpers.</summary>
    public static class NetworkHelper
    {
        /// <summary>static ManualResetEvent NetworkReady { get; } — confirmed.</summary>
        public static ManualResetEvent NetworkReady { get { throw new NotSupportedException(); } }

        /// <summary>static NetworkHelperStatus Status { get; } — confirmed.</summary>
        public static NetworkHelperStatus Status { get { throw new NotSupportedException(); } }

        /// <summary>static Exception HelperException { get; } — confirmed (internal setter).</summary>
        public static Exception HelperException { get { throw new NotSupportedException(); } }

        /// <summary>static void SetupNetworkHelper(bool requiresDateTime = false) — confirmed (event-based; once).</summary>
        public static void SetupNetworkHelper(bool requiresDateTime = false) { throw new NotSupportedException(); }

        /// <summary>static void SetupNetworkHelper(IPConfiguration ipConfiguration, bool requiresDateTime = false) — confirmed.</summary>
        public static void SetupNetworkHelper(IPConfiguration ipConfiguration, bool requiresDateTime = false) { throw new NotSupportedException(); }

        /// <summary>static bool SetupAndConnectNetwork(CancellationToken token = default, bool requiresDateTime = false) — confirmed (retryable).</summary>
        public static bool SetupAndConnectNetwork(CancellationToken token = default, bool requiresDateTime = false) { throw new NotSupportedException(); }

        /// <summary>static bool SetupAndConnectNetwork(IPConfiguration ipConfiguration, CancellationToken token = default, bool requiresDateTime = false) — confirmed.</summary>
        public static bool SetupAndConnectNetwork(IPConfiguration ipConfiguration, CancellationToken token = default, bool requiresDateTime = false) { throw new NotSupportedException(); }

        /// <summary>static void Reset() — confirmed.</summary>
        public static void Reset() { throw new NotSupportedException(); }
    }

    /// <summary>NetworkHelperStatus: the values used in NetworkHelper.cs (confirmed); there may be more.</summary>
    public enum NetworkHelperStatus
    {
        /// <summary>Not started.</summary>
        None,
        /// <summary>Started.</summary>
        Started,
        /// <summary>Address (and time, when required) available.</summary>
        NetworkIsReady,
        /// <summary>No network interface configured.</summary>
        FailedNoNetworkInterface,
        /// <summary>An exception occurred (HelperException).</summary>
        ExceptionOccurred,
        /// <summary>The token expired before an address was available.</summary>
        TokenExpiredWaitingIPAddress,
        /// <summary>The token expired before the time was valid.</summary>
        TokenExpiredWaitingDateTime,
        /// <summary>The address was lost; waiting for it again.</summary>
        Reconnecting,
    }

    /// <summary>IPConfiguration: a static IPv4 configuration — members unconfirmed, none declared.</summary>
    public class IPConfiguration
    {
        private IPConfiguration() { }
    }
}

namespace System.Security.Cryptography.X509Certificates
{
    /// <summary>X509Certificate.cs (nanoFramework.System.Net): DER and PEM.</summary>
    public class X509Certificate
    {
        /// <summary>X509Certificate() — confirmed.</summary>
        public X509Certificate() { throw new NotSupportedException(); }

        /// <summary>X509Certificate(byte[] certificate) — confirmed (DER or PEM bytes).</summary>
        public X509Certificate(byte[] certificate) { throw new NotSupportedException(); }

        /// <summary>X509Certificate(string certificate) — confirmed (the PEM text itself, not a file name as on .NET).</summary>
        public X509Certificate(string certificate) { throw new NotSupportedException(); }

        /// <summary>virtual string Issuer { get; } — confirmed.</summary>
        public virtual string Issuer { get { throw new NotSupportedException(); } }

        /// <summary>virtual string Subject { get; } — confirmed.</summary>
        public virtual string Subject { get { throw new NotSupportedException(); } }

        /// <summary>virtual DateTime GetEffectiveDate() — confirmed.</summary>
        public virtual DateTime GetEffectiveDate() { throw new NotSupportedException(); }

        /// <summary>virtual DateTime GetExpirationDate() — confirmed.</summary>
        public virtual DateTime GetExpirationDate() { throw new NotSupportedException(); }

        /// <summary>virtual byte[] GetRawCertData() — confirmed.</summary>
        public virtual byte[] GetRawCertData() { throw new NotSupportedException(); }
    }
}
