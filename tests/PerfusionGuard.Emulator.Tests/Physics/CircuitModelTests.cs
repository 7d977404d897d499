using System;
using PerfusionGuard.Channels;
using PerfusionGuard.Emulator.Physics;
using PerfusionGuard.Profiles;
using Xunit;
using Xunit.Abstractions;

namespace PerfusionGuard.Emulator.Tests.Physics
{
    public class CircuitModelTests
    {
        private readonly ITestOutputHelper _out;

        public CircuitModelTests(ITestOutputHelper output) => _out = output;

        private static CircuitModel Running(CircuitKind circuit, double rpm)
        {
            var model = new CircuitModel(CircuitParameters.DefaultsFor(circuit), 1);
            model.SettleAt(rpm);
            return model;
        }

        [Fact]
        public void Roller_flow_is_stroke_volume_times_rpm_regardless_of_afterload()
        {
            var pump = new RollerPump(40);
            double free = pump.FlowMlPerSec(125, 100, 0);
            double loaded = pump.FlowMlPerSec(125, 450, 0);
            Assert.Equal(40 * 125 / 60.0, free, 9);
            Assert.Equal(free, loaded, 9);
        }

        [Fact]
        public void Roller_keeps_its_flow_against_a_partial_occlusion_while_pressure_climbs()
        {
            var model = Running(CircuitKind.AdultCpb, 125);
            double before = model.OutletMmHg;
            model.Occlude(LineSite.ArterialLine, 0.9);
            for (int i = 0; i < 3000; i++)
            {
                model.Step(0.001, true, 125, false);
            }

            Assert.Equal(5.0, Hydraulics.LPerMin(model.PumpFlowMlPerSec), 2);
            Assert.Equal(5.0, Hydraulics.LPerMin(model.LineFlowMlPerSec), 1);
            Assert.True(model.OutletMmHg > before + 50, $"p_arterial {before:F0} -> {model.OutletMmHg:F0}");
        }

        [Fact]
        public void Full_arterial_occlusion_with_a_roller_pump_raises_pressure_by_hundreds_of_mmHg_within_half_a_second()
        {
            var model = Running(CircuitKind.AdultCpb, 125);
            double before = model.OutletMmHg;
            model.Occlude(LineSite.ArterialLine, 1.0);
            for (int i = 0; i < 500; i++)
            {
                model.Step(0.001, true, 125, false);
            }

            Assert.True(model.OutletMmHg > before + 300, $"p_arterial {before:F0} -> {model.OutletMmHg:F0}");
        }

        [Fact]
        public void Oxygenator_drop_at_5_L_per_min_is_about_89_mmHg()
        {
            Assert.Equal(89.3, OxygenatorModel.DropMmHg(5.0), 1);
            var model = Running(CircuitKind.AdultCpb, 125);
            double drop = model.PressureMmHg(ChannelId.PArterial) - model.PressureMmHg(ChannelId.PPostOxygenator);
            Assert.InRange(drop, 87, 92);
        }

        [Fact]
        public void Adult_steady_state_pressures_are_in_the_clinical_ranges_of_DOMAIN_md()
        {
            var model = Running(CircuitKind.AdultCpb, 125);
            _out.WriteLine($"p_art {model.OutletMmHg:F1} post {model.PressureMmHg(ChannelId.PPostOxygenator):F1} pat {model.PatientMmHg:F1} ven {model.PressureMmHg(ChannelId.PVenous):F1} q {Hydraulics.LPerMin(model.LineFlowMlPerSec):F2}");
            Assert.InRange(model.OutletMmHg, 150, 300);
            Assert.InRange(model.PatientMmHg, 60, 90);
        }

        [Theory]
        [InlineData(CircuitKind.PediatricCpb, 83.3)]
        [InlineData(CircuitKind.Ecmo, 2800)]
        [InlineData(CircuitKind.CardioplegiaAntegrade, 25)]
        [InlineData(CircuitKind.CardioplegiaRetrograde, 16.7)]
        [InlineData(CircuitKind.Hemoperfusion, 16.7)]
        public void Every_circuit_settles_to_plausible_pressures(CircuitKind circuit, double rpm)
        {
            var model = Running(circuit, rpm);
            _out.WriteLine($"{circuit}: outlet {model.OutletMmHg:F1} sec {model.PressureMmHg(ChannelId.PPostOxygenator):F1}/{model.PressureMmHg(ChannelId.PReturn):F1} patient {model.PatientMmHg:F1} inlet {model.InletMmHg:F1} venous {model.PressureMmHg(ChannelId.PVenous):F1} q {Hydraulics.LPerMin(model.LineFlowMlPerSec):F3}");
            Assert.InRange(model.OutletMmHg, 20, 350);
            Assert.True(model.LineFlowMlPerSec > 0);
        }

        [Fact]
        public void Centrifugal_pump_flows_backwards_when_slowed_below_the_arterial_pressure()
        {
            var model = Running(CircuitKind.Ecmo, 2800);
            Assert.True(model.LineFlowMlPerSec > 0);
            for (int i = 0; i < 5000; i++)
            {
                model.Step(0.001, true, 500, false);
            }

            Assert.True(model.LineFlowMlPerSec < 0, $"flow {Hydraulics.LPerMin(model.LineFlowMlPerSec):F2} L/min");
        }

