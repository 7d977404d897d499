using System;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;

namespace PerfusionGuard.Emulator.Physics
{
    /// <summary>
    /// The lumped model of one extracorporeal circuit, stepped at a fixed 1 ms (or shorter sub-steps
    /// around air-detector edges). Nodes: the pump outlet (compliance: device housing and tubing) and the
    /// patient (resistance and compliance); the line between them carries an inertial flow through the
    /// device, filter, tubing, cannula, occlusions and the clamp, integrated semi-implicitly so that a
    /// full occlusion is stable. The pump draws from the reservoir, the patient's veins or a bag.
    /// Deterministic: no clock, no randomness except the seeded microbubble stream. Allocation-free per step.
    /// </summary>
    public sealed class CircuitModel
    {
        private const double ClosedResistance = 1e7;
        private readonly CircuitParameters _p;
        private readonly RollerPump _roller;
        private readonly CentrifugalPump _centrifugal;
        private readonly double _tubingR;
        private readonly double _lineL;
        private readonly double _pumpL;
        private readonly double _filterR;
        private readonly double _deviceR;
        private readonly double _cannulaK;
        private readonly double _cannulaLinearR;
        private readonly double _inletK;
        private readonly double _centrifugalB;
        private readonly double _patientR;
        private readonly double _occlusionRefR;
        private readonly double[] _occlusion = new double[7];
        private readonly bool[] _disconnected = new bool[7];
        private readonly double _airSiteMl;
        private double _deviceClotFactor = 1.0;
        private double _deviceClotRatePerSec;
        private double _fixedVenousReturnMlPerSec = double.NaN;
        private double _autoVenousReturnMlPerSec;
        private double _microbubblesPerSec;
        private ulong _bubbleRng;
        private double _rollerPhaseRad;
        private double _alpha;
        private readonly double _nativeMlPerSec;

        /// <summary>Builds the circuit at steady state with the pump standing.</summary>
        public CircuitModel(CircuitParameters parameters, ulong seed)
        {
            _p = parameters;
            _roller = new RollerPump(parameters.StrokeVolumeMl);
            _centrifugal = new CentrifugalPump(parameters.CentrifugalAMmHgPerRpm2, parameters.CentrifugalBMmHgPerLPerMin2);
            double lineCm = parameters.DetectorToPatientCm + parameters.OtherTubingCm;
            _tubingR = Hydraulics.PoiseuilleResistance(parameters.ArterialTubingIdIn, lineCm);
            _lineL = Hydraulics.Inertance(parameters.ArterialTubingIdIn, lineCm);
            _pumpL = Hydraulics.Inertance(0.375, 100);
            _occlusionRefR = Hydraulics.PoiseuilleResistance(parameters.ArterialTubingIdIn, 10);
            _filterR = parameters.FilterMmHgPerLPerMin / Hydraulics.MlPerSecPerLPerMin;
            _deviceR = Hydraulics.ResistanceFromMmHgMinPerL(parameters.DeviceResistanceMmHgMinPerL);
            double perMl2 = 1.0 / (Hydraulics.MlPerSecPerLPerMin * Hydraulics.MlPerSecPerLPerMin);
            _cannulaK = parameters.CannulaKMmHgPerLPerMin2 * perMl2;
            _inletK = parameters.InletKMmHgPerLPerMin2 * perMl2;
            _cannulaLinearR = parameters.CannulaLinearMmHgPerLPerMin / Hydraulics.MlPerSecPerLPerMin;
            _centrifugalB = parameters.CentrifugalBMmHgPerLPerMin2 * perMl2;
            _nativeMlPerSec = Hydraulics.MlPerSec(parameters.NativeFlowLPerMin);
            _patientR = Hydraulics.ResistanceFromMmHgMinPerL(parameters.PatientResistanceMmHgMinPerL);
            bool roller = parameters.Pump == PumpKind.Roller;
            Drive = roller
                ? new PumpDrive(parameters.RollerStopTauMs / 1000.0, 60.0, 0.1)
                : new PumpDrive(parameters.CentrifugalStopTauMs / 1000.0, 4000.0, 0.3);
            double detectorMl = parameters.PumpToDetectorMl;
            double patientMl = detectorMl + Hydraulics.VolumeMl(parameters.ArterialTubingIdIn, parameters.DetectorToPatientCm);
            Air = new AirTransport(detectorMl, patientMl) { DetectableMinMl = parameters.DetectorMinSlugMl };
            _airSiteMl = Math.Max(0, detectorMl - Hydraulics.VolumeMl(parameters.ArterialTubingIdIn, parameters.AirSiteToDetectorCm));
            ReservoirMl = parameters.Source == BloodSource.Reservoir ? parameters.ReservoirMl : 0;
            PatientMmHg = parameters.PatientVenousMmHg;
            OutletMmHg = PatientMmHg;
            _bubbleRng = seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL;
        }

