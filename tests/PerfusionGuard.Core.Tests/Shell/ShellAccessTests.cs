using System.Linq;
using PerfusionGuard.Safety;
using PerfusionGuard.Shell;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.Shell
{
    /// <summary>Access levels, the stopped-pump rule, login delays, lockout and idle timeout on an injected clock.</summary>
    public class ShellAccessTests
    {
        private long _now = 10_000_000;
        private readonly FakeModule _module = new FakeModule();
        private readonly FakeStream _stream = new FakeStream();
        private readonly SerialShell _shell;

        public ShellAccessTests()
        {
            _shell = ShellRig.Create(_module, _stream);
            _shell.JsonMode = true;
        }

        private string Run(string line) => _shell.Execute(line, _now);

        private static string LineFor(ShellCommand command)
        {
            ShellGoldenTests.GoldenCase golden = ShellGoldenTests.Cases.First(c => c.Service && (c.Line == (command.Noun + " " + command.Verb).Trim() || c.Line.StartsWith((command.Noun + " " + command.Verb).Trim() + " ") || (command.Verb == null && c.Line == command.Noun)));
            return golden.Line;
        }

        // SAF-CON-004
        [Fact]
        [Trait("Requirement", "SAF-CON-004")]
        public void Every_service_command_is_refused_at_operator_level_without_touching_the_module()
        {
            var service = _shell.Commands.Where(c => c.Level == AccessLevel.Service).ToList();
            Assert.True(service.Count >= 12);
            foreach (ShellCommand command in service)
            {
                string response = Run(LineFor(command));
                Assert.Contains("\"error\":\"E_PERM\"", response);
            }

            Assert.Empty(_module.StateChanges);
            Assert.Empty(_module.LogEntries);
            Assert.DoesNotContain(_module.Statuses, s => s.Overridden);
        }

        // SAF-CON-004
        [Fact]
        [Trait("Requirement", "SAF-CON-004")]
        public void Every_stopped_pump_command_is_refused_while_the_pump_runs_even_at_service_level()
        {
            Assert.Contains("\"ok\":true", Run("login " + ShellRig.Pin));
            _module.LogEntries.Clear();
            _module.PumpRunning = true;
            var stoppedOnly = _shell.Commands.Where(c => c.StoppedPumpOnly).ToList();
            Assert.Equal(new[] { "cal zero", "cal span", "cal commit", "cal revert", "config reset", "profile use", "reboot" },
                stoppedOnly.Select(c => (c.Noun + " " + c.Verb).Trim()));
            foreach (ShellCommand command in stoppedOnly)
            {
                Assert.Contains("\"error\":\"E_STATE\"", Run(LineFor(command)));
            }

            Assert.Contains("\"error\":\"E_STATE\"", Run("config set limit.p_arterial_high 250"));
            Assert.Empty(_module.StateChanges);
            Assert.Empty(_module.LogEntries);
            Assert.Equal(300, _module.Values[0]);
        }

        // SAF-CON-004
        [Fact]
        [Trait("Requirement", "SAF-CON-004")]
        public void A_setting_that_is_not_a_limit_and_an_override_may_change_while_the_pump_runs()
        {
            Run("login " + ShellRig.Pin);
            _module.PumpRunning = true;
            Assert.Contains("\"ok\":true", Run("config set telemetry.period_ms 500"));
            Assert.Contains("\"ok\":true", Run("override set LEVEL_LOW 5"));
            Assert.Equal(new[] { "config telemetry.period_ms=500", "override 2 300000000" }, _module.StateChanges);
        }

        // SAF-CON-004
        [Fact]
        [Trait("Requirement", "SAF-CON-004")]
        public void Without_a_status_source_the_pump_counts_as_running_and_calibration_is_refused()
        {
            var services = _module.Services();
            services.Status = null;
            var shell = new SerialShell(_stream, services, ShellRig.Credential, EchoMode.Plain, 4096) { JsonMode = true };
            shell.Execute("login " + ShellRig.Pin, _now);
            Assert.Contains("E_STATE", shell.Execute("cal commit", _now));
        }

        // SAF-CON-006
        [Fact]
        [Trait("Requirement", "SAF-CON-006")]
        public void Changes_are_written_to_the_event_log_with_old_and_new_value()
        {
            Run("login " + ShellRig.Pin);
            _module.LogEntries.Clear();
            Run("cal span p_arterial 200");
            Run("cal zero p_arterial");
            Run("config set limit.p_arterial_high 280");
            Run("profile use ecmo");
            Run("logout");
            string[] texts = _module.LogEntries.Select(e => e.Kind + " " + e.Text).Reverse().ToArray();
            Assert.Equal(new[]
            {
                "calibration subject=0 old=2000 new=1825 aux=1 by local_console",            // span 2.000 -> 1.825 counts/mmHg
                "calibration subject=0 old=18450 new=22100 aux=0 by local_console",          // zero 1845.0 -> 2210.0 counts
                "config_change subject=0 old=300 new=280 aux=0 by local_console",
                "config_change subject=-1 old=0 new=2 aux=3 by local_console",               // adult-cpb -> ecmo
                "login subject=-1 old=1 new=0 aux=3 by local_console",
            }, texts);
        }

        // SAF-CON-009
        [Fact]
        [Trait("Requirement", "SAF-CON-009")]
        public void Interlock_reset_needs_the_physical_reset_input_where_the_board_has_one()
        {
            Run("login " + ShellRig.Pin);
            _module.LatchedResettable = true;
            _module.ResetInputFitted = true;
            Assert.Contains("E_STATE", Run("interlock reset"));
            Assert.Empty(_module.StateChanges);
            _module.ResetInputHeld = true;
            Assert.Contains("\"ok\":true", Run("interlock reset"));
            Assert.Equal(new[] { "reset local_console" }, _module.StateChanges);
        }

        // SAF-CON-005
        [Fact]
        [Trait("Requirement", "SAF-CON-005")]
        public void Wrong_PINs_delay_the_next_attempt_and_the_fifth_locks_the_console()
        {
            Assert.Contains("E_AUTH", Run("login 0000"));
            Assert.Contains("E_LOCKED", Run("login " + ShellRig.Pin)); // within 1 s: not even checked
            Assert.Equal(AccessLevel.Operator, _shell.Session.Level);

            long[] delays = { 1, 2, 4, 8 };
            _now += Time.FromSeconds(1);
            for (int failure = 2; failure <= 4; failure++)
            {
                Assert.Contains("E_AUTH", Run("login 0000"));
                _now += Time.FromSeconds(delays[failure - 1]) - 1;
                Assert.Contains("E_LOCKED", Run("login 0000"));
                _now += 1;
            }

            Assert.Contains("\"error\":\"E_LOCKED\"", Run("login 0000")); // fifth wrong PIN: lockout
            Assert.True(_shell.Session.IsLockedOut(_now));
            _now += ServiceSession.LockoutMicros - 1;
            Assert.Contains("E_LOCKED", Run("login " + ShellRig.Pin));
            Assert.Equal(AccessLevel.Operator, _shell.Session.Level);
            _now += 1;
            Assert.Contains("\"ok\":true", Run("login " + ShellRig.Pin));
            Assert.Equal(AccessLevel.Service, _shell.Session.Level);
            Assert.Contains(_module.LogEntries, e => e.Kind == "login" && e.Text.EndsWith("aux=2 by local_console")); // aux 2: lockout
        }

        // SAF-CON-007
        [Fact]
        [Trait("Requirement", "SAF-CON-007")]
        public void A_service_session_without_input_for_the_idle_timeout_falls_back_to_operator()
        {
            _shell.JsonMode = false;
            _stream.Type("login " + ShellRig.Pin + "\r");
            _shell.Poll(_now);
            Assert.Equal(AccessLevel.Service, _shell.Session.Level);
            Assert.EndsWith("pg-node1 svc# ", _stream.TakeOutput());

            _now += ServiceSession.DefaultIdleTimeoutMicros - 1_000_000;
            _stream.Type("time\r"); // input keeps the session alive
            _shell.Poll(_now);
            _now += ServiceSession.DefaultIdleTimeoutMicros - 1;
            _shell.Poll(_now);
            Assert.Equal(AccessLevel.Service, _shell.Session.Level);
            _stream.TakeOutput();

            _now += 1;
            _shell.Poll(_now);
            Assert.Equal(AccessLevel.Operator, _shell.Session.Level);
            string output = _stream.TakeOutput();
            Assert.Contains("service session ended: no input for 300 s", output);
            Assert.EndsWith("pg-node1 op> ", output);
            Assert.Equal("login subject=-1 old=1 new=0 aux=4 by local_console", _module.LogEntries[0].Kind + " " + _module.LogEntries[0].Text); // aux 4: idle logout
            _stream.Type("cal zero p_arterial\r");
            _shell.Poll(_now + 1);
            Assert.Contains("E_PERM", _stream.TakeOutput());
        }

        // SAF-CON-005
        [Fact]
        [Trait("Requirement", "SAF-CON-005")]
        public void The_PIN_is_stored_only_as_a_salted_hash_and_never_enters_the_history()
        {
            string stored = ShellRig.Credential.ToText();
            Assert.DoesNotContain(ShellRig.Pin, stored);
            Assert.StartsWith("pbkdf2-sha256$8$", stored);
            Assert.True(PinCredential.TryParse(stored, out PinCredential parsed));
            Assert.True(parsed.Verify(ShellRig.Pin));
            Assert.False(parsed.Verify("2469"));
            Assert.NotEqual(PinCredential.Create(ShellRig.Pin, new byte[16], 8).ToText(), PinCredential.Create(ShellRig.Pin, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 }, 8).ToText());

            _shell.JsonMode = false;
            _stream.Type("version\rlogin " + ShellRig.Pin + "\r");
            _shell.Poll(_now);
            _stream.TakeOutput();
            _stream.Type("\u001b[A");
            _shell.Poll(_now);
            Assert.EndsWith("pg-node1 svc# version", _stream.TakeOutput());
        }

        // SAF-CON-005
        [Fact]
        [Trait("Requirement", "SAF-CON-005")]
        public void Interactive_login_asks_for_the_PIN_and_masks_it()
        {
            _shell.JsonMode = false;
            _stream.Type("login\r");
            _shell.Poll(_now);
            Assert.EndsWith("PIN: ", _stream.TakeOutput());
            _stream.Type(ShellRig.Pin + "\r");
            _shell.Poll(_now);
            string output = _stream.TakeOutput();
            Assert.StartsWith("****\r\nlevel: service", output);
            Assert.DoesNotContain(ShellRig.Pin, output);
            Assert.Equal(AccessLevel.Service, _shell.Session.Level);
        }

        // SAF-CON-008
        [Fact]
        [Trait("Requirement", "SAF-CON-008")]
        public void Console_commands_reach_the_supervisor_as_a_local_console_source()
        {
            Run("login " + ShellRig.Pin);
            _module.LatchedResettable = true;
            Run("interlock reset");
            Assert.Equal("reset " + SafetyNames.NameOf(CommandSource.LocalConsole), _module.StateChanges.Single());
        }
    }
}
