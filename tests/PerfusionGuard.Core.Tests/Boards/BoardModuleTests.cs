using System.Collections.Generic;
using PerfusionGuard.Boards;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;
using Xunit;
using static PerfusionGuard.Tests.Boards.BoardFiles;

namespace PerfusionGuard.Tests.Boards
{
    /// <summary>
    /// The device's composition (BoardModule) over a shipped board with simulated wiring: the
    /// hardware air latch as boards/README.md and README "Wiring the hardware air latch" draw it
    /// (detector or software trip trips it, reset pulse clears it, it gates pump enable).
    /// </summary>
    public class BoardModuleTests
    {
        /// <summary>The board's electrical world: detectors, one latch per detector, the relay, the sensors.</summary>
        private sealed class Wiring : IBoardPortFactory
        {
            public bool Air;
            public bool LatchReadbackStuckPermit;
            public bool Tripped;
            public bool PumpEnable;
            public bool SoftwareTripLevel;
            public bool TestLevel;
            public bool ResetLevel;
            public readonly Dictionary<ChannelId, int> Counts = new();

            private void Settle()
            {
                bool detectorSaysAir = Air || TestLevel;
                if (detectorSaysAir || !SoftwareTripLevel)
                {
                    Tripped = true;
                }
                else if (ResetLevel)
                {
                    Tripped = false;
                }
            }

            public IDigitalInput OpenInput(BoardPin pin) => pin.Role switch
            {
                PinRole.AirDetector => new In(() => !(Air || TestLevel)),
                PinRole.LatchReadback => new In(() => LatchReadbackStuckPermit || !Tripped),
                PinRole.PumpEnableReadback => new In(() => PumpEnable && !Tripped),
                PinRole.GuardedPumpRunning => new In(() => true),
                PinRole.DetectorFault => new In(() => true),
                PinRole.ResetKey => new In(() => !pin.ActiveLow ? false : true),
                _ => new In(() => false),
            };

            public IDigitalOutput OpenOutput(BoardPin pin)
            {
                Out output = pin.Role switch
                {
                    PinRole.PumpEnable => new Out(v => PumpEnable = v),
                    PinRole.SoftwareTrip => new Out(v => SoftwareTripLevel = v),
                    PinRole.DetectorTest => new Out(v => TestLevel = v),
                    PinRole.LatchReset => new Out(v => ResetLevel = v),
                    _ => new Out(_ => { }),
                };
                output.Changed += Settle;
                output.Write(false);
                return output;
            }

            public IAnalogInput OpenAnalog(BoardPin pin) => new Analog(() => Counts[pin.Channel]);

            public IEdgeCounter OpenCounter(BoardPin pin) => new Counter();

            private sealed class In : IDigitalInput
            {
                private readonly System.Func<bool> _read;
                public In(System.Func<bool> read) => _read = read;
                public bool Read() => _read();
            }

            private sealed class Out : IDigitalOutput
            {
                private readonly System.Action<bool> _write;
                public event System.Action Changed;
                public Out(System.Action<bool> write) => _write = write;
                public void Write(bool high) { _write(high); Changed?.Invoke(); }
            }

            private sealed class Analog : IAnalogInput
            {
                private readonly System.Func<int> _counts;
                private int _dither;
                public Analog(System.Func<int> counts) => _counts = counts;
                public int MaxCounts => 4095;
                public int ReadCounts() => _counts() + (_dither++ % 3) - 1; // a live signal, never stuck
            }

            private sealed class Counter : IEdgeCounter
            {
                public long ReadCount() => 0;
            }
        }

        private sealed class RamStore : INonVolatileStore
        {
            private readonly byte[] _bytes = new byte[64 * 1024];
            public int SizeBytes => _bytes.Length;
            public void Read(int address, byte[] buffer, int offset, int count) => System.Array.Copy(_bytes, address, buffer, offset, count);
            public void Write(int address, byte[] buffer, int offset, int count) => System.Array.Copy(buffer, offset, _bytes, address, count);
            public void Flush() { }
        }

