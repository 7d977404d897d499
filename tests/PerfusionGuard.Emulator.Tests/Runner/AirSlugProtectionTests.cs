using System.Globalization;
using System.Text;
using PerfusionGuard.Emulator.Runner;
using PerfusionGuard.Emulator.Scenarios;
using Xunit;
using Xunit.Abstractions;

namespace PerfusionGuard.Emulator.Tests.Runner
{
    /// <summary>
    /// Issue 4: an air slug of 0.3 ml or more at up to 6 L/min in 3/8" line never reaches the patient.
    /// Each case runs the real core on the virtual board; 150 cm of 3/8" line lies between the detector
    /// and the patient (DOMAIN.md velocities: 107 ml of line).
    /// </summary>
    public class AirSlugProtectionTests
    {
        private readonly ITestOutputHelper _out;

        public AirSlugProtectionTests(ITestOutputHelper output) => _out = output;

        [Theory]
        [InlineData(0.3, 1.0)]
        [InlineData(0.3, 3.0)]
        [InlineData(0.3, 6.0)]
        [InlineData(0.5, 6.0)]
        [InlineData(2.0, 6.0)]
        [InlineData(10.0, 6.0)]
        [InlineData(30.0, 4.5)]
        [Trait("Requirement", "SAF-AIR-001")]
        public void Air_slug_in_three_eighths_line_never_reaches_the_patient(double slugMl, double flowLPerMin)
        {
            string json = string.Format(CultureInfo.InvariantCulture, @"{{ ""name"": ""slug"", ""circuit"": ""adult-cpb"", ""duration_s"": 40,
                ""circuit_params"": {{ ""arterial_tubing_id_in"": 0.375, ""detector_to_patient_cm"": 150, ""patient_resistance_mmHg_min_per_l"": 8 }},
                ""pump"": {{ ""kind"": ""roller"", ""flow_l_min"": {1} }},
                ""timeline"": [ {{ ""t_s"": 20, ""do"": ""inject_air"", ""site"": ""arterial_line"", ""volume_ml"": {0} }} ] }}", slugMl, flowLPerMin);
            RunResult r = ScenarioRunner.Run(ScenarioParser.Parse(Encoding.UTF8.GetBytes(json), "slug.json"), new RunOptions { RecordTrace = false });
            _out.WriteLine($"{slugMl} ml at {flowLPerMin} L/min: past detector {r.Outcomes.AirPastDetectorMl:F4} ml, to patient {r.Outcomes.AirToPatientMl:F4} ml, latency {r.Outcomes.MaxStopLatencyMs} ms");
            Assert.Equal(1, r.Outcomes.PumpStops);
            Assert.True(r.Outcomes.AirPastDetectorMl > 0, "the slug must have reached the detector");
            Assert.Equal(0.0, r.Outcomes.AirToPatientMl);
        }
    }
}
