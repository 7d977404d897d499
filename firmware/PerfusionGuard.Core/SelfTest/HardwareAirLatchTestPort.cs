using PerfusionGuard.Channels;

namespace PerfusionGuard.SelfTest
{
    /// <summary>
    /// The self-test's view of one air detector over the channel layer's <see cref="HardwareAirLatch"/>
    /// (the same lines the safety cycle supervises): detector test input, latch reset, readback.
    /// Give the self-test the latch's reset pulse length (<see cref="AirDetectorConfig.ResetPulseMicros"/>)
    /// as <see cref="SelfTestLimits.LatchResetPulseMicros"/>.
    /// </summary>
    public sealed class HardwareAirLatchTestPort : IAirLatchTestPort
    {
        private readonly HardwareAirLatch _latch;

        /// <summary>Wraps the latch of air channel <paramref name="channel"/>.</summary>
        public HardwareAirLatchTestPort(ChannelId channel, HardwareAirLatch latch)
        {
            if (ChannelNames.KindOf(channel) != ChannelKind.Air)
            {
                throw new System.ArgumentException("self-test: " + ChannelNames.NameOf(channel) + " is not an air detector channel", nameof(channel));
            }

            _latch = latch ?? throw new System.ArgumentNullException(nameof(latch), "self-test: " + ChannelNames.NameOf(channel) + " has no hardware latch");
            Channel = channel;
        }

        /// <inheritdoc />
        public ChannelId Channel { get; }

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