        /// <summary>The parameters the model was built with.</summary>
        public CircuitParameters Parameters => _p;

        /// <summary>The pump motor.</summary>
        public PumpDrive Drive { get; }

        /// <summary>Air in the line after the pump.</summary>
        public AirTransport Air { get; }

        /// <summary>Flow through the pump head, ml/s (negative: centrifugal backflow).</summary>
        public double PumpFlowMlPerSec { get; private set; }

        /// <summary>Flow in the line toward the patient, ml/s.</summary>
        public double LineFlowMlPerSec { get; private set; }

        /// <summary>Pressure at the pump outlet node, mmHg (p_arterial, p_cardioplegia, p_pre_column).</summary>
        public double OutletMmHg { get; private set; }

        /// <summary>Pressure of the patient node (aortic root, coronary sinus, vein), mmHg.</summary>
        public double PatientMmHg { get; private set; }

        /// <summary>Pressure at the pump inlet, mmHg.</summary>
        public double InletMmHg { get; private set; }

        /// <summary>Reservoir blood volume, ml (0 without a reservoir).</summary>
        public double ReservoirMl { get; private set; }

        /// <summary>Venous return into the reservoir, ml/s.</summary>
        public double VenousReturnMlPerSec { get; private set; }

        /// <summary>Blood lost through disconnections, ml.</summary>
        public double BloodLostMl { get; private set; }

        /// <summary>Venous air trapped (defoamed) by the reservoir, ml.</summary>
        public double AirTrappedInReservoirMl { get; private set; }

        /// <summary>Microbubbles that crossed the detector (edges of its microbubble output).</summary>
        public long MicrobubblesCounted { get; private set; }

        /// <summary>Fraction of air in what the pump draws (a dry reservoir, a sucking venous disconnection).</summary>
        public double EntrainedAirFraction => _alpha;

        /// <summary>Current resistance multiplier of the device (oxygenator / column) from clotting.</summary>
        public double DeviceClotFactor => _deviceClotFactor;

        /// <summary>Sets the partial (0..1) occlusion at a site; 1 is fully closed.</summary>
        public void Occlude(LineSite site, double fraction) => _occlusion[(int)site] = Math.Clamp(fraction, 0, 1);

        /// <summary>Releases an occlusion and reconnects a disconnection at a site.</summary>
        public void Release(LineSite site)
        {
            _occlusion[(int)site] = 0;
            _disconnected[(int)site] = false;
        }

        /// <summary>Disconnects the line at a site: it opens to atmosphere and loses blood.</summary>
        public void Disconnect(LineSite site) => _disconnected[(int)site] = true;

        /// <summary>Starts clotting of the device: its resistance grows by <paramref name="factorPerMin"/> per minute.</summary>
        public void StartClotting(double factorPerMin) => _deviceClotRatePerSec = factorPerMin / 60.0;

        /// <summary>Fixes venous return at <paramref name="flowLPerMin"/>; NaN returns to automatic (follows the patient's outflow).</summary>
        public void SetVenousReturn(double flowLPerMin)
            => _fixedVenousReturnMlPerSec = double.IsNaN(flowLPerMin) ? double.NaN : Hydraulics.MlPerSec(flowLPerMin);

        /// <summary>Sets the reservoir vacuum (vacuum-assisted venous drainage), mmHg.</summary>
        public void SetVacuum(double vacuumMmHg) => _p.VacuumMmHg = vacuumMmHg;

        /// <summary>Sets a stream of microbubbles passing the detector.</summary>
        public void SetMicrobubbles(double perMinute) => _microbubblesPerSec = perMinute / 60.0;

        /// <summary>Puts the circuit at its steady state for the pump at <paramref name="rpm"/> (a primed, running circuit at t = 0).</summary>
        public void SettleAt(double rpm, double seconds = 20)
        {
            Drive.Rpm = rpm;
            _autoVenousReturnMlPerSec = _p.Pump == PumpKind.Roller ? _roller.FlowMlPerSec(rpm, 0, 0) : 0;
            double reservoir = ReservoirMl;
            int steps = (int)(seconds * 1000);
            for (int i = 0; i < steps; i++)
            {
                Step(0.001, true, rpm, false);
            }

            ReservoirMl = reservoir;
            BloodLostMl = 0;
        }

