using PerfusionGuard.Channels;

namespace PerfusionGuard.SelfTest
{
    /// <summary>
    /// What the start-up self-test needs of one air detector and its hardware latch (DESIGN.md, safety
    /// concept 1): force the detector's test input, read the latch back, pulse its reset. The board
    /// implements it over the latch's lines (an adapter wraps the channel
    /// layer's <c>HardwareAirLatch</c>); the emulator's virtual board implements it with failure
    /// injection (a latch that does not trip, a readback stuck tripped).
    /// </summary>
    public interface IAirLatchTestPort
    {
        /// <summary>The air channel this detector and latch belong to.</summary>
        ChannelId Channel { get; }

        /// <summary>Forces (true) or releases (false) the detector's test input, which makes it report air.</summary>
        void SetDetectorTest(bool forceAir);

        /// <summary>Reads the latch back: true when it has dropped the pump-enable line.</summary>
        bool IsLatchTripped();

        /// <summary>Asserts the latch's reset line.</summary>
        void BeginLatchReset();

        /// <summary>Releases the latch's reset line.</summary>
        void EndLatchReset();
    }
}
