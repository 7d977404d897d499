using PerfusionGuard.Profiles;

namespace PerfusionGuard.Emulator.Physics
{
    /// <summary>Where the guarded pump draws from.</summary>
    public enum BloodSource
    {
        /// <summary>A hard-shell venous reservoir fed by venous return (CPB).</summary>
        Reservoir,
        /// <summary>The patient's veins through a drainage cannula or access catheter (ECMO, hemoperfusion).</summary>
        PatientVeins,
        /// <summary>A cardioplegia bag / heat-exchanger set at a small positive head.</summary>
        Bag,
    }

    /// <summary>The device between the pump and the patient.</summary>
    public enum CircuitDevice
    {
        /// <summary>No device worth modelling (cardioplegia heat exchanger: a linear resistance).</summary>
        None,
        /// <summary>Membrane oxygenator (22.4·Q − 22.7 mmHg, scaled).</summary>
        Oxygenator,
        /// <summary>Hemoperfusion adsorbent column (linear resistance that rises as it clots).</summary>
        Column,
    }

    /// <summary>
    /// Every number of the circuit model, with defaults per circuit (DOMAIN.md figures where they
    /// exist; the rest marked unverified). A scenario's "circuit_params" overrides some of them.
    /// </summary>
    public sealed class CircuitParameters
    {
        /// <summary>The circuit.</summary>
        public CircuitKind Circuit;
        /// <summary>Where the pump draws from.</summary>
        public BloodSource Source;
        /// <summary>Device after the pump.</summary>
        public CircuitDevice Device;
        /// <summary>Roller or centrifugal.</summary>
        public PumpKind Pump;
        /// <summary>Arterial (or delivery / return) tubing inner diameter, inch.</summary>
        public double ArterialTubingIdIn;
        /// <summary>Tubing length from the bubble detector to the patient, cm.</summary>
        public double DetectorToPatientCm;
        /// <summary>Blood volume between the pump outlet and the detector (device priming + tubing), ml.</summary>
        public double PumpToDetectorMl;
        /// <summary>Tubing between an "arterial_line" / "return_line" air injection and the detector, cm.</summary>
        public double AirSiteToDetectorCm;
        /// <summary>Extra tubing between pump and patient counted in the line resistance, cm.</summary>
        public double OtherTubingCm;
        /// <summary>Initial reservoir volume, ml.</summary>
        public double ReservoirMl;
        /// <summary>Reservoir capacity (hard shell 3000-4000 ml), ml.</summary>
        public double ReservoirCapacityMl;
        /// <summary>Reservoir volume below which the outlet entrains air, ml.</summary>
        public double ReservoirEntrainMl;
        /// <summary>Minimum operating level: venous air is trapped by the reservoir above it (DOMAIN.md: 200 ml), ml.</summary>
        public double ReservoirMinOperatingMl;
        /// <summary>Level pad: alert below this volume, ml.</summary>
        public double LevelAlertPadMl;
        /// <summary>Level pad: stop below this volume, ml.</summary>
        public double LevelStopPadMl;
        /// <summary>Systemic (or coronary / venous) resistance of the patient, mmHg·min/L.</summary>
        public double PatientResistanceMmHgMinPerL;
        /// <summary>Compliance of the patient node, ml/mmHg.</summary>
        public double PatientComplianceMlPerMmHg;
        /// <summary>Venous pressure the patient drains to (CVP / right atrium), mmHg.</summary>
        public double PatientVenousMmHg;
        /// <summary>Compliance of the pump-outlet node (device housing and tubing), ml/mmHg.</summary>
        public double OutletComplianceMlPerMmHg;
        /// <summary>Cannula (or catheter) drop coefficient: ΔP = k·Q², mmHg/(L/min)².</summary>
        public double CannulaKMmHgPerLPerMin2;
        /// <summary>Laminar part of the cannula drop, mmHg per L/min (damps the line after a stop).</summary>
        public double CannulaLinearMmHgPerLPerMin;
        /// <summary>Drainage / access cannula coefficient on the inlet side, mmHg/(L/min)².</summary>
        public double InletKMmHgPerLPerMin2;
        /// <summary>Arterial filter drop at 1 L/min (linear), mmHg.</summary>
        public double FilterMmHgPerLPerMin;
        /// <summary>Column or heat-exchanger resistance (linear), mmHg·min/L.</summary>
        public double DeviceResistanceMmHgMinPerL;
        /// <summary>Oxygenator flow scale: the fit is evaluated at Q × this (pediatric oxygenators are rated lower).</summary>
        public double OxygenatorFlowScale = 1.0;
        /// <summary>Oxygenator drop scale.</summary>
        public double OxygenatorDropScale = 1.0;
        /// <summary>Hydrostatic head at the pump inlet (reservoir above the pump, bag height), mmHg.</summary>
        public double InletHeadMmHg;
        /// <summary>Vacuum applied to the reservoir for vacuum-assisted drainage, mmHg (positive number).</summary>
        public double VacuumMmHg;
        /// <summary>Roller raceway stroke volume, ml/rev (DOMAIN.md: 12-42).</summary>
        public double StrokeVolumeMl;
        /// <summary>Centrifugal coefficient a, mmHg/rpm².</summary>
        public double CentrifugalAMmHgPerRpm2 = 4.44e-5;
        /// <summary>Centrifugal coefficient b, mmHg/(L/min)².</summary>
        public double CentrifugalBMmHgPerLPerMin2 = 4.0;
        /// <summary>Rollers on the roller-pump head (twin-roller heads are usual).</summary>
        public int RollerCount = 2;
        /// <summary>
        /// Flow ripple of the roller pump as a fraction of its mean flow (0: none, the default, which
        /// keeps the historical scenarios' pressures); each roller leaving the raceway makes a dip, so
        /// the line pressure pulses at rollers × rpm / 60 Hz (unverified amplitude).
        /// </summary>
        public double RollerPulsationFraction;
        /// <summary>Roller spin-down time constant with enable low, ms (unverified).</summary>
        public double RollerStopTauMs = 8.0;
        /// <summary>Centrifugal coast-down time constant with enable low, ms (unverified).</summary>
        public double CentrifugalStopTauMs = 1000.0;
        /// <summary>Hardware latch delay from detector output to pump-enable line low, µs (design: &lt; 1 ms).</summary>
        public double LatchDelayMicros = 300.0;
        /// <summary>Smallest slug the detector reports, ml (Terumo: 0.3 ml at ≤ 3 L/min in 1/4"; ours is more sensitive).</summary>
        public double DetectorMinSlugMl = 0.02;
        /// <summary>Volume of one counted microbubble (> 300 µm, about 14 nl), ml.</summary>
        public double MicrobubbleMl = 1.4e-5;
        /// <summary>Time constant with which automatic venous return follows the patient's outflow, s.</summary>
        public double VenousReturnTauSec = 4.0;
        /// <summary>The patient's own cardiac output into the patient node (VA ECMO with a beating heart), L/min.</summary>
        public double NativeFlowLPerMin;
        /// <summary>Flow of the arterial pump when it is not the guarded one (cardioplegia cross-pump rules), L/min.</summary>
        public double OtherArterialFlowLPerMin;

