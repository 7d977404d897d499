namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Sampling and plausibility limits of one pressure channel. Counts are raw ADC counts of the
    /// channel's converter. Built at start-up from the board (rails, converter) and the transducer
    /// (range); <see cref="Default(int)"/> fits a 0.5-4.5 V ratiometric transducer over -300..+800 mmHg.
    /// </summary>
    public sealed class PressureChannelConfig
    {
        /// <summary>Conversions averaged per cycle (NANO-PLATFORM.md: oversample, do not trust one conversion).</summary>
        public int OversampleCount { get; set; } = 8;

        /// <summary>Averaged counts at or below this read as an open circuit (lower rail).</summary>
        public int OpenRailCounts { get; set; }

        /// <summary>Averaged counts at or above this read as a short to supply (upper rail).</summary>
        public int ShortRailCounts { get; set; }

        /// <summary>Lowest pressure the transducer can report; below it the reading is out of range.</summary>
        public double MinMmHg { get; set; } = -300;

        /// <summary>Highest pressure the transducer can report; above it the reading is out of range.</summary>
        public double MaxMmHg { get; set; } = 800;

        /// <summary>
        /// Fastest change a real circuit produces, in mmHg per second. A roller pump against a
        /// sudden occlusion rises fast, so the limit is generous: it catches connector jumps and
        /// converter glitches, not physiology.
        /// </summary>
        public double MaxRateMmHgPerSecond { get; set; } = 10000;

        /// <summary>Cycles over which rate violations are counted (at most 32).</summary>
        public int RateWindowCycles { get; set; } = 10;

        /// <summary>
        /// Rate violations within the window that raise RateImplausible. A real step gives one
        /// violation and a single glitch (out and back) two, so the default is 3.
        /// </summary>
        public int RateViolationsToFlag { get; set; } = 3;

        /// <summary>Trimmed spread within one oversampled reading above which the reading is noisy.</summary>
        public int NoiseLimitCounts { get; set; }

        /// <summary>Cycles over which noisy readings are counted (at most 32).</summary>
        public int NoiseWindowCycles { get; set; } = 10;

        /// <summary>Noisy readings within the window that raise Noisy.</summary>
        public int NoisyReadingsToFlag { get; set; } = 3;

        /// <summary>
        /// Bit-identical raw counts (all conversions, all cycles) for longer than this flag Stuck;
        /// 0 disables. Real transducers always show ADC noise (see <see cref="StuckSignalDetector"/>).
        /// </summary>
        public long StuckMicros { get; set; } = 10000000;

        /// <summary>Consecutive cycles at a rail before Open / Short is raised (kept small: a rail fault must show within a few cycles).</summary>
        public int RailSetCycles { get; set; } = 2;

        /// <summary>Consecutive good cycles before Open / Short clears (an intermittent wire stays flagged).</summary>
        public int RailClearCycles { get; set; } = 10;

        /// <summary>Consecutive cycles out of range before OutOfRange is raised.</summary>
        public int RangeSetCycles { get; set; } = 2;

        /// <summary>Consecutive cycles in range before OutOfRange clears.</summary>
        public int RangeClearCycles { get; set; } = 5;

        /// <summary>
        /// Largest zero shift a re-zero may apply, in mmHg. A bigger one means the transducer is not
        /// open to atmosphere (drift is ±2 mmHg over 3 h, DOMAIN.md Sensors).
        /// </summary>
        public double MaxZeroShiftMmHg { get; set; } = 50;

        /// <summary>Smallest reference pressure magnitude a span may be taken at, in mmHg.</summary>
        public double MinSpanReferenceMmHg { get; set; } = 50;

        /// <summary>
        /// Largest relative change of the span a span calibration may apply (0.2 = ±20 %). Transducer
        /// sensitivity is specified to a few per cent; a bigger change means a wrong reference.
        /// </summary>
        public double MaxSpanChangeFraction { get; set; } = 0.2;

        /// <summary>
        /// Defaults for a 0.5-4.5 V ratiometric transducer (DOMAIN.md Sensors) on an ADC whose full
        /// scale is the 5 V supply: rails below 0.25 V and above 4.75 V (5 % margins outside the
        /// 10-90 % output band), noise limit 5 % of full scale within one reading.
        /// </summary>
        public static PressureChannelConfig Default(int adcMaxCounts)
        {
            var config = new PressureChannelConfig();
            config.OpenRailCounts = adcMaxCounts * 5 / 100;
            config.ShortRailCounts = adcMaxCounts - adcMaxCounts * 5 / 100;
            config.NoiseLimitCounts = adcMaxCounts * 5 / 100;
            return config;
        }

        /// <summary>
        /// <see cref="Default(int)"/> with the physical range taken from the transducer's
        /// calibration at the ends of its 10-90 % output band (0.5 and 4.5 V of 5 V), so that a
        /// -300..+700 mmHg transducer flags 750 mmHg as out of range.
        /// </summary>
        public static PressureChannelConfig Default(int adcMaxCounts, PressureCalibration calibration)
        {
            PressureChannelConfig config = Default(adcMaxCounts);
            if (calibration.IsValid)
            {
                double atLow = calibration.ToPressure(0.1 * adcMaxCounts).MmHg;
                double atHigh = calibration.ToPressure(0.9 * adcMaxCounts).MmHg;
                config.MinMmHg = atLow < atHigh ? atLow : atHigh;
                config.MaxMmHg = atLow < atHigh ? atHigh : atLow;
            }

            return config;
        }
    }
}
