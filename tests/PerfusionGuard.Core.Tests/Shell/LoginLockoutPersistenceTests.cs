using System;
using System.Collections.Generic;
using System.Linq;
using PerfusionGuard.Hal;
using PerfusionGuard.Module;
using PerfusionGuard.Profiles;
using PerfusionGuard.Shell;
using PerfusionGuard.Shell.Adapters;
using PerfusionGuard.Shell.Bridge;
using PerfusionGuard.Tests.Fakes;
using PerfusionGuard.Tests.Module;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.Shell
{
    /// <summary>
    /// SAF-CON-013: the wrong-PIN count and the lockout are kept in non-volatile memory, so a reset or
    /// a power cycle between guesses gains nothing. A "reboot" is a new shell, throttle and record
    /// over the same flash bytes, with uptime starting again; time is an injected clock.
    /// </summary>
    public class LoginLockoutPersistenceTests
    {
        private const string WrongPin = "0000";
        private const long BootMicros = 2_000_000;  // uptime when the console first runs after a start

        private readonly byte[] _flash = Erased(LoginAttemptRecord.RequiredBytes);
        private readonly FakeModule _module = new FakeModule();
        private PowerCutStore _store;
        private LoginAttemptRecord _record;

        private static byte[] Erased(int bytes) => Enumerable.Repeat((byte)0xFF, bytes).ToArray();

        /// <summary>The module starts (again) over the same flash: a new record, throttle and shell.</summary>
        private SerialShell Boot(long writeBudgetBytes = -1)
        {
            _store = new PowerCutStore(_flash) { WriteBudget = writeBudgetBytes };
            _record = new LoginAttemptRecord(_store, 0);
            ShellServices services = _module.Services();
            services.LoginThrottle = new LoginThrottle(_record);
            return new SerialShell(new FakeStream(), services, ShellRig.Credential, EchoMode.Silent, SerialShell.DefaultOutputBytes) { JsonMode = true };
        }

        /// <summary>The console thread polling every 20 ms from <paramref name="fromMicros"/> up to (not including) <paramref name="toMicros"/>.</summary>
        private static void PollUntil(SerialShell shell, long fromMicros, long toMicros)
        {
            for (long t = fromMicros; t < toMicros; t += 20_000)
            {
                shell.Poll(t);
            }
        }

        // SAF-CON-013
        [Fact]
        [Trait("Requirement", "SAF-CON-013")]
        public void A_lockout_survives_a_reboot_and_runs_for_no_less_than_what_remained()
        {
            SerialShell shell = Boot();
            long now = BootMicros;
            foreach (long delay in new long[] { 0, 1, 2, 4, 8 })
            {
                now += Time.FromSeconds(delay);
                shell.Execute("login " + WrongPin, now);
            }

            Assert.True(shell.Session.IsLockedOut(now));

            // The console runs for 130 s of the lockout (its poll saves what remains every 60 s), then the power goes.
            PollUntil(shell, now, now + Time.FromSeconds(130));
            long trulyRemaining = LoginThrottle.LockoutMicros - Time.FromSeconds(130);

            shell = Boot();
            long boot = BootMicros;
            long wait = shell.Session.WaitMicros(boot);
            Assert.True(wait >= trulyRemaining, $"after the reboot the lockout has {wait} µs left, less than the {trulyRemaining} µs that remained");
            Assert.Equal(Time.FromSeconds(180), wait); // the checkpoint 120 s in: at most 60 s of it is repeated
            Assert.Contains("\"error\":\"E_LOCKED\"", shell.Execute("login " + ShellRig.Pin, boot + wait - 1));
            Assert.Equal(AccessLevel.Operator, shell.Session.Level);
            Assert.Contains("\"ok\":true", shell.Execute("login " + ShellRig.Pin, boot + wait));
        }

        // SAF-CON-013
        [Fact]
        [Trait("Requirement", "SAF-CON-013")]
        public void A_reboot_right_after_the_fifth_wrong_PIN_keeps_the_whole_lockout()
        {
            SerialShell shell = Boot();
            long now = BootMicros;
            foreach (long delay in new long[] { 0, 1, 2, 4, 8 })
            {
                now += Time.FromSeconds(delay);
                shell.Execute("login " + WrongPin, now);
            }

            // Power cut 10 s later, before the first checkpoint; the next start runs the full lockout again.
            shell = Boot();
            Assert.Equal(LoginThrottle.LockoutMicros, shell.Session.WaitMicros(BootMicros));
            Assert.Contains("console login locked", shell.Execute("login " + ShellRig.Pin, BootMicros + LoginThrottle.LockoutMicros - 1));
        }

        // SAF-CON-013
        [Fact]
        [Trait("Requirement", "SAF-CON-013")]
        public void Wrong_PINs_with_a_reboot_between_each_escalate_the_delay_and_the_fifth_locks()
        {
            for (int failure = 1; failure <= 4; failure++)
            {
                SerialShell shell = Boot();
                long now = BootMicros;
                if (failure > 1)
                {
                    // A start after failures waits one full delay step for the stored count before checking a PIN.
                    long step = LoginThrottle.DelayAfter(failure - 1);
                    Assert.Equal(step, shell.Session.WaitMicros(now));
                    Assert.Contains("too soon after a wrong PIN", shell.Execute("login " + ShellRig.Pin, now + step - 1));
                    now += step;
                }

                string reply = shell.Execute("login " + WrongPin, now);
                Assert.Contains("\"error\":\"E_AUTH\"", reply);
                Assert.Contains("next attempt in " + (1 << (failure - 1)).ToString() + ".000 s", reply);
                Assert.Equal(failure, shell.Session.Failures);
            }

            SerialShell last = Boot();
            Assert.Equal(Time.FromSeconds(8), last.Session.WaitMicros(BootMicros));
            string fifth = last.Execute("login " + WrongPin, BootMicros + Time.FromSeconds(8));
            Assert.Contains("wrong PIN 5 times; console login locked for 300.000 s", fifth);
            Assert.True(Boot().Session.IsLockedOut(BootMicros));

            // The event log records failures and the lockout as before: subjects 1..4, then aux 2.
            string[] logins = _module.LogEntries.Select(e => e.Text).Reverse().ToArray();
            Assert.Equal(new[]
            {
                "subject=1 old=0 new=0 aux=1 by local_console",
                "subject=2 old=0 new=0 aux=1 by local_console",
                "subject=3 old=0 new=0 aux=1 by local_console",
                "subject=4 old=0 new=0 aux=1 by local_console",
                "subject=5 old=0 new=0 aux=2 by local_console",
            }, logins);
        }

        // SAF-CON-013
        [Fact]
        [Trait("Requirement", "SAF-CON-013")]
        public void A_correct_PIN_resets_the_stored_count()
        {
            SerialShell shell = Boot();
            long now = BootMicros;
            shell.Execute("login " + WrongPin, now);
            now += Time.FromSeconds(1);
            shell.Execute("login " + WrongPin, now);
            now += Time.FromSeconds(2);
            shell.Execute("login " + WrongPin, now);
            now += Time.FromSeconds(4);
            Assert.Contains("\"ok\":true", shell.Execute("login " + ShellRig.Pin, now));

            shell = Boot();
            Assert.Equal(0, shell.Session.WaitMicros(BootMicros));
            Assert.Equal(0, shell.Session.Failures);
            Assert.True(new LoginAttemptRecord(new PowerCutStore(_flash), 0).TryLoad(out string error), error);
            Assert.Contains("next attempt in 1.000 s", shell.Execute("login " + WrongPin, BootMicros)); // counting starts again at one
        }

        // SAF-CON-013
        [Fact]
        [Trait("Requirement", "SAF-CON-013")]
        public void A_damaged_record_locks_login_but_a_never_written_one_means_no_failures()
        {
            Assert.Equal(0, Boot().Session.WaitMicros(BootMicros));
            Assert.Null(Boot().Session.Throttle.Note);

            SerialShell shell = Boot();
            shell.Execute("login " + WrongPin, BootMicros);
            _flash[LoginAttemptRecord.RecordBytes - 1] ^= 0x01;   // the only written slot (A) loses its CRC

            shell = Boot();
            Assert.Equal(LoginThrottle.LockoutMicros, shell.Session.WaitMicros(BootMicros));
            Assert.Contains("slot A: CRC mismatch", shell.Session.Throttle.Note);
            Assert.Contains("locked for 300 s", shell.Session.Throttle.Note);

            // The first poll writes a valid record (the lockout as it stands), so the damage does not outlive the lockout.
            shell.Poll(BootMicros);
            Assert.True(new LoginAttemptRecord(new PowerCutStore(_flash), 0).TryLoad(out string error), error);
            Assert.Equal(LoginThrottle.LockoutMicros, Boot().Session.WaitMicros(BootMicros));
        }

        // SAF-CON-013
        [Fact]
        [Trait("Requirement", "SAF-CON-013")]
        public void An_attempt_is_counted_in_flash_before_its_PIN_is_checked()
        {
            // The power goes right after the verdict of a correct PIN (the reset's save is cut at its
            // first byte): the attempt is still counted, because it was saved before the check. Were it
            // saved only after the verdict, a guesser could cut the power whenever the verdict is "wrong".
            SerialShell shell = Boot(writeBudgetBytes: LoginAttemptRecord.RecordBytes);
            shell.Execute("login " + ShellRig.Pin, BootMicros);
            Assert.True(_store.PowerIsCut);

            shell = Boot();
            Assert.Equal(1, shell.Session.Failures);
            Assert.Equal(LoginThrottle.FirstDelayMicros, shell.Session.WaitMicros(BootMicros));
        }

        // SAF-CON-013
        [Fact]
        [Trait("Requirement", "SAF-CON-013")]
        public void A_module_rebuilt_over_its_store_keeps_the_console_locked_and_only_the_console_poll_writes_the_record()
        {
            var board = new ModuleRig();
            GuardModule module = board.Build(CircuitKind.AdultCpb);
            GuardModuleConsole console = GuardModuleConsole.Create(module, "pg-rig", "0.1.0", "virtual", null, board.Store, module.SettingsAddress, null, new InlineConsoleWait());
            Assert.True(console.Services.LoginThrottle.Persistent);
            Assert.Null(console.LoginNote);
            var shell = new SerialShell(new FakeStream(), console.Services, ShellRig.Credential, EchoMode.Silent, 8192) { JsonMode = true };
            foreach (long delay in new long[] { 0, 1, 2, 4, 8 })
            {
                board.NowMicros += Time.FromSeconds(delay);
                shell.Execute("login " + WrongPin, board.NowMicros);
            }

            Assert.True(shell.Session.IsLockedOut(board.NowMicros));
            int loginAddress = module.SettingsAddress + ProfileLimitSettings.RecordBytes;
            byte[] record = LoginArea(board.Store, loginAddress);

            // 61 s of the safety thread alone (console requests, then the module step): the record is not touched.
            for (int cycle = 0; cycle < 6100; cycle++)
            {
                board.NowMicros += 10_000;
                console.Bridge.Service(board.NowMicros);
                module.Step(board.NowMicros);
            }

            Assert.Equal(record, LoginArea(board.Store, loginAddress));
            shell.Poll(board.NowMicros); // the console thread: the 60 s checkpoint
            Assert.NotEqual(record, LoginArea(board.Store, loginAddress));

            // Reset: the module and its console are built again over the same store.
            GuardModule again = board.Build(CircuitKind.AdultCpb);
            GuardModuleConsole againConsole = GuardModuleConsole.Create(again, "pg-rig", "0.1.0", "virtual", null, board.Store, again.SettingsAddress, null, new InlineConsoleWait());
            var againShell = new SerialShell(new FakeStream(), againConsole.Services, ShellRig.Credential, EchoMode.Silent, 8192) { JsonMode = true };
            Assert.Contains("\"error\":\"E_LOCKED\"", againShell.Execute("login " + ShellRig.Pin, 1_000_000));
            Assert.Equal(Time.FromSeconds(239), againShell.Session.WaitMicros(1_000_000)); // locked at 15 s, checkpoint at 76 s
        }

        private static byte[] LoginArea(INonVolatileStore store, int address)
        {
            var bytes = new byte[LoginAttemptRecord.RequiredBytes];
            store.Read(address, bytes, 0, bytes.Length);
            return bytes;
        }

        // SAF-CON-013
        [Fact]
        [Trait("Requirement", "SAF-CON-013")]
        public void Without_room_in_the_store_the_count_lives_in_RAM_and_the_console_says_so()
        {
            var board = new ModuleRig();
            GuardModule module = board.Build(CircuitKind.AdultCpb);
            GuardModuleConsole console = GuardModuleConsole.Create(module, "pg-rig", "0.1.0", "virtual", null, board.Store,
                board.Store.SizeBytes - ProfileLimitSettings.RecordBytes, null, new InlineConsoleWait());
            Assert.False(console.Services.LoginThrottle.Persistent);
            Assert.Contains("has no room for the login record", console.LoginNote);
        }

        /// <summary>One step of the console's life: a login at a time, or a poll (the lockout checkpoints).</summary>
        private sealed class Step
        {
            public long AtMicros;
            public string Pin;  // null: a poll

            public override string ToString() => (Pin == null ? "poll" : "login " + Pin) + " at " + (AtMicros / 1e6).ToString("F2") + " s";
        }

        private static List<Step> GuessingSession()
        {
            var steps = new List<Step>();
            long t = BootMicros;
            foreach (long delay in new long[] { 0, 1, 2, 4, 8 })
            {
                t += Time.FromSeconds(delay);
                steps.Add(new Step { AtMicros = t, Pin = WrongPin });
            }

            // The lockout runs down with a poll every second (checkpoints at 240, 180, 120, 60 s and the end).
            long lockoutEnd = t + LoginThrottle.LockoutMicros;
            for (t += Time.FromSeconds(1); t <= lockoutEnd; t += Time.FromSeconds(1))
            {
                steps.Add(new Step { AtMicros = t });
            }

            steps.Add(new Step { AtMicros = t, Pin = WrongPin });
            steps.Add(new Step { AtMicros = t + Time.FromSeconds(1), Pin = ShellRig.Pin });
            return steps;
        }

        /// <summary>
        /// How much a state holds back the next guess: locked (rank 5, by time left), or the wrong PINs
        /// in a row (rank 0-4; after a start the delay is a full step of that count).
        /// </summary>
        private static (int Rank, long LockoutMicros) Hold(LoginThrottle throttle, long nowMicros)
        {
            bool locked = throttle.IsLockedOut(nowMicros);
            return locked ? (LoginThrottle.MaxFailures, throttle.WaitMicros(nowMicros)) : (throttle.Failures, 0);
        }

        // SAF-CON-013
        [Fact]
        [Trait("Requirement", "SAF-CON-013")]
        public void A_power_cut_at_every_byte_of_every_save_never_unlocks_early_nor_loses_a_checked_PIN()
        {
            List<Step> steps = GuessingSession();

            // Reference run without a cut: bytes written up to the end of each step, and the hold before it.
            var reference = new PowerCutStore(Erased(LoginAttemptRecord.RequiredBytes));
            var refThrottle = new LoginThrottle(new LoginAttemptRecord(reference, 0));
            var refSession = new ServiceSession(ShellRig.Credential, refThrottle);
            var bytesAfter = new long[steps.Count];
            var holdBefore = new (int Rank, long LockoutMicros)[steps.Count];
            for (int i = 0; i < steps.Count; i++)
            {
                holdBefore[i] = Hold(refThrottle, steps[i].AtMicros);
                Run(refSession, steps[i]);
                bytesAfter[i] = reference.BytesWritten;
            }

            long total = reference.BytesWritten;
            Assert.Equal(13 * LoginAttemptRecord.RecordBytes, total); // 5 wrong, 4 checkpoints, end, 1 wrong, 1 right (2 saves)

            for (long cut = 0; cut < total; cut++)
            {
                var flash = Erased(LoginAttemptRecord.RequiredBytes);
                var store = new PowerCutStore(flash) { WriteBudget = cut };
                var session = new ServiceSession(ShellRig.Credential, new LoginThrottle(new LoginAttemptRecord(store, 0)));
                int step = 0;
                while (!store.PowerIsCut)
                {
                    Run(session, steps[step++]);
                }

                int cutStep = step - 1;
                long written = cutStep == 0 ? 0 : bytesAfter[cutStep - 1];
                string where = $"power cut after {cut} bytes, during {steps[cutStep]}";

                // Power back: a new throttle over the same flash, uptime from zero.
                var restored = new LoginThrottle(new LoginAttemptRecord(new PowerCutStore(flash), 0));
                (int rank, long lockout) = Hold(restored, BootMicros);

                // What must hold at least: a save torn before its PIN was checked may be lost (the verdict
                // never existed); anything later must keep the failure; a lockout never runs shorter.
                Step s = steps[cutStep];
                bool tornBeforeVerdict = s.Pin != null && cut < written + LoginAttemptRecord.RecordBytes;
                (int Rank, long LockoutMicros) must = holdBefore[cutStep];
                if (s.Pin == WrongPin && !tornBeforeVerdict)
                {
                    must = (must.Rank + 1, must.Rank + 1 == LoginThrottle.MaxFailures ? LoginThrottle.LockoutMicros : 0);
                }

                Assert.True(rank > must.Rank || (rank == must.Rank && lockout >= must.LockoutMicros),
                    $"{where}: restored {rank} failures / {lockout} µs lockout, must hold at least {must.Rank} / {must.LockoutMicros} µs");
                if (must.Rank < LoginThrottle.MaxFailures && rank == must.Rank && rank > 0)
                {
                    Assert.Equal(LoginThrottle.DelayAfter(rank), restored.WaitMicros(BootMicros));
                }
            }
        }

        private static void Run(ServiceSession session, Step step)
        {
            if (step.Pin == null)
            {
                session.Throttle.Tick(step.AtMicros);
            }
            else
            {
                session.TryLogin(step.AtMicros, step.Pin);
            }
        }

        // SAF-CON-013
        [Theory]
        [Trait("Requirement", "SAF-CON-013")]
        [InlineData(false)]
        [InlineData(true)]
        public void Guessing_without_pause_costs_two_saves_per_wrong_PIN_power_cycling_included(bool rebootAfterEveryGuess)
        {
            // An attacker retries the moment the console allows it, the console polling every 20 ms.
            const int guesses = 50;
            SerialShell shell = Boot();
            long saves = 0;
            long now = BootMicros;
            int made = 0;
            while (made < guesses)
            {
                long wait = shell.Session.WaitMicros(now);
                if (wait > 0)
                {
                    PollUntil(shell, now, now + wait);
                    now += wait;
                }

                shell.Poll(now);
                Assert.Contains("\"ok\":false", shell.Execute("login " + WrongPin, now));
                made++;
                if (rebootAfterEveryGuess)
                {
                    saves += _record.Saves;
                    shell = Boot();
                    now = BootMicros;
                }
            }

            // Let the last lockout run out.
            PollUntil(shell, now, now + LoginThrottle.LockoutMicros + 40_000);
            saves += _record.Saves;
            Assert.Equal(2 * guesses, saves);
        }
    }
}
