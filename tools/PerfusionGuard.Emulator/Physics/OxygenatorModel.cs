namespace PerfusionGuard.Emulator.Physics
{
    /// <summary>
    /// Membrane oxygenator pressure drop: ΔP ≈ 22.4·Q − 22.7 mmHg with Q in L/min, about 90 mmHg at
    /// 5 L/min, for one common adult oxygenator [Fried et al., Perfusion 1998; DOMAIN.md]. The fit is
    /// affine and would go negative below 1 L/min, so under 2 L/min the drop is taken linear through
    /// the origin, continuous at 2 L/min. A clotting factor multiplies the drop (a rising drop over
    /// time suggests clotting).
    /// </summary>
    public static class OxygenatorModel
    {
        /// <summary>Slope of the published fit, mmHg per L/min.</summary>
        public const double SlopeMmHgPerLPerMin = 22.4;

        /// <summary>Offset of the published fit, mmHg.</summary>
        public const double OffsetMmHg = -22.7;

        /// <summary>Below this flow the linear-through-origin branch is used, L/min.</summary>
        public const double KneeLPerMin = 2.0;

        private const double LowSlope = (SlopeMmHgPerLPerMin * KneeLPerMin + OffsetMmHg) / KneeLPerMin;

        /// <summary>Pressure drop across the oxygenator at <paramref name="flowLPerMin"/> (sign follows the flow).</summary>
        public static double DropMmHg(double flowLPerMin)
        {
            double q = flowLPerMin < 0 ? -flowLPerMin : flowLPerMin;
            double drop = q >= KneeLPerMin ? SlopeMmHgPerLPerMin * q + OffsetMmHg : LowSlope * q;
            return flowLPerMin < 0 ? -drop : drop;
        }

        /// <summary>
        /// The drop written as slope·Q + offset around the current flow, in physics units (mmHg per
        /// ml/s and mmHg), so the integrator can treat the slope implicitly.
        /// </summary>
        public static void Linearize(double flowMlPerSec, out double slopeMmHgSecPerMl, out double offsetMmHg)
        {
            double qLMin = Hydraulics.LPerMin(flowMlPerSec);
            double q = qLMin < 0 ? -qLMin : qLMin;
            if (q >= KneeLPerMin)
            {
                slopeMmHgSecPerMl = SlopeMmHgPerLPerMin / Hydraulics.MlPerSecPerLPerMin;
                offsetMmHg = qLMin < 0 ? -OffsetMmHg : OffsetMmHg;
            }
            else
            {
                slopeMmHgSecPerMl = LowSlope / Hydraulics.MlPerSecPerLPerMin;
                offsetMmHg = 0;
            }
        }
    }
}
