using System;
using System.Diagnostics;
using System.IO;
using System.Threading;
using PerfusionGuard.Cli.Commands;
using PerfusionGuard.Emulator.Terminal;
using PerfusionGuard.Shell;
using Xunit;

namespace PerfusionGuard.Emulator.Tests.Terminal
{
    /// <summary>
    /// The console through a real pseudo-terminal: the bridge opens it, a background loop polls the
    /// shell as the emulator's run loop does, and real terminal clients (socat, the CLI's console
    /// command) talk to it. Waits are bounded polls, never fixed sleeps.
    /// </summary>
    public sealed class PtyConsoleTests : IDisposable
    {
        private readonly HostConsoleBridge _bridge;
        private readonly Thread _loop;
        private volatile bool _stop;

        public PtyConsoleTests()
        {
            _bridge = HostConsoleBridge.Open("pty", "4321", null);
            _bridge.Attach(new ShellServices());
            _loop = new Thread(() =>
            {
                long now = 0;
                while (!_stop)
                {
                    now += 1000;
                    _bridge.Poll(now);
                    Thread.Sleep(1);
                }
            }) { IsBackground = true };
            _loop.Start();
        }

        private string PtyPath => _bridge.Description.Substring("pty ".Length);

        public void Dispose()
        {
            _stop = true;
            _loop.Join(2000);
            _bridge.Dispose();
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-011")]
        public void Socat_as_a_terminal_gets_echo_prompt_and_a_json_response()
        {
            Assert.StartsWith("/dev/pts/", PtyPath);
            var start = new ProcessStartInfo("socat", "-T3 - " + PtyPath + ",raw,echo=0")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using Process socat = Process.Start(start)!;
            socat.StandardInput.Write("json version\r");
            socat.StandardInput.Flush();
            string seen = "";
            var clock = Stopwatch.StartNew();
            char[] buffer = new char[4096];
            var reader = socat.StandardOutput;
            while (!seen.Contains("op> json version\r\n{\"ok\":true") && clock.ElapsedMilliseconds < 10_000)
            {
                var read = reader.ReadAsync(buffer, 0, buffer.Length);
                if (read.Wait(10_000) && read.Result > 0)
                {
                    seen += new string(buffer, 0, read.Result);
                }
            }

            socat.StandardInput.Close();
            if (!socat.WaitForExit(5000))
            {
                socat.Kill();
            }

            const string Expected = "pg op> json version\r\n{\"ok\":true,\"firmware\":\"unknown\",\"board\":\"unknown\",\"node\":\"pg\",\"console\":\"1\",\"serial_Bd\":115200,\"max_line_B\":128}\r\npg op> ";
            Assert.True(seen.Contains(Expected), "terminal saw: " + seen.Replace("\r", "\\r").Replace("\n", "\\n"));
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-011")]
        public void The_scripted_client_logs_in_runs_a_line_and_reports_ok_through_its_exit_code()
        {
            using (var client = new TerminalLineClient(PtyPath))
            {
                client.Drain(50);
                Assert.StartsWith("{\"ok\":true,\"uptime_us\":", client.Execute("time", 5000));
                Assert.StartsWith("{\"ok\":false,\"error\":\"E_PERM\"", client.Execute("reboot", 5000));
                Assert.StartsWith("{\"ok\":true,\"level\":\"service\"", client.Execute("login 4321", 5000));
                Assert.Equal(AccessLevel.Service, _bridge.Shell.Session.Level);
                Assert.StartsWith("{\"ok\":true,\"level\":\"operator\"", client.Execute("logout", 5000));
            }

            var command = new ConsoleCommand();
            Assert.Equal(0, command.Run(new[] { "--port", PtyPath, "version" }));
            Assert.Equal(1, command.Run(new[] { "--port", PtyPath, "frobnicate" }));
            Assert.Equal(1, command.Run(new[] { "--port", PtyPath, "--pin", "4321", "reboot" })); // no module control: E_UNAVAILABLE
            Assert.Equal(2, command.Run(new[] { "version" }));
            Assert.Equal(AccessLevel.Operator, _bridge.Shell.Session.Level);
        }
    }
}
