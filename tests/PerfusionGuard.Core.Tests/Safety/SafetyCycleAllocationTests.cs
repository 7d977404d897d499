using System;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Tests.Fakes;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.Safety
{
    public class SafetyCycleAllocationTests
    {
        /// <summary>Writes a different reading every cycle: pressures sweep through every band, level and air come and go.</summary>
        private sealed class SweepingChannel : IChannel
        {
            private readonly double _centre;
            private readonly double _amplitude;
            private readonly double _periodMicros;

            public SweepingChannel(ChannelId id, double centre, double amplitude, double periodSeconds)
            {
                Id = id;
                _centre = centre;
                _amplitude = amplitude;
                _periodMicros = periodSeconds * 1_000_000;
            }

            public ChannelId Id { get; }

            public void Sample(long nowMicros, SafetyInputs inputs)
            {
                double phase = Math.Sin(2 * Math.PI * nowMicros / _periodMicros);
                double value = _centre + _amplitude * phase;
                int c = (int)Id;
                switch (ChannelNames.KindOf(Id))
                {
                    case ChannelKind.Pressure:
                        inputs.Pressures[c].Pressure = Pressure.FromMmHg(value);
                        inputs.Pressures[c].Quality = phase > 0.995 ? SensorQuality.Noisy : SensorQuality.Good;
                        inputs.Pressures[c].RawCounts = (int)(value * 10);
                        break;
                    case ChannelKind.Flow:
                        inputs.Flows[c].Flow = Flow.FromLPerMin(value);
                        inputs.Flows[c].Quality = SensorQuality.Good;
                        break;
                    case ChannelKind.Air:
                        inputs.Air[c].AirPresent = phase > 0.999;
                        inputs.Air[c].LatchTripped = phase > 0.999;
                        inputs.Air[c].MicrobubbleCount += phase > 0 ? 1 : 0;
                        inputs.Air[c].MicrobubblesPerMinute = (int)(150 + 100 * phase);
                        inputs.Air[c].Quality = SensorQuality.Good;
                        break;
                    default:
                        inputs.ReservoirLevel.State = phase < -0.9 ? LevelState.Low : phase < -0.6 ? LevelState.Alert : LevelState.Normal;
                        inputs.ReservoirLevel.Quality = SensorQuality.Good;
                        break;
                }
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-CYC-003")]
        [Trait("Requirement", "SAF-SUP-001")]
        public void Hundred_thousand_adult_cpb_cycles_with_changing_inputs_allocate_nothing()
        {
            var events = new SafetyEventRing(64); // small: it overflows on purpose, overwriting without allocating
            var supervisor = new InterlockSupervisor(ProfileCatalog.Get(CircuitKind.AdultCpb), events);
            var line = new FakeEnableLine();
            var watchdog = new FakeWatchdog();
            var pumpRunning = new FakeDigitalInput(true);
            var observer = new RecordingObserver(watchdog);
            var cycle = new SafetyCycle(
                new IChannel[]
                {
                    new SweepingChannel(ChannelId.PArterial, 250, 140, 7),     // 110..390: alert, servo, alarm, stop
                    new SweepingChannel(ChannelId.PVenous, -90, 80, 11),       // -170..-10: low alert and alarm
                    new SweepingChannel(ChannelId.PPostOxygenator, 150, 60, 5),
                    new SweepingChannel(ChannelId.BubbleArterial, 0, 1, 13),   // air now and then
                    new SweepingChannel(ChannelId.LevelReservoir, 0, 1, 17),
                    new SweepingChannel(ChannelId.FlowArterial, 3, 2.5, 19),
                },
                supervisor, new PumpInterlock(line, line), pumpRunning, null, new FakeAnalogOutput(), new FakeDigitalOutput(),
                watchdog, new ICycleObserver[] { observer }, SafetyCycle.DevicePeriodMicros);
            cycle.SelfTestPassed = true;

            long now = 0;
            void RunCycles(int count)
            {
                for (int i = 0; i < count; i++)
                {
                    now += i % 997 == 0 ? 17_000 : 10_000;                    // an occasional overrun
                    pumpRunning.Level = (i / 3000) % 5 != 0;                   // pump stops and restarts (arming)
                    line.StuckOn = i % 50_000 > 49_900;                        // a relay fault now and then
                    cycle.RunOnce(now);
                    if (i % 500 == 0)
                    {
                        supervisor.TryOperatorReset(now, CommandSource.LocalPanel);
                        supervisor.TrySetOverride(3, 1_000_000, now, CommandSource.Remote);
                    }

                    if (i % 2000 == 0)
                    {
                        supervisor.TrySetOverride(supervisor.FindRule("LVL_LOW"), 2_000_000, now, CommandSource.LocalPanel);
                    }

                    while (events.TryTake(out SafetyEvent _)) { }
                }
            }

            RunCycles(5_000); // warm-up: JIT, static constructors
            long before = GC.GetAllocatedBytesForCurrentThread();
            RunCycles(100_000);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(0, allocated);
            Assert.Equal(105_000, cycle.CycleCount);
            Assert.True(cycle.OverrunCount > 0);
            Assert.True(observer.Calls == 105_000);
        }
    }
}
