using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using PerfusionGuard.Channels;
using PerfusionGuard.Log;
using PerfusionGuard.Module;
using PerfusionGuard.Profiles;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Shell.Adapters;
using PerfusionGuard.Shell.Bridge;
using PerfusionGuard.Telemetry;
using Xunit;

namespace PerfusionGuard.Tests.Module
{
    /// <summary>
    /// SAF-CYC-005: the safety thread takes no lock and waits on nothing another thread holds. The
    /// device runs the safety loop at ThreadPriority.Highest and the log writer and telemetry at
    /// Lowest, with M2Mqtt's threads at Normal in between and no priority inheritance: a lock the
    /// safety step shared with a Lowest thread could stall it for whole 20 ms quanta.
    /// The proof is mechanical: every object reachable from the module and its console (each a
    /// possible lock) is held locked by another thread while the safety thread's per-cycle work
    /// (<see cref="ModuleConsoleBridge.Service"/>, then <see cref="GuardModule.Step"/>) runs through
    /// air stops, resets, the silence key, telemetry frames, full rings and every console request,
    /// on a thread of its own with a time bound, so a regression fails instead of hanging.
    /// </summary>
    public class SafetyThreadLockTests
    {
        private const int ScriptCycles = 3000;

        [Fact]
        [Trait("Requirement", "SAF-CYC-005")]
        public void Every_object_the_safety_step_can_reach_held_locked_by_another_thread_delays_neither_the_step_nor_the_console_service()
        {
            Module m = Module.Start();
            m.RunScript(ScriptCycles); // once unheld: JIT, and proof that the script itself completes

            object[] reachable = ObjectGraph.Reachable(m.Guard, m.Console);
            // The locks that exist, and that the old safety path took, are among those held.
            foreach (object knownLock in m.KnownLocks())
            {
                Assert.Contains(knownLock, reachable);
            }

            long cyclesBefore = m.Guard.Cycle.CycleCount;
            long framesBefore = m.Guard.Telemetry.DataFramesSampled;
            long transitionsBefore = m.Guard.Alarms.History.RecordedCount;
            int requestsBefore = m.Console.Bridge.Mailbox.CarriedOut;
            int postedBefore = m.RequestsPosted;
            bool completed;
            TimeSpan took;
            using (new LockHolder(reachable))
            {
                completed = Bounded.Run(() => m.RunScript(ScriptCycles), TimeSpan.FromSeconds(30), out took);
            }

            Assert.True(completed, ScriptCycles + " safety steps did not complete within 30 s while " + reachable.Length
                + " reachable objects were held locked by another thread: the safety thread waited on a lock");
            // The script went through the paths that used to take locks.
            Assert.Equal(ScriptCycles, m.Guard.Cycle.CycleCount - cyclesBefore);
            Assert.True(m.Guard.Telemetry.DataFramesSampled - framesBefore >= ScriptCycles / 2 - 1, "data frames sampled");
            Assert.True(m.Guard.Telemetry.Handoff.Refused > 0, "the data-frame handoff should have run full (nobody drained it)");
            Assert.True(m.Guard.Alarms.History.RecordedCount - transitionsBefore > 10, "alarm transitions recorded");
            Assert.Equal(m.RequestsPosted - postedBefore, m.Console.Bridge.Mailbox.CarriedOut - requestsBefore);
            Assert.True(m.RequestsPosted - postedBefore >= 2 * 12, "every kind of console request at least twice");
            Assert.Equal(0, m.Console.Bridge.ServiceFailures);
        }

        [Fact]
        [Trait("Requirement", "SAF-CYC-005")]
        public void The_harness_catches_a_step_that_waits_on_a_held_lock()
        {
            // The control: the same harness with one read of the outbox's counters (which take its lock)
            // added to the script stalls until the holder lets go.
            Module m = Module.Start();
            object[] reachable = ObjectGraph.Reachable(m.Guard, m.Console);
            bool completed;
            var holder = new LockHolder(reachable);
            try
            {
                completed = Bounded.Run(() =>
                {
                    m.RunScript(10);
                    _ = m.Guard.TelemetryOutbox.EnqueuedTotal;
                }, TimeSpan.FromSeconds(1), out _);
            }
            finally
            {
                holder.Dispose();
            }

            Assert.False(completed, "the control should have waited for the held outbox lock");
        }

