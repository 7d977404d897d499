using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using PerfusionGuard.Cli.Commands;
using PerfusionGuard.Emulator.Terminal;
using Xunit;

namespace PerfusionGuard.Emulator.Tests.Terminal
{
    /// <summary>
    /// End to end: `perfusionguard run --console pty` (the real CLI, the real emulator, the real
    /// GuardModule) and a real terminal client on the pseudo-terminal it prints; and the CLI as a
    /// process with a pipe of lines on stdin (`--console stdio`). Waits are polls with bounded timeouts.
    /// </summary>
    public sealed class EmulatorConsoleEndToEndTests : IDisposable
    {
        private readonly string _dir = Path.Combine(Path.GetTempPath(), "pg-console-e2e-" + Guid.NewGuid().ToString("N"));

        public EmulatorConsoleEndToEndTests()
        {
            Directory.CreateDirectory(_dir);
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_dir, true);
            }
            catch (IOException)
            {
            }
        }

        private string Scenario(double durationS, string timeline)
        {
            string path = Path.Combine(_dir, "console-e2e.json");
            File.WriteAllText(path, "{ \"name\": \"console-e2e\", \"circuit\": \"adult-cpb\", \"seed\": 7, \"duration_s\": " + durationS.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + ", \"pump\": { \"kind\": \"roller\", \"flow_l_min\": 4.5 }, \"timeline\": [" + timeline + "] }");
            return path;
        }

        private static string Until(Func<string> attempt, Func<string, bool> done, int timeoutMs)
        {
            var clock = Stopwatch.StartNew();
            string last = null;
            while (clock.ElapsedMilliseconds < timeoutMs)
            {
                last = attempt();
                if (last != null && done(last))
                {
                    return last;
                }

                Thread.Sleep(50);
            }

            return last;
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-011")]
        public void A_terminal_on_the_emulators_pty_sees_the_module_run_trip_on_air_and_take_a_service_reset()
        {
            string scenario = Scenario(14, "{ \"t_s\": 6, \"do\": \"inject_air\", \"site\": \"arterial_line\", \"volume_ml\": 3.0 }");
            var output = new StringWriter();
            TextWriter synced = TextWriter.Synchronized(output);
            int exitCode = -1;
            var run = new Thread(() => exitCode = new RunCommand(synced, TextWriter.Null).Run(new[]
            {
                scenario, "--realtime", "--console", "pty", "--service-pin", "2580", "--result", Path.Combine(_dir, "result.json"),
            })) { IsBackground = true };
            run.Start();

            // TextWriter.Synchronized locks on the writer itself, so this reads a consistent text.
            Func<string> printed = () => { lock (synced) { return output.ToString(); } };
            string pty = Until(() => Regex.Match(printed(), @"console: (/dev/pts/\d+)").Groups[1].Value, p => p.Length > 0, 15_000);
            Assert.False(string.IsNullOrEmpty(pty), "no pty path printed: " + printed());

            // A real terminal program first: socat in raw mode, as picocom would open a serial port.
            var start = new ProcessStartInfo("socat", "-T2 - " + pty + ",raw,echo=0") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
            using (Process socat = Process.Start(start)!)
            {
                socat.StandardInput.Write("version\r");
                socat.StandardInput.Flush();
                socat.StandardInput.Close();
                string seen = socat.StandardOutput.ReadToEnd();
                Assert.True(socat.WaitForExit(10_000));
                Assert.True(seen.Contains("version\r\nfirmware: 0.1.0\r\nboard: virtual\r\nnode: pg-emulator\r\n"), "socat saw: " + seen.Replace("\r", "\\r").Replace("\n", "\\n"));
                Assert.Contains("pg-emulator op> ", seen);
            }

            // Then the terminal program a biomedical engineer opens (README "Serial console"): picocom
            // sets the line to 115200 8N1 like a serial port, types the init string and quits when idle.
            var pico = new ProcessStartInfo("picocom")
            {
                RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            foreach (string a in new[] { "-b", "115200", "-q", "-x", "1500", "-t", "status\r", pty })
            {
                pico.ArgumentList.Add(a);
            }

            using (Process picocom = Process.Start(pico)!)
            {
                picocom.StandardInput.Close();
                string seen = picocom.StandardOutput.ReadToEnd();
                Assert.True(picocom.WaitForExit(10_000));
                Assert.Equal(0, picocom.ExitCode);
                Assert.True(seen.Contains("status\r\nnode: pg-emulator\r\nprofile: adult-cpb\r\n"), "picocom saw: " + seen.Replace("\r", "\\r").Replace("\n", "\\n"));
                Assert.Matches(@"p_arterial +-?\d+\.\d mmHg", seen);
                Assert.EndsWith("pg-emulator op> ", seen);
            }

            using var client = new TerminalLineClient(pty);
            client.Drain(50);
            string running = Until(() => client.Execute("status", 3000), s => s.Contains("\"pump_enable\":true"), 8_000);
            Assert.Contains("\"profile\":\"adult-cpb\",\"pump_enable\":true", running);

            string tripped = Until(() => client.Execute("status", 3000), s => s.Contains("\"cause\":\"AIR_ARTERIAL\""), 10_000);
            Assert.Contains("\"action\":\"latched_stop\",\"cause\":\"AIR_ARTERIAL\"", tripped);
            Assert.StartsWith("{\"ok\":false,\"error\":\"E_PERM\"", client.Execute("interlock reset", 3000));
            Assert.StartsWith("{\"ok\":true,\"level\":\"service\"", client.Execute("login 2580", 3000));
            string reset = client.Execute("interlock reset", 3000);
            Assert.True(reset.StartsWith("{\"ok\":true", StringComparison.Ordinal) || reset.Contains("nothing to reset"), reset);
            Assert.Contains("\"kind\":\"alarm\"", client.Execute("log show 32", 3000));

            Assert.True(run.Join(30_000), "run did not end with the scenario");
            Assert.Equal(RunCommand.ExitPassed, exitCode);
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-011")]
        public void Lines_piped_into_run_console_stdio_each_get_one_response_and_the_run_ends_with_the_scenario()
        {
            string scenario = Scenario(5, "");
            string cli = Path.Combine(AppContext.BaseDirectory, "perfusionguard.dll");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = _dir,
            };
            foreach (string a in new[] { cli, "run", scenario, "--console", "stdio", "--result", Path.Combine(_dir, "result.json") })
            {
                start.ArgumentList.Add(a);
            }

            using Process process = Process.Start(start)!;
            process.StandardInput.Write("mode json\nversion\nfrobnicate\ncal zero p_arterial\n");
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(60_000), "the run did not end");
            string text = stdout.Result;
            Assert.Equal(0, process.ExitCode);
            Assert.Contains("\n{\"ok\":true,\"mode\":\"json\"}\n{\"ok\":true,\"firmware\":\"0.1.0\",\"board\":\"virtual\",\"node\":\"pg-emulator\"", text);
            Assert.Contains("\n{\"ok\":false,\"error\":\"E_UNKNOWN\",\"message\":\"unknown command 'frobnicate'; type help for the list\"}\n", text);
            Assert.Contains("\n{\"ok\":false,\"error\":\"E_PERM\",\"message\":\"cal zero needs service level: login first\"}\n", text);
            Assert.Contains("PASSED", text);
            Assert.DoesNotContain("\r", text);
        }
    }
}
