using System;
using System.Collections.Generic;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Units;

namespace PerfusionGuard.Tests.Fakes
{
    /// <summary>
    /// An air detector with its hardware latch, with the failures the self-test must catch: a latch
    /// that does not trip (or trips late), a latch that will not reset, a detector stuck on "air".
    /// </summary>
    public sealed class FakeAirLatch : IAirLatchTestPort
    {
        private readonly Func<long> _now;
        private long _testOnAtMicros = -1;
        private bool _tripped;

        public FakeAirLatch(ChannelId channel, Func<long> now, bool initiallyTripped = false)
        {
            Channel = channel;
            _now = now;
            _tripped = initiallyTripped;
        }

        public ChannelId Channel { get; }

        /// <summary>The latch ignores the detector (broken detector output or latch input).</summary>
        public bool NeverTrips { get; set; }

        /// <summary>Time from forcing the test input to the latch reading tripped.</summary>
        public long TripDelayMicros { get; set; } = 300;

        /// <summary>The reset line does nothing (the readback stays tripped).</summary>
        public bool ResetBroken { get; set; }

        /// <summary>The detector reports air even with the test input released.</summary>
        public bool DetectorStuckOnAir { get; set; }

        public bool TestInputOn { get; private set; }

        public bool ResetAsserted { get; private set; }

        public List<string> Actions { get; } = new();

        public void SetDetectorTest(bool forceAir)
        {
            TestInputOn = forceAir;
            _testOnAtMicros = forceAir ? _now() : -1;
            Actions.Add(forceAir ? "test_on" : "test_off");
        }

        public bool IsLatchTripped()
        {
            bool air = DetectorStuckOnAir || (TestInputOn && _now() - _testOnAtMicros >= TripDelayMicros);
            if (air && !NeverTrips && !ResetAsserted)
            {
                _tripped = true;
            }

            return _tripped;
        }

        public void BeginLatchReset()
        {
            ResetAsserted = true;
            Actions.Add("reset_begin");
            bool air = DetectorStuckOnAir || TestInputOn;
            if (!ResetBroken && !air)
            {
                _tripped = false;
            }
        }

        public void EndLatchReset()
        {
            ResetAsserted = false;
            Actions.Add("reset_end");
        }
    }

    /// <summary>The energize-to-run pump-enable output and its readback after the relay, which may weld.</summary>
    public sealed class FakePumpEnable : IDigitalOutput, IDigitalInput
    {
        public bool Commanded { get; private set; } = true; // as if left on by a previous run: the self-test must drive it off

        public bool EverCommandedOn { get; private set; }

        public bool StuckOn { get; set; }

        public void Write(bool high)
        {
            Commanded = high;
            EverCommandedOn |= high;
        }

        public bool Read() => StuckOn || Commanded;
    }

    // FakeChannel lives in FakeChannel.cs (one fake channel for all tests).
}
