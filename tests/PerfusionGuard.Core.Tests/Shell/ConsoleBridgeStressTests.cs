using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Module;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Shell;
using PerfusionGuard.Shell.Adapters;
using PerfusionGuard.Shell.Bridge;
using PerfusionGuard.Tests.Module;
using Xunit;
using Xunit.Abstractions;

namespace PerfusionGuard.Tests.Shell
{
    /// <summary>
    /// The device's thread model on the host: one thread steps a real GuardModule on an injected
    /// (virtual) clock as the safety loop does (console requests first, then the module), a second
    /// fires random console commands through the real SerialShell and the device's
    /// <see cref="SafetyThreadWait"/>, a third writes the event log as the log writer does.
    /// </summary>
    [Collection("fuzz")]
    public class ConsoleBridgeStressTests
    {
        private static readonly string[] s_lines =
        {
            "status", "sensor list", "sensor get p_arterial", "sensor raw p_venous", "sensor get bubble_arterial", "alarm list",
            "alarm history 32", "alarm ack", "interlock status", "interlock reset", "override list", "override set LVL_LOW 5",
            "override clear LVL_LOW", "override set AIR_ARTERIAL 5", "selftest", "cal show", "cal zero p_arterial",
            "cal span p_venous 200", "cal commit", "cal revert", "config get", "config get limit.p_arterial_high",
            "config set limit.p_arterial_high 290", "config set limit.p_arterial_high 9999", "config save", "config reset",
            "profile show", "profile use ecmo", "log show 32", "time", "net status", "version", "help", "reboot",
            "logout", "login " + ShellRig.Pin, "frobnicate", "sensor get p_return", "mode json",
        };

        private static readonly HashSet<string> s_expectedErrors = new()
        {
            "E_ARGS", "E_PERM", "E_STATE", "E_UNKNOWN", "E_UNAVAILABLE", "E_FAILED",
        };

        private readonly ITestOutputHelper _log;

        public ConsoleBridgeStressTests(ITestOutputHelper log)
        {
            _log = log;
        }

        private sealed class WallClock : IMicrosClock
        {
            private readonly Stopwatch _watch = Stopwatch.StartNew();
            public long NowMicros => _watch.ElapsedTicks * 1_000_000 / Stopwatch.Frequency;
        }

        private sealed class ThreadRecordingControl : IModuleControl
        {
            public readonly ConcurrentBag<int> Threads = new();

            public bool TryUseProfile(CircuitKind circuit, long nowMicros, out string reason)
            {
                Threads.Add(Environment.CurrentManagedThreadId);
                reason = "the test module keeps its profile";
                return false;
            }

