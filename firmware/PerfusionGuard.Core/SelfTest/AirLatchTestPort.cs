using PerfusionGuard.Channels;

namespace PerfusionGuard.SelfTest
{
    /// <summary>
    /// The start-up self-test's view of one detector's hardware latch (test input → latch trips →
    /// readback → reset; DESIGN.md safety concept 1), over the channel layer's <see cref="HardwareAirLatch"/>.
    /// </summary>
    public sealed class AirLatchTestPort : IAirLatchTestPort
    {
        private readonly HardwareAirLatch _latch;
        private readonly ChannelId _channel;

        /// <summary>The latch of detector <paramref name="channel"/>.</summary>
        public AirLatchTestPort(HardwareAirLatch latch, ChannelId channel)
        {
            _latch = latch;
            _channel = channel;
        }

        /// <inheritdoc />
        public ChannelId Channel => _channel;

        /// <inheritdoc />
        public void SetDetectorTest(bool forceAir) => _latch.SetDetectorTest(forceAir);

        /// <inheritdoc />
        public bool IsLatchTripped() => _latch.IsTripped();

        /// <inheritdoc />
        public void BeginLatchReset() => _latch.BeginReset();

        /// <inheritdoc />
        public void EndLatchReset() => _latch.EndReset();
    }
}
