using PerfusionGuard.Module;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Shell;
using PerfusionGuard.Shell.Adapters;
using PerfusionGuard.Shell.Bridge;
using PerfusionGuard.Tests.Module;
using Xunit;

namespace PerfusionGuard.Tests.Shell
{
    /// <summary>The console on the whole <see cref="GuardModule"/> as Main and the emulator compose it.</summary>
    public class ShellModuleTests
    {
        private readonly ModuleRig _rig = new ModuleRig();
        private readonly GuardModule _module;
        private readonly SerialShell _shell;

        public ShellModuleTests()
        {
            _module = _rig.Build(CircuitKind.AdultCpb);
            for (int i = 0; i < 2000 && _module.SelfTest.Outcome == SelfTestOutcome.Running; i++)
            {
                _rig.NowMicros += 1_000;
                _module.Step(_rig.NowMicros);
            }

            Assert.True(_module.SelfTest.Passed, _module.SelfTest.Summary);
            _rig.Cycle(_module, 50);
            ShellServices services = GuardModuleConsole.Create(_module, "pg-rig", "0.1.0", "virtual", null, null, 0, null, new InlineConsoleWait()).Services;
            _shell = new SerialShell(new FakeStream(), services, ShellRig.Credential, EchoMode.Silent, 6144) { JsonMode = true };
        }

        private string Run(string line)
        {
            string response = _shell.Execute(line, _rig.NowMicros);
            _module.PumpLog(64);
            return response;
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-003")]
        public void Status_of_a_healthy_module_shows_the_pump_enabled_and_every_channel_good()
        {
            string status = Run("status");
            Assert.StartsWith("{\"ok\":true,\"node\":\"pg-rig\",\"profile\":\"adult-cpb\",\"pump_enable\":true,", status);
            Assert.DoesNotContain("\"quality\":\"open", status);
            Assert.Contains("\"passed\":true", Run("selftest"));
            Assert.Contains("{\"name\":\"startup\",\"passed\":true,\"detail\":\"self-test passed", Run("selftest"));
        }

        // SAF-CON-009
        [Fact]
        [Trait("Requirement", "SAF-CON-009")]
        public void After_air_the_console_reset_needs_service_level_and_the_reset_key_then_the_pump_comes_back()
        {
            _rig.Air = true;
            _rig.Cycle(_module, 5);
            _rig.Air = false;
            _rig.Cycle(_module, 20);
            Assert.Contains("\"pump_enable\":false,\"pump_running\"", Run("interlock status"));
            Assert.Contains("\"action\":\"latched_stop\",\"cause\":\"AIR_ARTERIAL\"", Run("status"));
            Assert.Contains("\"alarm_id\":\"AIR_ARTERIAL\"", Run("alarm list"));

            Assert.Contains("\"error\":\"E_PERM\"", Run("interlock reset"));
            Run("login " + ShellRig.Pin);
            string refused = Run("interlock reset");
            Assert.True(refused.Contains("\"error\":\"E_STATE\",\"message\":\"hold the reset key"), refused);
            _rig.ResetKeyDown = true; // held while the command is sent (no cycle in between)
            Assert.Contains("\"ok\":true", Run("interlock reset"));
            _rig.Cycle(_module, 20);
            Assert.True(_module.LastDecision.PumpEnable, "pump not enabled after the console reset");
            string log = Run("log show 32");
            Assert.Contains("reset", log);
            Assert.Contains("by local_console", log);
        }
    }
}
