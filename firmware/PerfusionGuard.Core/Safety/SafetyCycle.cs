using PerfusionGuard.Channels;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Safety
{
    /// <summary>
    /// The one deterministic safety loop (DESIGN.md, concept 2; SAF-CYC-001). Each
    /// <see cref="RunOnce"/> samples every channel, fills pump status, readback, self-test and
    /// overrun flags, runs the supervisor, drives the outputs, lets the observers (alarm manager,
    /// telemetry) see the result, and only then feeds the watchdog. A cycle that started more than
    /// 1.5 periods after the previous one flags an overrun and does not feed the watchdog
    /// (SAF-CYC-002). The cycle allocates nothing (SAF-CYC-003). The caller owns the timing: on the
    /// device a thread runs it every 10 ms on the microsecond clock; tests and the emulator pass
    /// virtual time.
    /// </summary>
    public sealed class SafetyCycle
    {
        /// <summary>The device period: 10 ms (DESIGN.md, concept 2).</summary>
        public const long DevicePeriodMicros = 10000;

        private readonly IChannel[] _channels;
        private readonly InterlockSupervisor _supervisor;
        private readonly PumpInterlock _interlock;
        private readonly IDigitalInput _guardedPumpRunning;
        private readonly IDigitalInput _arterialPumpRunning;
        private readonly IAnalogOutput _speedLimit;
        private readonly IDigitalOutput _clampOpen;
        private readonly IWatchdog _watchdog;
        private readonly ICycleObserver[] _observers;
        private readonly long _periodMicros;
        private readonly long _overrunThresholdMicros;
        private readonly SafetyInputs _inputs = new SafetyInputs();

        private long _lastStartMicros;
        private long _cycleCount;
        private long _overrunCount;
        private long _maxIntervalMicros;

        /// <summary>
        /// Builds the cycle. <paramref name="arterialPumpRunning"/> is null when the guarded pump is
        /// the arterial pump. <paramref name="speedLimit"/> and <paramref name="clampOpen"/> may be
        /// null when the board has no such output. The clamp output is energize-to-open: high opens
        /// the clamp, so a dead controller closes it (SAF-OUT-003).
        /// </summary>
        public SafetyCycle(IChannel[] channels, InterlockSupervisor supervisor, PumpInterlock interlock,
            IDigitalInput guardedPumpRunning, IDigitalInput arterialPumpRunning, IAnalogOutput speedLimit,
            IDigitalOutput clampOpen, IWatchdog watchdog, ICycleObserver[] observers, long periodMicros)
        {
            if (channels == null || supervisor == null || interlock == null || guardedPumpRunning == null || watchdog == null)
            {
                throw new System.ArgumentException("safety cycle: channels, supervisor, pump interlock, pump status input and watchdog are required");
            }

            if (periodMicros <= 0)
            {
                throw new System.ArgumentException("safety cycle: period must be positive, not " + periodMicros.ToString() + " µs");
            }

            _channels = channels;
            _supervisor = supervisor;
            _interlock = interlock;
            _guardedPumpRunning = guardedPumpRunning;
            _arterialPumpRunning = arterialPumpRunning;
            _speedLimit = speedLimit;
            _clampOpen = clampOpen;
            _watchdog = watchdog;
            _observers = observers == null ? new ICycleObserver[0] : observers;
            _periodMicros = periodMicros;
            _overrunThresholdMicros = periodMicros + periodMicros / 2;
        }

        /// <summary>The inputs of the current cycle (one preallocated instance).</summary>
        public SafetyInputs Inputs => _inputs;

        /// <summary>The supervisor this cycle runs.</summary>
        public InterlockSupervisor Supervisor => _supervisor;

        /// <summary>The pump interlock this cycle drives.</summary>
        public PumpInterlock Interlock => _interlock;

        /// <summary>Set by the start-up self-test; false blocks the pump (SAF-SUP-008).</summary>
        public bool SelfTestPassed { get; set; }

        /// <summary>Completed cycles.</summary>
        public long CycleCount => _cycleCount;

        /// <summary>Cycles that started more than 1.5 periods after the previous one.</summary>
        public long OverrunCount => _overrunCount;

        /// <summary>Longest interval seen between two cycle starts (µs), for diagnostics.</summary>
        public long MaxIntervalMicros => _maxIntervalMicros;

        /// <summary>The configured period (µs).</summary>
        public long PeriodMicros => _periodMicros;

        /// <summary>Runs one complete cycle at <paramref name="nowMicros"/> and returns the decision.</summary>
        public SafetyDecision RunOnce(long nowMicros)
        {
            bool overrun = false;
            if (_cycleCount > 0)
            {
                long intervalMicros = nowMicros - _lastStartMicros;
                if (intervalMicros > _maxIntervalMicros)
                {
                    _maxIntervalMicros = intervalMicros;
                }

                overrun = intervalMicros > _overrunThresholdMicros;
            }

            _lastStartMicros = nowMicros;
            if (overrun)
            {
                _overrunCount++;
            }

            for (int i = 0; i < _channels.Length; i++)
            {
                _channels[i].Sample(nowMicros, _inputs);
            }

            bool guardedRunning = _guardedPumpRunning.Read();
            _inputs.GuardedPumpRunning = guardedRunning;
            _inputs.ArterialPumpRunning = _arterialPumpRunning == null ? guardedRunning : _arterialPumpRunning.Read();
            _inputs.PumpEnableCommanded = _interlock.Commanded;
            _inputs.PumpEnableReadback = _interlock.ReadBack();
            _inputs.SelfTestPassed = SelfTestPassed;
            _inputs.CycleOverrun = overrun;

            SafetyDecision decision = _supervisor.Update(nowMicros, _inputs);

            _interlock.Drive(decision);
            if (_speedLimit != null)
            {
                _speedLimit.WriteFraction(decision.PumpEnable ? decision.SpeedLimitFraction : 0.0);
            }

            if (_clampOpen != null)
            {
                _clampOpen.Write(!decision.ClampClosed);
            }

            for (int i = 0; i < _observers.Length; i++)
            {
                _observers[i].AfterCycle(nowMicros, _inputs, decision);
            }

            _cycleCount++;

            // Fed only after a complete cycle, and not after a stall: a loop that runs late lets the
            // external watchdog reset the controller, which drops every energize-to-run output.
            if (!overrun)
            {
                _watchdog.Feed();
            }

            return decision;
        }
    }
}
