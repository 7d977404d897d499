namespace PerfusionGuard.Emulator.Physics
{
    /// <summary>
    /// Occlusive roller pump: flow = stroke volume × rpm, whatever the afterload (DOMAIN.md, pumps:
    /// 12-42 ml per revolution at 50-150 rpm). It therefore pumps air when the reservoir runs dry and
    /// over-pressurizes the line on occlusion. Only near the motor's stall pressure does the flow
    /// fall (the raceway tubing bursts or the motor stalls somewhere above 1000 mmHg; unverified),
    /// so that an unguarded occlusion gives a large but finite pressure.
    /// </summary>
    public sealed class RollerPump
    {
        /// <summary>Outlet pressure where the flow starts to fall, mmHg.</summary>
        public const double StallStartMmHg = 1000.0;

        /// <summary>Outlet pressure where the motor stalls completely, mmHg.</summary>
        public const double StallMmHg = 1300.0;

        /// <summary>Inlet pressure below which the raceway tubing collapses and the flow falls, mmHg.</summary>
        public const double InletCollapseMmHg = -400.0;

        /// <summary>Inlet pressure band over which the collapsing raceway's flow falls to nothing, mmHg.</summary>
        public const double CollapseBandMmHg = 200.0;

        /// <summary>Creates a roller pump with a raceway of <paramref name="strokeVolumeMl"/> ml per revolution.</summary>
        public RollerPump(double strokeVolumeMl)
        {
            StrokeVolumeMl = strokeVolumeMl;
        }

        /// <summary>Volume displaced per revolution, ml.</summary>
        public double StrokeVolumeMl { get; }

        /// <summary>Rpm needed for <paramref name="flowLPerMin"/>.</summary>
        public double RpmFor(double flowLPerMin) => flowLPerMin * 1000.0 / StrokeVolumeMl;

        /// <summary>
        /// Flow of a roller pump that draws through a restriction from a source (the patient's vein
        /// through an access catheter): the pump sucks, so its inlet pressure is
        /// <paramref name="sourceMmHg"/> − <paramref name="kMmHgPerMlPerSec2"/>·Q², and below
        /// <see cref="InletCollapseMmHg"/> the raceway tubing collapses and the flow falls. Solved
        /// for Q and the inlet pressure together (a quadratic), so that an occluded access gives a
        /// steady very negative inlet pressure and little flow instead of an oscillation between
        /// full flow and none. <paramref name="unrestrictedMlPerSec"/> is what the pump delivers
        /// with a free inlet.
        /// </summary>
        public static double FlowDrawingThrough(double unrestrictedMlPerSec, double sourceMmHg, double kMmHgPerMlPerSec2, out double inletMmHg)
        {
            double q = unrestrictedMlPerSec;
            if (q <= 0)
            {
                inletMmHg = sourceMmHg;
                return q;
            }

            inletMmHg = sourceMmHg - kMmHgPerMlPerSec2 * q * q;
            if (inletMmHg >= InletCollapseMmHg)
            {
                return q;
            }

            // In the collapse band the flow falls linearly over 200 mmHg:
            // Q = Q0·(1 − (collapse − (source − k·Q²)) / 200)  →  a·Q² + Q − c = 0.
            double a = unrestrictedMlPerSec * kMmHgPerMlPerSec2 / CollapseBandMmHg;
            double c = unrestrictedMlPerSec * (CollapseBandMmHg - InletCollapseMmHg + sourceMmHg) / CollapseBandMmHg;
            if (c <= 0)
            {
                inletMmHg = sourceMmHg;
                return 0;
            }

            q = 2 * c / (1 + System.Math.Sqrt(1 + 4 * a * c));
            inletMmHg = sourceMmHg - kMmHgPerMlPerSec2 * q * q;
            return q;
        }

        /// <summary>
        /// Flow delivered at <paramref name="rpm"/>, ml/s, against <paramref name="outletMmHg"/> and
        /// drawing from <paramref name="inletMmHg"/>: stroke volume × rpm, except near stall or collapse.
        /// </summary>
        public double FlowMlPerSec(double rpm, double outletMmHg, double inletMmHg)
        {
            double flow = StrokeVolumeMl * rpm / 60.0;
            if (outletMmHg > StallStartMmHg)
            {
                double f = (StallMmHg - outletMmHg) / (StallMmHg - StallStartMmHg);
                flow *= f < 0 ? 0 : f;
            }

            if (inletMmHg < InletCollapseMmHg)
            {
                double f = 1.0 - (InletCollapseMmHg - inletMmHg) / CollapseBandMmHg;
                flow *= f < 0 ? 0 : f;
            }

            return flow;
        }
    }
}
