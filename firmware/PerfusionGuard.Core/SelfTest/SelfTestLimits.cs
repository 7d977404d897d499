using PerfusionGuard.Units;

namespace PerfusionGuard.SelfTest
{
    /// <summary>Time limits and plausible ranges of the start-up self-test (configurable; defaults below).</summary>
    public sealed class SelfTestLimits
    {
        /// <summary>
        /// The latch must read back tripped within this time of forcing the detector test. The latch
        /// drops the line in under 1 ms (DESIGN.md, safety concept 1); 5 ms leaves margin for the
        /// readback's filtering.
        /// </summary>
        public long LatchTripTimeoutMicros = 5 * Time.MicrosPerMilli;

        /// <summary>Length of the latch reset pulse during the self-test (1 ms; a board whose latch needs longer passes its AirDetectorConfig.ResetPulseMicros).</summary>
        public long LatchResetPulseMicros = 1 * Time.MicrosPerMilli;

        /// <summary>The latch must read back clear within this time of the end of its reset pulse.</summary>
        public long LatchClearTimeoutMicros = 5 * Time.MicrosPerMilli;

        /// <summary>The pump-enable readback must follow the commanded "off" within this time.</summary>
        public long PumpReadbackTimeoutMicros = 5 * Time.MicrosPerMilli;

        /// <summary>
        /// How long the pressure and level channels are sampled before they are judged, so that their
        /// oversampling, debouncing and stuck/noise detectors have settled.
        /// </summary>
        public long ChannelSettleMicros = 200 * Time.MicrosPerMilli;

        /// <summary>
        /// Lowest plausible pressure with the pump stopped: below the −150 mmHg hard limit of vacuum
        /// drainage (DOMAIN.md, pressures) with margin.
        /// </summary>
        public double PressureMinMmHg = -250.0;

        /// <summary>Highest plausible pressure with the pump stopped (a clamped, pressurised line may hold some).</summary>
        public double PressureMaxMmHg = 500.0;
    }
}
