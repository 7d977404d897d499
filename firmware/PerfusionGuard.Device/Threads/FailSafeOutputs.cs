using PerfusionGuard.Hal;

namespace PerfusionGuard.Device.Threads
{
    /// <summary>
    /// The last resort when the firmware cannot go on (a hung cycle, an unhandled exception, an
    /// invalid board at start-up): pump enable low, software trip asserted (every air latch drops
    /// the pump by itself; the trip is active low on the shipped boards, SAF-BRD-016), clamp
    /// closed, speed limit to zero. Each write is tried on its own so that
    /// one failing driver does not keep the others from their safe state.
    /// </summary>
    public sealed class FailSafeOutputs
    {
        private readonly IDigitalOutput _pumpEnable;
        private readonly IDigitalOutput _softwareTrip;
        private readonly IDigitalOutput _clampOpen;
        private readonly bool _tripLevel;
        private readonly IAnalogOutput _speedLimit;

        /// <summary>Any output may be null when the board lacks it; <paramref name="softwareTripActiveHigh"/> is the trip's asserted level.</summary>
        public FailSafeOutputs(IDigitalOutput pumpEnable, IDigitalOutput softwareTrip, bool softwareTripActiveHigh, IDigitalOutput clampOpen, IAnalogOutput speedLimit)
        {
            _pumpEnable = pumpEnable;
            _softwareTrip = softwareTrip;
            _tripLevel = softwareTripActiveHigh;
            _clampOpen = clampOpen;
            _speedLimit = speedLimit;
        }

        /// <summary>Drives every output to its safe state.</summary>
        public void StopEverything()
        {
            try { if (_pumpEnable != null) { _pumpEnable.Write(false); } } catch { }
            try { if (_softwareTrip != null) { _softwareTrip.Write(_tripLevel); } } catch { }
            try { if (_clampOpen != null) { _clampOpen.Write(false); } } catch { }
            try { if (_speedLimit != null) { _speedLimit.WriteFraction(0.0); } } catch { }
        }
    }
}
