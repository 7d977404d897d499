using PerfusionGuard.Units;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Configuration of the reservoir level channel, for either sensor kind (DOMAIN.md Sensors:
    /// one or two binary "liquid present" pads, or a continuous sensor). Thresholds default to
    /// DOMAIN.md's hard-shell reservoir: minimum operating level 200 ml.
    /// </summary>
    public sealed class LevelSensorConfig
    {
        /// <summary>
        /// True when a pad drives its input high for "liquid present". The board must pull the
        /// input to the other ("dry") level, so a loose or unplugged pad reads as no liquid and
        /// the state goes Low (DOMAIN.md: a loose pad reads as "low" and stops the pump, 2011
        /// recall; SAF-CHN-011).
        /// </summary>
        public bool PadLiquidPresentHigh { get; set; } = true;

        /// <summary>
        /// Time a worse state (Normal → Alert → Low) must persist before it is reported, so a wave
        /// sloshing over a pad does not flicker the state. At 5 L/min 300 ms drains 25 ml.
        /// </summary>
        public long DebounceMicros { get; set; } = 300000;

        /// <summary>Time a better state must persist before it is reported (recovery is slower than alarm).</summary>
        public long RecoverDebounceMicros { get; set; } = 1000000;

        /// <summary>Continuous sensor: counts to ml.</summary>
        public LevelCalibration Calibration { get; set; }

        /// <summary>Continuous sensor: below this volume the state is Alert.</summary>
        public double AlertMl { get; set; } = 400;

        /// <summary>Continuous sensor: below this volume the state is Low (DOMAIN.md: minimum operating level 200 ml).</summary>
        public double LowMl { get; set; } = 200;

        /// <summary>Continuous sensor: a state improves only once the volume exceeds its threshold plus this.</summary>
        public double HysteresisMl { get; set; } = 50;

        /// <summary>Continuous sensor: largest volume the reservoir holds (DOMAIN.md: hard-shell 3000-4000 ml); above it OutOfRange.</summary>
        public double MaxMl { get; set; } = 4000;

        /// <summary>Continuous sensor: how far below 0 ml a reading may go before OutOfRange (sensor tolerance, vacuum offset).</summary>
        public double NegativeMarginMl { get; set; } = 100;

        /// <summary>Continuous sensor: conversions averaged per cycle.</summary>
        public int OversampleCount { get; set; } = 8;

        /// <summary>Continuous sensor: averaged counts at or below this read as open circuit.</summary>
        public int OpenRailCounts { get; set; }

        /// <summary>Continuous sensor: averaged counts at or above this read as a short to supply.</summary>
        public int ShortRailCounts { get; set; }

        /// <summary>Continuous sensor: consecutive cycles at a rail before Open / Short is raised.</summary>
        public int RailSetCycles { get; set; } = 2;

        /// <summary>Continuous sensor: consecutive good cycles before Open / Short clears.</summary>
        public int RailClearCycles { get; set; } = 10;

        /// <summary>
        /// Continuous sensor: bit-identical counts for longer than this flag Stuck; 0 (default)
        /// disables, because a filtered level sensor on a still reservoir may legitimately hold.
        /// </summary>
        public long StuckMicros { get; set; }

        /// <summary>Defaults for one or two pads (active high, debounce 300 ms, recovery 1 s).</summary>
        public static LevelSensorConfig DefaultPads() => new LevelSensorConfig();

        /// <summary>
        /// Defaults for a continuous sensor whose 0.5-4.5 V output spans 0-4000 ml on an ADC with full
        /// scale at 5 V; rails at 5 % and 95 % of full scale.
        /// </summary>
        public static LevelSensorConfig DefaultContinuous(int adcMaxCounts)
        {
            var config = new LevelSensorConfig();
            config.OpenRailCounts = adcMaxCounts * 5 / 100;
            config.ShortRailCounts = adcMaxCounts - adcMaxCounts * 5 / 100;
            config.Calibration = LevelCalibration.FromTwoPoints(0.1 * adcMaxCounts, Volume.Zero, 0.9 * adcMaxCounts, Volume.FromMl(config.MaxMl));
            return config;
        }
    }
}
