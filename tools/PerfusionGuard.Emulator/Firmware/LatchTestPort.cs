using PerfusionGuard.Channels;
using PerfusionGuard.SelfTest;

namespace PerfusionGuard.Emulator.Firmware
{
    /// <summary>The self-test's view of one hardware air latch (detector test input, reset, readback).</summary>
    public sealed class LatchTestPort : IAirLatchTestPort
    {
        private readonly HardwareAirLatch _latch;

        /// <summary>Wraps <paramref name="latch"/> of detector <paramref name="channel"/>.</summary>
        public LatchTestPort(HardwareAirLatch latch, ChannelId channel)
        {
            _latch = latch;
            Channel = channel;
        }

        /// <summary>The detector's channel.</summary>
        public ChannelId Channel { get; }

        /// <summary>Forces or releases the detector's test input.</summary>
        public void SetDetectorTest(bool forceAir) => _latch.SetDetectorTest(forceAir);

        /// <summary>Reads the latch back.</summary>
        public bool IsLatchTripped() => _latch.IsTripped();

        /// <summary>Asserts the reset line.</summary>
        public void BeginLatchReset() => _latch.BeginReset();

        /// <summary>Releases the reset line.</summary>
        public void EndLatchReset() => _latch.EndReset();
    }
}
