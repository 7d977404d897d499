using System.Collections.Generic;
using System.IO;
using System.Linq;
using PerfusionGuard.Emulator.Runner;
using PerfusionGuard.Emulator.Scenarios;
using Xunit;
using Xunit.Abstractions;

namespace PerfusionGuard.Emulator.Tests.Runner
{
    /// <summary>
    /// Every scenario shipped under tests/scenarios runs on the real core and every expectation holds.
    /// The scenarios name the requirement ids they verify (their "requirements" field), which the
    /// traceability test reads.
    /// </summary>
    public class ShippedScenarioTests
    {
        private readonly ITestOutputHelper _out;

        public ShippedScenarioTests(ITestOutputHelper output) => _out = output;

        public static IEnumerable<object[]> Files()
            => Directory.GetFiles(RepoPaths.Scenarios, "*.json").OrderBy(f => f, System.StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

        [Theory]
        [MemberData(nameof(Files))]
        public void Shipped_scenario_runs_and_every_expectation_holds(string file)
        {
            Scenario scenario = ScenarioParser.ParseFile(Path.Combine(RepoPaths.Scenarios, file));
            Assert.NotEmpty(scenario.Requirements);
            Assert.NotEmpty(scenario.Expectations);
            RunResult result = ScenarioRunner.Run(scenario, new RunOptions { RecordTrace = false });
            _out.WriteLine($"{file}: {result.SimulatedS} s in {result.WallS:F2} s ({result.SpeedRatio:F0}x), stops {result.Outcomes.PumpStops}, air past detector {result.Outcomes.AirPastDetectorMl:F4} ml, to patient {result.Outcomes.AirToPatientMl:F4} ml");
            foreach (RunEvent e in result.Events.Where(e => e.Kind == "pump_stop" || e.Kind == "selftest"))
            {
                _out.WriteLine("  " + e);
            }

            foreach (ExpectationResult e in result.Expectations)
            {
                _out.WriteLine($"  [{(e.Held ? "ok" : "FAIL")}] {e.Detail}");
            }

            Assert.True(result.Passed, string.Join("\n", result.Expectations.Where(e => !e.Held).Select(e => e.Expectation.Raw + " -> " + e.Detail)));
        }
    }
}
