using PerfusionGuard.Hal;

namespace PerfusionGuard.Device.Threads
{
    /// <summary>
    /// The last resort when the firmware cannot go on (a hung cycle, an unhandled exception, an
    /// invalid board at start-up): pump enable low, software trip high (every air latch drops the
    /// pump by itself), clamp closed, speed limit to zero. Each write is tried on its own so that
    /// one failing driver does not keep the others from their safe state.
    /// </summary>
    public sealed class FailSafeOutputs
    {
        private readonly IDigitalOutput _pumpEnable;
        private readonly IDigitalOutput _softwareTrip;
        private readonly IDigitalOutput _clampOpen;
        private readonly IAnalogOutput _speedLimit;

        /// <summary>Any argument may be null when the board lacks that output.</summary>
        public FailSafeOutputs(IDigitalOutput pumpEnable, IDigitalOutput softwareTrip, IDigitalOutput clampOpen, IAnalogOutput speedLimit)
        {
            _pumpEnable = pumpEnable;
            _softwareTrip = softwareTrip;
            _clampOpen = clampOpen;
            _speedLimit = speedLimit;
        }

        /// <summary>Drives every output to its safe state.</summary>
        public void StopEverything()
        {
            try { if (_pumpEnable != null) { _pumpEnable.Write(false); } } catch { }
            try { if (_softwareTrip != null) { _softwareTrip.Write(true); } } catch { }
            try { if (_clampOpen != null) { _clampOpen.Write(false); } } catch { }
            try { if (_speedLimit != null) { _speedLimit.WriteFraction(0.0); } } catch { }
        }
    }
}