        /// <summary>The defaults for <paramref name="circuit"/>.</summary>
        public static CircuitParameters DefaultsFor(CircuitKind circuit)
        {
            var p = new CircuitParameters { Circuit = circuit };
            switch (circuit)
            {
                case CircuitKind.AdultCpb:
                    // 5 L/min: patient 75, cannula 20 + 15, tubing ~18, filter 8, oxygenator 89 → p_arterial ≈ 225
                    // (DOMAIN.md: 150-300 adult; below the profile's 250 mmHg alert band).
                    p.Source = BloodSource.Reservoir; p.Device = CircuitDevice.Oxygenator; p.Pump = PumpKind.Roller;
                    p.ArterialTubingIdIn = 0.375; p.DetectorToPatientCm = 150; p.PumpToDetectorMl = 500; p.AirSiteToDetectorCm = 30;
                    p.OtherTubingCm = 50; p.ReservoirMl = 1500; p.ReservoirCapacityMl = 4000; p.ReservoirEntrainMl = 40;
                    p.ReservoirMinOperatingMl = 200; p.LevelAlertPadMl = 400; p.LevelStopPadMl = 200;
                    p.PatientResistanceMmHgMinPerL = 14; p.PatientComplianceMlPerMmHg = 1.5; p.PatientVenousMmHg = 5;
                    p.OutletComplianceMlPerMmHg = 0.06; p.CannulaKMmHgPerLPerMin2 = 0.6; p.CannulaLinearMmHgPerLPerMin = 4; p.FilterMmHgPerLPerMin = 1.6;
                    p.InletHeadMmHg = 15; p.StrokeVolumeMl = 40; break;
                case CircuitKind.PediatricCpb:
                    // 1 L/min in 1/4": patient 55, cannula 80, tubing ~19, filter 5, oxygenator ~62 → ≈ 220
                    // (DOMAIN.md: 213-324 at 0.5-1.5 L/min).
                    p.Source = BloodSource.Reservoir; p.Device = CircuitDevice.Oxygenator; p.Pump = PumpKind.Roller;
                    p.ArterialTubingIdIn = 0.25; p.DetectorToPatientCm = 120; p.PumpToDetectorMl = 120; p.AirSiteToDetectorCm = 30;
                    p.OtherTubingCm = 50; p.ReservoirMl = 400; p.ReservoirCapacityMl = 1200; p.ReservoirEntrainMl = 15;
                    p.ReservoirMinOperatingMl = 70; p.LevelAlertPadMl = 150; p.LevelStopPadMl = 70;
                    p.PatientResistanceMmHgMinPerL = 50; p.PatientComplianceMlPerMmHg = 0.3; p.PatientVenousMmHg = 5;
                    p.OutletComplianceMlPerMmHg = 0.01; p.CannulaKMmHgPerLPerMin2 = 80; p.FilterMmHgPerLPerMin = 5;
                    p.OxygenatorFlowScale = 5; p.OxygenatorDropScale = 0.7; p.InletHeadMmHg = 15; p.StrokeVolumeMl = 12; break;
                case CircuitKind.Ecmo:
                    // Centrifugal, no reservoir; ~2750 rpm for 4.5 L/min; drainage ≈ −35 mmHg.
                    p.Source = BloodSource.PatientVeins; p.Device = CircuitDevice.Oxygenator; p.Pump = PumpKind.Centrifugal;
                    p.ArterialTubingIdIn = 0.375; p.DetectorToPatientCm = 150; p.PumpToDetectorMl = 350; p.AirSiteToDetectorCm = 30;
                    p.OtherTubingCm = 50; p.PatientResistanceMmHgMinPerL = 14; p.PatientComplianceMlPerMmHg = 1.5; p.PatientVenousMmHg = 5;
                    p.OutletComplianceMlPerMmHg = 0.06; p.CannulaKMmHgPerLPerMin2 = 1.4; p.CannulaLinearMmHgPerLPerMin = 4; p.InletKMmHgPerLPerMin2 = 2.0;
                    // Partial VA support: the patient's heart still ejects 2.5 L/min, so the arterial pressure
                    // is held when the pump slows, and a slowed pump sees backflow.
                    p.NativeFlowLPerMin = 2.5; p.PatientResistanceMmHgMinPerL = 10;
                    p.InletHeadMmHg = 0; p.StrokeVolumeMl = 40; break;
                case CircuitKind.CardioplegiaAntegrade:
                    // 0.3 L/min into the aortic root (~70 mmHg); delivery cannula ~100 mmHg → line ≈ 200.
                    p.Source = BloodSource.Bag; p.Device = CircuitDevice.None; p.Pump = PumpKind.Roller;
                    p.ArterialTubingIdIn = 0.25; p.DetectorToPatientCm = 100; p.PumpToDetectorMl = 60; p.AirSiteToDetectorCm = 30;
                    p.OtherTubingCm = 100; p.PatientResistanceMmHgMinPerL = 233; p.PatientComplianceMlPerMmHg = 0.1; p.PatientVenousMmHg = 0;
                    p.OutletComplianceMlPerMmHg = 0.01; p.CannulaKMmHgPerLPerMin2 = 1100; p.DeviceResistanceMmHgMinPerL = 60;
                    p.InletHeadMmHg = 20; p.StrokeVolumeMl = 12; p.OtherArterialFlowLPerMin = 4.5; break;
                case CircuitKind.CardioplegiaRetrograde:
                    // 0.2 L/min into the coronary sinus at ~36 mmHg (DOMAIN.md: about 40, > 50 risks injury; the
                    // profile's servo starts at 42).
                    p.Source = BloodSource.Bag; p.Device = CircuitDevice.None; p.Pump = PumpKind.Roller;
                    p.ArterialTubingIdIn = 0.25; p.DetectorToPatientCm = 100; p.PumpToDetectorMl = 60; p.AirSiteToDetectorCm = 30;
                    p.OtherTubingCm = 100; p.PatientResistanceMmHgMinPerL = 180; p.PatientComplianceMlPerMmHg = 0.05; p.PatientVenousMmHg = 0;
                    p.OutletComplianceMlPerMmHg = 0.01; p.CannulaKMmHgPerLPerMin2 = 2500; p.DeviceResistanceMmHgMinPerL = 60;
                    p.InletHeadMmHg = 20; p.StrokeVolumeMl = 12; p.OtherArterialFlowLPerMin = 4.5; break;
                case CircuitKind.Hemoperfusion:
                    // 0.2 L/min: access ≈ −95, column 50, return cannula 100 → p_pre_column ≈ 160, p_return ≈ 105.
                    p.Source = BloodSource.PatientVeins; p.Device = CircuitDevice.Column; p.Pump = PumpKind.Roller;
                    p.ArterialTubingIdIn = 0.25; p.DetectorToPatientCm = 100; p.PumpToDetectorMl = 200; p.AirSiteToDetectorCm = 30;
                    p.OtherTubingCm = 150; p.PatientResistanceMmHgMinPerL = 1; p.PatientComplianceMlPerMmHg = 5; p.PatientVenousMmHg = 5;
                    p.OutletComplianceMlPerMmHg = 0.01; p.CannulaKMmHgPerLPerMin2 = 2500; p.InletKMmHgPerLPerMin2 = 2500;
                    p.DeviceResistanceMmHgMinPerL = 250; p.InletHeadMmHg = 0; p.StrokeVolumeMl = 12; break;
            }

            return p;
        }
    }
}
