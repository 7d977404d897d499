using PerfusionGuard.Units;

namespace PerfusionGuard.Shell
{
    /// <summary>
    /// How often the service PIN may be checked: wrong PINs delay the next check 1, 2, 4, 8 s and the
    /// fifth in a row locks login for <see cref="LockoutMicros"/> (SAF-CON-005). With a
    /// <see cref="LoginAttemptRecord"/> the count and the lockout survive a power cycle or reset, so
    /// cycling the power between guesses gains nothing (SAF-CON-013):
    /// <list type="bullet">
    /// <item>An attempt is counted in flash before its PIN is checked, as the failure it would be (the
    /// fifth as the lockout); a correct PIN then saves the reset. Cutting the power once the verdict
    /// is known therefore never loses the failure.</item>
    /// <item>Lockout time is uptime (no trustworthy wall clock before SNTP): the record holds what
    /// remains, saved when the lockout starts, every <see cref="LockoutCheckpointMicros"/> while it
    /// runs and once when it ends. After a start-up the lockout runs for what the record holds, which
    /// is never less than what remained (time without power does not count). After a start-up that
    /// follows failures, the next check waits one full delay step for the stored count.</item>
    /// <item>Both slots never written (a new module) means no failures. Any other record without a
    /// valid copy (damaged, unreadable, another format) locks login for <see cref="LockoutMicros"/>,
    /// as after a fifth wrong PIN: a person at the terminal cannot produce "never written" (a save
    /// writes one slot; a torn first save leaves a partly written slot, which counts as damaged), so
    /// a damaged record never means fewer failures.</item>
    /// <item>Flash wear: refused attempts and start-ups write nothing; a checked PIN costs one save
    /// (two when correct); a lockout four checkpoints and one end. Guessing without pause costs two
    /// saves of <see cref="LoginAttemptRecord.RecordBytes"/> per wrong PIN, at most ten per
    /// lockout period (about 315 s), power cycling included.</item>
    /// </list>
    /// One throttle per module, shared by all its shells; console thread only (never the safety
    /// thread). A failing store does not block login: the count then lives in RAM and the reply says so.
    /// </summary>
    public sealed class LoginThrottle
    {
        /// <summary>Wrong PINs in a row that lock the console.</summary>
        public const int MaxFailures = 5;

        /// <summary>Delay after the first wrong PIN; it doubles with each further one.</summary>
        public const long FirstDelayMicros = 1 * Time.MicrosPerSecond;

        /// <summary>Lockout after <see cref="MaxFailures"/> wrong PINs.</summary>
        public const long LockoutMicros = 300 * Time.MicrosPerSecond;

        /// <summary>Uptime between two saves of the remaining lockout (a reboot repeats at most this much of it).</summary>
        public const long LockoutCheckpointMicros = 60 * Time.MicrosPerSecond;

        private readonly LoginAttemptRecord _record;
        private readonly string _note;
        private readonly long _bootLockoutMicros;
        private bool _started;
        private int _failures;
        private long _retryAtMicros;
        private long _lockedUntilMicros;
        private long _savedLockoutMicros;
        private long _saveFailures;
        private string _unsavedReason;

        /// <summary>
        /// A throttle persisted in <paramref name="record"/> (null: in RAM only, lost at reset). Reads the
        /// record now (start-up); its timing starts at the first call that carries a time.
        /// </summary>
        public LoginThrottle(LoginAttemptRecord record)
            : this(record, null)
        {
        }

        /// <summary>A throttle in RAM only, with <paramref name="why"/> as its <see cref="Note"/> (a module without room for the record).</summary>
        public static LoginThrottle InRamOnly(string why) => new LoginThrottle(null, why);

        private LoginThrottle(LoginAttemptRecord record, string ramOnlyNote)
        {
            _record = record;
            if (record == null)
            {
                _note = ramOnlyNote;
                return;
            }

            string error;
            bool loaded;
            bool nothing = false;
            try
            {
                loaded = record.TryLoad(out error);
                nothing = !loaded && record.FoundNothing;
            }
            catch (System.Exception e)
            {
                loaded = false;
                error = "login record: store failed while reading (" + e.Message + ")";
            }

            if (loaded)
            {
                _failures = record.Failures;
                _bootLockoutMicros = record.LockoutRemainingMicros;
                _savedLockoutMicros = _bootLockoutMicros;
                _note = record.LastLoadNote;
            }
            else if (!nothing)
            {
                // Fail secure: a record that cannot be read is treated as a lockout just started, and a
                // valid one is written at the first checkpoint (the saved remainder is "more than any").
                _bootLockoutMicros = LockoutMicros;
                _savedLockoutMicros = long.MaxValue;
                _note = error + "; console login locked for " + (LockoutMicros / Time.MicrosPerSecond).ToString() + " s as after "
                    + MaxFailures.ToString() + " wrong PINs";
            }
        }

        /// <summary>True when the count and the lockout are kept in non-volatile memory.</summary>
        public bool Persistent => _record != null;

