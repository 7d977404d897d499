namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Wiring polarities and estimates of an ultrasonic air detector, its hardware latch and its
    /// microbubble output. Defaults are fail-safe: the detector output, the latch readback and the
    /// detector-ready line are low when something is wrong, so a broken wire reads as air, as a
    /// tripped latch and as a faulted detector.
    /// </summary>
    public sealed class AirDetectorConfig
    {
        /// <summary>
        /// Volume of a sphere 300 µm across, in µl: π/6 · (0.03 cm)³ = 1.41e-5 ml = 0.0141 µl. The
        /// smallest bubble the microbubble output counts (DOMAIN.md: LivaNova S5 counts &gt; 300 µm;
        /// microbubbles have "volumes of nanolitres"), so the per-edge estimate is a lower bound.
        /// </summary>
        public const double SmallestCountedBubbleMicrolitres = 0.0141;

        /// <summary>True when a high detector output means air (false: low = air, fail-safe on a broken wire).</summary>
        public bool DetectorAirActiveHigh { get; set; }

        /// <summary>True when a high latch readback means tripped (false: the readback is the pump permit, low = tripped).</summary>
        public bool LatchTrippedActiveHigh { get; set; }

        /// <summary>True when a high level on the detector fault line means faulted (false: the line is "ready", low = fault).</summary>
        public bool DetectorFaultActiveHigh { get; set; }

        /// <summary>True when driving the detector test input high forces "air".</summary>
        public bool DetectorTestActiveHigh { get; set; } = true;

        /// <summary>True when driving the latch reset input high resets the latch.</summary>
        public bool LatchResetActiveHigh { get; set; } = true;

        /// <summary>
        /// True when driving the software-trip line high trips the latch. False (default): the line
        /// is a run permit held high by a live controller, so a dead or reset controller trips it.
        /// </summary>
        public bool SoftwareTripActiveHigh { get; set; }

        /// <summary>Width of the latch reset pulse in microseconds.</summary>
        public long ResetPulseMicros { get; set; } = 10000;

        /// <summary>Estimated air volume per counted microbubble edge, in µl (see <see cref="SmallestCountedBubbleMicrolitres"/>).</summary>
        public double MicrobubbleVolumeMicrolitres { get; set; } = SmallestCountedBubbleMicrolitres;

        /// <summary>Length of the sliding window of the microbubble rate (one minute gives a per-minute count directly).</summary>
        public long RateWindowMicros { get; set; } = 60000000;

        /// <summary>Buckets of the rate window ring (its resolution: window / buckets).</summary>
        public int RateBuckets { get; set; } = 60;

        /// <summary>
        /// Consecutive cycles with air present but the latch not read back as tripped before
        /// LatchDisagrees is raised. The latch trips in under 1 ms (DESIGN.md), so one cycle of
        /// grace only covers air arriving between the two reads.
        /// </summary>
        public int LatchDisagreeCycles { get; set; } = 2;

        /// <summary>Consecutive cycles the fault line must report a fault before Disconnected is raised.</summary>
        public int FaultSetCycles { get; set; } = 2;

        /// <summary>Consecutive healthy cycles before Disconnected clears.</summary>
        public int FaultClearCycles { get; set; } = 10;

        /// <summary>The fail-safe defaults described on the class.</summary>
        public static AirDetectorConfig Default() => new AirDetectorConfig();
    }
}
