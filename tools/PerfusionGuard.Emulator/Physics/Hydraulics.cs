using System;

namespace PerfusionGuard.Emulator.Physics
{
    /// <summary>
    /// Unit conversions and tube formulas of the lumped circuit model. Inside the physics, flow is
    /// ml/s, pressure mmHg, volume ml, resistance mmHg·s/ml, inertance mmHg·s²/ml, compliance ml/mmHg.
    /// </summary>
    public static class Hydraulics
    {
        /// <summary>ml/s per L/min.</summary>
        public const double MlPerSecPerLPerMin = 1000.0 / 60.0;

        /// <summary>cm per inch.</summary>
        public const double CmPerInch = 2.54;

        /// <summary>dyn/cm² per mmHg (CGS units of Poiseuille's law).</summary>
        public const double DynPerCm2PerMmHg = 1333.22;

        /// <summary>Dynamic viscosity of diluted blood on bypass (haematocrit 25-30 %), poise: 2.5-3 cP (unverified).</summary>
        public const double BloodViscosityPoise = 0.03;

        /// <summary>Blood density, g/cm³.</summary>
        public const double BloodDensityGPerCm3 = 1.06;

        /// <summary>ml/s from L/min.</summary>
        public static double MlPerSec(double flowLPerMin) => flowLPerMin * MlPerSecPerLPerMin;

        /// <summary>L/min from ml/s.</summary>
        public static double LPerMin(double flowMlPerSec) => flowMlPerSec / MlPerSecPerLPerMin;

        /// <summary>mmHg·s/ml from the clinical unit mmHg·min/L.</summary>
        public static double ResistanceFromMmHgMinPerL(double mmHgMinPerL) => mmHgMinPerL * 0.06;

        /// <summary>Cross-section of a tube, cm² (= ml per cm of length). 3/8" → 0.713 (DOMAIN.md).</summary>
        public static double AreaCm2(double innerDiameterIn)
        {
            double radiusCm = innerDiameterIn * CmPerInch / 2.0;
            return Math.PI * radiusCm * radiusCm;
        }

        /// <summary>Volume held by <paramref name="lengthCm"/> of tube, ml.</summary>
        public static double VolumeMl(double innerDiameterIn, double lengthCm) => AreaCm2(innerDiameterIn) * lengthCm;

        /// <summary>
        /// Poiseuille resistance of a straight tube, mmHg·s/ml: R = 8·μ·L / (π·r⁴). Laminar flow; at
        /// 5 L/min in 3/8" the Reynolds number is about 1500, so laminar is a fair first model.
        /// </summary>
        public static double PoiseuilleResistance(double innerDiameterIn, double lengthCm)
        {
            double radiusCm = innerDiameterIn * CmPerInch / 2.0;
            double dynSPerCm5 = 8.0 * BloodViscosityPoise * lengthCm / (Math.PI * Math.Pow(radiusCm, 4));
            return dynSPerCm5 / DynPerCm2PerMmHg;
        }

        /// <summary>Fluid inertance of a tube, mmHg·s²/ml: ρ·L / A.</summary>
        public static double Inertance(double innerDiameterIn, double lengthCm)
            => BloodDensityGPerCm3 * lengthCm / AreaCm2(innerDiameterIn) / DynPerCm2PerMmHg;
    }
}
