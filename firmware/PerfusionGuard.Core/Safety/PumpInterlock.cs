using PerfusionGuard.Hal;

namespace PerfusionGuard.Safety
{
    /// <summary>
    /// The software stop path: the energize-to-run pump-enable output and its readback
    /// (DESIGN.md, concept 1; SAF-OUT-001). The line is high only while the last decision lets the
    /// pump run; a reset or dead controller leaves it low, which stops the pump. The hardware air
    /// latch sits in series on the same line and drops it by itself in under 1 ms; the readback,
    /// taken after driver and latch, shows what the pump console actually sees (SAF-OUT-002).
    /// </summary>
    public sealed class PumpInterlock
    {
        private readonly IDigitalOutput _enable;
        private readonly IDigitalInput _readback;
        private bool _commanded;

        /// <summary>Takes the enable output and its readback input, and drives the output low (stop) at once.</summary>
        public PumpInterlock(IDigitalOutput enable, IDigitalInput readback)
        {
            if (enable == null || readback == null)
            {
                throw new System.ArgumentException("pump interlock: both the enable output and its readback input are required");
            }

            _enable = enable;
            _readback = readback;
            _commanded = false;
            _enable.Write(false);
        }

        /// <summary>What the output was last commanded to: true = pump enabled.</summary>
        public bool Commanded => _commanded;

        /// <summary>Drives the output from <paramref name="decision"/>: high only when <see cref="SafetyDecision.PumpEnable"/>.</summary>
        public void Drive(SafetyDecision decision)
        {
            _commanded = decision.PumpEnable;
            _enable.Write(_commanded);
        }

        /// <summary>Reads the enable line back after the driver and the air latch: true = the pump console sees "enabled".</summary>
        public bool ReadBack() => _readback.Read();
    }
}
