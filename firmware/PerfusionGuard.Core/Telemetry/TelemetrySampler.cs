using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Text;
using PerfusionGuard.Units;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// Telemetry of the safety cycle, in two halves that share no lock (SAF-CYC-005).
    /// <para>Safety thread: as an <see cref="ICycleObserver"/> it takes one data frame every period
    /// (default 1 s): the frame's data sequence number, the cycle's time, decision and the channel
    /// values a frame shows, copied into a preallocated slot of a <see cref="DataFrameHandoff"/> (no
    /// lock, no allocation, no network: SAF-TEL-004). It never touches the outbox.</para>
    /// <para>Telemetry thread (one consumer): <see cref="EnqueueDataFrames"/> encodes the waiting
    /// frames and enqueues them in the outbox, writing into each the data frames dropped before it
    /// (by the outbox, or refused by a full handoff) and the alarm drops; alarm and event sources call
    /// <see cref="EnqueueAlarm"/>, <see cref="EnqueueAlarmTransition"/> and <c>EnqueueSafetyEvent</c>
    /// there too. The telemetry half runs under the sampler's own lock, which the safety thread never
    /// takes, and only non-safety threads take the outbox's lock.</para>
    /// </summary>
    public sealed class TelemetrySampler : ICycleObserver
    {
        /// <summary>Default period of data frames: 1 s.</summary>
        public const long DefaultPeriodMicros = 1000000;

        /// <summary>
        /// Size of each preallocated encoding buffer (one for data frames, one for alarms and events).
        /// The widest data frame of any shipped profile, every counter at 19 digits and every channel
        /// faulted, stays under three quarters of it (FrameSizeTests); a typical adult-CPB frame is
        /// 542 B. A frame that still does not fit is refused whole and counted in EncodeOverflows.
        /// </summary>
        public const int EncodeBufferBytes = 1024;

        private readonly TelemetryOutbox _outbox;
        private readonly DataFrameEncoder _dataEncoder;
        private readonly AlarmMessageEncoder _alarmEncoder;
        private readonly EventMessageEncoder _eventEncoder;
        private readonly IConditionMonitor _monitor;
        private readonly DataFrameHandoff _handoff;
        private readonly JsonByteWriter _dataWriter = new JsonByteWriter(EncodeBufferBytes);
        private readonly JsonByteWriter _priorityWriter = new JsonByteWriter(EncodeBufferBytes);
        // Serialises the telemetry side (data frames, alarms, events may be enqueued from more than one
        // non-safety thread); the safety thread never takes it (SAF-CYC-005).
        private readonly object _encodeLock = new object();

        // Safety thread only.
        private long _nextDueMicros;
        private bool _started;
        private long _refusedSinceLastFrame;
        private long _dataFramesSampled;

        // Telemetry thread only.
        private long _unreportedDrops;
        private long _dataFramesEncoded;
        private long _encodeOverflows;

        /// <summary>Creates a sampler for the channels <paramref name="channels"/> with <see cref="DataFrameHandoff.DefaultSlots"/> handoff slots.</summary>
        /// <param name="outbox">Where messages go.</param>
        /// <param name="session">Header fields and sequence numbers.</param>
        /// <param name="channels">The profile's channels.</param>
        /// <param name="monitor">Supervisor rules to name causes by alarm id; may be null.</param>
        /// <param name="periodMicros">Period of data frames (&gt; 0).</param>
        public TelemetrySampler(TelemetryOutbox outbox, TelemetrySession session, ChannelId[] channels, IConditionMonitor monitor, long periodMicros)
            : this(outbox, session, channels, monitor, periodMicros, DataFrameHandoff.DefaultSlots)
        {
        }

        /// <summary>As above, with <paramref name="handoffSlots"/> data frames waiting at most for the telemetry thread.</summary>
        public TelemetrySampler(TelemetryOutbox outbox, TelemetrySession session, ChannelId[] channels, IConditionMonitor monitor, long periodMicros,
            int handoffSlots)
        {
            if (periodMicros <= 0)
            {
                throw new System.ArgumentException("telemetry data period must be positive, got " + periodMicros.ToString() + " us");
            }

            if (handoffSlots < 1)
            {
                throw new System.ArgumentException("telemetry: at least one data frame slot between the safety cycle and the telemetry thread, got "
                    + handoffSlots.ToString());
            }

            _outbox = outbox;
            Session = session;
            PeriodMicros = periodMicros;
            _dataEncoder = new DataFrameEncoder(session, channels, monitor);
            _alarmEncoder = new AlarmMessageEncoder(session);
            _eventEncoder = new EventMessageEncoder(session, monitor);
            _monitor = monitor;
            _handoff = new DataFrameHandoff(handoffSlots, channels.Length);
        }

        /// <summary>The session whose header fields and sequences the sampler writes.</summary>
        public TelemetrySession Session { get; }

        /// <summary>Period of data frames.</summary>
        public long PeriodMicros { get; }

        /// <summary>The slots between the safety cycle and the telemetry thread (counters for diagnostics and tests).</summary>
        public DataFrameHandoff Handoff => _handoff;

        /// <summary>Messages that did not fit the encoding buffer (must stay 0). Telemetry thread.</summary>
        public long EncodeOverflows => _encodeOverflows;

        /// <summary>Data frames the safety cycle took since start, each with its data sequence number. Safety thread.</summary>
        public long DataFramesSampled => _dataFramesSampled;

        /// <summary>Data frames the telemetry thread encoded since start. Telemetry thread.</summary>
        public long DataFramesEncoded => _dataFramesEncoded;

        /// <summary>
        /// Safety thread: takes a data frame when one is due (at the first cycle, then every period)
        /// and hands it to the telemetry thread. Bounded in time, allocates nothing, takes no lock and
        /// never touches the outbox or the network (SAF-TEL-004, SAF-CYC-005).
        /// </summary>
        public void AfterCycle(long nowMicros, SafetyInputs inputs, SafetyDecision decision)
        {
            if (_started && nowMicros < _nextDueMicros)
            {
                return;
            }

            // Keep the frame grid (no drift) unless the loop fell more than a period behind.
            _nextDueMicros = _started && nowMicros - _nextDueMicros < PeriodMicros ? _nextDueMicros + PeriodMicros : nowMicros + PeriodMicros;
            _started = true;
            _dataFramesSampled++;
            long seq = Session.NextSeq(TelemetryTopic.Data);
            DataFrameSample sample = _handoff.TryBeginWrite();
            if (sample == null)
            {
                // Every slot still waits for the telemetry thread: this frame is lost, its seq leaves a
                // gap, and the next frame that gets through reports it in "dropped" (SAF-TEL-003).
                _refusedSinceLastFrame++;
                return;
            }

            sample.Seq = seq;
            sample.AtMicros = nowMicros;
            sample.UtcMillis = Session.UtcMillisNow();
            _dataEncoder.CopyChannels(sample, inputs);
            sample.Decision = decision;
            sample.CauseAlarmId = CauseAlarmId(decision);
            sample.CarriedDropped = _refusedSinceLastFrame;
            _handoff.Publish();
            _refusedSinceLastFrame = 0;
        }

        /// <summary>
        /// Telemetry thread (the handoff's one consumer): encodes the data frames the safety cycle
        /// handed over, oldest first, and enqueues them in the outbox; each reports the data frames
        /// dropped since the previous one (refused by the handoff, dropped by the outbox, SAF-TEL-003)
        /// and the outbox's alarm drops (SAF-TEL-002). Takes at most as many as the handoff has slots,
        /// so a call is bounded while the cycle keeps filling it. Allocates nothing. Returns how many were enqueued.
        /// </summary>
        public int EnqueueDataFrames()
        {
            lock (_encodeLock)
            {
                return EnqueueDataFramesLocked();
            }
        }

        private int EnqueueDataFramesLocked()
        {
            int enqueued = 0;
            DataFrameSample sample;
            // At most one handoff's worth per call: the cycle refills the slots meanwhile, and the
            // caller sends between two calls.
            for (int n = 0; n < _handoff.Slots && (sample = _handoff.Oldest()) != null; n++)
            {
                long dropped = _outbox.TakeDroppedDataFrames() + sample.CarriedDropped + _unreportedDrops;
                _dataEncoder.Encode(_dataWriter, sample, dropped, _outbox.DroppedPriorityMessages);
                _handoff.Release();
                _dataFramesEncoded++;
                if (_dataWriter.Overflowed)
                {
                    // Lost with the count it carried: the next frame reports both.
                    _encodeOverflows++;
                    _unreportedDrops = dropped + 1;
                    continue;
                }

                _unreportedDrops = 0;
                if (_outbox.Enqueue(TelemetryTopic.Data, 0, false, _dataWriter.Buffer, 0, _dataWriter.Length, dropped))
                {
                    enqueued++;
                }
            }

            return enqueued;
        }

        /// <summary>
        /// Enqueues an alarm message (QoS 1) from plain values, for alarm sources other than the
        /// <see cref="AlarmManager"/>. Returns false if it could not be stored, which is counted in
        /// <see cref="TelemetryOutbox.DroppedPriorityMessages"/> and reported by every data frame.
        /// </summary>
        /// <param name="nowMicros">Monotonic time now.</param>
        /// <param name="atMicros">When the transition happened.</param>
        /// <param name="alarmId">Alarm identifier ("AIR_ARTERIAL").</param>
        /// <param name="state">State after the transition ("active", "inactive", "acknowledged"...).</param>
        /// <param name="priority">Alarm priority.</param>
        /// <param name="technical">True for a technical alarm.</param>
        /// <param name="message">Operator text or null.</param>
        /// <param name="action">The safety action behind the alarm.</param>
        public bool EnqueueAlarm(long nowMicros, long atMicros, string alarmId, string state, AlarmPriority priority,
            bool technical, string message, SafetyAction action)
        {
            lock (_encodeLock)
            {
                _alarmEncoder.Encode(_priorityWriter, nowMicros, atMicros, alarmId, state, null, "condition", priority, technical,
                    message, action, "firmware");
                return EnqueuePriority(TelemetryTopic.Alarm);
            }
        }

        /// <summary>
        /// Enqueues one transition of the <see cref="AlarmManager"/> (QoS 1), naming the alarm by its
        /// rule's alarm id, message and action when the sampler has the supervisor's rules.
        /// </summary>
        public bool EnqueueAlarmTransition(long nowMicros, AlarmTransition transition)
        {
            string alarmId = null;
            string message = null;
            SafetyAction action = SafetyAction.None;
            int index = transition.AlarmIndex;
            if (index >= 0 && _monitor != null && index < _monitor.RuleCount)
            {
                ConditionRule rule = _monitor.RuleAt(index);
                alarmId = rule.AlarmId;
                message = rule.Message;
                action = rule.Action;
            }

            lock (_encodeLock)
            {
                _alarmEncoder.Encode(_priorityWriter, nowMicros, transition.AtMicros, alarmId, AlarmNames.NameOf(transition.To),
                    AlarmNames.NameOf(transition.From), AlarmTransitionNames.NameOf(transition.Cause), transition.Priority,
                    transition.Technical, message, action, SafetyNames.NameOf(transition.Source));
                return EnqueuePriority(TelemetryTopic.Alarm);
            }
        }

        /// <summary>
        /// Telemetry thread: drains a sink ring of the alarm manager (<see cref="AlarmManager.AddSink"/>)
        /// into alarm messages (the ring's one consumer). Returns how many were taken.
        /// </summary>
        public int DrainAlarmTransitions(long nowMicros, AlarmTransitionRing ring)
        {
            int drained = 0;
            AlarmTransition transition;
            while (ring.TryTake(out transition))
            {
                EnqueueAlarmTransition(nowMicros, transition);
                drained++;
            }

            return drained;
        }

        /// <summary>Enqueues a safety event (QoS 1); false if it could not be stored (counted, reported).</summary>
        public bool EnqueueSafetyEvent(long nowMicros, SafetyEvent safetyEvent)
        {
            lock (_encodeLock)
            {
                _eventEncoder.Encode(_priorityWriter, nowMicros, safetyEvent);
                return EnqueuePriority(TelemetryTopic.Event);
            }
        }

        /// <summary>Enqueues a safety event given field by field (QoS 1).</summary>
        public bool EnqueueSafetyEvent(long nowMicros, long atMicros, SafetyEventKind kind, int ruleIndex, SafetyAction action, CommandSource source)
        {
            SafetyEvent safetyEvent;
            safetyEvent.AtMicros = atMicros;
            safetyEvent.Kind = kind;
            safetyEvent.RuleIndex = (short)ruleIndex;
            safetyEvent.Action = action;
            safetyEvent.Source = source;
            return EnqueueSafetyEvent(nowMicros, safetyEvent);
        }

        /// <summary>Telemetry thread: drains <paramref name="ring"/> into event messages (the ring's one consumer).</summary>
        public int DrainEvents(long nowMicros, SafetyEventRing ring)
        {
            int drained = 0;
            SafetyEvent safetyEvent;
            while (ring.TryTake(out safetyEvent))
            {
                EnqueueSafetyEvent(nowMicros, safetyEvent);
                drained++;
            }

            return drained;
        }

        private string CauseAlarmId(SafetyDecision decision)
        {
            int index = decision.CauseRuleIndex;
            return index >= 0 && _monitor != null && index < _monitor.RuleCount ? _monitor.RuleAt(index).AlarmId : null;
        }

        private bool EnqueuePriority(TelemetryTopic topic)
        {
            if (_priorityWriter.Overflowed)
            {
                _encodeOverflows++;
                return false;
            }

            return _outbox.Enqueue(topic, 1, false, _priorityWriter.Buffer, 0, _priorityWriter.Length, 0);
        }
    }
}
