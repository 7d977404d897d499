using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using Xunit;

namespace PerfusionGuard.Tests.Safety
{
    public class LevelRuleTests
    {
        [Fact]
        [Trait("Requirement", "SAF-LVL-001")]
        public void Reservoir_level_at_the_alert_pad_alarms_and_at_the_stop_pad_stops_the_pump()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();

            bench.Inputs.ReservoirLevel.State = LevelState.Alert;
            SafetyDecision alert = bench.Step();
            Assert.Equal(SafetyAction.Alarm, alert.Action);
            Assert.Equal(bench.Rule("LVL_ALERT"), alert.CauseRuleIndex);

            bench.Inputs.ReservoirLevel.State = LevelState.Low;
            SafetyDecision low = bench.Step();
            Assert.Equal(SafetyAction.Stop, low.Action);
            Assert.Equal(bench.Rule("LVL_LOW"), low.CauseRuleIndex);

            // Venous return refills the reservoir: the level stop clears by itself.
            bench.Inputs.ReservoirLevel.State = LevelState.Normal;
            Assert.True(bench.Step().PumpEnable);
        }

        [Fact]
        [Trait("Requirement", "SAF-LVL-002")]
        public void A_loose_level_pad_reads_low_and_stops_the_pump_with_a_technical_alarm()
        {
            // Terumo 2011 recall: a loose pad must read "low". The channel reports Low + Disconnected;
            // even a channel that forgot the Low state is caught by fail-safe.
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.Inputs.ReservoirLevel.State = LevelState.Normal;
            bench.Inputs.ReservoirLevel.Quality = SensorQuality.Disconnected;

            SafetyDecision decision = bench.Step();

            Assert.Equal(SafetyAction.Stop, decision.Action);
            Assert.True(bench.Status("LVL_LOW").Active);
            Assert.True(bench.Status("SENSOR_FAULT_LEVEL").Active);
            Assert.True(bench.Supervisor.RuleAt(bench.Rule("SENSOR_FAULT_LEVEL")).Technical);
        }

        [Fact]
        [Trait("Requirement", "SAF-LVL-002")]
        [Trait("Requirement", "SAF-SUP-004")]
        public void Perfusionist_may_override_a_faulted_level_sensor_for_a_limited_time()
        {
            // DESIGN.md concept 5: running on with a faulted level sensor needs an explicit,
            // logged, time-limited override of the level stop.
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.Inputs.ReservoirLevel.Quality = SensorQuality.Disconnected;
            Assert.Equal(SafetyAction.Stop, bench.Step().Action);

            Assert.True(bench.Supervisor.TrySetOverride(bench.Rule("LVL_LOW"), 300_000_000, bench.Now, CommandSource.LocalPanel));
            Assert.True(bench.Supervisor.TrySetOverride(bench.Rule("LVL_ALERT"), 300_000_000, bench.Now, CommandSource.LocalPanel));
            SafetyDecision overridden = bench.Step();
            Assert.True(overridden.PumpEnable);
            Assert.Equal(SafetyAction.Alarm, overridden.Action); // the sensor-fault alarm stays

            bench.Run(300_000_000);
            Assert.Equal(SafetyAction.Stop, bench.Decision.Action);
        }
    }
}
