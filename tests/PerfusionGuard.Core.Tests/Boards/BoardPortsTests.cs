using System.Collections.Generic;
using System.Linq;
using PerfusionGuard.Boards;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using Xunit;
using static PerfusionGuard.Tests.Boards.BoardFiles;

namespace PerfusionGuard.Tests.Boards
{
    public class BoardPortsTests
    {
        private sealed class RecordingFactory : IBoardPortFactory
        {
            public readonly List<string> Opened = new();
            public readonly List<FakeOutput> Outputs = new();
            public int InputsOpenedBeforeLastOutput = -1;

            public IDigitalInput OpenInput(BoardPin pin) { Opened.Add("in " + pin.Label); return new FakeInput(); }

            public IDigitalOutput OpenOutput(BoardPin pin)
            {
                if (Opened.Any(o => o.StartsWith("in ")))
                {
                    InputsOpenedBeforeLastOutput = Opened.Count;
                }

                Opened.Add("out " + pin.Label);
                var output = new FakeOutput();
                Outputs.Add(output);
                return output;
            }

            public IAnalogInput OpenAnalog(BoardPin pin) { Opened.Add("adc " + pin.Label + " ch" + pin.AdcChannel); return new FakeAnalog(); }

            public IEdgeCounter OpenCounter(BoardPin pin) { Opened.Add("count " + pin.Label); return new FakeCounter(); }
        }

        private sealed class FakeInput : IDigitalInput { public bool Read() => false; }
        private sealed class FakeOutput : IDigitalOutput { public bool High; public void Write(bool high) => High = high; }
        private sealed class FakeAnalog : IAnalogInput { public int MaxCounts => 4095; public int ReadCounts() => 0; }
        private sealed class FakeCounter : IEdgeCounter { public long ReadCount() => 0; }

        [Theory]
        [MemberData(nameof(ShippedBoardsTests.Boards), MemberType = typeof(ShippedBoardsTests))]
        public void Every_pin_is_opened_once_and_outputs_before_any_input(string id)
        {
            var board = Load(id);
            var factory = new RecordingFactory();
            BoardPorts.Open(board, factory);

            int expected = board.Pins.Count(p => p.Io != PinIo.Pwm && p.Io != PinIo.Uart);
            Assert.Equal(expected, factory.Opened.Count);
            Assert.Equal(factory.Opened.Count, factory.Opened.Distinct().Count());
            Assert.Equal(-1, factory.InputsOpenedBeforeLastOutput);
        }

        [Theory]
        [MemberData(nameof(ShippedBoardsTests.Boards), MemberType = typeof(ShippedBoardsTests))]
        [Trait("Requirement", "SAF-BRD-002")]
        public void The_safety_ports_and_one_port_per_provided_channel_exist(string id)
        {
            var board = Load(id);
            var ports = BoardPorts.Open(board, new RecordingFactory());
            Assert.NotNull(ports.PumpEnable);
            Assert.NotNull(ports.PumpEnableReadback);
            Assert.NotNull(ports.WatchdogFeed);
            for (int c = 0; c < ChannelNames.Count; c++)
            {
                var channel = (ChannelId)c;
                bool provided = board.Provides(channel);
                switch (ChannelNames.KindOf(channel))
                {
                    case ChannelKind.Air:
                        Assert.Equal(provided, ports.AirDetector[c] != null && ports.LatchReadback[c] != null && ports.DetectorTest[c] != null);
                        break;
                    case ChannelKind.Level:
                        Assert.Equal(provided, ports.Analog[c] != null || ports.LevelPadAlert != null || ports.LevelPadStop != null);
                        break;
                    default:
                        Assert.Equal(provided, ports.Analog[c] != null);
                        break;
                }
            }
        }

        [Fact]
        public void The_DevKitC_arterial_pressure_is_ADC1_channel_0_on_GPIO_36()
        {
            var factory = new RecordingFactory();
            BoardPorts.Open(Load("esp32-devkitc"), factory);
            Assert.Contains("adc 36 ch0", factory.Opened);
            Assert.Contains("count 18", factory.Opened);
        }
    }

    public class WatchdogFeedOutputTests
    {
        private sealed class Pin : IDigitalOutput { public readonly List<bool> Levels = new(); public void Write(bool high) => Levels.Add(high); }

