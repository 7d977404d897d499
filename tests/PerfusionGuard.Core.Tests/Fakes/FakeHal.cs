using PerfusionGuard.Hal;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Tests.Fakes
{
    /// <summary>A digital input whose level the test sets.</summary>
    public sealed class FakeDigitalInput : IDigitalInput
    {
        public FakeDigitalInput(bool level = false) { Level = level; }

        /// <summary>The level <see cref="Read"/> returns.</summary>
        public bool Level;

        public int ReadCount;

        public bool Read()
        {
            ReadCount++;
            return Level;
        }
    }

    /// <summary>A digital output that remembers what was written.</summary>
    public sealed class FakeDigitalOutput : IDigitalOutput
    {
        public bool Level;
        public int WriteCount;

        public void Write(bool high)
        {
            Level = high;
            WriteCount++;
        }
    }

    /// <summary>
    /// A pump-enable line wired like the board: the output drives the relay, the readback sees the
    /// line after the relay and the hardware air latch. <see cref="StuckOn"/>/<see cref="StuckOff"/>
    /// simulate a welded or dead relay; <see cref="LatchOpen"/> a tripped air latch.
    /// </summary>
    public sealed class FakeEnableLine : IDigitalOutput, IDigitalInput
    {
        public bool Driven;
        public bool StuckOn;
        public bool StuckOff;
        public bool LatchOpen;

        public void Write(bool high) => Driven = high;

        public bool Read() => !LatchOpen && !StuckOff && (Driven || StuckOn);
    }

    /// <summary>An analog output that remembers the last fraction.</summary>
    public sealed class FakeAnalogOutput : IAnalogOutput
    {
        public double Fraction = double.NaN;
        public int WriteCount;

        public void WriteFraction(double fraction)
        {
            Fraction = fraction;
            WriteCount++;
        }
    }

    /// <summary>A watchdog that counts feeds.</summary>
    public sealed class FakeWatchdog : IWatchdog
    {
        public long FeedCount;

        public void Feed() => FeedCount++;
    }

    /// <summary>A microsecond clock the test advances.</summary>
    public sealed class FakeClock : IMicrosClock
    {
        public long Now;

        public long NowMicros => Now;
    }

    /// <summary>Records what a cycle observer saw last, allocation-free.</summary>
    public sealed class RecordingObserver : ICycleObserver
    {
        public long Calls;
        public long LastNowMicros;
        public SafetyDecision LastDecision;
        public long WatchdogFeedsSeen;
        private readonly FakeWatchdog _watchdog;

        public RecordingObserver(FakeWatchdog watchdog = null) { _watchdog = watchdog; }

        public void AfterCycle(long nowMicros, SafetyInputs inputs, SafetyDecision decision)
        {
            Calls++;
            LastNowMicros = nowMicros;
            LastDecision = decision;
            WatchdogFeedsSeen = _watchdog == null ? 0 : _watchdog.FeedCount;
        }
    }
}
