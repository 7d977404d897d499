using PerfusionGuard.Units;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Sampling, calibration and plausibility limits of an analog flow channel.
    /// <see cref="Default"/> fits a bidirectional clamp-on ultrasonic flow meter whose 0.5-4.5 V
    /// output maps -2..+8 L/min (backflow of a slowed centrifugal pump reads negative, DOMAIN.md
    /// Pumps), read by an ADC whose full scale is the 5 V supply.
    /// </summary>
    public sealed class FlowChannelConfig
    {
        /// <summary>Conversions averaged per cycle.</summary>
        public int OversampleCount { get; set; } = 8;

        /// <summary>Averaged counts at or below this read as an open circuit.</summary>
        public int OpenRailCounts { get; set; }

        /// <summary>Averaged counts at or above this read as a short to supply.</summary>
        public int ShortRailCounts { get; set; }

        /// <summary>Counts to flow.</summary>
        public FlowCalibration Calibration { get; set; }

        /// <summary>Lowest flow the meter reports (negative: backflow).</summary>
        public double MinLPerMin { get; set; } = -2;

        /// <summary>Highest flow the meter reports.</summary>
        public double MaxLPerMin { get; set; } = 8;

        /// <summary>
        /// Fastest real change in L/min per second. A clamp closing at 5 L/min stops the flow in
        /// tens of milliseconds (~100 L/min/s), so the default leaves a wide margin.
        /// </summary>
        public double MaxRateLPerMinPerSecond { get; set; } = 500;

        /// <summary>Cycles over which rate violations are counted (at most 32).</summary>
        public int RateWindowCycles { get; set; } = 10;

        /// <summary>Rate violations within the window that raise RateImplausible.</summary>
        public int RateViolationsToFlag { get; set; } = 3;

        /// <summary>Trimmed spread within one reading above which the reading is noisy.</summary>
        public int NoiseLimitCounts { get; set; }

        /// <summary>Cycles over which noisy readings are counted (at most 32).</summary>
        public int NoiseWindowCycles { get; set; } = 10;

        /// <summary>Noisy readings within the window that raise Noisy.</summary>
        public int NoisyReadingsToFlag { get; set; } = 3;

        /// <summary>Bit-identical raw counts for longer than this flag Stuck; 0 disables.</summary>
        public long StuckMicros { get; set; } = 10000000;

        /// <summary>Consecutive cycles at a rail before Open / Short is raised.</summary>
        public int RailSetCycles { get; set; } = 2;

        /// <summary>Consecutive good cycles before Open / Short clears.</summary>
        public int RailClearCycles { get; set; } = 10;

        /// <summary>Consecutive cycles out of range before OutOfRange is raised.</summary>
        public int RangeSetCycles { get; set; } = 2;

        /// <summary>Consecutive cycles in range before OutOfRange clears.</summary>
        public int RangeClearCycles { get; set; } = 5;

        /// <summary>Defaults for a 0.5-4.5 V output over -2..+8 L/min on an ADC with full scale at 5 V.</summary>
        public static FlowChannelConfig Default(int adcMaxCounts)
        {
            var config = new FlowChannelConfig();
            config.OpenRailCounts = adcMaxCounts * 5 / 100;
            config.ShortRailCounts = adcMaxCounts - adcMaxCounts * 5 / 100;
            config.NoiseLimitCounts = adcMaxCounts * 5 / 100;
            config.Calibration = FlowCalibration.FromTwoPoints(0.1 * adcMaxCounts, Flow.FromLPerMin(config.MinLPerMin), 0.9 * adcMaxCounts, Flow.FromLPerMin(config.MaxLPerMin));
            return config;
        }
    }
}