        [Fact]
        [Trait("Requirement", "SAF-BRD-013")]
        public void Each_feed_is_one_edge_on_the_watchdog_input()
        {
            var pin = new Pin();
            var watchdog = new WatchdogFeedOutput(pin);
            watchdog.Feed();
            watchdog.Feed();
            watchdog.Feed();
            Assert.Equal(new[] { true, false, true }, pin.Levels);
            Assert.Equal(3, watchdog.Feeds);
        }
    }

    public class CyclePacerTests
    {
        [Fact]
        [Trait("Requirement", "SAF-BRD-013")]
        public void Deadlines_advance_by_whole_periods_so_the_cycle_does_not_drift()
        {
            var pacer = new CyclePacer(10_000);
            long now = 1_000_000;
            pacer.CycleStarted(now);
            now += 3_000;
            Assert.Equal(7_000, pacer.CycleEnded(now));
            now += 7_000 + 400; // woke 0.4 ms late (Thread.Sleep granularity)
            pacer.CycleStarted(now);
            now += 2_000;
            Assert.Equal(10_000 - 2_400, pacer.CycleEnded(now)); // next deadline is still start + 20 ms
            Assert.Equal(0, pacer.Overruns);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-013")]
        public void An_overrun_is_counted_and_the_schedule_restarts_instead_of_bursting()
        {
            var pacer = new CyclePacer(10_000);
            long now = 0;
            pacer.CycleStarted(now);
            now += 25_000; // a 25 ms cycle (GC pause)
            Assert.Equal(0, pacer.CycleEnded(now));
            Assert.Equal(1, pacer.Overruns);
            Assert.Equal(25_000, pacer.LongestCycleMicros);
            pacer.CycleStarted(now);
            now += 1_000;
            Assert.Equal(9_000, pacer.CycleEnded(now)); // one period from the restart, not three short cycles
        }
    }
}

namespace PerfusionGuard.Tests.Boards
{
    public class BoardStartupCheckTests
    {
        private static PerfusionGuard.Profiles.CircuitProfile Adult() => new()
        {
            Name = "adult-cpb",
            Channels = new[] { ChannelId.PArterial, ChannelId.PVenous, ChannelId.BubbleArterial, ChannelId.LevelReservoir },
            Rules = new PerfusionGuard.Profiles.ConditionRule[0],
        };

        [Fact]
        [Trait("Requirement", "SAF-BRD-015")]
        public void The_device_starts_only_on_a_board_that_loads_validates_and_carries_the_profile()
        {
            Assert.True(BoardStartupCheck.TryPrepare(BoardJson("esp32-devkitc"), "adult-cpb", Adult(), out BoardDefinition board, out string[] problems), string.Join("\n", problems ?? new string[0]));
            Assert.Equal("esp32-devkitc", board.Id);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-015")]
        public void No_board_file_an_invalid_board_or_an_unknown_profile_keeps_every_pin_closed()
        {
            Assert.False(BoardStartupCheck.TryPrepare(null, "adult-cpb", Adult(), out var board, out var problems));
            Assert.Null(board);
            Assert.StartsWith("no board definition", problems[0]);

            string broken = Edited("esp32-devkitc", root => RemovePin(root, "in:pump_enable_readback"));
            Assert.False(BoardStartupCheck.TryPrepare(broken, "adult-cpb", Adult(), out board, out problems));
            Assert.Null(board);
            Assert.Equal(new[] { "board esp32-devkitc: no in:pump_enable_readback pin; the firmware must read back the pump-enable line" }, problems);

            Assert.False(BoardStartupCheck.TryPrepare(BoardJson("esp32-devkitc"), "adult-cbp", null, out board, out problems));
            Assert.Equal("board esp32-devkitc: unknown circuit profile \"adult-cbp\" in I:\\perfusionguard.json", problems[0]);

            var hemo = new PerfusionGuard.Profiles.CircuitProfile { Name = "hemoperfusion", Channels = new[] { ChannelId.PPreColumn }, Rules = new PerfusionGuard.Profiles.ConditionRule[0] };
            Assert.False(BoardStartupCheck.TryPrepare(BoardJson("esp32-devkitc"), "hemoperfusion", hemo, out board, out problems));
            Assert.Contains("needs channel p_pre_column", problems[0]);
        }
    }
}
