using System.Linq;
using System.Text;
using PerfusionGuard.Emulator.Firmware;
using PerfusionGuard.Emulator.Runner;
using PerfusionGuard.Emulator.Scenarios;
using Xunit;

namespace PerfusionGuard.Emulator.Tests.Firmware
{
    /// <summary>The emulated module keeps its console login count and lockout across a power loss, as a board does.</summary>
    public class ConsoleLoginLockoutTests
    {
        // SAF-CON-013
        [Fact]
        [Trait("Requirement", "SAF-CON-013")]
        public void A_console_lockout_outlives_an_emulated_power_loss()
        {
            string pin = GuardModuleFirmwareHost.ServicePin;
            string json = @"{
  ""name"": ""console-lockout-power-loss"",
  ""description"": ""five wrong PINs, then a power loss: the lockout is still in force after the boot"",
  ""circuit"": ""adult-cpb"",
  ""seed"": 7,
  ""duration_s"": 90,
  ""timeline"": [
    { ""t_s"": 5,  ""do"": ""console"", ""line"": ""json login 0000"" },
    { ""t_s"": 6,  ""do"": ""console"", ""line"": ""json login 0000"" },
    { ""t_s"": 8,  ""do"": ""console"", ""line"": ""json login 0000"" },
    { ""t_s"": 12, ""do"": ""console"", ""line"": ""json login 0000"" },
    { ""t_s"": 20, ""do"": ""console"", ""line"": ""json login 0000"" },
    { ""t_s"": 81, ""do"": ""power_loss"", ""duration_s"": 2 },
    { ""t_s"": 89, ""do"": ""console"", ""line"": ""json login " + pin + @""" }
  ]
}";
            Scenario scenario = ScenarioParser.Parse(Encoding.UTF8.GetBytes(json), "console-lockout-power-loss.json");
            RunResult result = ScenarioRunner.Run(scenario, new RunOptions { RecordTrace = false });

            string[] replies = result.Events.Where(e => e.Kind == "console").Select(e => e.FieldText("response")).ToArray();
            Assert.True(replies.Length == 6, string.Join("\n", replies));
            Assert.Contains("wrong PIN 5 times; console login locked for 300.000 s", replies[4]);

            // Locked at 20 s; checkpoint at 80 s (240 s left); power back at 83 s, the console runs from the boot:
            // at 89 s the correct PIN is still refused unchecked, with 240 - 6 s to go.
            Assert.Contains("\"error\":\"E_LOCKED\"", replies[5]);
            Assert.Contains("console login locked; try again in 234.000 s", replies[5]);
        }
    }
}
