using System.Linq;
using PerfusionGuard.Shell;
using Xunit;

namespace PerfusionGuard.Tests.Shell
{
    /// <summary>
    /// Sequences a person at the terminal can type that the random fuzzing does not reach: how a PIN
    /// is echoed and remembered in every spelling of a login line, the PIN prompt across an idle
    /// timeout and a line clear, the one-line JSON prefix on an interactive login, and which bytes
    /// count as input for the idle timeout. Injected clock, real byte path.
    /// </summary>
    public class ShellHardeningTests
    {
        private const string HistoryUp = "\u001b[A";

        private long _now = 10_000_000;
        private readonly FakeModule _module = new FakeModule();
        private readonly FakeStream _stream = new FakeStream();
        private readonly SerialShell _shell;

        public ShellHardeningTests()
        {
            _shell = ShellRig.Create(_module, _stream);
            Type(""); // the banner and the first prompt
        }

        private string Type(string text)
        {
            _stream.Type(text);
            _shell.Poll(_now);
            return _stream.TakeOutput();
        }

        // SAF-CON-014
        [Theory]
        [Trait("Requirement", "SAF-CON-014")]
        [InlineData("login {0}")]
        [InlineData("LOGIN {0}")]
        [InlineData("  login   {0}")]
        [InlineData("json login {0}")]
        [InlineData("json  login {0}")]
        [InlineData("JSON\tlogin\t{0}")]
        [InlineData("json json login {0}")]
        public void A_PIN_typed_in_any_spelling_of_a_login_line_is_neither_echoed_nor_recalled(string pattern)
        {
            string line = string.Format(pattern, ShellRig.Pin);
            Type("version\r");
            string output = Type(line + "\r");
            Assert.DoesNotContain(ShellRig.Pin, output);

            string recalled = Type(HistoryUp);
            Assert.DoesNotContain(ShellRig.Pin, recalled);
            Assert.EndsWith(_shell.Prompt + "version", recalled);
        }

        // SAF-CON-014
        [Fact]
        [Trait("Requirement", "SAF-CON-014")]
        public void The_echo_of_an_inline_login_masks_the_PIN_and_what_follows_but_not_the_command()
        {
            Assert.Equal("login ****", Type("login " + ShellRig.Pin));
            Assert.Equal("\b \b\b \b", Type("\b\b"));
            Assert.Equal("**", Type("99"));
            Assert.Equal("json login ****", LineEditor.EchoOf("json login " + ShellRig.Pin, "login"));
            Assert.Equal("status", LineEditor.EchoOf("status", "login"));
        }

        // SAF-CON-014
        [Fact]
        [Trait("Requirement", "SAF-CON-014")]
        public void An_idle_timeout_during_the_PIN_prompt_keeps_the_prompt_so_the_PIN_is_never_echoed_or_run_as_a_command()
        {
            Type("login " + ShellRig.Pin + "\r");
            Assert.Equal(AccessLevel.Service, _shell.Session.Level);
            Assert.EndsWith("PIN: ", Type("login\r")); // logged in, asks again (to change who is logged in)

            // The technician waits at the prompt past the idle timeout, then types the PIN.
            _now += ServiceSession.DefaultIdleTimeoutMicros;
            string output = Type(ShellRig.Pin + "\r");
            Assert.Contains("service session ended", output);
            Assert.DoesNotContain(ShellRig.Pin, output);
            Assert.DoesNotContain("E_UNKNOWN", output);
            Assert.Equal(AccessLevel.Service, _shell.Session.Level); // the line was taken as the PIN
            Assert.DoesNotContain(ShellRig.Pin, Type(HistoryUp));
        }

        // SAF-CON-014
        [Fact]
        [Trait("Requirement", "SAF-CON-014")]
        public void Clearing_the_line_at_the_PIN_prompt_redraws_the_PIN_prompt_not_the_command_prompt()
        {
            Assert.EndsWith("PIN: ", Type("login\r"));
            Assert.Equal("**", Type("12"));
            Assert.Equal("\r\u001b[KPIN: ", Type("\u0015")); // Ctrl-U
            string output = Type(ShellRig.Pin + "\r");
            Assert.StartsWith("****\r\nlevel: service", output);
            Assert.EndsWith("pg-node1 svc# ", output);
        }

        // SAF-CON-014
        [Fact]
        [Trait("Requirement", "SAF-CON-014")]
        public void A_json_prefixed_interactive_login_answers_the_PIN_in_JSON()
        {
            Assert.EndsWith("PIN: ", Type("json login\r"));
            string output = Type("0000\r");
            Assert.Contains("\r\n{\"ok\":false,\"error\":\"E_AUTH\",\"message\":\"wrong PIN; next attempt in 1.000 s\"}\r\n", output);
            Assert.False(_shell.JsonMode); // one line only
            Assert.StartsWith("time\r\nuptime", Type("time\r"));
        }

        // SAF-CON-007
        [Fact]
        [Trait("Requirement", "SAF-CON-007")]
        public void Line_noise_does_not_keep_a_service_session_alive_and_the_timeout_wins_at_a_command_boundary()
        {
            Type("login " + ShellRig.Pin + "\r");
            long loggedIn = _now;

            // NUL padding and XON / XOFF every 10 s are not a person typing.
            for (_now = loggedIn; _now < loggedIn + ServiceSession.DefaultIdleTimeoutMicros; _now += 10_000_000)
            {
                Type("\u0000\u0011\u0013");
            }

            _now = loggedIn + ServiceSession.DefaultIdleTimeoutMicros - 1;
            Type("");
            Assert.Equal(AccessLevel.Service, _shell.Session.Level);

            // A command arriving exactly at the timeout runs at operator level: the session ended first.
            _now += 1;
            string output = Type("cal zero p_arterial\r");
            Assert.Contains("service session ended", output);
            Assert.Contains("E_PERM", output);
            Assert.Empty(_module.StateChanges);
            Assert.Equal(AccessLevel.Operator, _shell.Session.Level);
        }

        // SAF-CON-014
        [Fact]
        [Trait("Requirement", "SAF-CON-014")]
        public void Login_during_the_lockout_checks_no_PIN_and_changes_nothing_in_any_form()
        {
            _shell.JsonMode = true;
            for (int i = 0; i < ServiceSession.MaxFailures; i++)
            {
                _now += 10_000_000;
                _shell.Execute("login 0000", _now);
            }

            Assert.True(_shell.Session.IsLockedOut(_now));
            int logged = _module.LogEntries.Count;
            foreach (string line in new[] { "login " + ShellRig.Pin, "json login " + ShellRig.Pin, "LOGIN " + ShellRig.Pin })
            {
                Assert.Contains("E_LOCKED", _shell.Execute(line, _now));
            }

            Assert.Contains("E_LOCKED", Type("login\r" + ShellRig.Pin + "\r"));
            Assert.Equal(AccessLevel.Operator, _shell.Session.Level);
            Assert.Equal(0, _shell.Session.Failures);
            Assert.Equal(logged, _module.LogEntries.Count);
            Assert.Equal(ServiceSession.LockoutMicros, _shell.Session.WaitMicros(_now)); // refusals neither extend nor shorten it
        }
    }
}
