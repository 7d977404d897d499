namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Builds the <see cref="SensorQuality"/> of an analog transducer channel (pressure, flow) from its
    /// plausibility verdicts, so every analog channel reports the same flags for the same findings.
    /// </summary>
    public static class SensorQualityFlags
    {
        /// <summary>The flags for one sample's verdicts; Good when every verdict is clean. Allocation-free.</summary>
        public static SensorQuality OfAnalog(bool open, bool shorted, bool stuck, bool outOfRange, bool rateImplausible, bool noisy, bool calibrated)
        {
            SensorQuality quality = SensorQuality.Good;
            if (open)
            {
                quality |= SensorQuality.Open;
            }

            if (shorted)
            {
                quality |= SensorQuality.Short;
            }

            if (stuck)
            {
                quality |= SensorQuality.Stuck;
            }

            if (outOfRange)
            {
                quality |= SensorQuality.OutOfRange;
            }

            if (rateImplausible)
            {
                quality |= SensorQuality.RateImplausible;
            }

            if (noisy)
            {
                quality |= SensorQuality.Noisy;
            }

            if (!calibrated)
            {
                quality |= SensorQuality.Uncalibrated;
            }

            return quality;
        }
    }
}