        /// <summary>
        /// A primed circuit with the pump standing, ready to start at <paramref name="rpm"/>: automatic
        /// venous return is already at the flow that speed gives, as when the perfusionist opens the
        /// venous line while starting the arterial pump.
        /// </summary>
        public void Prime(double rpm)
        {
            Drive.Rpm = 0;
            _autoVenousReturnMlPerSec = _p.Pump == PumpKind.Roller ? _roller.FlowMlPerSec(rpm, 0, 0) * 0.5 : 0;
        }

        /// <summary>True for channels that read the pump-outlet node.</summary>
        public static bool IsOutletChannel(ChannelId channel)
            => channel == ChannelId.PArterial || channel == ChannelId.PCardioplegia || channel == ChannelId.PPreColumn;

        /// <summary>Injects air at a site.</summary>
        public void InjectAir(LineSite site, double volumeMl)
        {
            switch (site)
            {
                case LineSite.VenousLine when _p.Source == BloodSource.Reservoir:
                case LineSite.Reservoir:
                    // A hard-shell reservoir defoams venous air while its level is above the minimum
                    // operating level; below it, the air reaches the outlet (DOMAIN.md, reservoir).
                    if (ReservoirMl >= _p.ReservoirMinOperatingMl)
                    {
                        AirTrappedInReservoirMl += volumeMl;
                    }
                    else
                    {
                        Air.Inject(volumeMl, volumeMl);
                    }

                    break;
                case LineSite.VenousLine:
                case LineSite.ColumnInlet:
                    Air.Inject(volumeMl, volumeMl);
                    break;
                default:
                    Air.Inject(_airSiteMl, volumeMl);
                    break;
            }
        }

        /// <summary>Seconds until an air front or tail reaches the detector at the current flow.</summary>
        public double SecondsUntilDetectorEdge() => Air.SecondsUntilDetectorEdge(LineFlowMlPerSec);

