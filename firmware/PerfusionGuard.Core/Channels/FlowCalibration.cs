using System;
using PerfusionGuard.Units;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Zero and span of an analog flow meter output: flow = (counts - zero offset) / span. The zero
    /// is the output at no flow (a bidirectional meter sits mid-band there, so backflow reads
    /// negative); the span comes from the meter's data sheet. The default value (span 0) is invalid.
    /// </summary>
    public readonly struct FlowCalibration
    {
        /// <summary>Raw ADC counts at zero flow.</summary>
        public readonly double ZeroOffsetCounts;

        /// <summary>Raw counts per L/min; negative for an inverted output.</summary>
        public readonly double SpanCountsPerLPerMin;

        /// <summary>Creates a calibration from zero offset (counts) and span (counts per L/min).</summary>
        public FlowCalibration(double zeroOffsetCounts, double spanCountsPerLPerMin)
        {
            ZeroOffsetCounts = zeroOffsetCounts;
            SpanCountsPerLPerMin = spanCountsPerLPerMin;
        }

        /// <summary>The invalid calibration (span 0).</summary>
        public static FlowCalibration None => new FlowCalibration(0, 0);

        /// <summary>True when both numbers are finite and the span is not vanishingly small.</summary>
        public bool IsValid
        {
            get
            {
                double span = Math.Abs(SpanCountsPerLPerMin);
                return PressureCalibration.IsFinite(ZeroOffsetCounts) && PressureCalibration.IsFinite(SpanCountsPerLPerMin)
                    && span >= 1e-3 && span <= 1e7;
            }
        }

        /// <summary>Converts averaged raw counts to flow; Zero when not valid.</summary>
        public Flow ToFlow(double counts)
        {
            if (!IsValid)
            {
                return Flow.Zero;
            }

            return Flow.FromLPerMin((counts - ZeroOffsetCounts) / SpanCountsPerLPerMin);
        }

        /// <summary>Raw counts this calibration maps to <paramref name="flow"/>.</summary>
        public double ToCounts(Flow flow) => ZeroOffsetCounts + flow.LPerMin * SpanCountsPerLPerMin;

        /// <summary>The same span with a new zero offset.</summary>
        public FlowCalibration WithZero(double zeroOffsetCounts) => new FlowCalibration(zeroOffsetCounts, SpanCountsPerLPerMin);

        /// <summary>The calibration through two (counts, flow) points; invalid when the flows coincide.</summary>
        public static FlowCalibration FromTwoPoints(double counts1, Flow flow1, double counts2, Flow flow2)
        {
            double delta = flow2.LPerMin - flow1.LPerMin;
            if (Math.Abs(delta) < 1e-9)
            {
                return None;
            }

            double span = (counts2 - counts1) / delta;
            return new FlowCalibration(counts1 - flow1.LPerMin * span, span);
        }

        /// <summary>"zero 1064.7 counts, span 327.600 counts/(L/min)" (diagnostics; allocates).</summary>
        public override string ToString() => "zero " + ZeroOffsetCounts.ToString("F1") + " counts, span " + SpanCountsPerLPerMin.ToString("F3") + " counts/(L/min)";
    }
}
