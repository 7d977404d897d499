using System;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Device.Telemetry
{
    /// <summary>
    /// UTC for telemetry timestamps from DateTime.UtcNow, known only once SNTP has set it (before
    /// that nanoFramework counts from its epoch, years in the past). Never used for safety timing.
    /// </summary>
    public sealed class DeviceUtcClock : IUtcClock
    {
        // nanoFramework's DateTime is always UTC and has no (y, m, d, h, m, s, DateTimeKind) constructor
        // (nanoframework/CoreLibrary System/DateTime.cs: only (ticks, kind) takes a kind), so the
        // six-argument form is used; comparisons and subtraction ignore Kind on .NET as well.
        // 2024-01-01T00:00:00Z: anything earlier means the clock has not been synchronised.
        private static readonly DateTime s_plausibleFrom = new DateTime(2024, 1, 1, 0, 0, 0);
        private static readonly DateTime s_unixEpoch = new DateTime(1970, 1, 1, 0, 0, 0);

        /// <inheritdoc/>
        public bool TryGetUtcMillis(out long utcMillis)
        {
            DateTime now = DateTime.UtcNow;
            if (now < s_plausibleFrom)
            {
                utcMillis = 0;
                return false;
            }

            utcMillis = (now - s_unixEpoch).Ticks / TimeSpan.TicksPerMillisecond;
            return true;
        }
    }
}