        /// <summary>
        /// Advances the model by <paramref name="dtSec"/>. <paramref name="pumpEnabled"/> is the physical
        /// pump-enable line, <paramref name="targetRpm"/> the speed the console asks (after the speed
        /// limit), <paramref name="clampClosed"/> the line clamp. Returns the fraction of the step at which
        /// an air front crossed the detector, or −1.
        /// </summary>
        public double Step(double dtSec, bool pumpEnabled, double targetRpm, bool clampClosed)
        {
            Drive.Advance(dtSec, pumpEnabled, targetRpm);
            double rpm = Drive.Rpm;

            // Inlet.
            double inletMmHg;
            _alpha = 0;
            switch (_p.Source)
            {
                case BloodSource.Reservoir:
                    inletMmHg = _p.InletHeadMmHg - _p.VacuumMmHg;
                    if (ReservoirMl < _p.ReservoirEntrainMl)
                    {
                        _alpha = 1.0 - ReservoirMl / _p.ReservoirEntrainMl;
                    }

                    break;
                case BloodSource.PatientVeins:
                    double f = _occlusion[(int)LineSite.VenousLine];
                    double k = f >= 0.999 ? 1e6 * _inletK + 1 : _inletK / ((1 - f) * (1 - f));
                    double q = PumpFlowMlPerSec;
                    inletMmHg = _p.PatientVenousMmHg + _p.InletHeadMmHg - k * q * Math.Abs(q);
                    if (_disconnected[(int)LineSite.VenousLine])
                    {
                        _alpha = 0.3;
                        inletMmHg = 0;
                    }

                    break;
                default:
                    inletMmHg = _p.InletHeadMmHg;
                    break;
            }

            InletMmHg = inletMmHg;

            // Pump.
            double qPump;
            if (_p.Pump == PumpKind.Roller && _p.Source == BloodSource.PatientVeins && !_disconnected[(int)LineSite.VenousLine])
            {
                // Drawing through the access catheter: the pump's suction sets the access (inlet)
                // pressure, which falls with the flow and with an occluded access (p_access).
                double f = _occlusion[(int)LineSite.VenousLine];
                double k = f >= 0.999 ? 1e6 * _inletK + 1 : _inletK / ((1 - f) * (1 - f));
                qPump = RollerPump.FlowDrawingThrough(_roller.FlowMlPerSec(rpm, OutletMmHg, 0), _p.PatientVenousMmHg + _p.InletHeadMmHg, k, out inletMmHg);
                InletMmHg = inletMmHg;
                qPump = Pulsed(qPump, rpm, dtSec);
            }
            else if (_p.Pump == PumpKind.Roller)
            {
                qPump = _roller.FlowMlPerSec(rpm, OutletMmHg, inletMmHg);
                qPump = Pulsed(qPump, rpm, dtSec);
            }
            else
            {
                double f = _p.Source == BloodSource.PatientVeins ? _occlusion[(int)LineSite.VenousLine] : 0;
                double inletK = _p.Source == BloodSource.PatientVeins
                    ? (f >= 0.999 ? 1e6 * _inletK + 1 : _inletK / ((1 - f) * (1 - f)))
                    : 0;
                double sourceMmHg = _p.Source == BloodSource.PatientVeins ? _p.PatientVenousMmHg + _p.InletHeadMmHg : inletMmHg;
                double q = PumpFlowMlPerSec;
                double headMmHg = _centrifugal.AMmHgPerRpm2 * rpm * rpm * (1.0 - _alpha);
                double dampK = _centrifugalB + inletK;
                double residual = sourceMmHg + headMmHg - dampK * q * Math.Abs(q) - OutletMmHg;
                double slope = 2 * dampK * Math.Abs(q);
                qPump = q + dtSec / _pumpL * residual / (1 + dtSec / _pumpL * slope);
            }

            PumpFlowMlPerSec = qPump;

            // Line: semi-implicit in every resistance so that a full occlusion or a closed clamp is stable.
            double qLine = LineFlowMlPerSec;
            bool downstreamOpen = _disconnected[(int)LineSite.ArterialLine] || _disconnected[(int)LineSite.CardioplegiaLine] || _disconnected[(int)LineSite.ReturnLine];
            UpstreamLinearization(qLine, out double upR, out double upOffset);
            double downR = DownstreamResistance(qLine, clampClosed, downstreamOpen);
            double endMmHg = downstreamOpen ? 0 : PatientMmHg;
            qLine = (qLine + dtSec / _lineL * (OutletMmHg - endMmHg - upOffset)) / (1 + dtSec / _lineL * (upR + downR));
            LineFlowMlPerSec = qLine;

            OutletMmHg += dtSec * (qPump - qLine) / _p.OutletComplianceMlPerMmHg;

            double patientInflow = downstreamOpen ? 0 : qLine;
            if (downstreamOpen && qLine > 0)
            {
                BloodLostMl += qLine * dtSec;
            }

            double patientOutflow = (PatientMmHg - _p.PatientVenousMmHg) / _patientR;
            PatientMmHg += dtSec * (patientInflow + _nativeMlPerSec - patientOutflow) / _p.PatientComplianceMlPerMmHg;

            // Reservoir and venous return.
            if (_p.Source == BloodSource.Reservoir)
            {
                _autoVenousReturnMlPerSec += dtSec / _p.VenousReturnTauSec * (patientOutflow - _autoVenousReturnMlPerSec);
                double vr = double.IsNaN(_fixedVenousReturnMlPerSec) ? _autoVenousReturnMlPerSec : _fixedVenousReturnMlPerSec;
                vr *= 1.0 - _occlusion[(int)LineSite.VenousLine];
                if (_disconnected[(int)LineSite.VenousLine])
                {
                    vr = 0;
                }

                VenousReturnMlPerSec = vr < 0 ? 0 : vr;
                double drawn = qPump > 0 ? (1.0 - _alpha) * qPump : qPump;
                double v = ReservoirMl + (VenousReturnMlPerSec - drawn) * dtSec;
                ReservoirMl = v < 0 ? 0 : (v > _p.ReservoirCapacityMl ? _p.ReservoirCapacityMl : v);
            }
            else
            {
                VenousReturnMlPerSec = qPump;
            }

            // Device clotting.
            if (_deviceClotRatePerSec > 0)
            {
                _deviceClotFactor += _deviceClotRatePerSec * dtSec;
            }

            // Air.
            double advance = qLine * dtSec;
            double crossing = Air.Advance(advance);
            if (_alpha > 0 && qPump > 0)
            {
                double airMl = _alpha * qPump * dtSec;
                Air.Inject(airMl, airMl, Math.Abs(advance));
            }

            if (_microbubblesPerSec > 0 && qLine > 0)
            {
                double expected = _microbubblesPerSec * dtSec;
                if (NextUniform() < expected)
                {
                    MicrobubblesCounted++;
                    Air.CountMicrobubble(_p.MicrobubbleMl);
                }
            }

            return crossing;
        }

