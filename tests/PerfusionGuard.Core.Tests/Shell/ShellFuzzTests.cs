using System;
using System.Diagnostics;
using System.Linq;
using System.Text;
using PerfusionGuard.Shell;
using Xunit;
using Xunit.Abstractions;

namespace PerfusionGuard.Tests.Shell
{
    /// <summary>
    /// One million and more random lines and byte sequences (fixed seed) through the real byte
    /// path of the shell, at operator level: nothing throws, nothing changes, memory stays bounded.
    /// </summary>
    [CollectionDefinition("fuzz", DisableParallelization = true)]
    public sealed class FuzzCollection
    {
    }

    [Collection("fuzz")]
    public class ShellFuzzTests
    {
        private readonly ITestOutputHelper _log;

        public ShellFuzzTests(ITestOutputHelper log)
        {
            _log = log;
        }

        private static readonly string[] s_words =
        {
            "help", "version", "status", "sensor", "list", "get", "raw", "alarm", "history", "ack", "interlock", "reset",
            "override", "set", "clear", "selftest", "cal", "show", "zero", "span", "commit", "revert", "config", "save",
            "profile", "use", "log", "time", "net", "login", "logout", "mode", "human", "json", "reboot", "p_arterial",
            "p_venous", "bubble_arterial", "level_reservoir", "flow_arterial", "LEVEL_LOW", "AIR_ARTERIAL", "ecmo",
            "limit.p_arterial_high", "telemetry.period_ms", "10", "-1", "0", "99999999999999999999", "1e9", "12.5", "",
            "\"", "\\", "NaN", "adult-cpb", "p_return",
        };

        private static byte[] Generate(Random random)
        {
            int shape = random.Next(10);
            if (shape < 4)
            {
                // Words of the command language, valid and invalid combinations.
                int count = random.Next(1, 6);
                string line = string.Join(random.Next(4) == 0 ? "  " : " ", Enumerable.Range(0, count).Select(_ => s_words[random.Next(s_words.Length)]));
                if (line.Contains("login"))
                {
                    line = "login " + random.Next(10000).ToString("D4");
                    if (line.EndsWith(ShellRig.Pin))
                    {
                        line = "login 0000";
                    }
                }

                return Encoding.UTF8.GetBytes(line + (random.Next(3) switch { 0 => "\r", 1 => "\n", _ => "\r\n" }));
            }

            if (shape < 7)
            {
                // Raw bytes: control characters, high bytes, ESC, CR / LF anywhere.
                byte[] bytes = new byte[random.Next(0, 64)];
                random.NextBytes(bytes);
                return bytes;
            }

            if (shape < 8)
            {
                // Overlong lines.
                byte[] bytes = new byte[random.Next(129, 400)];
                for (int i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = (byte)random.Next(0x20, 0x7F);
                }

                bytes[^1] = (byte)'\r';
                return bytes;
            }

            if (shape < 9)
            {
                // Partial and malformed escape sequences mixed with text.
                string[] pieces = { "\u001b", "\u001b[", "\u001b[1", "\u001b[1;", "\u001bO", "\u001b[A", "\u001b[B", "\u001b[999999999999999999999A", "x", "status", "\u0003", "\u0015", "\u007f" };
                var sb = new StringBuilder();
                for (int i = random.Next(1, 8); i > 0; i--)
                {
                    sb.Append(pieces[random.Next(pieces.Length)]);
                }

                return Encoding.UTF8.GetBytes(sb.ToString());
            }

            // Invalid UTF-8: lone continuation bytes, truncated sequences, overlongs, surrogates, > U+10FFFF.
            byte[][] bad = { new byte[] { 0x80 }, new byte[] { 0xC3 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 }, new byte[] { 0xFF }, new byte[] { 0xF0, 0x9F, 0x98 } };
            byte[] prefix = Encoding.ASCII.GetBytes(s_words[random.Next(s_words.Length)]);
            byte[] b = bad[random.Next(bad.Length)];
            return prefix.Concat(b).Concat(new byte[] { (byte)'\r' }).ToArray();
        }

        // SAF-CON-010
        [Fact]
        [Trait("Requirement", "SAF-CON-010")]
        public void A_million_random_lines_and_byte_sequences_never_crash_never_change_state_and_stay_bounded()
        {
            const int Lines = 1_000_000;
            var random = new Random(20261121);
            var module = new FakeModule();
            var stream = new FakeStream { Discard = true };
            SerialShell shell = ShellRig.Create(module, stream);
            long now = 1_000_000;

            shell.Poll(now);
            long retainedBefore = 0;
            long retainedMid = 0;
            long allocatedBefore = 0;
            var watch = Stopwatch.StartNew();
            long bytesSent = 0;
            for (int i = 0; i < Lines; i++)
            {
                if (i == Lines / 10)
                {
                    // After a warm-up tenth of the run, measure what stays alive over the remaining 90 %.
                    retainedBefore = GC.GetTotalMemory(true);
                    allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                }

                if (i == Lines * 55 / 100)
                {
                    retainedMid = GC.GetTotalMemory(true);
                }

                byte[] input = Generate(random);
                bytesSent += input.Length;
                stream.Type(input);
                now += 1000;
                shell.Poll(now);
                if (random.Next(64) == 0)
                {
                    stream.Capacity = random.Next(3) == 0 ? 0 : int.MaxValue; // a terminal that stalls now and then
                }

                if (shell.Editor.CurrentLength > shell.Editor.MaxLineBytes || shell.Output.PendingBytes > shell.Output.CapacityBytes)
                {
                    Assert.Fail($"buffer beyond its bound after input {i}");
                }
            }

            watch.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            long retainedEnd = GC.GetTotalMemory(true);
            long retained = retainedEnd - retainedBefore;
            // A leak per input grows with the input count: compare the second half with the first.
            // (One absolute GetTotalMemory delta proved noisy: the runtime's own bookkeeping moves it by
            // a few hundred KB from run to run.)
            long growthSecondHalf = retainedEnd - retainedMid;
            _log.WriteLine($"{Lines} inputs, {bytesSent} bytes, {shell.CommandCount} commands in {watch.Elapsed.TotalSeconds:F1} s; " +
                $"allocated {allocated / (Lines * 0.9):F0} B/input (garbage), retained {retained} B; output dropped {shell.Output.DroppedResponses} responses / {shell.Output.DroppedBytes} bytes");

            Assert.Equal(0, shell.InternalErrorCount);
            Assert.Equal(AccessLevel.Operator, shell.Session.Level);
            Assert.Empty(module.StateChanges);
            Assert.DoesNotContain(module.LogEntries, e => e.Kind != "login");
            Assert.True(shell.CommandCount > 250_000, "the fuzz must reach the command layer, not only the editor");
            Assert.True(growthSecondHalf < 64 * 1024, $"retained memory grew by {growthSecondHalf} bytes over the last 450,000 inputs (total {retained})");
        }
    }
}