            public void RequestReboot(long nowMicros) => Threads.Add(Environment.CurrentManagedThreadId);
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-012")]
        public void Random_console_commands_against_a_module_stepping_on_another_thread_never_tear_block_or_allocate_in_the_cycle()
        {
            var rig = new ModuleRig();
            GuardModule module = rig.Build(CircuitKind.AdultCpb);
            for (int i = 0; i < 2000 && module.SelfTest.Outcome == SelfTestOutcome.Running; i++)
            {
                rig.NowMicros += 1_000;
                module.Step(rig.NowMicros);
            }

            Assert.True(module.SelfTest.Passed, module.SelfTest.Summary);
            var control = new ThreadRecordingControl();
            var wallClock = new WallClock();
            GuardModuleConsole console = GuardModuleConsole.Create(module, "pg-stress", "0.1.0", "virtual", null, rig.Store, module.SettingsAddress,
                control, new SafetyThreadWait(wallClock, 2_000_000, 0));
            ModuleConsoleBridge bridge = console.Bridge;
            var shell = new SerialShell(new FakeStream { Discard = true }, console.Services, ShellRig.Credential, EchoMode.Silent, 16384) { JsonMode = true };

            var stop = new ManualResetEventSlim(false);
            var measuring = new ManualResetEventSlim(false);
            Exception safetyFailure = null;
            Exception logFailure = null;
            int safetyThreadId = 0;
            long steps = 0;
            long stepBytes = 0;
            long serviceBytes = 0;
            var serviceBytesByKind = new long[16];
            long snapshotTicks = 0;
            long snapshotMaxTicks = 0;
            long snapshots = 0;
            long firstCycle = module.Cycle.CycleCount;
            long startMicros = rig.NowMicros;

            var safety = new Thread(() =>
            {
                safetyThreadId = Environment.CurrentManagedThreadId;
                var random = new Random(17);
                try
                {
                    long i = 0;
                    while (!stop.IsSet)
                    {
                        // The circuit: pressure drifts, air now and then, the reset key pressed now and then.
                        rig.Physical[(int)ChannelId.PArterial] = 180 + (i % 400) * 0.1;
                        rig.Physical[(int)ChannelId.PVenous] = -20 - (i % 100) * 0.05;
                        rig.Air = i % 3000 < 4;
                        rig.ResetKeyDown = i % 3000 >= 1500 && i % 3000 < 1700;
                        rig.NowMicros += 10_000;
                        rig.UpdateLatch();
                        bool measure = measuring.IsSet;
                        // Stable while posted: the console writes the request before it posts it.
                        ConsoleRequestKind kind = bridge.Mailbox.IsPending ? bridge.Mailbox.Kind : ConsoleRequestKind.None;
                        long carriedBefore = bridge.Mailbox.CarriedOut;
                        long a0 = GC.GetAllocatedBytesForCurrentThread();
                        long t0 = Stopwatch.GetTimestamp();
                        bridge.Service(rig.NowMicros);
                        long serviceTicks = Stopwatch.GetTimestamp() - t0;
                        long a1 = GC.GetAllocatedBytesForCurrentThread();
                        module.Step(rig.NowMicros);
                        long a2 = GC.GetAllocatedBytesForCurrentThread();
                        rig.UpdateLatch();
                        // A request posted between the look at the mailbox and Service is carried out in
                        // a step read as idle: it is not idle, and its kind is unknown here.
                        if (kind == ConsoleRequestKind.None && bridge.Mailbox.CarriedOut != carriedBefore)
                        {
                            measure = false;
                        }

                        if (measure)
                        {
                            serviceBytes += a1 - a0;
                            serviceBytesByKind[(int)kind] += a1 - a0;

                            if (kind == ConsoleRequestKind.Snapshot)
                            {
                                snapshots++;
                                snapshotTicks += serviceTicks;
                                snapshotMaxTicks = Math.Max(snapshotMaxTicks, serviceTicks);
                            }
                            stepBytes += a2 - a1;
                            steps++;
                        }

                        i++;
                        if ((i & 7) == 0)
                        {
                            Thread.Yield();
                        }
                    }
                }
                catch (Exception e)
                {
                    safetyFailure = e;
                }
            });
            var logWriter = new Thread(() =>
            {
                try
                {
                    while (!stop.IsSet)
                    {
                        module.PumpLog(16);
                        Thread.Sleep(1);
                    }
                }
                catch (Exception e)
                {
                    logFailure = e;
                }
            });

            safety.Start();
            logWriter.Start();
            var random = new Random(4711);
            var replies = new Dictionary<string, int>();
            int commands = 0;
            int failures = 0;
            var watch = Stopwatch.StartNew();
            try
            {
                Assert.Contains("\"ok\":true", shell.Execute("login " + ShellRig.Pin, wallClock.NowMicros));
                while (watch.Elapsed < TimeSpan.FromSeconds(4))
                {
                    if (!measuring.IsSet && watch.Elapsed > TimeSpan.FromSeconds(1))
                    {
                        // Warm-up done: every path has run once, so the runtime's one-time lazy set-ups are behind us.
                        measuring.Set();
                    }

                    string line = s_lines[random.Next(s_lines.Length)];
                    string reply = shell.Execute(line, wallClock.NowMicros);
                    commands++;
                    Assert.EndsWith("\r\n", reply);
                    string json = reply[..^2];
                    Assert.DoesNotContain('\n', json);
                    using JsonDocument doc = JsonDocument.Parse(json);
                    bool ok = doc.RootElement.GetProperty("ok").GetBoolean();
                    string key = ok ? "ok" : doc.RootElement.GetProperty("error").GetString();
                    if (!ok)
                    {
                        failures++;
                        Assert.True(s_expectedErrors.Contains(key), line + " -> " + reply);
                        Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("message").GetString()));
                    }

                    replies[key] = replies.TryGetValue(key, out int n) ? n + 1 : 1;
                    if (line == "status" && ok)
                    {
                        // One whole cycle boundary: the snapshot's time and cycle count belong together
                        // (the loop advances 10 ms per cycle and captures before the step).
                        ModuleSnapshot snapshot = bridge.Snapshot;
                        Assert.True(snapshot.IsWhole);
                        Assert.Equal(snapshot.CapturedAtMicros - startMicros, (snapshot.CycleCount - firstCycle + 1) * 10_000);
                    }
                }
            }
            finally
            {
                stop.Set();
                safety.Join();
                logWriter.Join();
            }

            Assert.Null(safetyFailure);
            Assert.Null(logFailure);
            string summary = string.Join(", ", replies.OrderBy(r => r.Key).Select(r => r.Key + " " + r.Value));
            _log.WriteLine(commands + " commands (" + summary + "), " + steps + " measured safety steps, "
                + bridge.Mailbox.CarriedOut + " requests carried out, Step allocated " + stepBytes + " B, Service allocated "
                + serviceBytes + " B in total (" + string.Join(", ", Enumerable.Range(0, 13).Where(k => serviceBytesByKind[k] > 0)
                    .Select(k => (ConsoleRequestKind)k + " " + serviceBytesByKind[k] + " B")) + "); a snapshot request costs the safety step "
                + (snapshots == 0 ? 0 : snapshotTicks * 1e9 / Stopwatch.Frequency / snapshots).ToString("F0") + " ns on average, "
                + (snapshotMaxTicks * 1e9 / Stopwatch.Frequency).ToString("F0") + " ns at most (host, " + snapshots + " snapshots)");
            Assert.True(commands > 500, "only " + commands + " commands in 4 s");
            Assert.True(steps > 10_000, "only " + steps + " measured safety steps");
            Assert.Equal(0, stepBytes);
            // Idle steps and snapshots allocate nothing; only a request a component refuses builds its reason text.
            Assert.Equal(0, serviceBytesByKind[(int)ConsoleRequestKind.None]);
            Assert.Equal(0, serviceBytesByKind[(int)ConsoleRequestKind.Snapshot]);
            Assert.Equal(0, bridge.TornSnapshots);
            Assert.Equal(0, bridge.ServiceFailures);
            Assert.Equal(0, shell.InternalErrorCount);
            Assert.Equal(0, bridge.Mailbox.Withdrawn);
            Assert.True(replies.ContainsKey("ok") && replies.ContainsKey("E_STATE"), summary);
            Assert.NotEmpty(control.Threads);
            Assert.All(control.Threads, id => Assert.Equal(safetyThreadId, id));
        }
    }
}
