using PerfusionGuard.Safety;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// A sensor channel in the safety cycle: reads its HAL ports and writes one sample, with its
    /// quality, into the preallocated <see cref="SafetyInputs"/>. Sampling allocates nothing.
    /// </summary>
    public interface IChannel
    {
        /// <summary>Which channel this is.</summary>
        ChannelId Id { get; }

        /// <summary>Samples the sensor at <paramref name="nowMicros"/> and stores the result in <paramref name="inputs"/>.</summary>
        void Sample(long nowMicros, SafetyInputs inputs);
    }
}
