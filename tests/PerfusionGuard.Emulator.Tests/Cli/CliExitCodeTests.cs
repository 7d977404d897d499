using System.IO;
using PerfusionGuard.Cli.Commands;
using Xunit;

namespace PerfusionGuard.Emulator.Tests.Cli
{
    /// <summary>`run` exits 0 when every expectation held, 1 when one failed, 2 for an invalid scenario (issue 4).</summary>
    public class CliExitCodeTests
    {
        private static (int code, string output, string error) Run(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            int code = new RunCommand(output, error).Run(args);
            return (code, output.ToString(), error.ToString());
        }

        private static string Temp(string name, string content)
        {
            string dir = Path.Combine(Path.GetTempPath(), "pg-emulator-tests");
            Directory.CreateDirectory(dir);
            string path = Path.Combine(dir, name);
            File.WriteAllText(path, content);
            return path;
        }

        private const string Short = @"{ ""name"": ""cli-short"", ""circuit"": ""adult-cpb"", ""duration_s"": 5,
  ""expect"": [ { ""max"": ""pump_stops"", ""value"": MAX } ] }";

        [Fact]
        public void Run_exits_0_when_every_expectation_held_and_prints_the_speed_ratio()
        {
            string result = Path.Combine(Path.GetTempPath(), "pg-emulator-tests", "ok.result.json");
            var (code, output, _) = Run(Temp("ok.json", Short.Replace("MAX", "0")), "--result", result);
            Assert.Equal(0, code);
            Assert.Contains("× real time", output);
            Assert.Contains("PASSED", output);
            Assert.True(File.Exists(result));
        }

        [Fact]
        public void Run_exits_1_when_an_expectation_failed()
        {
            var (code, output, _) = Run(Temp("fail.json", Short.Replace("MAX", "-1")), "--result", Path.Combine(Path.GetTempPath(), "pg-emulator-tests", "fail.result.json"));
            Assert.Equal(1, code);
            Assert.Contains("FAILED", output);
        }

        [Fact]
        public void Run_exits_2_for_an_invalid_scenario_naming_file_and_line()
        {
            string path = Temp("invalid.json", "{\n \"name\": \"x\",\n \"circuit\": \"warp-drive\",\n \"duration_s\": 5\n}");
            var (code, _, error) = Run(path);
            Assert.Equal(2, code);
            Assert.Contains(path + ":3: unknown circuit \"warp-drive\"", error);
        }

        [Fact]
        public void Run_exits_2_for_a_bad_option()
        {
            var (code, _, error) = Run("--speed", "11");
            Assert.Equal(2, code);
            Assert.Contains("unknown option '--speed'", error);
        }

        [Fact]
        public void Run_writes_a_self_contained_html_report()
        {
            string dir = Path.Combine(Path.GetTempPath(), "pg-emulator-tests");
            string report = Path.Combine(dir, "short.html");
            var (code, _, _) = Run(Temp("report.json", Short.Replace("MAX", "0")), "--result", Path.Combine(dir, "r.json"), "--report", report);
            Assert.Equal(0, code);
            string html = File.ReadAllText(report);
            Assert.Contains("<svg", html);
            Assert.Contains("p_arterial", html);
            Assert.DoesNotContain("<script", html);
            Assert.DoesNotContain("http://cdn", html);
        }

        [Fact]
        public void Scenarios_exits_non_zero_when_one_failed()
        {
            string dir = Path.Combine(Path.GetTempPath(), "pg-emulator-tests", "folder");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "a.json"), Short.Replace("MAX", "0").Replace("cli-short", "a"));
            File.WriteAllText(Path.Combine(dir, "b.json"), Short.Replace("MAX", "-1").Replace("cli-short", "b"));
            var output = new StringWriter();
            int code = new ScenariosCommand(output, new StringWriter()).Run(new[] { dir, "--out", Path.Combine(dir, "out") });
            Assert.Equal(1, code);
            Assert.Contains("1 passed, 1 failed", output.ToString());
        }
    }
}