        [Fact]
        [Trait("Requirement", "SAF-CYC-005")]
        public void Every_remaining_lock_and_blocking_wait_in_the_firmware_is_off_the_safety_thread_and_listed_here()
        {
            // The explicit list: where the firmware still locks or blocks, and on which threads. A new
            // `lock` or wait elsewhere fails here until it is shown to stay off the safety thread (and
            // added, with its threads) or replaced by a lock-free handoff. Beside these, the safety
            // thread takes the locks nanoFramework's drivers take inside GpioPin.Write and
            // AdcChannel.ReadValue (one per pin / channel): no other thread touches those pins and
            // channels once it runs (SafetyLoopThread.RequestFailSafeStop).
            var allowed = new Dictionary<string, string>
            {
                ["Core/Log/EventLog.cs lock"] = "log writer (appends) and console (log show, UTC reference); the safety thread only queues into PendingRecordRing / the event rings",
                ["Core/Telemetry/TelemetryOutbox.cs lock"] = "telemetry thread (enqueue, send) and console (net status counters); the safety thread hands data frames over through DataFrameHandoff",
                ["Core/Telemetry/TelemetrySampler.cs lock"] = "telemetry side only (EnqueueDataFrames, alarms, events); AfterCycle takes none",
                ["Core/Telemetry/TelemetryPump.cs Join"] = "whoever stops the pump thread",
                ["Core/Telemetry/TelemetryPump.cs Sleep"] = "the pump's own thread when idle",
                ["Core/Shell/Bridge/SafetyThreadWait.cs Sleep"] = "console thread, waiting for its own request (bounded, SAF-CON-012)",
                ["Device/Hal/FlashFileStore.cs lock"] = "log writer (event log) and console (calibration commit, config save)",
                ["Device/Telemetry/M2MqttTelemetryLink.cs lock"] = "telemetry thread (publish) and M2Mqtt's event thread (PUBACK)",
                ["Device/Telemetry/M2MqttTelemetryLink.cs WaitOne"] = "telemetry thread waiting for a PUBACK; the link's connection thread",
                ["Device/Telemetry/M2MqttTelemetryLink.cs Sleep"] = "the link's connection thread (backoff)",
                ["Device/Program.cs Sleep"] = "main thread (halt, idle)",
                ["Device/Startup/DeviceModuleControl.cs Sleep"] = "console thread before a reboot",
                ["Device/Startup/NetworkStartup.cs Sleep"] = "network start-up thread",
                ["Device/Threads/PollingThread.cs Sleep"] = "each polling thread (console, log writer, telemetry) between steps",
                ["Device/Threads/SafetyLoopThread.cs Sleep"] = "the safety loop's own pacing until its next deadline: waits for time, not for another thread",
            };
            string firmware = Path.Combine(RepoRoot(), "firmware");
            var pattern = new Regex(@"\block\s*\(|Monitor\.|\.WaitOne\s*\(|\.Join\s*\(|Thread\.Sleep\s*\(|SpinWait|\.Wait\s*\(");
            var found = new SortedSet<string>(StringComparer.Ordinal);
            var files = new[] { "PerfusionGuard.Core", "PerfusionGuard.Device" }
                .SelectMany(project => Directory.EnumerateFiles(Path.Combine(firmware, project), "*.cs", SearchOption.AllDirectories))
                .Where(f => !f.Contains("/bin/") && !f.Contains("/obj/"));
            foreach (string file in files)
            {
                string relative = Path.GetRelativePath(firmware, file).Replace('\\', '/').Replace("PerfusionGuard.", "");
                foreach (string line in File.ReadLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)))
                {
                    Match match = pattern.Match(line);
                    if (match.Success)
                    {
                        string what = match.Value.Contains("lock") ? "lock" : match.Value.Contains("Join") ? "Join" : match.Value.Contains("Sleep") ? "Sleep"
                            : match.Value.Contains("WaitOne") ? "WaitOne" : match.Value.Trim();
                        found.Add(relative + " " + what);
                    }
                }
            }

