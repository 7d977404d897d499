using System;
using System.Collections.Generic;
using System.Threading;
using PerfusionGuard.Boards;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Log;
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
    /// <summary>
    /// The bridge between the console thread and the safety thread (SAF-BRD-017, SAF-CON-012): one
    /// mailbox for every request, a snapshot for every read, on a real GuardModule.
    /// </summary>
    public class ConsoleBridgeTests
    {
        /// <summary>A wait that lets the test act as the safety thread: it runs <see cref="Between"/>, then services (or not).</summary>
        private sealed class ScriptedWait : IConsoleWait
        {
            public Action<long> Between;
            public bool ServiceRequests = true;
            public int Calls;

            public long TimeoutMicros => 100_000;

            public bool WaitUntil(ModuleConsoleBridge bridge, ConsoleCondition condition, long nowMicros)
            {
                Calls++;
                if (condition())
                {
                    return true;
                }

                Between?.Invoke(nowMicros);
                if (ServiceRequests)
                {
                    bridge.Service(nowMicros);
                }

                return condition();
            }
        }

        /// <summary>Module control that records which thread carried each request out.</summary>
        private sealed class RecordingControl : IModuleControl
        {
            public readonly List<int> RebootThreads = new();
            public int ProfileRequests;

            public bool TryUseProfile(CircuitKind circuit, long nowMicros, out string reason)
            {
                Interlocked.Increment(ref ProfileRequests);
                reason = "fixed by the test";
                return false;
            }

            public void RequestReboot(long nowMicros)
            {
                lock (RebootThreads)
                {
                    RebootThreads.Add(Environment.CurrentManagedThreadId);
                }
            }
        }

        private sealed class Rig
        {
            public readonly ModuleRig Board = new ModuleRig();
            public readonly GuardModule Module;
            public readonly GuardModuleConsole Console;
            public readonly SerialShell Shell;
            public readonly RecordingControl Control = new RecordingControl();

            public Rig(IConsoleWait wait, Action<ModuleRig> prepare = null)
            {
                prepare?.Invoke(Board);
                Module = Board.Build(CircuitKind.AdultCpb);
                for (int i = 0; i < 2000 && Module.SelfTest.Outcome == SelfTestOutcome.Running; i++)
                {
                    Board.NowMicros += 1_000;
                    Module.Step(Board.NowMicros);
                }

                Assert.True(Module.SelfTest.Passed, Module.SelfTest.Summary);
                Board.Cycle(Module, 50);
                Console = GuardModuleConsole.Create(Module, "pg-rig", "0.1.0", "virtual", null, Board.Store, Module.SettingsAddress, Control, wait);
                Shell = new SerialShell(new FakeStream(), Console.Services, ShellRig.Credential, EchoMode.Silent, 8192) { JsonMode = true };
            }

            public ModuleConsoleBridge Bridge => Console.Bridge;

            /// <summary>One safety step as the device's loop runs it: console requests first, then the module.</summary>
            public void SafetyStep(int cycles = 1)
            {
                for (int i = 0; i < cycles; i++)
                {
                    Board.NowMicros += 10_000;
                    Board.UpdateLatch();
                    Bridge.Service(Board.NowMicros);
                    Module.Step(Board.NowMicros);
                    Board.UpdateLatch();
                }
            }

            public string Run(string line) => Shell.Execute(line, Board.NowMicros);

            public void TripOnAir()
            {
                Board.Air = true;
                SafetyStep(5);
                Board.Air = false;
                SafetyStep(20);
                Assert.False(Module.LastDecision.PumpEnable);
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-017")]
        public void A_console_reset_is_carried_out_by_the_safety_step_not_by_the_console_thread()
        {
            var wait = new ScriptedWait();
            var rig = new Rig(wait);
            rig.TripOnAir();
            Assert.Contains("\"ok\":true", rig.Run("login " + ShellRig.Pin));
            int air = rig.Module.Supervisor.FindRule("AIR_ARTERIAL");
            Assert.True(rig.Module.Supervisor.StatusAt(air).InEffect);

            // While the console waits, the request sits in the mailbox: the console thread has changed nothing.
            bool latchedWhileWaiting = false;
            wait.Between = now =>
            {
                if (rig.Bridge.Mailbox.IsPending && rig.Bridge.Mailbox.Kind == ConsoleRequestKind.OperatorReset)
                {
                    latchedWhileWaiting = rig.Module.Supervisor.StatusAt(air).InEffect && rig.Board.LatchTripped && !rig.Board.LatchResetOn;
                }
            };
            int before = rig.Bridge.Mailbox.CarriedOut;
            rig.Board.ResetKeyDown = true; // SAF-CON-009: held while the command is sent (no cycle in between)
            Assert.Contains("\"reset\":\"done\"", rig.Run("interlock reset"));
            Assert.True(latchedWhileWaiting, "the reset ran before the safety step serviced the mailbox");
            Assert.Equal(before + 2, rig.Bridge.Mailbox.CarriedOut); // the command's snapshot, then the reset
            rig.SafetyStep(20);
            Assert.True(rig.Module.LastDecision.PumpEnable, "pump not enabled after the console reset");
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-017")]
        public void Requests_are_carried_out_in_order_at_the_cycle_boundary_and_the_reply_shows_the_state_after_them()
        {
            var wait = new ScriptedWait();
            var rig = new Rig(wait);
            var order = new List<string>();
            wait.Between = now => order.Add(rig.Bridge.Mailbox.Kind.ToString());
            rig.Run("login " + ShellRig.Pin);
            string set = rig.Run("override set LVL_LOW 10");
            Assert.Contains("\"ok\":true", set);
            int level = rig.Module.Supervisor.FindRule("LVL_LOW");
            // Effective at once, before any module step: the snapshot the reply reads was taken after the request.
            Assert.True(rig.Module.Supervisor.StatusAt(level).Overridden);
            Assert.True(rig.Bridge.Snapshot.StatusAt(level).Overridden);
            Assert.Contains("\"overridden\":true", rig.Run("override list"));
            Assert.Contains("\"ok\":true", rig.Run("override clear LVL_LOW"));
            Assert.False(rig.Module.Supervisor.StatusAt(level).Overridden);
            Assert.Equal(new[] { "Snapshot", "SetOverride", "Snapshot", "Snapshot", "ClearOverride" }, order);

            // Commands that read nothing of the module do not ask the safety thread at all.
            order.Clear();
            rig.Run("help");
            rig.Run("time");
            rig.Run("logout");
            Assert.Empty(order);
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-012")]
        public void Only_one_request_is_pending_and_an_abandoned_one_frees_the_slot_when_the_safety_thread_is_done()
        {
            var mailbox = new ConsoleMailbox();
            Assert.True(mailbox.TryBegin(ConsoleRequestKind.AcknowledgeAlarms));
            Assert.False(mailbox.TryBegin(ConsoleRequestKind.OperatorReset));
            mailbox.Post();
            Assert.False(mailbox.TryBegin(ConsoleRequestKind.OperatorReset));

            // The safety thread takes it; the console gives up while it runs.
            Assert.True(mailbox.TryTake());
            Assert.False(mailbox.TryTake());
            Assert.Equal(ConsoleWithdrawal.StillRunning, mailbox.Withdraw());
            Assert.False(mailbox.IsFree);
            mailbox.Complete();
            Assert.True(mailbox.IsFree, "an abandoned request must free the slot when it completes");
            Assert.False(mailbox.IsDone);

            // Withdrawn before it was taken: never carried out.
            Assert.True(mailbox.TryBegin(ConsoleRequestKind.OperatorReset));
            mailbox.Post();
            Assert.Equal(ConsoleWithdrawal.NotCarriedOut, mailbox.Withdraw());
            Assert.False(mailbox.TryTake());
            Assert.Equal(1, mailbox.CarriedOut);
            Assert.Equal(1, mailbox.Withdrawn);
            Assert.Equal(1, mailbox.AbandonedCount);
        }

        private sealed class SteppingClock : IMicrosClock
        {
            public long Now;
            public long NowMicros => Now += 1_000;
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-012")]
        public void A_request_the_safety_thread_does_not_take_in_time_is_withdrawn_and_the_reply_says_nothing_changed()
        {
            // No safety thread services the mailbox (a stopped loop); the console's clock runs on.
            var rig = new Rig(new SafetyThreadWait(new SteppingClock(), 100_000, 0));
            string reply = rig.Run("status");
            Assert.StartsWith("{\"ok\":false,\"error\":\"E_TIMEOUT\",\"message\":\"the safety loop did not take the request within 100 ms", reply);
            Assert.Contains("nothing was changed", reply);
            Assert.Equal(1, rig.Bridge.Mailbox.Withdrawn);

            // The withdrawn request is never carried out later.
            rig.SafetyStep();
            Assert.Equal(0, rig.Bridge.Mailbox.CarriedOut);
            Assert.Contains("\"ok\":true", rig.Run("help"));
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-012")]
        public void A_change_is_refused_at_the_cycle_boundary_when_a_pump_started_after_the_console_checked()
        {
            var wait = new ScriptedWait();
            var rig = new Rig(wait);
            rig.TripOnAir();
            rig.Board.Physical[(int)ChannelId.PArterial] = 0; // transducer open to air for zeroing
            rig.SafetyStep(50);
            rig.Run("login " + ShellRig.Pin);
            var arterial = (PressureChannel)Array.Find(rig.Module.Channels, c => c.Id == ChannelId.PArterial);
            double zeroBefore = arterial.Calibration.ZeroOffsetCounts;
            int logBefore = rig.Module.Log.Count;

            // The console's snapshot shows the pump stopped; before the zero request reaches the safety
            // thread, the perfusionist starts the pump by hand.
            wait.Between = now =>
            {
                if (rig.Bridge.Mailbox.Kind == ConsoleRequestKind.CalibrationZero)
                {
                    rig.Board.ForcePumpRunning = true;
                    rig.Module.Step(now);
                }
            };
            string reply = rig.Run("cal zero p_arterial");
            Assert.StartsWith("{\"ok\":false,\"error\":\"E_STATE\",\"message\":\"cal zero: refused while the pump runs", reply);
            Assert.Equal(zeroBefore, arterial.Calibration.ZeroOffsetCounts);
            rig.Module.PumpLog(64);
            for (int i = 0; i < rig.Module.Log.Count - logBefore; i++)
            {
                Assert.True(rig.Module.Log.TryReadNewest(i, out EventRecord record));
                Assert.NotEqual(EventKind.Calibration, record.Kind);
            }

            // With the pump stopped again the same command goes through and says what was applied.
            wait.Between = null;
            rig.Board.ForcePumpRunning = false;
            rig.SafetyStep(2);
            string zeroed = rig.Run("cal zero p_arterial");
            Assert.Contains("\"ok\":true", zeroed);
            Assert.Contains("\"zero_counts\":" + arterial.Calibration.ZeroOffsetCounts.ToString("F1", System.Globalization.CultureInfo.InvariantCulture), zeroed);
            Assert.NotEqual(zeroBefore, arterial.Calibration.ZeroOffsetCounts);
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-009")]
        public void An_active_low_reset_key_counts_as_held_only_when_pressed()
        {
            var rig = new Rig(new InlineConsoleWait(), board =>
            {
                board.ResetKeyActiveLow = true;
                board.Board.FindPin(PinRole.ResetKey).ActiveLow = true;
            });
            rig.TripOnAir();
            rig.Run("login " + ShellRig.Pin);
            // Released (the line reads high): not held, and the idle key has not reset the stop by itself.
            Assert.Contains("\"reset_input_active\":false", rig.Run("interlock status"));
            Assert.False(rig.Module.LastDecision.PumpEnable);
            Assert.Contains("\"error\":\"E_STATE\",\"message\":\"hold the reset key", rig.Run("interlock reset"));
            rig.Board.ResetKeyDown = true;
            Assert.Contains("\"reset_input_active\":true", rig.Run("interlock status"));
            Assert.Contains("\"ok\":true", rig.Run("interlock reset"));
        }
    }
}