        private static (BoardModule Module, Wiring Wiring) Build(string circuit, bool latchStuck = false)
        {
            var board = Load("esp32-devkitc");
            Assert.True(ProfileCatalog.TryGet(circuit, out CircuitProfile profile));
            var wiring = new Wiring { LatchReadbackStuckPermit = latchStuck };
            wiring.Counts[ChannelId.PArterial] = 1884;        // 150 mmHg with the board's default calibration
            wiring.Counts[ChannelId.PVenous] = 1327;          // -20 mmHg
            wiring.Counts[ChannelId.PPostOxygenator] = 1818;  // 130 mmHg
            wiring.Counts[ChannelId.LevelReservoir] = 1638;   // 1500 ml
            wiring.Counts[ChannelId.FlowArterial] = 2539;     // 4.5 L/min
            var ports = BoardPorts.Open(board, wiring);
            return (new BoardModule(board, ports, profile, null, new RamStore(), 0), wiring);
        }

        private static long RunUntilSelfTestEnds(BoardModule module, long now)
        {
            for (int i = 0; i < 2000 && module.SelfTest.Outcome == SelfTestOutcome.Running; i++)
            {
                now += 10_000;
                module.Step(now);
            }

            return now;
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-015")]
        public void On_healthy_wiring_the_self_test_passes_and_the_pump_is_enabled_while_the_watchdog_is_fed()
        {
            var (module, wiring) = Build("adult-cpb");
            long now = RunUntilSelfTestEnds(module, 0);
            Assert.Equal(SelfTestOutcome.Passed, module.SelfTest.Outcome);
            long feedsBefore = module.Watchdog.Feeds;
            for (int i = 0; i < 100; i++)
            {
                now += 10_000;
                module.Step(now);
            }

            Assert.True(wiring.PumpEnable, "pump enable should be high after a passed self-test with every sensor in range");
            Assert.False(wiring.Tripped);
            Assert.Equal(100, module.Watchdog.Feeds - feedsBefore);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-015")]
        public void A_latch_whose_readback_never_trips_fails_the_self_test_and_the_pump_is_never_enabled()
        {
            var (module, wiring) = Build("adult-cpb", latchStuck: true);
            long now = RunUntilSelfTestEnds(module, 0);
            Assert.Equal(SelfTestOutcome.Failed, module.SelfTest.Outcome);
            bool everEnabled = false;
            for (int i = 0; i < 100; i++)
            {
                now += 10_000;
                module.Step(now);
                everEnabled |= wiring.PumpEnable;
            }

            Assert.False(everEnabled);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-017")]
        public void Air_trips_the_latch_and_a_console_reset_is_carried_out_by_the_safety_step_not_by_the_console_thread()
        {
            var (module, wiring) = Build("adult-cpb");
            long now = RunUntilSelfTestEnds(module, 0);
            wiring.Air = true;
            for (int i = 0; i < 5; i++) { now += 10_000; module.Step(now); }
            Assert.True(wiring.Tripped);
            Assert.False(wiring.PumpEnable);

            wiring.Air = false;
            for (int i = 0; i < 5; i++) { now += 10_000; module.Step(now); }
            Assert.False(wiring.PumpEnable); // air is latched until a local reset

            module.TryOperatorReset(now, CommandSource.Remote);
            for (int i = 0; i < 5; i++) { now += 10_000; module.Step(now); }
            Assert.True(wiring.Tripped, "a remote reset must not pulse the latches");

            Assert.True(module.TryOperatorReset(now, CommandSource.LocalConsole));
            Assert.True(wiring.Tripped, "posting the reset touches nothing until the safety step runs");
            for (int i = 0; i < 20; i++) { now += 10_000; module.Step(now); }
            Assert.False(wiring.Tripped);
            Assert.True(wiring.PumpEnable);
        }
    }
}
