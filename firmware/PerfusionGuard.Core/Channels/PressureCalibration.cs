using System;
using PerfusionGuard.Units;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Zero and span of a pressure transducer channel: pressure = (counts - zero offset) / span.
    /// The zero drifts (±2 mmHg over 3 h, DOMAIN.md Sensors) and is re-taken with the transducer
    /// open to atmosphere; the span comes from the transducer data sheet or a reference pressure.
    /// The default value (span 0) is not valid, so an unset calibration can never pass as one.
    /// </summary>
    public readonly struct PressureCalibration
    {
        /// <summary>Smallest span magnitude accepted as a calibration (counts per mmHg).</summary>
        public const double MinSpanCountsPerMmHg = 1e-3;

        /// <summary>Largest span magnitude accepted as a calibration (counts per mmHg).</summary>
        public const double MaxSpanCountsPerMmHg = 1e5;

        /// <summary>Raw ADC counts that read as 0 mmHg (atmosphere).</summary>
        public readonly double ZeroOffsetCounts;

        /// <summary>Raw counts per mmHg; negative for an inverting amplifier.</summary>
        public readonly double SpanCountsPerMmHg;

        /// <summary>Creates a calibration from its zero offset (counts) and span (counts per mmHg).</summary>
        public PressureCalibration(double zeroOffsetCounts, double spanCountsPerMmHg)
        {
            ZeroOffsetCounts = zeroOffsetCounts;
            SpanCountsPerMmHg = spanCountsPerMmHg;
        }

        /// <summary>The invalid calibration (span 0): a channel holding it reports Uncalibrated.</summary>
        public static PressureCalibration None => new PressureCalibration(0, 0);

        /// <summary>True when both numbers are finite and the span magnitude is within its plausible range.</summary>
        public bool IsValid
        {
            get
            {
                double span = Math.Abs(SpanCountsPerMmHg);
                return IsFinite(ZeroOffsetCounts) && IsFinite(SpanCountsPerMmHg)
                    && span >= MinSpanCountsPerMmHg && span <= MaxSpanCountsPerMmHg;
            }
        }

        /// <summary>Converts averaged raw counts to pressure; Zero when the calibration is not valid.</summary>
        public Pressure ToPressure(double counts)
        {
            if (!IsValid)
            {
                return Pressure.Zero;
            }

            return Pressure.FromMmHg((counts - ZeroOffsetCounts) / SpanCountsPerMmHg);
        }

        /// <summary>The raw counts this calibration maps to <paramref name="pressure"/> (inverse of <see cref="ToPressure"/>).</summary>
        public double ToCounts(Pressure pressure) => ZeroOffsetCounts + pressure.MmHg * SpanCountsPerMmHg;

        /// <summary>The same span with a new zero offset.</summary>
        public PressureCalibration WithZero(double zeroOffsetCounts) => new PressureCalibration(zeroOffsetCounts, SpanCountsPerMmHg);

        /// <summary>
        /// The calibration through two (counts, pressure) points, e.g. atmosphere and a reference
        /// column; invalid (see <see cref="IsValid"/>) when the pressures coincide.
        /// </summary>
        public static PressureCalibration FromTwoPoints(double counts1, Pressure pressure1, double counts2, Pressure pressure2)
        {
            double deltaMmHg = pressure2.MmHg - pressure1.MmHg;
            if (Math.Abs(deltaMmHg) < 1e-9)
            {
                return None;
            }

            double span = (counts2 - counts1) / deltaMmHg;
            return new PressureCalibration(counts1 - pressure1.MmHg * span, span);
        }

        /// <summary>
        /// The nominal calibration of a ratiometric amplified transducer (DOMAIN.md Sensors:
        /// 0.5-4.5 V ratiometric) read by an ADC whose full scale is the supply: output at
        /// <paramref name="lowFractionOfSupply"/> × supply for <paramref name="atLow"/> and
        /// <paramref name="highFractionOfSupply"/> × supply for <paramref name="atHigh"/>.
        /// </summary>
        public static PressureCalibration FromRatiometric(int adcMaxCounts, double lowFractionOfSupply, Pressure atLow, double highFractionOfSupply, Pressure atHigh)
        {
            return FromTwoPoints(lowFractionOfSupply * adcMaxCounts, atLow, highFractionOfSupply * adcMaxCounts, atHigh);
        }

        /// <summary>"zero 409.5 counts, span 2.978 counts/mmHg" (diagnostics; allocates).</summary>
        public override string ToString() => "zero " + ZeroOffsetCounts.ToString("F1") + " counts, span " + SpanCountsPerMmHg.ToString("F3") + " counts/mmHg";

        internal static bool IsFinite(double x) => !double.IsNaN(x) && !double.IsInfinity(x);
    }
}
