using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Profiles
{
    /// <summary>
    /// One interlock rule of a circuit profile: a condition kind on a channel, its limits, how long
    /// it must persist, when it is armed, the action, how it clears, the alarm it raises and whether
    /// an operator may override it. Rules are data: a profile is an array of them.
    /// </summary>
    public sealed class ConditionRule
    {
        /// <summary>Alarm identifier, upper snake case ("AIR_ARTERIAL", "P_ARTERIAL_HIGH").</summary>
        public string AlarmId;

        /// <summary>What the operator reads, without numbers ("Air in arterial line").</summary>
        public string Message;

        /// <summary>What is checked.</summary>
        public ConditionKind Kind;

        /// <summary>The channel checked (ignored by kinds without a channel).</summary>
        public ChannelId Channel;

        /// <summary>The second channel of a <see cref="ConditionKind.PressureDropHigh"/> rule (pressure after the device).</summary>
        public ChannelId SecondChannel;

        /// <summary>Limit of pressure kinds: above (High, DropHigh, Servo end) or below (Low).</summary>
        public Pressure PressureLimit;

        /// <summary>Servo start: speed limiting begins here and reaches zero at <see cref="PressureLimit"/>.</summary>
        public Pressure ServoStart;

        /// <summary>
        /// Servo release hysteresis: once limiting, the servo leaves effect only when the pressure has
        /// fallen to <see cref="ServoStart"/> minus this and its limit has climbed back to 1, so that
        /// noise and pump pulsation around the servo start do not toggle it (SAF-PRS-007).
        /// </summary>
        public Pressure ServoHysteresis;

        /// <summary>
        /// Fastest rise of the servo's speed limit, fraction of full speed per second: the limit
        /// falls at once as pressure rises, but comes back up at most at this rate (at exactly this
        /// rate once the pressure is below the servo start), so the servo does not hunt against the
        /// pump's own pressure response (SAF-PRS-007).
        /// </summary>
        public double ServoReleasePerSecond;

        /// <summary>
        /// Time constant with which a rising servo limit approaches the limit its pressure asks for
        /// (0: no approach, the rate alone): the rise slows as the circuit nears its settling
        /// pressure, so it does not overshoot into the next cut (SAF-PRS-007).
        /// </summary>
        public long ServoReleaseTauMicros;

        /// <summary>
        /// The servo works on the highest pressure of this last window (0: the current sample
        /// only): longer than one roller-pump pulsation period, so that a pulsing line pressure
        /// gives a steady limit set by its peaks instead of one that follows every stroke (SAF-PRS-007).
        /// </summary>
        public long ServoPeakWindowMicros;

        /// <summary>Limit of flow kinds (Backflow: magnitude of reverse flow; LowFlow: minimum forward flow).</summary>
        public Flow FlowLimit;

        /// <summary>Limit of <see cref="ConditionKind.Microbubbles"/>: counts per minute.</summary>
        public int CountPerMinuteLimit;

        /// <summary>The condition must hold this long before it is raised (0: at once).</summary>
        public long PersistMicros;

        /// <summary>The rule is armed only this long after the guarded pump started (0: always armed).</summary>
        public long ArmDelayMicros;

        /// <summary>What the supervisor does while the rule is in effect.</summary>
        public SafetyAction Action;

        /// <summary>How the rule clears.</summary>
        public ClearRule Clear;

        /// <summary>Alarm priority when raised.</summary>
        public AlarmPriority Priority;

        /// <summary>True for technical alarms (equipment), false for physiological / circuit alarms.</summary>
        public bool Technical;

        /// <summary>True when a faulted channel counts as its dangerous value for this rule (default true).</summary>
        public bool FailSafeOnFault = true;

        /// <summary>True when the rule also closes the line clamp while in effect.</summary>
        public bool CloseClamp;

        /// <summary>True when a local operator may override this rule for a limited time.</summary>
        public bool Overridable;

        /// <summary>Longest override allowed for this rule.</summary>
        public long MaxOverrideMicros;
    }
}
