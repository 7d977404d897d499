using System;
using PerfusionGuard.Module;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>
    /// The one way between the console thread and the safety thread (SAF-BRD-017, SAF-CON-012).
    /// The console never touches what a cycle changes: it reads a <see cref="ModuleSnapshot"/> that
    /// the safety thread copies at a cycle boundary, and every change (reset, overrides,
    /// acknowledge, calibration, settings, profile, reboot) is a request in the one-slot
    /// <see cref="ConsoleMailbox"/> that the safety thread carries out at the start of its next step,
    /// before <see cref="GuardModule.Step"/>, and answers with the outcome and a fresh snapshot. The
    /// console waits for that answer through the injected <see cref="IConsoleWait"/> (bounded), so a
    /// reply says what actually happened; the safety thread never waits for the console.
    /// The device's safety loop and the emulator call the same <see cref="Service"/>; only the wait
    /// differs. Console-side methods are for one console thread.
    /// </summary>
    public sealed class ModuleConsoleBridge : IConsoleSync
    {
        private readonly ConsoleMailbox _mailbox = new ConsoleMailbox();
        private readonly ModuleSnapshot _snapshot;
        private readonly ModuleRequestExecutor _executor;
        private readonly IConsoleWait _wait;
        private readonly ConsoleCondition _done;
        private readonly ConsoleCondition _free;
        private bool _failed;
        private string _failureCode;
        private string _failureMessage;
        private bool _lastOk;
        private string _lastReason;
        private long _commandMicros;
        private int _tornSnapshots;
        private int _serviceFailures;

        /// <summary>A bridge to <paramref name="module"/> whose requests <paramref name="executor"/> carries out; the console waits through <paramref name="wait"/>.</summary>
        public ModuleConsoleBridge(GuardModule module, ModuleRequestExecutor executor, IConsoleWait wait)
        {
            _snapshot = new ModuleSnapshot(module);
            _executor = executor;
            _wait = wait;
            _done = () => _mailbox.IsDone;
            _free = () => _mailbox.IsFree;
        }

        /// <summary>The console's copy of the module (current after <see cref="BeginCommand"/> or a request).</summary>
        public ModuleSnapshot Snapshot => _snapshot;

        /// <summary>The mailbox (counters for diagnostics and tests).</summary>
        public ConsoleMailbox Mailbox => _mailbox;

        /// <summary>Time of the running command (for requests whose interface carries no time).</summary>
        public long CommandMicros => _commandMicros;

        /// <summary>Snapshots found torn by the console (must stay 0).</summary>
        public int TornSnapshots => _tornSnapshots;

        /// <summary>Requests that threw on the safety thread (answered as failed; the cycle went on).</summary>
        public int ServiceFailures => _serviceFailures;

        /// <summary>Outcome of the last request carried out: the component accepted it.</summary>
        public bool LastOk => _lastOk;

        /// <summary>Outcome of the last request: the component's reason, or why it was not carried out.</summary>
        public string LastReason => _lastReason;

        /// <summary>
        /// Safety thread, at the start of each step (before <see cref="GuardModule.Step"/>): carries out
        /// the pending request, if any, then copies the module's state for the console. Returns at once
        /// when nothing is pending. Allocates nothing except what a request's component does on refusal.
        /// </summary>
        public void Service(long nowMicros)
        {
            if (!_mailbox.TryTake())
            {
                return;
            }

            try
            {
                _executor.Execute(_mailbox, nowMicros);
                _snapshot.Capture(nowMicros);
            }
            catch (Exception)
            {
                // A console request must never stop the safety loop (an exception there is a fail-safe stop).
                _serviceFailures++;
                _mailbox.Ok = false;
                _mailbox.Reason = "the module could not carry out the request (internal error); nothing more was changed";
            }

            _mailbox.Complete();
        }

        /// <inheritdoc />
        public bool BeginCommand(long nowMicros, out string error)
        {
            _failed = false;
            _commandMicros = nowMicros;
            if (!Request(ConsoleRequestKind.Snapshot, -1, 0, 0, 0.0, CommandSource.LocalConsole, nowMicros))
            {
                error = _failureMessage;
                _failed = false;
                return false;
            }

            error = null;
            return true;
        }

        /// <inheritdoc />
        public bool CommandFailed => _failed;

        /// <inheritdoc />
        public bool TakeFailure(out string code, out string message)
        {
            code = _failureCode;
            message = _failureMessage;
            bool failed = _failed;
            _failed = false;
            return failed;
        }

        /// <summary>
        /// Console thread: posts a request, waits for the safety thread to carry it out, and reads the
        /// outcome into <see cref="LastOk"/> / <see cref="LastReason"/>. False when it was not carried
        /// out (timed out, refused because a pump runs, unavailable): the command's failure is then set
        /// (<see cref="TakeFailure"/>) and <see cref="LastReason"/> says why.
        /// </summary>
        public bool Request(ConsoleRequestKind kind, int target, int number, long micros, double value, CommandSource source, long nowMicros)
        {
            _lastOk = false;
            _lastReason = null;
            if (!_mailbox.IsFree && !_wait.WaitUntil(this, _free, nowMicros))
            {
                return Fail(ShellErrors.Timeout, "the safety loop is still carrying out an earlier request; nothing was sent, try again");
            }

            if (!_mailbox.TryBegin(kind))
            {
                return Fail(ShellErrors.Timeout, "the console's request slot is busy; nothing was sent, try again");
            }

            _mailbox.Target = target;
            _mailbox.Number = number;
            _mailbox.Micros = micros;
            _mailbox.Value = value;
            _mailbox.Source = source;
            _mailbox.Post();
            if (!_wait.WaitUntil(this, _done, nowMicros))
            {
                ConsoleWithdrawal withdrawal = _mailbox.Withdraw();
                if (withdrawal == ConsoleWithdrawal.NotCarriedOut)
                {
                    return Fail(ShellErrors.Timeout, "the safety loop did not take the request within " + WaitText()
                        + " (is it running? see the debugger output); nothing was changed");
                }

                if (withdrawal == ConsoleWithdrawal.StillRunning)
                {
                    return Fail(ShellErrors.Timeout, "the safety loop took the request but did not finish it within " + WaitText()
                        + "; whether it took effect is unknown: check with status");
                }
            }

            ConsoleRefusal refusal = _mailbox.Refusal;
            _lastOk = _mailbox.Ok;
            _lastReason = _mailbox.Reason;
            bool whole = _snapshot.IsWhole;
            _mailbox.Release();
            if (!whole)
            {
                _tornSnapshots++;
                return Fail(ShellErrors.Internal, "the module snapshot was torn (console defect); nothing is shown");
            }

            switch (refusal)
            {
                case ConsoleRefusal.PumpRunning:
                    return Fail(ShellErrors.State, "refused while the pump runs: a pump started after the command was checked; nothing was changed");
                case ConsoleRefusal.Unavailable:
                    return Fail(ShellErrors.Unavailable, "this module cannot do that");
                default:
                    return true;
            }
        }

        private bool Fail(string code, string message)
        {
            _failed = true;
            _failureCode = code;
            _failureMessage = message;
            _lastOk = false;
            _lastReason = message;
            return false;
        }

        private string WaitText()
        {
            long millis = _wait.TimeoutMicros / 1000;
            return millis.ToString() + " ms";
        }
    }
}