        /// <summary>True pressure at a pressure channel's site, mmHg.</summary>
        public double PressureMmHg(ChannelId channel)
        {
            switch (channel)
            {
                case ChannelId.PArterial:
                case ChannelId.PCardioplegia:
                case ChannelId.PPreColumn:
                    return OutletMmHg;
                case ChannelId.PPostOxygenator:
                case ChannelId.PReturn:
                    UpstreamLinearization(LineFlowMlPerSec, out double r, out double offset);
                    return OutletMmHg - (r * LineFlowMlPerSec + offset);
                case ChannelId.PCoronarySinus:
                    return PatientMmHg;
                case ChannelId.PAccess:
                    // Between the access catheter and the pump: the pump's inlet.
                    return InletMmHg;
                case ChannelId.PVenous:
                    if (_p.Source == BloodSource.Reservoir)
                    {
                        // Venous line near the reservoir: vacuum, line drop, siphon against a kinked line.
                        return -_p.VacuumMmHg - 3.0 * Hydraulics.LPerMin(VenousReturnMlPerSec) - 40.0 * _occlusion[(int)LineSite.VenousLine];
                    }

                    return InletMmHg;
                default:
                    return 0;
            }
        }

        /// <summary>True flow at a flow channel, L/min.</summary>
        public double FlowLPerMin(ChannelId channel) => Hydraulics.LPerMin(LineFlowMlPerSec);

        private void UpstreamLinearization(double qMlPerSec, out double resistance, out double offsetMmHg)
        {
            resistance = 0;
            offsetMmHg = 0;
            if (_p.Device == CircuitDevice.Oxygenator)
            {
                OxygenatorModel.Linearize(qMlPerSec * _p.OxygenatorFlowScale, out double slope, out double offset);
                resistance = slope * _p.OxygenatorFlowScale * _p.OxygenatorDropScale * _deviceClotFactor;
                offsetMmHg = offset * _p.OxygenatorDropScale * _deviceClotFactor;
            }
            else
            {
                resistance = _deviceR * _deviceClotFactor;
            }

            resistance += OcclusionResistance(LineSite.ColumnInlet);
        }

        private double DownstreamResistance(double qMlPerSec, bool clampClosed, bool downstreamOpen)
        {
            double r = _tubingR + _filterR;
            if (!downstreamOpen)
            {
                r += _cannulaK * Math.Abs(qMlPerSec) + _cannulaLinearR;
            }

            r += OcclusionResistance(LineSite.ArterialLine) + OcclusionResistance(LineSite.CardioplegiaLine) + OcclusionResistance(LineSite.ReturnLine);
            if (clampClosed)
            {
                r += ClosedResistance;
            }

            return r;
        }

        private double OcclusionResistance(LineSite site)
        {
            double f = _occlusion[(int)site];
            if (f <= 0)
            {
                return 0;
            }

            if (f >= 0.999)
            {
                return ClosedResistance;
            }

            // Poiseuille: resistance goes with area⁻², so a lumen squeezed to (1 − f) costs 1/(1 − f)².
            double open = 1 - f;
            return _occlusionRefR * (1.0 / (open * open) - 1.0);
        }

        /// <summary>Each roller leaving the raceway makes a flow dip: a ripple at rollers × rpm / 60 Hz (off by default).</summary>
        private double Pulsed(double flowMlPerSec, double rpm, double dtSec)
        {
            if (_p.RollerPulsationFraction <= 0)
            {
                return flowMlPerSec;
            }

            _rollerPhaseRad += 2 * Math.PI * _p.RollerCount * rpm / 60.0 * dtSec;
            if (_rollerPhaseRad > 2 * Math.PI)
            {
                _rollerPhaseRad -= 2 * Math.PI;
            }

            return flowMlPerSec * (1.0 + _p.RollerPulsationFraction * Math.Sin(_rollerPhaseRad));
        }

        private double NextUniform()
        {
            // SplitMix64: fast, seeded, identical on every platform.
            ulong z = _bubbleRng += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / 9007199254740992.0);
        }
    }
}
