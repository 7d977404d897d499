namespace PerfusionGuard.Emulator.Physics
{
    /// <summary>
    /// Centrifugal pump head: pressure rise ΔP ≈ a·ω² − b·Q·|Q| (DOMAIN.md, pumps). The flow is not
    /// imposed: it follows from the circuit, and turns negative (backflow) when ω drops below what
    /// holds the arterial pressure. Default coefficients give about 400 mmHg at zero flow and
    /// 3000 rpm, and about 300 mmHg at 5 L/min (typical of adult heads; unverified).
    /// </summary>
    public sealed class CentrifugalPump
    {
        /// <summary>Creates a head with shut-off coefficient <paramref name="aMmHgPerRpm2"/> and flow loss <paramref name="bMmHgPerLPerMin2"/>.</summary>
        public CentrifugalPump(double aMmHgPerRpm2 = 4.44e-5, double bMmHgPerLPerMin2 = 4.0)
        {
            AMmHgPerRpm2 = aMmHgPerRpm2;
            BMmHgPerLPerMin2 = bMmHgPerLPerMin2;
        }

        /// <summary>Coefficient a of a·ω², mmHg/rpm².</summary>
        public double AMmHgPerRpm2 { get; }

        /// <summary>Coefficient b of b·Q², mmHg/(L/min)².</summary>
        public double BMmHgPerLPerMin2 { get; }

        /// <summary>Pressure rise at <paramref name="rpm"/> and <paramref name="flowLPerMin"/>, mmHg.</summary>
        public double PressureRiseMmHg(double rpm, double flowLPerMin)
            => AMmHgPerRpm2 * rpm * rpm - BMmHgPerLPerMin2 * flowLPerMin * (flowLPerMin < 0 ? -flowLPerMin : flowLPerMin);
    }
}
