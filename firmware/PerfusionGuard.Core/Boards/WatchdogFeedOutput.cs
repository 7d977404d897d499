using PerfusionGuard.Hal;

namespace PerfusionGuard.Boards
{
    /// <summary>
    /// The external watchdog chip fed through a digital output (out:watchdog_feed): each Feed is
    /// one edge on its WDI input. nanoFramework has no managed watchdog API (NANO-PLATFORM.md), so
    /// an external supervisor with a timeout near board.json watchdog_timeout_us resets the
    /// controller, and with it every energize-to-run output, when the feed stops. The safety cycle
    /// feeds only after a complete cycle (DESIGN.md safety concept 2); a stuck level feeds nothing.
    /// </summary>
    public sealed class WatchdogFeedOutput : IWatchdog
    {
        private readonly IDigitalOutput _feed;
        private bool _level;

        /// <summary>Feeds through <paramref name="feed"/>, which starts low.</summary>
        public WatchdogFeedOutput(IDigitalOutput feed)
        {
            _feed = feed;
        }

        /// <summary>Number of feeds so far (diagnostics).</summary>
        public long Feeds { get; private set; }

        /// <inheritdoc />
        public void Feed()
        {
            _level = !_level;
            _feed.Write(_level);
            Feeds++;
        }
    }
}
