using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using Xunit;

namespace PerfusionGuard.Tests.Safety
{
    public class SensorFaultTests
    {
        [Theory]
        [InlineData(SensorQuality.Open)]
        [InlineData(SensorQuality.Short)]
        [InlineData(SensorQuality.Stuck)]
        [InlineData(SensorQuality.OutOfRange)]
        [InlineData(SensorQuality.Noisy)]
        [Trait("Requirement", "SAF-FLT-001")]
        public void Faulted_arterial_transducer_is_treated_as_over_the_stop_limit(SensorQuality fault)
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetQuality(ChannelId.PArterial, fault);

            SafetyDecision decision = bench.Run(60_000); // the stop rule's 50 ms persistence applies

            Assert.Equal(SafetyAction.Stop, decision.Action);
            Assert.Equal(0.0, decision.SpeedLimitFraction);
            Assert.True(bench.Status("P_ARTERIAL_STOP").Active);
        }

        [Fact]
        [Trait("Requirement", "SAF-FLT-001")]
        public void Faulted_air_detector_counts_as_air()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetQuality(ChannelId.BubbleArterial, SensorQuality.Disconnected);

            Assert.Equal(SafetyAction.LatchedStop, bench.Step().Action);
        }

        [Fact]
        [Trait("Requirement", "SAF-FLT-001")]
        public void A_NaN_pressure_with_good_quality_is_still_treated_as_faulted()
        {
            var bench = new CircuitBench(CircuitKind.AdultCpb).Started();
            bench.SetPressure(ChannelId.PArterial, double.NaN);

            Assert.Equal(SafetyAction.Stop, bench.Run(60_000).Action);
        }

        [Fact]
        [Trait("Requirement", "SAF-FLT-001")]
        public void Ecmo_flow_meter_fault_does_not_clamp_the_patients_only_line()
        {
            // The profile opts out of fail-safe for backflow (DESIGN.md concept 4 "unless the profile
            // says otherwise"): a clamp on a sensor glitch would stop ECMO support. High alarm instead.
            var bench = new CircuitBench(CircuitKind.Ecmo).Started();
            bench.SetQuality(ChannelId.FlowArterial, SensorQuality.Open);

            SafetyDecision decision = bench.Step();

            Assert.False(decision.ClampClosed);
            Assert.True(bench.Status("SENSOR_FAULT_FLOW_ARTERIAL").Active);
            Assert.Equal(SafetyAction.Alarm, decision.Action);
        }

        [Theory]
        [InlineData(CircuitKind.AdultCpb)]
        [InlineData(CircuitKind.PediatricCpb)]
        [InlineData(CircuitKind.Ecmo)]
        [InlineData(CircuitKind.CardioplegiaAntegrade)]
        [InlineData(CircuitKind.CardioplegiaRetrograde)]
        [InlineData(CircuitKind.Hemoperfusion)]
        [Trait("Requirement", "SAF-FLT-002")]
        public void Every_faulted_channel_raises_its_technical_sensor_fault_alarm(CircuitKind kind)
        {
            CircuitProfile profile = ProfileCatalog.Get(kind);
            foreach (ChannelId channel in profile.Channels)
            {
                var bench = new CircuitBench(ProfileCatalog.Get(kind)).Started();
                bench.SetQuality(channel, SensorQuality.Stuck);
                bench.Step();

                bool raised = false;
                for (int i = 0; i < bench.Supervisor.RuleCount; i++)
                {
                    ConditionRule rule = bench.Supervisor.RuleAt(i);
                    if (rule.Kind == ConditionKind.SensorFault && rule.Channel == channel)
                    {
                        raised |= bench.Supervisor.StatusAt(i).Active && rule.Technical;
                    }
                }

                Assert.True(raised, $"{kind}: {ChannelNames.NameOf(channel)} fault raised no technical alarm");
                Assert.True(bench.Decision.Action >= SafetyAction.Alarm);

                bench.SetQuality(channel, SensorQuality.Good);
                bench.Step();
            }
        }
    }
}