        [Fact]
        public void Air_travels_with_the_blood_and_takes_the_line_volume_over_the_flow_to_reach_the_patient()
        {
            var air = new AirTransport(detectorMl: 10, patientMl: 110);
            air.Inject(1.0, 1.0);
            double flow = 100; // ml/s
            double t = 0;
            while (air.ToPatientMl == 0)
            {
                air.Advance(flow * 0.001);
                t += 0.001;
            }

            // Front from 1 ml to 110 ml at 100 ml/s: 1.09 s of transport delay.
            Assert.InRange(t, 1.085, 1.095);
            Assert.Equal(1.0, air.PastDetectorMl, 6);
        }

        [Fact]
        public void Air_crossing_time_inside_a_step_is_interpolated()
        {
            var air = new AirTransport(detectorMl: 10, patientMl: 110);
            air.Inject(9.9, 0.5);
            double fraction = air.Advance(0.4);
            Assert.Equal(0.25, fraction, 9);
        }

        [Fact]
        public void Air_stops_moving_when_the_flow_stops_and_only_what_crossed_the_patient_connection_counts()
        {
            var air = new AirTransport(detectorMl: 10, patientMl: 20);
            air.Inject(9.0, 2.0);
            air.Advance(2.0);
            Assert.Equal(1.0, air.PastDetectorMl, 9);
            air.Advance(0);
            Assert.Equal(1.0, air.PastDetectorMl, 9);
            air.Advance(10.5);
            Assert.Equal(1.5, air.ToPatientMl, 9);
            Assert.Equal(2.0, air.PastDetectorMl, 9);
        }

        [Fact]
        public void A_dry_reservoir_makes_a_roller_pump_pump_air()
        {
            var model = Running(CircuitKind.AdultCpb, 125);
            model.SetVenousReturn(0);
            for (int i = 0; i < 25000 && model.Air.PastDetectorMl == 0; i++)
            {
                model.Step(0.001, true, 125, false);
            }

            Assert.True(model.ReservoirMl < 40);
            Assert.True(model.Air.PastDetectorMl > 0);
        }

        [Fact]
        public void A_stopped_roller_stops_within_tens_of_milliseconds()
        {
            var model = Running(CircuitKind.AdultCpb, 125);
            for (int i = 0; i < 40; i++)
            {
                model.Step(0.001, false, 125, false);
            }

            Assert.True(model.Drive.Rpm < 1, $"rpm {model.Drive.Rpm:F2}");
        }

        [Fact]
        public void A_disconnected_arterial_line_collapses_the_pressure_and_loses_blood()
        {
            var model = Running(CircuitKind.AdultCpb, 125);
            double before = model.OutletMmHg;
            model.Disconnect(LineSite.ArterialLine);
            for (int i = 0; i < 2000; i++)
            {
                model.Step(0.001, true, 125, false);
            }

            Assert.True(model.OutletMmHg < before - 50, $"{before:F0} -> {model.OutletMmHg:F0}");
            Assert.True(model.BloodLostMl > 100);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-009")]
        public void Hemoperfusion_access_pressure_falls_with_pump_suction_and_access_occlusion_and_stays_steady_when_sucked_shut()
        {
            // 12 ml/rev: 16.7 rpm = 0.2 L/min, 25 rpm = 0.3 L/min.
            var model = Running(CircuitKind.Hemoperfusion, 16.7);
            double nominal = model.PressureMmHg(ChannelId.PAccess);
            Assert.InRange(nominal, -110, -80); // DOMAIN-style access at 0.2 L/min: about -95

            var faster = Running(CircuitKind.Hemoperfusion, 25);
            Assert.True(faster.PressureMmHg(ChannelId.PAccess) < nominal - 80, "more suction at 0.3 L/min: " + faster.PressureMmHg(ChannelId.PAccess));
            Assert.True(model.PressureMmHg(ChannelId.PPreColumn) > 0, "the pre-column pressure is after the pump and positive");

            model.Occlude(LineSite.VenousLine, 0.5);
            Step(model, 16.7, 2000);
            Assert.InRange(model.PressureMmHg(ChannelId.PAccess), -420, -370);

            // Sucked shut: the raceway collapses, the flow nearly stops, the access reading is steady.
            model.Occlude(LineSite.VenousLine, 1.0);
            Step(model, 16.7, 2000);
            double low = double.MaxValue, high = double.MinValue;
            for (int i = 0; i < 200; i++)
            {
                model.Step(0.001, true, 16.7, false);
                low = Math.Min(low, model.PressureMmHg(ChannelId.PAccess));
                high = Math.Max(high, model.PressureMmHg(ChannelId.PAccess));
            }

            Assert.True(high < -500, "access " + high);
            Assert.True(high - low < 1, $"access oscillates between {low:F0} and {high:F0}");
            Assert.True(model.PumpFlowMlPerSec < 0.2 * 1000 / 60 * 0.05, "flow " + model.PumpFlowMlPerSec);
        }

        private static void Step(CircuitModel model, double rpm, int steps)
        {
            for (int i = 0; i < steps; i++)
            {
                model.Step(0.001, true, rpm, false);
            }
        }
    }
}
