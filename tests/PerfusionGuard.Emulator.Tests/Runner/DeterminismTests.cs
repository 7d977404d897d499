using System.IO;
using System.Text.RegularExpressions;
using PerfusionGuard.Emulator.Runner;
using PerfusionGuard.Emulator.Scenarios;
using Xunit;

namespace PerfusionGuard.Emulator.Tests.Runner
{
    public class DeterminismTests
    {
        private static string WithoutWallTime(string json) => Regex.Replace(json, "\"wall_s\": [0-9.eE+-]+", "\"wall_s\": 0");

        [Fact]
        public void Same_file_and_seed_give_a_byte_identical_result_apart_from_wall_time()
        {
            Scenario scenario = DefaultScenario.Load();
            string first = ResultWriter.ToJson(ScenarioRunner.Run(scenario, new RunOptions { RecordTrace = false }));
            string second = ResultWriter.ToJson(ScenarioRunner.Run(DefaultScenario.Load(), new RunOptions { RecordTrace = false }));
            Assert.Equal(WithoutWallTime(first), WithoutWallTime(second));
        }

        [Fact]
        public void Another_seed_changes_the_sensor_noise_and_so_the_result()
        {
            Scenario scenario = DefaultScenario.Load();
            string a = ResultWriter.ToJson(ScenarioRunner.Run(scenario, new RunOptions { RecordTrace = false, Seed = 1 }));
            string b = ResultWriter.ToJson(ScenarioRunner.Run(scenario, new RunOptions { RecordTrace = false, Seed = 2 }));
            Assert.NotEqual(WithoutWallTime(a), WithoutWallTime(b));
            Assert.Contains("\"seed\": 2", b);
        }
    }
}
