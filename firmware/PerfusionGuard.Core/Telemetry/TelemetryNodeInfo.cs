using PerfusionGuard.Channels;

namespace PerfusionGuard.Telemetry
{
    /// <summary>What the retained <c>meta</c> message says about the node: set once at start-up.</summary>
    public sealed class TelemetryNodeInfo
    {
        /// <summary>Firmware version ("0.1.0").</summary>
        public string FirmwareVersion;

        /// <summary>Board name ("esp32-devkitc", "virtual").</summary>
        public string Board;

        /// <summary>Circuit profile name ("adult-cpb").</summary>
        public string Profile;

        /// <summary>The profile's channels, in data-frame order.</summary>
        public ChannelId[] Channels;

        /// <summary>Period of data frames.</summary>
        public long DataPeriodMicros;
    }
}
