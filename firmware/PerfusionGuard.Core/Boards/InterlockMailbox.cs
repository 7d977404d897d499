using PerfusionGuard.Safety;
using PerfusionGuard.Shell;

namespace PerfusionGuard.Boards
{
    /// <summary>
    /// Carries the console's interlock commands (operator reset, overrides) from the console
    /// thread to the safety thread on the device: the console posts into a one-slot mailbox and
    /// returns; the safety thread calls <see cref="Apply"/> at the start of its next step, so the
    /// supervisor and the air latches are only ever touched by the safety thread (SAF-BRD-017).
    /// A posted command therefore reports "accepted for the next cycle", not its outcome; the
    /// outcome shows in the status and the event log. Read-only queries go straight through.
    /// Allocates nothing after construction.
    /// </summary>
    public sealed class InterlockMailbox : IInterlockControl
    {
        private const int NoRequest = 0;
        private const int ResetRequest = 1;
        private const int SetOverrideRequest = 2;
        private const int ClearOverrideRequest = 3;

        private readonly IInterlockControl _target;
        private readonly object _lock = new object();
        private int _request;
        private int _rule;
        private long _durationMicros;
        private CommandSource _source;

        /// <summary>A mailbox in front of <paramref name="target"/>, which only the safety thread may call.</summary>
        public InterlockMailbox(IInterlockControl target)
        {
            _target = target;
        }

        /// <summary>Commands carried out so far.</summary>
        public long Applied { get; private set; }

        /// <inheritdoc />
        public bool HasResetInput => _target.HasResetInput;

        /// <inheritdoc />
        public bool ResetInputActive => _target.ResetInputActive;

        /// <inheritdoc />
        public int FindRule(string alarmId) => _target.FindRule(alarmId);

        /// <summary>Posts an operator reset; false when another command is still pending.</summary>
        public bool TryOperatorReset(long nowMicros, CommandSource source) => Post(ResetRequest, -1, 0, source);

        /// <summary>Posts an override of rule <paramref name="ruleIndex"/>; false when another command is still pending.</summary>
        public bool TrySetOverride(int ruleIndex, long durationMicros, long nowMicros, CommandSource source) =>
            Post(SetOverrideRequest, ruleIndex, durationMicros, source);

        /// <summary>Posts the end of an override; false when another command is still pending.</summary>
        public bool TryClearOverride(int ruleIndex, long nowMicros, CommandSource source) =>
            Post(ClearOverrideRequest, ruleIndex, 0, source);

        /// <summary>Safety thread: carries out the pending command, if any, at <paramref name="nowMicros"/>.</summary>
        public void Apply(long nowMicros)
        {
            int request;
            int rule;
            long duration;
            CommandSource source;
            lock (_lock)
            {
                request = _request;
                if (request == NoRequest)
                {
                    return;
                }

                rule = _rule;
                duration = _durationMicros;
                source = _source;
                _request = NoRequest;
            }

            switch (request)
            {
                case ResetRequest:
                    _target.TryOperatorReset(nowMicros, source);
                    break;
                case SetOverrideRequest:
                    _target.TrySetOverride(rule, duration, nowMicros, source);
                    break;
                case ClearOverrideRequest:
                    _target.TryClearOverride(rule, nowMicros, source);
                    break;
            }

            Applied++;
        }

        private bool Post(int request, int rule, long durationMicros, CommandSource source)
        {
            lock (_lock)
            {
                if (_request != NoRequest)
                {
                    return false;
                }

                _request = request;
                _rule = rule;
                _durationMicros = durationMicros;
                _source = source;
                return true;
            }
        }
    }
}
