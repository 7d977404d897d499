namespace PerfusionGuard.Hal
{
    /// <summary>
    /// The external watchdog. Fed only after a complete safety cycle (DESIGN.md, safety concept 2);
    /// a missed feed resets the controller, which drops every energize-to-run output.
    /// </summary>
    public interface IWatchdog
    {
        /// <summary>Feeds (kicks) the watchdog once.</summary>
        void Feed();
    }
}