        /// <summary>What start-up found when it was not a clean record or a new module (for the debugger output), else null.</summary>
        public string Note => _note;

        /// <summary>Wrong PINs in a row since the last success or lockout.</summary>
        public int Failures => _failures;

        /// <summary>Saves of the record that failed (the count then lives in RAM only).</summary>
        public long SaveFailures => _saveFailures;

        /// <summary>True while logins are refused by the lockout.</summary>
        public bool IsLockedOut(long nowMicros)
        {
            Start(nowMicros);
            return nowMicros < _lockedUntilMicros;
        }

        /// <summary>Microseconds until a PIN is checked again (0 when it would be now).</summary>
        public long WaitMicros(long nowMicros)
        {
            Start(nowMicros);
            long until = _lockedUntilMicros > _retryAtMicros ? _lockedUntilMicros : _retryAtMicros;
            return until > nowMicros ? until - nowMicros : 0;
        }

        /// <summary>False with <paramref name="refusal"/> (<see cref="LoginResult.LockedOut"/> or <see cref="LoginResult.Delayed"/>) when no PIN may be checked now.</summary>
        public bool MayCheck(long nowMicros, out LoginResult refusal)
        {
            Start(nowMicros);
            refusal = LoginResult.Success;
            if (nowMicros < _lockedUntilMicros)
            {
                refusal = LoginResult.LockedOut;
                return false;
            }

            if (nowMicros < _retryAtMicros)
            {
                refusal = LoginResult.Delayed;
                return false;
            }

            return true;
        }

        /// <summary>
        /// Before a PIN is checked: saves the state a wrong PIN would leave (one more failure, or the
        /// lockout), so that cutting the power once the verdict is visible cannot undo the count.
        /// </summary>
        public void CountAttempt(long nowMicros)
        {
            Start(nowMicros);
            if (_failures + 1 >= MaxFailures)
            {
                Save(0, LockoutMicros);
            }
            else
            {
                Save(_failures + 1, 0);
            }
        }

        /// <summary>The PIN was wrong: the state <see cref="CountAttempt"/> saved now holds in RAM too.</summary>
        public LoginResult Fail(long nowMicros)
        {
            Start(nowMicros);
            _failures++;
            if (_failures >= MaxFailures)
            {
                _failures = 0;
                _retryAtMicros = 0;
                _lockedUntilMicros = nowMicros + LockoutMicros;
                return LoginResult.LockedOutNow;
            }

            _retryAtMicros = nowMicros + DelayAfter(_failures);
            return LoginResult.WrongPin;
        }

        /// <summary>The PIN was right: no failures, saved.</summary>
        public void Succeed(long nowMicros)
        {
            Start(nowMicros);
            _failures = 0;
            _retryAtMicros = 0;
            Save(0, 0);
        }

        /// <summary>
        /// Console thread, every poll: saves the remaining lockout every <see cref="LockoutCheckpointMicros"/>
        /// of uptime while it runs, and its end once. Writes nothing otherwise.
        /// </summary>
        public void Tick(long nowMicros)
        {
            Start(nowMicros);
            if (_record == null)
            {
                return;
            }

            if (nowMicros < _lockedUntilMicros)
            {
                long remaining = _lockedUntilMicros - nowMicros;
                if (remaining <= _savedLockoutMicros - LockoutCheckpointMicros)
                {
                    Save(_failures, remaining);
                }
            }
            else if (_savedLockoutMicros > 0)
            {
                Save(_failures, 0);
            }
        }

        /// <summary>Why the last save failed, once (null when every save since the last call succeeded).</summary>
        public string TakeUnsavedReason()
        {
            string reason = _unsavedReason;
            _unsavedReason = null;
            return reason;
        }

        /// <summary>Delay before the next check after <paramref name="failures"/> wrong PINs in a row (1 to 4).</summary>
        public static long DelayAfter(int failures) => FirstDelayMicros << (failures - 1);

        private void Start(long nowMicros)
        {
            if (_started)
            {
                return;
            }

            // The first time the console sees after start-up: what the record holds runs from here.
            _started = true;
            if (_bootLockoutMicros > 0)
            {
                _lockedUntilMicros = nowMicros + _bootLockoutMicros;
            }

            if (_failures > 0)
            {
                // A start after failures: one full delay step for the stored count before the next check.
                _retryAtMicros = nowMicros + DelayAfter(_failures);
            }
        }

        private void Save(int failures, long lockoutRemainingMicros)
        {
            if (_record == null)
            {
                return;
            }

            // Remembered even when the save fails, so that a failing store is not retried every poll.
            _savedLockoutMicros = lockoutRemainingMicros;
            try
            {
                _record.Save(failures, lockoutRemainingMicros);
            }
            catch (System.Exception e)
            {
                _saveFailures++;
                _unsavedReason = "login attempt count not saved (" + e.Message + "); it holds until the next reset only";
            }
        }
    }
}
