using System;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Quality flags of a channel sample. <see cref="Good"/> (no flag) is the only trustworthy state;
    /// any flag makes the supervisor treat the channel as reading its dangerous value (DESIGN.md,
    /// safety concept 4) and raises a technical alarm.
    /// </summary>
    [Flags]
    public enum SensorQuality : ushort
    {
        /// <summary>Plausible and calibrated.</summary>
        Good = 0,
        /// <summary>Signal at the lower rail: open circuit or broken wire.</summary>
        Open = 1,
        /// <summary>Signal at the upper rail: short to supply.</summary>
        Short = 2,
        /// <summary>Raw signal has not changed for longer than physiology allows.</summary>
        Stuck = 4,
        /// <summary>Converted value outside the sensor's physical range.</summary>
        OutOfRange = 8,
        /// <summary>Change between samples faster than the circuit can produce.</summary>
        RateImplausible = 16,
        /// <summary>Spread within one oversampled reading beyond its limit.</summary>
        Noisy = 32,
        /// <summary>No valid calibration (zero/span) for the channel.</summary>
        Uncalibrated = 64,
        /// <summary>The sensor reports it is disconnected (detector fault line, missing pad).</summary>
        Disconnected = 128,
        /// <summary>A self-test of the channel failed.</summary>
        SelfTestFailed = 256,
        /// <summary>
        /// The air detector reports air but the hardware latch does not read back as tripped: the
        /// independent hardware stop path has failed (DESIGN.md, safety concept 1; SAF-CHN-008).
        /// </summary>
        LatchDisagrees = 512,
    }
}
