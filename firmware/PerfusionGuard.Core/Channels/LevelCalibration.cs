using System;
using PerfusionGuard.Units;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Counts-to-volume calibration of a continuous reservoir level sensor (ultrasonic time of
    /// flight or capacitive, DOMAIN.md Sensors): volume = (counts - zero offset) / span. The
    /// default value (span 0) is invalid.
    /// </summary>
    public readonly struct LevelCalibration
    {
        /// <summary>Raw counts of an empty reservoir (0 ml).</summary>
        public readonly double ZeroOffsetCounts;

        /// <summary>Raw counts per ml.</summary>
        public readonly double SpanCountsPerMl;

        /// <summary>Creates a calibration from zero offset (counts) and span (counts per ml).</summary>
        public LevelCalibration(double zeroOffsetCounts, double spanCountsPerMl)
        {
            ZeroOffsetCounts = zeroOffsetCounts;
            SpanCountsPerMl = spanCountsPerMl;
        }

        /// <summary>The invalid calibration (span 0).</summary>
        public static LevelCalibration None => new LevelCalibration(0, 0);

        /// <summary>True when both numbers are finite and the span is not vanishingly small.</summary>
        public bool IsValid
        {
            get
            {
                double span = Math.Abs(SpanCountsPerMl);
                return PressureCalibration.IsFinite(ZeroOffsetCounts) && PressureCalibration.IsFinite(SpanCountsPerMl)
                    && span >= 1e-6 && span <= 1e6;
            }
        }

        /// <summary>Converts averaged counts to volume; Zero when not valid.</summary>
        public Volume ToVolume(double counts)
        {
            if (!IsValid)
            {
                return Volume.Zero;
            }

            return Volume.FromMl((counts - ZeroOffsetCounts) / SpanCountsPerMl);
        }

        /// <summary>Raw counts this calibration maps to <paramref name="volume"/>.</summary>
        public double ToCounts(Volume volume) => ZeroOffsetCounts + volume.Ml * SpanCountsPerMl;

        /// <summary>The calibration through two (counts, volume) points; invalid when the volumes coincide.</summary>
        public static LevelCalibration FromTwoPoints(double counts1, Volume volume1, double counts2, Volume volume2)
        {
            double delta = volume2.Ml - volume1.Ml;
            if (Math.Abs(delta) < 1e-9)
            {
                return None;
            }

            double span = (counts2 - counts1) / delta;
            return new LevelCalibration(counts1 - volume1.Ml * span, span);
        }

        /// <summary>"zero 409.5 counts, span 0.819 counts/ml" (diagnostics; allocates).</summary>
        public override string ToString() => "zero " + ZeroOffsetCounts.ToString("F1") + " counts, span " + SpanCountsPerMl.ToString("F3") + " counts/ml";
    }
}
