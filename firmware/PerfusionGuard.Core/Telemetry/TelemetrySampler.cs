using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Text;
using PerfusionGuard.Units;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// The safety cycle's side of telemetry. As an <see cref="ICycleObserver"/> it encodes one data
    /// frame every period (default 1 s) into a preallocated buffer and enqueues it in the outbox;
    /// alarm and event sources call <see cref="EnqueueAlarm"/> and <c>EnqueueSafetyEvent</c>.
    /// Nothing here touches the network or allocates (SAF-TEL-004); the pump sends later.
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
        private readonly JsonByteWriter _dataWriter = new JsonByteWriter(EncodeBufferBytes);
        private readonly JsonByteWriter _priorityWriter = new JsonByteWriter(EncodeBufferBytes);
        private readonly object _priorityLock = new object();
        private long _nextDueMicros;
        private bool _started;
        private long _encodeOverflows;

        /// <summary>Creates a sampler for the channels <paramref name="channels"/>.</summary>
        /// <param name="outbox">Where messages go.</param>
        /// <param name="session">Header fields and sequence numbers.</param>
        /// <param name="channels">The profile's channels.</param>
        /// <param name="monitor">Supervisor rules to name causes by alarm id; may be null.</param>
        /// <param name="periodMicros">Period of data frames (&gt; 0).</param>
        public TelemetrySampler(TelemetryOutbox outbox, TelemetrySession session, ChannelId[] channels, IConditionMonitor monitor, long periodMicros)
        {
            if (periodMicros <= 0)
            {
                throw new System.ArgumentException("telemetry data period must be positive, got " + periodMicros.ToString() + " us");
            }

            _outbox = outbox;
            Session = session;
            PeriodMicros = periodMicros;
            _dataEncoder = new DataFrameEncoder(session, channels, monitor);
            _alarmEncoder = new AlarmMessageEncoder(session);
            _eventEncoder = new EventMessageEncoder(session, monitor);
            _monitor = monitor;
        }

        /// <summary>The session whose header fields and sequences the sampler writes.</summary>
        public TelemetrySession Session { get; }

        /// <summary>Period of data frames.</summary>
        public long PeriodMicros { get; }

        /// <summary>Messages that did not fit the encoding buffer (must stay 0).</summary>
        public long EncodeOverflows => _encodeOverflows;

        /// <summary>Data frames encoded since start.</summary>
        public long DataFramesEncoded { get; private set; }

        /// <summary>
        /// Encodes and enqueues a data frame when one is due: at the first cycle, then every period.
        /// Bounded in time, allocates nothing, never blocks on the network (SAF-TEL-004).
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
            long dropped = _outbox.TakeDroppedDataFrames();
            _dataEncoder.Encode(_dataWriter, nowMicros, inputs, decision, dropped, _outbox.DroppedPriorityMessages);
            DataFramesEncoded++;
            if (_dataWriter.Overflowed)
            {
                _encodeOverflows++;
                return;
            }

            _outbox.Enqueue(TelemetryTopic.Data, 0, false, _dataWriter.Buffer, 0, _dataWriter.Length, dropped);
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
            lock (_priorityLock)
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

            lock (_priorityLock)
            {
                _alarmEncoder.Encode(_priorityWriter, nowMicros, transition.AtMicros, alarmId, AlarmNames.NameOf(transition.To),
                    AlarmNames.NameOf(transition.From), AlarmTransitionNames.NameOf(transition.Cause), transition.Priority,
                    transition.Technical, message, action, SafetyNames.NameOf(transition.Source));
                return EnqueuePriority(TelemetryTopic.Alarm);
            }
        }

        /// <summary>
        /// Drains a sink ring of the alarm manager (<see cref="AlarmManager.AddSink"/>) into alarm
        /// messages; call from the safety cycle after the alarm manager. Returns how many were taken.
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
            lock (_priorityLock)
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

        /// <summary>Drains <paramref name="ring"/> into event messages (use when telemetry is the ring's only consumer).</summary>
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
