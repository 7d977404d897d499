using System.Linq;
using System.Text;
using PerfusionGuard.Emulator.Board;
using PerfusionGuard.Emulator.Firmware;
using PerfusionGuard.Emulator.Runner;
using PerfusionGuard.Emulator.Scenarios;
using PerfusionGuard.Safety;
using Xunit;

namespace PerfusionGuard.Emulator.Tests.Runner
{
    /// <summary>
    /// latency_ms is measured from the physical cause reaching the sensor to the pump-enable line
    /// going off (SCENARIOS.md): the hardware latch path shows its modelled delay, the software path
    /// the persistence plus the cycle phase.
    /// </summary>
    public class StopLatencyTests
    {
        private static RunResult Run(string json) => ScenarioRunner.Run(ScenarioParser.Parse(Encoding.UTF8.GetBytes(json), "latency.json"), new RunOptions { RecordTrace = false });

        [Theory]
        [InlineData(100)]
        [InlineData(300)]
        [InlineData(500)]
        [Trait("Requirement", "SAF-AIR-001")]
        public void Hardware_latch_stop_latency_is_the_modelled_latch_delay_not_a_cycle(int latchDelayMicros)
        {
            RunResult r = Run($@"{{ ""name"": ""l"", ""circuit"": ""adult-cpb"", ""duration_s"": 20,
                ""circuit_params"": {{ ""latch_delay_us"": {latchDelayMicros} }},
                ""timeline"": [ {{ ""t_s"": 10, ""do"": ""inject_air"", ""site"": ""arterial_line"", ""volume_ml"": 0.5 }} ] }}");
            RunEvent stop = Assert.Single(r.Events.Where(e => e.Kind == "pump_stop"));
            Assert.Equal("hardware_latch", stop.FieldText("path"));
            Assert.Equal(latchDelayMicros / 1000.0, stop.FieldNumber("latency_ms"), 3);
            RunEvent air = r.Events.First(e => e.Kind == "air_at_detector");
            Assert.Equal(air.TMs + latchDelayMicros / 1000.0, stop.TMs, 3);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRS-001")]
        public void Software_stop_latency_counts_from_the_true_pressure_crossing_and_includes_the_persistence()
        {
            RunResult r = Run(@"{ ""name"": ""p"", ""circuit"": ""adult-cpb"", ""duration_s"": 20,
                ""timeline"": [ { ""t_s"": 10, ""do"": ""occlude"", ""site"": ""arterial_line"", ""fraction"": 1.0 } ] }");
            RunEvent stop = r.Events.First(e => e.Kind == "pump_stop");
            Assert.Equal("software", stop.FieldText("path"));
            Assert.Equal("pressure_high", stop.FieldText("cause"));
            // P_ARTERIAL_STOP persists 50 ms; sampling is every 10 ms: 50..70 ms from the true crossing.
            Assert.InRange(stop.FieldNumber("latency_ms"), 50, 70);
            Assert.Equal(0, r.Outcomes.SpuriousStops);
        }

        [Fact]
        public void A_stop_whose_cause_is_not_in_the_physics_is_counted_spurious()
        {
            // A firmware that drops the pump-enable line at 15 s with nothing wrong in the circuit.
            Scenario scenario = ScenarioParser.Parse(Encoding.UTF8.GetBytes(@"{ ""name"": ""s"", ""circuit"": ""adult-cpb"", ""duration_s"": 20 }"), "s.json");
            RunResult r = ScenarioRunner.Run(scenario, new RunOptions
            {
                RecordTrace = false,
                FirmwareFactory = (board, circuit) => new StopAtHost(new GuardModuleFirmwareHost(board, circuit), board, 15_000_000),
            });
            RunEvent stop = Assert.Single(r.Events.Where(e => e.Kind == "pump_stop"));
            Assert.Equal("true", stop.FieldText("spurious"));
            Assert.Equal(1, r.Outcomes.SpuriousStops);
        }

        private sealed class StopAtHost : IFirmwareHost
        {
            private readonly IFirmwareHost _inner;
            private readonly VirtualBoard _board;
            private readonly long _atMicros;

            public StopAtHost(IFirmwareHost inner, VirtualBoard board, long atMicros)
            {
                _inner = inner;
                _board = board;
                _atMicros = atMicros;
            }

            public string Description => "faulty: " + _inner.Description;
            public SafetyDecision LastDecision => _inner.LastDecision;
            public IConditionMonitor Monitor => _inner.Monitor;
            public SelfTestState SelfTest => _inner.SelfTest;
            public string SelfTestDetail => _inner.SelfTestDetail;
            public bool ConsoleSupported => false;

            public void Boot(long nowMicros) => _inner.Boot(nowMicros);

            public void RunCycle(long nowMicros)
            {
                _inner.RunCycle(nowMicros);
                if (nowMicros >= _atMicros)
                {
                    _board.PumpEnable.Write(false);
                }
            }

            public bool TryOperatorReset(long nowMicros, out string detail) => _inner.TryOperatorReset(nowMicros, out detail);
            public bool TryOverride(string alarmId, long durationMicros, long nowMicros, out string detail) => _inner.TryOverride(alarmId, durationMicros, nowMicros, out detail);
            public string ExecuteConsole(string line, long nowMicros) => null;
            public bool TryTakeAlarm(out AlarmEventInfo info) => _inner.TryTakeAlarm(out info);
        }
    }
}
