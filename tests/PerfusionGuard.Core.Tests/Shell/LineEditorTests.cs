using System;
using System.Text;
using PerfusionGuard.Shell;
using Xunit;

namespace PerfusionGuard.Tests.Shell
{
    /// <summary>The line discipline of the serial console, driven byte by byte as a terminal sends them.</summary>
    public class LineEditorTests
    {
        private const long Now = 5_000_000;
        private readonly FakeModule _module = new FakeModule();
        private readonly FakeStream _stream = new FakeStream();
        private readonly SerialShell _shell;

        public LineEditorTests()
        {
            _shell = ShellRig.Create(_module, _stream);
            _shell.Poll(Now);
            Assert.Equal("PerfusionGuard console, type help\r\npg-node1 op> ", _stream.TakeOutput());
        }

        private string Send(string text)
        {
            _stream.Type(text);
            _shell.Poll(Now);
            return _stream.TakeOutput();
        }

        private string Send(byte[] bytes)
        {
            _stream.Type(bytes);
            _shell.Poll(Now);
            return _stream.TakeOutput();
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-001")]
        public void Typed_characters_are_echoed_and_enter_runs_the_line()
        {
            Assert.Equal("time", Send("time"));
            Assert.Equal("\r\nuptime: 5.000 s\r\nutc: 2026-11-21T12:00:00.123Z\r\nutc_epoch: 1795262400123 ms\r\npg-node1 op> ", Send("\r"));
        }

        [Theory]
        [InlineData("mode json\r")]
        [InlineData("mode json\n")]
        [InlineData("mode json\r\n")]
        [Trait("Requirement", "SAF-CON-001")]
        public void CR_LF_and_CRLF_each_end_exactly_one_line(string input)
        {
            string output = Send(input + "mode json" + input.Substring(9));
            Assert.Equal(2, CountOf(output, "{\"ok\":true,\"mode\":\"json\"}"));
            Assert.Equal(0, CountOf(output, "E_"));
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-001")]
        public void Backspace_and_DEL_erase_one_character_each_including_a_multibyte_one()
        {
            string output = Send("timx\u0008e\r");
            Assert.StartsWith("timx\u0008 \u0008e\r\nuptime:", output);
            output = Send(Encoding.UTF8.GetBytes("versionµ\u007f\r"));
            Assert.Contains("firmware: 0.1.0", output);
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-001")]
        public void Ctrl_U_clears_the_line_and_Ctrl_C_cancels_it()
        {
            Assert.Equal("garbage\r\u001b[Kpg-node1 op> ", Send("garbage\u0015"));
            Assert.StartsWith("version\r\nfirmware", Send("version\r"));
            Assert.Equal("cal zero p_ar^C\r\npg-node1 op> ", Send("cal zero p_ar\u0003"));
            Assert.Equal("\r\npg-node1 op> ", Send("\r"));
            Assert.Empty(_module.StateChanges);
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-001")]
        public void Up_and_down_arrows_recall_history_even_when_the_escape_sequence_is_split_across_reads()
        {
            Send("version\r");
            Send("time\r");
            Assert.Equal("", Send("\u001b"));
            Assert.Equal("", Send("["));
            Assert.Equal("\r\u001b[Kpg-node1 op> time", Send("A"));
            Assert.Equal("\r\u001b[Kpg-node1 op> version", Send("\u001bOA")); // SS3 form (application cursor keys)
            Assert.Equal("", Send("\u001b[A")); // no older line: nothing happens
            Assert.Equal("\r\u001b[Kpg-node1 op> time", Send("\u001b[B"));
            Assert.Equal("\r\u001b[Kpg-node1 op> ", Send("\u001b[B"));
            Assert.Equal("", Send("\u001b[C\u001b[1;5D\u001b[15~")); // right, ctrl-left, F5: ignored
            Assert.StartsWith("version\r\nfirmware", Send("\u001b[A\u001b[A\r").Substring("\r\u001b[Kpg-node1 op> time\r\u001b[Kpg-node1 op> ".Length));
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-001")]
        public void An_overlong_line_is_refused_whole_and_memory_does_not_grow()
        {
            string output = Send(new string('x', 500) + "\r");
            Assert.Contains("error E_TOOLONG: line refused: longer than 128 bytes", output);
            Assert.Equal(128 + 1, CountOf(output, "x") + CountOf(output, "\u0007")); // echo stops at the limit, one bell
            Assert.Equal(0, _shell.Editor.CurrentLength);
            Assert.StartsWith("time\r\nuptime", Send("time\r"));
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-001")]
        public void Invalid_UTF8_and_control_bytes_refuse_the_line_instead_of_running_something_unseen()
        {
            byte[] line = { (byte)'t', (byte)'i', 0xC3, (byte)'m', (byte)'e', (byte)'\r' };
            Assert.Contains("error E_INPUT: line refused: 1 invalid byte(s)", Send(line));
            byte[] overlong = { (byte)'t', 0xC0, 0xAF, (byte)'\r' };
            Assert.Contains("error E_INPUT: line refused: 2 invalid byte(s)", Send(overlong));
            Assert.Contains("error E_INPUT", Send("ti\u0002me\r"));
            byte[] surrogate = { 0xED, 0xA0, 0x80, (byte)'\r' };
            Assert.Contains("error E_INPUT", Send(surrogate));
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-001")]
        public void Valid_UTF8_is_kept_and_reported_back_as_an_unknown_channel()
        {
            string output = Send(Encoding.UTF8.GetBytes("sensor get p_artérial\r"));
            Assert.Contains("error E_ARGS: no channel 'p_artérial' on profile adult-cpb", output);
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-001")]
        public void The_prompt_shows_node_and_access_level()
        {
            Assert.EndsWith("pg-node1 svc# ", Send("login " + ShellRig.Pin + "\r"));
            Assert.EndsWith("pg-node1 op> ", Send("logout\r"));
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-002")]
        public void A_silent_terminal_fills_only_the_bounded_output_and_drops_whole_responses()
        {
            _stream.Capacity = 0;
            for (int i = 0; i < 200; i++)
            {
                _stream.Type("help\r");
                _shell.Poll(Now + i);
                Assert.True(_shell.Output.PendingBytes <= _shell.Output.CapacityBytes);
            }

            Assert.True(_shell.Output.DroppedResponses > 150);
            Assert.True(_shell.Output.DroppedBytes > 0);
            Assert.Equal(200, _shell.CommandCount);

            // The terminal wakes up: what is queued drains, complete, and the shell answers again.
            _stream.Capacity = int.MaxValue;
            _shell.Poll(Now + 1000);
            string drained = _stream.TakeOutput();
            Assert.Contains("commands (svc", drained);
            Assert.StartsWith("version\r\nfirmware", Send("version\r"));
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-002")]
        public void A_slow_terminal_is_never_handed_more_than_it_accepts()
        {
            // The terminal takes 7 bytes per poll; FakeStream throws if the shell writes more.
            _stream.Type("help\r");
            int polls = 0;
            do
            {
                _stream.Capacity = 7;
                _shell.Poll(Now + polls);
                polls++;
            }
            while (_shell.Output.PendingBytes > 0 && polls < 5000);

            Assert.Equal(0, _shell.Output.PendingBytes);
            Assert.Contains("reboot", _stream.TakeOutput());
            Assert.True(polls > 300, $"{polls} polls");
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-003")]
        public void Json_prefix_gives_one_JSON_response_without_changing_the_mode()
        {
            Assert.Contains("{\"ok\":true,\"firmware\":\"0.1.0\"", Send("json version\r"));
            Assert.Contains("firmware: 0.1.0", Send("version\r"));
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-001")]
        public void A_script_on_a_pipe_gets_responses_without_echo_or_prompt()
        {
            var stream = new FakeStream();
            SerialShell shell = ShellRig.Create(_module, stream, EchoMode.Silent);
            stream.Type("mode json\nversion\n\nlogin\n");
            shell.Poll(Now);
            string[] lines = stream.TakeOutput().Split("\r\n");
            Assert.Equal("{\"ok\":true,\"mode\":\"json\"}", lines[0]);
            Assert.StartsWith("{\"ok\":true,\"firmware\"", lines[1]);
            Assert.StartsWith("{\"ok\":false,\"error\":\"E_ARGS\"", lines[2]);
            Assert.Equal("", lines[3]);
        }

        private static int CountOf(string text, string part)
        {
            int count = 0;
            for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
            {
                count++;
            }

            return count;
        }
    }
}
