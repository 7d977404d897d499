using PerfusionGuard.Units;

namespace PerfusionGuard.Shell
{
    /// <summary>Outcome of a login attempt.</summary>
    public enum LoginResult : byte
    {
        /// <summary>PIN correct: service level.</summary>
        Success = 0,
        /// <summary>Wrong PIN; the next attempt is delayed.</summary>
        WrongPin = 1,
        /// <summary>Wrong PIN and too many in a row: the console is locked out.</summary>
        LockedOutNow = 2,
        /// <summary>Refused unchecked: still within the delay after a wrong PIN.</summary>
        Delayed = 3,
        /// <summary>Refused unchecked: the console is locked out.</summary>
        LockedOut = 4,
        /// <summary>No service PIN is provisioned on this module.</summary>
        NoCredential = 5,
    }

    /// <summary>
    /// Who is at the console and for how long: operator by default; service after a correct PIN.
    /// How often a PIN may be checked is the module's <see cref="LoginThrottle"/> (1, 2, 4, 8 s after
    /// wrong PINs, the fifth in a row locks login for <see cref="LockoutMicros"/> without checking
    /// any PIN, SAF-CON-005; kept across resets, SAF-CON-013). A service session with no input for
    /// <see cref="IdleTimeoutMicros"/> falls back to operator (SAF-CON-007). All on the injected clock.
    /// </summary>
    public sealed class ServiceSession
    {
        /// <summary>Wrong PINs in a row that lock the console.</summary>
        public const int MaxFailures = LoginThrottle.MaxFailures;

        /// <summary>Delay after the first wrong PIN; it doubles with each further one.</summary>
        public const long FirstDelayMicros = LoginThrottle.FirstDelayMicros;

        /// <summary>Lockout after <see cref="MaxFailures"/> wrong PINs.</summary>
        public const long LockoutMicros = LoginThrottle.LockoutMicros;

        /// <summary>Default idle timeout of a service session.</summary>
        public const long DefaultIdleTimeoutMicros = 300 * Time.MicrosPerSecond;

        private readonly PinCredential _credential;
        private readonly LoginThrottle _throttle;
        private long _lastActivityMicros;

        /// <summary>Creates a session checking PINs against <paramref name="credential"/> (null: login impossible), throttled in RAM only.</summary>
        public ServiceSession(PinCredential credential)
            : this(credential, null)
        {
        }

        /// <summary>
        /// Creates a session checking PINs against <paramref name="credential"/> (null: login impossible),
        /// throttled by <paramref name="throttle"/> (the module's, persisted; null: one of its own in RAM).
        /// </summary>
        public ServiceSession(PinCredential credential, LoginThrottle throttle)
        {
            _credential = credential;
            _throttle = throttle ?? new LoginThrottle(null);
            IdleTimeoutMicros = DefaultIdleTimeoutMicros;
        }

        /// <summary>The current access level.</summary>
        public AccessLevel Level { get; private set; }

        /// <summary>Idle time after which a service session ends.</summary>
        public long IdleTimeoutMicros { get; set; }

        /// <summary>The throttle deciding when a PIN is checked.</summary>
        public LoginThrottle Throttle => _throttle;

        /// <summary>Wrong PINs since the last success or lockout.</summary>
        public int Failures => _throttle.Failures;

        /// <summary>True while logins are refused by the lockout.</summary>
        public bool IsLockedOut(long nowMicros) => _throttle.IsLockedOut(nowMicros);

        /// <summary>Microseconds until a login attempt is checked again (0 when it would be now).</summary>
        public long WaitMicros(long nowMicros) => _throttle.WaitMicros(nowMicros);

        /// <summary>Records console input: it keeps a service session alive.</summary>
        public void Touch(long nowMicros)
        {
            _lastActivityMicros = nowMicros;
        }

        /// <summary>Checks <paramref name="pin"/> unless a delay or the lockout is running.</summary>
        public LoginResult TryLogin(long nowMicros, string pin)
        {
            if (_credential == null)
            {
                return LoginResult.NoCredential;
            }

            LoginResult refusal;
            if (!_throttle.MayCheck(nowMicros, out refusal))
            {
                return refusal;
            }

            // SAF-CON-013: counted in flash as a failure before the verdict exists.
            _throttle.CountAttempt(nowMicros);
            if (_credential.Verify(pin))
            {
                _throttle.Succeed(nowMicros);
                Level = AccessLevel.Service;
                _lastActivityMicros = nowMicros;
                return LoginResult.Success;
            }

            Level = AccessLevel.Operator;
            return _throttle.Fail(nowMicros);
        }

        /// <summary>Back to operator level.</summary>
        public void Logout()
        {
            Level = AccessLevel.Operator;
        }

        /// <summary>Ends a service session idle for <see cref="IdleTimeoutMicros"/>; true when it just ended.</summary>
        public bool ExpireIfIdle(long nowMicros)
        {
            if (Level == AccessLevel.Service && nowMicros - _lastActivityMicros >= IdleTimeoutMicros)
            {
                Level = AccessLevel.Operator;
                return true;
            }

            return false;
        }
    }
}