            var unexpected = found.Where(f => !allowed.ContainsKey(f)).ToArray();
            Assert.True(unexpected.Length == 0, "lock or blocking wait not on the list (is it reachable from the safety thread?): " + string.Join("; ", unexpected));
            var gone = allowed.Keys.Where(k => !found.Contains(k)).ToArray();
            Assert.True(gone.Length == 0, "listed but no longer in the core, remove from the list: " + string.Join("; ", gone));
        }

        private static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "nf.proj.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("nf.proj.sln not found above " + AppContext.BaseDirectory);
        }

        /// <summary>A module with telemetry and its console, past the self-test, and a script of the safety thread's work.</summary>
        private sealed class Module
        {
            private static readonly ConsoleRequestKind[] s_requests =
            {
                ConsoleRequestKind.Snapshot, ConsoleRequestKind.AcknowledgeAlarms, ConsoleRequestKind.OperatorReset, ConsoleRequestKind.SetOverride,
                ConsoleRequestKind.ClearOverride, ConsoleRequestKind.CalibrationZero, ConsoleRequestKind.CalibrationSpan, ConsoleRequestKind.CalibrationRevert,
                ConsoleRequestKind.SetSetting, ConsoleRequestKind.ResetSettings, ConsoleRequestKind.UseProfile, ConsoleRequestKind.Reboot,
            };

            private readonly ModuleRig _rig;
            private long _step;
            private int _request;

            private Module(ModuleRig rig, GuardModule guard, GuardModuleConsole console)
            {
                _rig = rig;
                Guard = guard;
                Console = console;
            }

            public GuardModule Guard { get; }

            public GuardModuleConsole Console { get; }

            public int RequestsPosted { get; private set; }

            public static Module Start()
            {
                var rig = new ModuleRig();
                var options = new GuardModuleOptions
                {
                    TelemetryOutbox = new TelemetryOutbox(),
                    TelemetrySession = new TelemetrySession(1, rig.NowMicros, null),
                    // A data frame every other cycle; small rings, so that they run full with nobody draining.
                    TelemetryPeriodMicros = 20_000,
                    SafetyEventRingCapacity = 8,
                    AlarmSinkCapacity = 8,
                    TelemetrySinkCapacity = 4,
                };
                var guard = new GuardModule(rig.Board, rig.Ports, ProfileCatalog.Get(CircuitKind.AdultCpb), null, rig.Store, options, rig.NowMicros);
                var console = GuardModuleConsole.Create(guard, "pg-test", "0.1.0", "virtual", null, rig.Store, guard.SettingsAddress, null, new InlineConsoleWait());
                while (guard.SelfTest.Outcome == SelfTestOutcome.Running)
                {
                    rig.NowMicros += 1_000;
                    guard.Step(rig.NowMicros);
                }

                Assert.True(guard.SelfTest.Passed, guard.SelfTest.Summary);
                return new Module(rig, guard, console);
            }

            public IEnumerable<object> KnownLocks()
            {
                yield return Field(Guard.TelemetryOutbox, "_lock");
                yield return Field(Guard.Log, "_lock");
                yield return Field(Guard.Telemetry, "_encodeLock");
            }

            /// <summary>The safety thread's work for <paramref name="cycles"/> cycles: the console's request, then the module's step.</summary>
            public void RunScript(int cycles)
            {
                ConsoleMailbox mailbox = Console.Bridge.Mailbox;
                for (int c = 0; c < cycles; c++)
                {
                    long i = _step++;
                    _rig.Physical[(int)ChannelId.PArterial] = 180 + (i % 200) * 1.0;
                    _rig.Air = i % 300 < 3;
                    _rig.ResetKeyDown = i % 300 >= 100 && i % 300 < 103;
                    _rig.SilenceKeyDown = i % 50 == 10;
                    _rig.NowMicros += 10_000;
                    _rig.UpdateLatch();
                    if (i % 7 == 0)
                    {
                        // As the console thread would post it; here on this thread, between two steps.
                        ConsoleRequestKind kind = s_requests[_request++ % s_requests.Length];
                        Assert.True(mailbox.TryBegin(kind));
                        mailbox.Target = kind == ConsoleRequestKind.CalibrationZero || kind == ConsoleRequestKind.CalibrationSpan
                            ? (int)ChannelId.PArterial : (int)(i % Guard.Supervisor.RuleCount);
                        mailbox.Number = 1;
                        mailbox.Micros = 60_000_000;
                        mailbox.Value = 200.0;
                        mailbox.Post();
                        RequestsPosted++;
                    }

                    Console.Bridge.Service(_rig.NowMicros);
                    mailbox.Release();
                    Guard.Step(_rig.NowMicros);
                    _rig.UpdateLatch();
                }
            }

            private static object Field(object owner, string name) =>
                owner.GetType().GetField(name, BindingFlags.Instance | BindingFlags.NonPublic).GetValue(owner)
                ?? throw new InvalidOperationException(owner.GetType().Name + "." + name + " is null");
        }
    }

    /// <summary>Runs work on its own thread with a join timeout, so that a wait that never ends fails the test instead of hanging it.</summary>
    internal static class Bounded
    {
        public static bool Run(Action work, TimeSpan bound, out TimeSpan took)
        {
            Exception failure = null;
            var thread = new Thread(() =>
            {
                try
                {
                    work();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            })
            { IsBackground = true };
            var watch = System.Diagnostics.Stopwatch.StartNew();
            thread.Start();
            bool completed = thread.Join(bound);
            took = watch.Elapsed;
            if (completed && failure != null)
            {
                throw new Xunit.Sdk.XunitException("the bounded work failed: " + failure);
            }

            return completed;
        }
    }

    /// <summary>
    /// Holds the monitor of every given object on a thread of its own until disposed, as a
    /// lower-priority thread preempted inside its <c>lock</c> would.
    /// </summary>
    internal sealed class LockHolder : IDisposable
    {
        private readonly ManualResetEventSlim _held = new ManualResetEventSlim();
        private readonly ManualResetEventSlim _release = new ManualResetEventSlim();
        private readonly Thread _thread;
        private bool _disposed;

        public LockHolder(IReadOnlyList<object> objects)
        {
            _thread = new Thread(() =>
            {
                int entered = 0;
                try
                {
                    for (; entered < objects.Count; entered++)
                    {
                        Monitor.Enter(objects[entered]);
                    }

                    _held.Set();
                    _release.Wait();
                }
                finally
                {
                    for (int k = entered - 1; k >= 0; k--)
                    {
                        Monitor.Exit(objects[k]);
                    }
                }
            })
            { IsBackground = true };
            _thread.Start();
            if (!_held.Wait(TimeSpan.FromSeconds(30)))
            {
                throw new InvalidOperationException("could not lock the " + objects.Count + " objects within 30 s");
            }
        }

        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _release.Set();
            _thread.Join();
        }
    }

    /// <summary>
    /// Every object reachable through instance and static fields from the roots, within the
    /// firmware's own types (PerfusionGuard assemblies: the core, and the test rig's fakes), arrays,
    /// delegates and plain <c>object</c>s (the usual lock objects). Other BCL objects are neither
    /// walked nor returned: the core never locks them, and holding their monitors could block the
    /// test runner itself. Strings are left out for the same reason.
    /// </summary>
    internal static class ObjectGraph
    {
        private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        private const BindingFlags Static = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic;

        public static object[] Reachable(params object[] roots)
        {
            var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
            var staticsWalked = new HashSet<Type>();
            var queue = new Queue<object>();
            var result = new List<object>();
            foreach (object root in roots)
            {
                Visit(root, seen, queue);
            }

            while (queue.Count > 0)
            {
                object o = queue.Dequeue();
                result.Add(o);
                Type type = o.GetType();
                if (o is Array array)
                {
                    if (!type.GetElementType().IsPrimitive && !type.GetElementType().IsEnum)
                    {
                        foreach (object element in array)
                        {
                            VisitValue(element, seen, queue);
                        }
                    }

                    continue;
                }

                if (o is Delegate d)
                {
                    foreach (Delegate each in d.GetInvocationList())
                    {
                        Visit(each.Target, seen, queue);
                    }

                    continue;
                }

                for (Type t = type; t != null && IsOwn(t); t = t.BaseType)
                {
                    foreach (FieldInfo field in t.GetFields(Instance | BindingFlags.DeclaredOnly))
                    {
                        VisitValue(field.GetValue(o), seen, queue);
                    }

                    if (staticsWalked.Add(t))
                    {
                        foreach (FieldInfo field in t.GetFields(Static | BindingFlags.DeclaredOnly).Where(f => !f.IsLiteral))
                        {
                            VisitValue(field.GetValue(null), seen, queue);
                        }
                    }
                }
            }

            return result.ToArray();
        }

        private static bool IsOwn(Type t) => t.Assembly.GetName().Name.StartsWith("PerfusionGuard", StringComparison.Ordinal);

        // A boxed struct is walked through its fields (a struct may carry references); a reference is visited.
        private static void VisitValue(object value, HashSet<object> seen, Queue<object> queue)
        {
            if (value == null)
            {
                return;
            }

            Type type = value.GetType();
            if (type.IsValueType)
            {
                if (type.IsPrimitive || type.IsEnum)
                {
                    return;
                }

                foreach (FieldInfo field in type.GetFields(Instance))
                {
                    VisitValue(field.GetValue(value), seen, queue);
                }

                return;
            }

            Visit(value, seen, queue);
        }

        private static void Visit(object o, HashSet<object> seen, Queue<object> queue)
        {
            if (o == null || o is string || o is Type || o is MemberInfo)
            {
                return;
            }

            Type type = o.GetType();
            bool lockable = type == typeof(object) || type.IsArray || o is Delegate || IsOwn(type);
            if (lockable && seen.Add(o))
            {
                queue.Enqueue(o);
            }
        }
    }
}
