using PerfusionGuard.Hal;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Supervision of the hardware air latch (DESIGN.md, safety concept 1): the air detector's
    /// output sets a latch that drops the pump-enable line in under 1 ms without software. The
    /// firmware can trip it, reset it with a timed pulse stepped by the safety cycle (never a
    /// sleep), force the detector's test input (start-up self-test: test on → latch trips →
    /// readback tripped → reset → readback clear) and read it back. Requirement SAF-CHN-009.
    /// </summary>
    public sealed class HardwareAirLatch
    {
        private readonly IDigitalOutput _detectorTest;
        private readonly IDigitalOutput _latchReset;
        private readonly IDigitalOutput _softwareTrip;
        private readonly IDigitalInput _latchReadback;
        private readonly AirDetectorConfig _config;
        private bool _tripCommanded;
        private bool _resetActive;
        private bool _timedReset;
        private long _resetEndMicros;
        private bool _detectorTestOn;

        /// <summary>
        /// Wraps the latch's lines. The outputs are driven to their idle levels at once: test off,
        /// reset released, software trip released (run permit asserted).
        /// </summary>
        public HardwareAirLatch(IDigitalOutput detectorTest, IDigitalOutput latchReset, IDigitalOutput softwareTrip, IDigitalInput latchReadback, AirDetectorConfig config)
        {
            if (detectorTest == null || latchReset == null || softwareTrip == null || latchReadback == null || config == null)
            {
                throw new System.ArgumentNullException(
                    detectorTest == null ? "detectorTest" : latchReset == null ? "latchReset" : softwareTrip == null ? "softwareTrip" : latchReadback == null ? "latchReadback" : "config",
                    "hardware air latch: every line (detector test, latch reset, software trip, readback) and the configuration must be wired");
            }

            _detectorTest = detectorTest;
            _latchReset = latchReset;
            _softwareTrip = softwareTrip;
            _latchReadback = latchReadback;
            _config = config;
            _detectorTest.Write(!config.DetectorTestActiveHigh);
            _latchReset.Write(!config.LatchResetActiveHigh);
            _softwareTrip.Write(!config.SoftwareTripActiveHigh);
        }

        /// <summary>True while the software trip is commanded (until the next reset).</summary>
        public bool TripCommanded => _tripCommanded;

        /// <summary>True while the reset line is asserted.</summary>
        public bool ResetInProgress => _resetActive;

        /// <summary>True while the detector's test input is forced.</summary>
        public bool DetectorTestOn => _detectorTestOn;

        /// <summary>Reads the latch back: true when it has dropped the pump-enable line.</summary>
        public bool IsTripped() => _latchReadback.Read() == _config.LatchTrippedActiveHigh;

        /// <summary>
        /// Trips the latch from software (a second path into the same hardware stop). The trip
        /// line stays asserted until a reset begins, so the latch cannot re-arm by itself.
        /// </summary>
        public void Trip()
        {
            _tripCommanded = true;
            _softwareTrip.Write(_config.SoftwareTripActiveHigh);
        }

        /// <summary>Forces (true) or releases (false) the detector's test input, which makes it report air.</summary>
        public void SetDetectorTest(bool on)
        {
            _detectorTestOn = on;
            _detectorTest.Write(on ? _config.DetectorTestActiveHigh : !_config.DetectorTestActiveHigh);
        }

        /// <summary>
        /// Asserts the reset line and releases the software trip. The hardware keeps the latch
        /// tripped while the detector still sees air; the caller must end the pulse with
        /// <see cref="EndReset"/> (or use <see cref="Reset"/> and <see cref="Step"/>).
        /// </summary>
        public void BeginReset()
        {
            _tripCommanded = false;
            _softwareTrip.Write(!_config.SoftwareTripActiveHigh);
            _latchReset.Write(_config.LatchResetActiveHigh);
            _resetActive = true;
            _timedReset = false;
        }

        /// <summary>Releases the reset line.</summary>
        public void EndReset()
        {
            _latchReset.Write(!_config.LatchResetActiveHigh);
            _resetActive = false;
            _timedReset = false;
        }

        /// <summary>
        /// Starts a reset pulse of <see cref="AirDetectorConfig.ResetPulseMicros"/>; <see cref="Step"/>
        /// ends it once the time has passed. Only a local operator action may call this (DESIGN.md:
        /// nothing remote resets a latched stop).
        /// </summary>
        public void Reset(long nowMicros)
        {
            BeginReset();
            _timedReset = true;
            _resetEndMicros = nowMicros + _config.ResetPulseMicros;
        }

        /// <summary>Advances a timed reset pulse; call once per safety cycle. Allocation-free.</summary>
        public void Step(long nowMicros)
        {
            if (_timedReset && nowMicros >= _resetEndMicros)
            {
                EndReset();
            }
        }
    }
}
