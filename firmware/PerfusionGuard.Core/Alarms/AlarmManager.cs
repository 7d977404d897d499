using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Alarms
{
    /// <summary>
    /// Owns the state of every alarm (IEC 60601-1-8 vocabulary, DOMAIN.md "Alarms"). The supervisor
    /// raises and clears conditions (<see cref="IConditionMonitor"/>); this class turns each profile
    /// rule into one alarm with a state (inactive, active, latched, acknowledged, audio-paused,
    /// overridden, advisory), a priority that escalates while the condition persists, a sorted list
    /// for the console, a bounded history and sinks for the event log and telemetry. It runs at the
    /// end of every safety cycle (<see cref="ICycleObserver"/>) and allocates nothing there: every
    /// table is sized at construction.
    /// <para>One thread only, the safety thread: operator commands reach it there (the silence key
    /// in the module's step, the console's acknowledge as a request the safety thread carries out,
    /// and the console reads a snapshot copied at a cycle boundary: SAF-BRD-017, SAF-CON-012), so it
    /// takes no lock (SAF-CYC-005); the sinks hand transitions to other threads through lock-free
    /// rings. Nothing remote can acknowledge or pause (SAF-ALM-008); reset of a latched alarm is the
    /// supervisor's local operator reset, seen here when the rule stops being in effect (SAF-ALM-003).</para>
    /// </summary>
    public sealed class AlarmManager : ICycleObserver
    {
        /// <summary>Longest audio pause (IEC 60601-1-8 particular standards: at most 120 s, DOMAIN.md).</summary>
        public const long MaxAudioPauseMicros = 120 * Time.MicrosPerSecond;

        /// <summary>Most transition sinks that may be attached.</summary>
        public const int MaxSinks = 4;

        /// <summary>Default number of alarms the table holds (profile rules).</summary>
        public const int DefaultCapacity = 64;

        /// <summary>Default number of transitions kept for <c>alarm history</c>.</summary>
        public const int DefaultHistoryCapacity = 64;

        private readonly IConditionMonitor _conditions;
        private readonly AlarmSignal _signal;
        private readonly AlarmEscalation _escalation;
        private readonly AlarmTransitionRing _history;
        private readonly AlarmTransitionRing[] _sinks = new AlarmTransitionRing[MaxSinks];

        // Per-alarm state, parallel arrays indexed by rule index (no per-cycle allocation).
        private readonly AlarmState[] _state;
        private readonly AlarmPriority[] _priority;
        private readonly long[] _sinceMicros;
        private readonly long[] _raisedAtMicros;
        private readonly long[] _prioritySinceMicros;
        private readonly bool[] _present;
        private readonly bool[] _acknowledged;
        private readonly long[] _pausedUntilMicros;
        private readonly int[] _order;

        private int _sinkCount;
        private int _alarmCount;
        private int _activeCount;
        private AlarmPriority _highestAudible;
        private AlarmPriority _highestVisual;
        private AlarmTransition _scratch;

        /// <summary>
        /// Creates the alarm manager over the supervisor's conditions. <paramref name="signal"/> may be
        /// null (no buzzer or lights, as in tests); <paramref name="escalation"/> may be null (defaults).
        /// </summary>
        public AlarmManager(IConditionMonitor conditions, AlarmSignal signal, AlarmEscalation escalation = null,
            int capacity = DefaultCapacity, int historyCapacity = DefaultHistoryCapacity)
        {
            _conditions = conditions ?? throw new System.ArgumentNullException(nameof(conditions), "alarm manager: a condition monitor is required");
            if (conditions.RuleCount > capacity)
            {
                throw new System.ArgumentOutOfRangeException(nameof(capacity),
                    "alarm manager: the profile has " + conditions.RuleCount + " rules but the alarm table holds " + capacity);
            }

            _signal = signal;
            _escalation = escalation ?? new AlarmEscalation();
            _history = new AlarmTransitionRing(historyCapacity);
            _state = new AlarmState[capacity];
            _priority = new AlarmPriority[capacity];
            _sinceMicros = new long[capacity];
            _raisedAtMicros = new long[capacity];
            _prioritySinceMicros = new long[capacity];
            _present = new bool[capacity];
            _acknowledged = new bool[capacity];
            _pausedUntilMicros = new long[capacity];
            _order = new int[capacity];
            _alarmCount = conditions.RuleCount;
        }

        /// <summary>Number of alarms in the table (the profile's rule count).</summary>
        public int AlarmCount => _alarmCount;

        /// <summary>Number of alarms not inactive (the alarm list's length).</summary>
        public int ActiveCount => _activeCount;

        /// <summary>Highest priority that sounds now; None when silent.</summary>
        public AlarmPriority HighestAudiblePriority => _highestAudible;

        /// <summary>Highest priority shown now (acknowledged and paused alarms included, advisories excluded).</summary>
        public AlarmPriority HighestVisualPriority => _highestVisual;

        /// <summary>The bounded history of transitions, newest-first through <see cref="AlarmTransitionRing.TryPeekNewest"/>.</summary>
        public AlarmTransitionRing History => _history;

        /// <summary>The escalation times in use (mutable configuration).</summary>
        public AlarmEscalation Escalation => _escalation;

        /// <summary>
        /// Attaches a ring that receives a copy of every transition (one per consumer: event log,
        /// telemetry). Call at start-up; at most <see cref="MaxSinks"/>.
        /// </summary>
        public void AddSink(AlarmTransitionRing sink)
        {
            if (sink == null)
            {
                throw new System.ArgumentNullException(nameof(sink), "alarm manager: sink is null");
            }

            if (_sinkCount == MaxSinks)
            {
                throw new System.InvalidOperationException("alarm manager: at most " + MaxSinks + " transition sinks");
            }

            _sinks[_sinkCount++] = sink;
        }

        /// <summary>
        /// The <paramref name="listIndex"/>-th alarm of the alarm list (0..<see cref="ActiveCount"/>-1):
        /// alarms not inactive, highest priority first, then oldest first (the chronological list of
        /// DOMAIN.md "alarms").
        /// </summary>
        public AlarmStatus AlarmAt(int listIndex)
        {
            if (listIndex < 0 || listIndex >= _activeCount)
            {
                throw new System.ArgumentOutOfRangeException(nameof(listIndex), "alarm list: index " + listIndex + " outside 0.." + (_activeCount - 1));
            }

            return StatusOf(_order[listIndex]);
        }

        /// <summary>The alarm of profile rule <paramref name="alarmIndex"/> (0..<see cref="AlarmCount"/>-1), in any state.</summary>
        public AlarmStatus AlarmOfRule(int alarmIndex)
        {
            if (alarmIndex < 0 || alarmIndex >= _alarmCount)
            {
                throw new System.ArgumentOutOfRangeException(nameof(alarmIndex), "alarm table: index " + alarmIndex + " outside 0.." + (_alarmCount - 1));
            }

            return StatusOf(alarmIndex);
        }

        /// <summary>Index of the alarm whose id is <paramref name="alarmId"/>; -1 when none.</summary>
        public int IndexOf(string alarmId)
        {
            for (int i = 0; i < _alarmCount; i++)
            {
                if (_conditions.RuleAt(i).AlarmId == alarmId)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <inheritdoc />
        public void AfterCycle(long nowMicros, SafetyInputs inputs, SafetyDecision decision)
        {
            Update(nowMicros);
        }

        /// <summary>
        /// Re-reads every condition, advances escalation and audio-pause timers, records transitions and
        /// drives the signal. Called by <see cref="AfterCycle"/> every safety cycle.
        /// </summary>
        public void Update(long nowMicros)
        {
            int ruleCount = _conditions.RuleCount;
            if (ruleCount != _alarmCount)
            {
                ResetTable(ruleCount);
            }

            for (int i = 0; i < _alarmCount; i++)
            {
                UpdateAlarm(i, nowMicros);
            }

            RebuildList();
            if (_signal != null)
            {
                _signal.Update(nowMicros, _highestAudible, _highestVisual);
            }
        }

        /// <summary>
        /// Acknowledges every sounding or audio-paused alarm: silenced until its condition ends (and,
        /// if latching, until reset). A later escalation or a new raise sounds again. Refused (false)
        /// for <see cref="CommandSource.Remote"/> (SAF-ALM-008) and when nothing could be acknowledged.
        /// </summary>
        public bool Acknowledge(long nowMicros, CommandSource source)
        {
            if (source == CommandSource.Remote)
            {
                RecordRefused(nowMicros, source);
                return false;
            }

            bool any = false;
            for (int i = 0; i < _alarmCount; i++)
            {
                AlarmState state = _state[i];
                if (state == AlarmState.Active || state == AlarmState.Latched || state == AlarmState.AudioPaused)
                {
                    _acknowledged[i] = true;
                    _pausedUntilMicros[i] = 0;
                    SetState(i, AlarmState.Acknowledged, nowMicros, AlarmTransitionCause.Acknowledge, source);
                    any = true;
                }
            }

            RebuildList();
            return any;
        }

        /// <summary>
        /// Pauses the auditory signal of every sounding alarm for <paramref name="durationMicros"/>,
        /// capped at <see cref="MaxAudioPauseMicros"/>. An alarm raised during the pause sounds at once;
        /// the paused ones sound again when the pause ends. Refused (false) for
        /// <see cref="CommandSource.Remote"/> (SAF-ALM-008), for a non-positive duration, and when
        /// nothing sounds.
        /// </summary>
        public bool PauseAudio(long nowMicros, long durationMicros, CommandSource source)
        {
            if (source == CommandSource.Remote || durationMicros <= 0)
            {
                RecordRefused(nowMicros, source);
                return false;
            }

            if (durationMicros > MaxAudioPauseMicros)
            {
                durationMicros = MaxAudioPauseMicros;
            }

            bool any = false;
            for (int i = 0; i < _alarmCount; i++)
            {
                AlarmState state = _state[i];
                if (state == AlarmState.Active || state == AlarmState.Latched || state == AlarmState.AudioPaused)
                {
                    _pausedUntilMicros[i] = nowMicros + durationMicros;
                    SetState(i, AlarmState.AudioPaused, nowMicros, AlarmTransitionCause.AudioPause, source);
                    any = true;
                }
            }

            RebuildList();
            return any;
        }

        private void UpdateAlarm(int i, long nowMicros)
        {
            ConditionRule rule = _conditions.RuleAt(i);
            ConditionStatus status = _conditions.StatusAt(i);
            bool present = status.Active;
            bool inEffect = status.InEffect || status.Active;
            AlarmTransitionCause cause = AlarmTransitionCause.Condition;

            if (present && !_present[i])
            {
                // A new raise: a new alarm sounds at once, whatever was acknowledged or paused before.
                _raisedAtMicros[i] = nowMicros;
                _prioritySinceMicros[i] = nowMicros;
                _priority[i] = AlarmDefinitions.BasePriority(rule);
                _acknowledged[i] = false;
                _pausedUntilMicros[i] = 0;
            }

            _present[i] = present;

            AlarmState next;
            if (status.Overridden)
            {
                // An override is annunciated for as long as it lasts, condition present or not
                // (DESIGN.md, safety concept 5: visibly annunciated).
                next = AlarmState.Overridden;
                cause = AlarmTransitionCause.OverrideStarted;
                _acknowledged[i] = false;
                _pausedUntilMicros[i] = 0;
            }
            else if (!inEffect)
            {
                next = AlarmState.Inactive;
                AlarmState previous = _state[i];
                if (!present && (previous == AlarmState.Latched || previous == AlarmState.Acknowledged || previous == AlarmState.AudioPaused)
                    && AlarmDefinitions.IsLatching(rule))
                {
                    cause = AlarmTransitionCause.Reset;
                }
                else if (previous == AlarmState.Overridden)
                {
                    cause = AlarmTransitionCause.OverrideEnded;
                }

                _acknowledged[i] = false;
                _pausedUntilMicros[i] = 0;
                _priority[i] = AlarmDefinitions.BasePriority(rule);
            }
            else if (AlarmDefinitions.IsAdvisory(rule))
            {
                next = AlarmState.Advisory;
                _priority[i] = AlarmPriority.None;
            }
            else
            {
                if (_state[i] == AlarmState.Overridden)
                {
                    cause = AlarmTransitionCause.OverrideEnded;
                    _prioritySinceMicros[i] = nowMicros;
                }

                if (present)
                {
                    long after = _escalation.AfterMicros(_priority[i]);
                    if (after > 0 && nowMicros - _prioritySinceMicros[i] >= after)
                    {
                        // Escalation re-sounds: the operator silenced a lower-priority alarm.
                        _priority[i] = (AlarmPriority)((int)_priority[i] + 1);
                        _prioritySinceMicros[i] = nowMicros;
                        _acknowledged[i] = false;
                        _pausedUntilMicros[i] = 0;
                        cause = AlarmTransitionCause.Escalation;
                    }
                }

                if (_pausedUntilMicros[i] != 0 && nowMicros >= _pausedUntilMicros[i])
                {
                    _pausedUntilMicros[i] = 0;
                    cause = AlarmTransitionCause.AudioPauseExpired;
                }

                if (_acknowledged[i])
                {
                    next = AlarmState.Acknowledged;
                }
                else if (_pausedUntilMicros[i] != 0)
                {
                    next = AlarmState.AudioPaused;
                }
                else
                {
                    next = present ? AlarmState.Active : AlarmState.Latched;
                }
            }

            if (next != _state[i] || cause == AlarmTransitionCause.Escalation)
            {
                SetState(i, next, nowMicros, cause, CommandSource.Firmware);
            }
        }

        private void SetState(int i, AlarmState next, long nowMicros, AlarmTransitionCause cause, CommandSource source)
        {
            _scratch.AtMicros = nowMicros;
            _scratch.AlarmIndex = (short)i;
            _scratch.From = _state[i];
            _scratch.To = next;
            _scratch.Priority = _priority[i];
            _scratch.Cause = cause;
            _scratch.Source = source;
            _scratch.Technical = AlarmDefinitions.IsTechnical(_conditions.RuleAt(i));
            if (next != _state[i])
            {
                _sinceMicros[i] = nowMicros;
            }

            _state[i] = next;
            Publish();
        }

        private void RecordRefused(long nowMicros, CommandSource source)
        {
            _scratch.AtMicros = nowMicros;
            _scratch.AlarmIndex = -1;
            _scratch.From = AlarmState.Inactive;
            _scratch.To = AlarmState.Inactive;
            _scratch.Priority = AlarmPriority.None;
            _scratch.Cause = AlarmTransitionCause.Refused;
            _scratch.Source = source;
            _scratch.Technical = false;
            Publish();
        }

        private void Publish()
        {
            _history.Record(ref _scratch);
            for (int s = 0; s < _sinkCount; s++)
            {
                _sinks[s].Record(ref _scratch);
            }
        }

        private void ResetTable(int ruleCount)
        {
            if (ruleCount > _state.Length)
            {
                throw new System.InvalidOperationException(
                    "alarm manager: the profile now has " + ruleCount + " rules but the alarm table holds " + _state.Length);
            }

            for (int i = 0; i < _state.Length; i++)
            {
                _state[i] = AlarmState.Inactive;
                _priority[i] = AlarmPriority.None;
                _present[i] = false;
                _acknowledged[i] = false;
                _pausedUntilMicros[i] = 0;
            }

            _alarmCount = ruleCount;
        }

        private void RebuildList()
        {
            int count = 0;
            AlarmPriority audible = AlarmPriority.None;
            AlarmPriority visual = AlarmPriority.None;
            for (int i = 0; i < _alarmCount; i++)
            {
                AlarmState state = _state[i];
                if (state == AlarmState.Inactive)
                {
                    continue;
                }

                if ((state == AlarmState.Active || state == AlarmState.Latched) && _priority[i] > audible)
                {
                    audible = _priority[i];
                }

                if ((state == AlarmState.Active || state == AlarmState.Latched || state == AlarmState.Acknowledged || state == AlarmState.AudioPaused)
                    && _priority[i] > visual)
                {
                    visual = _priority[i];
                }

                // Insertion sort: higher priority first, then raised earlier first.
                int at = count;
                while (at > 0 && Before(i, _order[at - 1]))
                {
                    _order[at] = _order[at - 1];
                    at--;
                }

                _order[at] = i;
                count++;
            }

            _activeCount = count;
            _highestAudible = audible;
            _highestVisual = visual;
        }

        private bool Before(int a, int b)
        {
            if (_priority[a] != _priority[b])
            {
                return _priority[a] > _priority[b];
            }

            return _raisedAtMicros[a] < _raisedAtMicros[b];
        }

        private AlarmStatus StatusOf(int i)
        {
            ConditionRule rule = _conditions.RuleAt(i);
            AlarmStatus status;
            status.AlarmIndex = i;
            status.AlarmId = rule.AlarmId;
            status.Message = rule.Message;
            status.Priority = _priority[i];
            status.BasePriority = AlarmDefinitions.BasePriority(rule);
            status.State = _state[i];
            status.SinceMicros = _sinceMicros[i];
            status.RaisedAtMicros = _raisedAtMicros[i];
            status.Technical = AlarmDefinitions.IsTechnical(rule);
            status.ConditionPresent = _present[i];
            status.Audible = _state[i] == AlarmState.Active || _state[i] == AlarmState.Latched;
            status.AudioPausedUntilMicros = _pausedUntilMicros[i];
            return status;
        }
    }
}
