using PerfusionGuard.Alarms;
using PerfusionGuard.Module;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;

namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>
    /// The module's changing state as the console reads it, copied by the safety thread at a cycle
    /// boundary into storage preallocated here (SAF-CON-012): the last cycle's inputs and decision,
    /// every rule's state, the alarm list and the newest alarm transitions, the self-test result and
    /// the reset key. The safety thread writes it only while the console waits for the request that
    /// asked for it (<see cref="ConsoleMailbox"/>), so the console always reads one whole cycle
    /// boundary, never a mix: <see cref="Sequence"/> is written before the copy and
    /// <see cref="SequenceEnd"/> after it, and the console checks that they agree.
    /// Rules themselves are the supervisor's objects: their identity never changes, and their
    /// limits change only through the console's own requests (SAF-CON-012).
    /// Capturing allocates nothing, apart from the self-test summary once, when the self-test ends.
    /// </summary>
    public sealed class ModuleSnapshot : IConditionMonitor
    {
        /// <summary>Newest alarm transitions kept (the console's `alarm history` shows at most 32).</summary>
        public const int MaxHistory = 32;

        private readonly GuardModule _module;
        private readonly SafetyInputs _inputs = new SafetyInputs();
        private readonly ConditionStatus[] _status;
        private readonly AlarmStatus[] _alarms;
        private readonly AlarmTransition[] _history = new AlarmTransition[MaxHistory];
        private readonly SelfTestFailure[] _selfTestFailures = new SelfTestFailure[StartupSelfTest.MaxFailures];
        private SafetyDecision _decision;
        private int _alarmCount;
        private int _historyCount;
        private SelfTestOutcome _selfTestOutcome = SelfTestOutcome.Running;
        private string _selfTestSummary = "self-test running";
        private int _selfTestFailureCount;
        private long _selfTestDurationMicros;
        private bool _captured;

        /// <summary>Storage for the state of <paramref name="module"/> (allocates everything now).</summary>
        public ModuleSnapshot(GuardModule module)
        {
            _module = module;
            _status = new ConditionStatus[module.Supervisor.RuleCount];
            _alarms = new AlarmStatus[module.Alarms.AlarmCount > module.Supervisor.RuleCount ? module.Alarms.AlarmCount : module.Supervisor.RuleCount];
        }

        /// <summary>Number of the capture, written before the copy.</summary>
        public int Sequence { get; private set; }

        /// <summary>Number of the capture, written after the copy: equal to <see cref="Sequence"/> for a whole snapshot.</summary>
        public int SequenceEnd { get; private set; }

        /// <summary>True when <see cref="Sequence"/> and <see cref="SequenceEnd"/> agree.</summary>
        public bool IsWhole => Sequence == SequenceEnd;

        /// <summary>When it was captured (monotonic µs).</summary>
        public long CapturedAtMicros { get; private set; }

        /// <summary>Safety cycles run when it was captured.</summary>
        public long CycleCount { get; private set; }

        /// <summary>The active profile.</summary>
        public CircuitProfile Profile => _module.Profile;

        /// <summary>The inputs of the last completed cycle; null before the first capture.</summary>
        public SafetyInputs Inputs => _captured ? _inputs : null;

        /// <summary>The decision of the last completed cycle.</summary>
        public SafetyDecision Decision => _decision;

        /// <summary>True when the board has a reset key.</summary>
        public bool HasResetKey => _module.HasResetKey;

        /// <summary>True when the reset key was held at the capture.</summary>
        public bool ResetKeyHeld { get; private set; }

        /// <summary>Alarms in the alarm list.</summary>
        public int AlarmCount => _alarmCount;

        /// <summary>Alarm <paramref name="index"/> of the list (0 = most urgent).</summary>
        public AlarmStatus AlarmAt(int index) => _alarms[index];

        /// <summary>Transitions kept, newest first.</summary>
        public int HistoryCount => _historyCount;

        /// <summary>Transition <paramref name="newestFirstIndex"/> (0 = newest).</summary>
        public AlarmTransition HistoryAt(int newestFirstIndex) => _history[newestFirstIndex];

        /// <summary>The self-test's outcome.</summary>
        public SelfTestOutcome SelfTestOutcome => _selfTestOutcome;

        /// <summary>The self-test's summary line.</summary>
        public string SelfTestSummary => _selfTestSummary;

        /// <summary>How long the self-test took.</summary>
        public long SelfTestDurationMicros => _selfTestDurationMicros;

        /// <summary>Failed self-test checks (only the first <see cref="StartupSelfTest.MaxFailures"/> are kept).</summary>
        public int SelfTestFailureCount => _selfTestFailureCount;

        /// <summary>Failure <paramref name="index"/> of the self-test, oldest first.</summary>
        public SelfTestFailure SelfTestFailureAt(int index) => _selfTestFailures[index];

        /// <inheritdoc />
        public int RuleCount => _status.Length;

        /// <inheritdoc />
        public ConditionRule RuleAt(int ruleIndex) => _module.Supervisor.RuleAt(ruleIndex);

        /// <inheritdoc />
        public ConditionStatus StatusAt(int ruleIndex) => _status[ruleIndex];

        /// <summary>Safety thread, at a cycle boundary: copies the module's state. Allocates nothing in steady state.</summary>
        public void Capture(long nowMicros)
        {
            Sequence = Sequence + 1;
            InterlockSupervisor supervisor = _module.Supervisor;
            _inputs.CopyFrom(_module.Cycle.Inputs);
            _decision = supervisor.LastDecision;
            for (int i = 0; i < _status.Length; i++)
            {
                _status[i] = supervisor.StatusAt(i);
            }

            AlarmManager alarms = _module.Alarms;
            int active = alarms.ActiveCount;
            _alarmCount = 0;
            for (int i = 0; i < active && i < _alarms.Length; i++)
            {
                _alarms[i] = alarms.AlarmAt(i);
                _alarmCount++;
            }

            _historyCount = 0;
            AlarmTransition transition;
            while (_historyCount < MaxHistory && alarms.History.TryPeekNewest(_historyCount, out transition))
            {
                _history[_historyCount++] = transition;
            }

            CaptureSelfTest(_module.SelfTest);
            ResetKeyHeld = _module.ResetKeyHeld;
            CycleCount = _module.Cycle.CycleCount;
            CapturedAtMicros = nowMicros;
            _captured = true;
            SequenceEnd = Sequence;
        }

        private void CaptureSelfTest(StartupSelfTest selfTest)
        {
            SelfTestOutcome outcome = selfTest.Outcome;
            if (outcome == _selfTestOutcome)
            {
                return;
            }

            // The result is final once the self-test has ended: copied once per boot.
            _selfTestOutcome = outcome;
            _selfTestSummary = selfTest.Summary;
            _selfTestDurationMicros = selfTest.DurationMicros;
            _selfTestFailureCount = selfTest.FailureCount;
            for (int i = 0; i < _selfTestFailureCount && i < _selfTestFailures.Length; i++)
            {
                _selfTestFailures[i] = selfTest.FailureAt(i);
            }
        }
    }
}
