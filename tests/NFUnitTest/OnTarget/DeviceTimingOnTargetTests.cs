using nanoFramework.TestFramework;
using PerfusionGuard.Boards;
using PerfusionGuard.Hal;

namespace PerfusionGuard.OnTarget
{
    /// <summary>The device loop's pacing and watchdog feeding on the target runtime (long arithmetic, no allocation). SAF-BRD-013.</summary>
    [TestClass]
    public class DeviceTimingOnTargetTests
    {
        private sealed class LevelRecorder : IDigitalOutput
        {
            public int Edges;
            public bool Level;

            public void Write(bool high)
            {
                if (high != Level)
                {
                    Edges++;
                }

                Level = high;
            }
        }

        [TestMethod]
        public static void The_pacer_keeps_a_10_ms_period_and_counts_an_overrun()
        {
            CyclePacer pacer = new CyclePacer(10000);
            long now = 5000000;
            pacer.CycleStarted(now);
            now += 4000;
            Assert.AreEqual(6000L, pacer.CycleEnded(now));
            now += 6000;
            pacer.CycleStarted(now);
            now += 30000;
            Assert.AreEqual(0L, pacer.CycleEnded(now));
            Assert.AreEqual(1L, pacer.Overruns);
        }

        [TestMethod]
        public static void Every_feed_is_an_edge_on_the_watchdog_pin()
        {
            LevelRecorder pin = new LevelRecorder();
            WatchdogFeedOutput watchdog = new WatchdogFeedOutput(pin);
            for (int i = 0; i < 5; i++)
            {
                watchdog.Feed();
            }

            Assert.AreEqual(5, pin.Edges);
        }
    }
}
