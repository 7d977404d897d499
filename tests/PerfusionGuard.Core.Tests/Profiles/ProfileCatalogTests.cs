using System.Linq;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using Xunit;

namespace PerfusionGuard.Tests.Profiles
{
    public class ProfileCatalogTests
    {
        [Fact]
        [Trait("Requirement", "SAF-PRF-001")]
        public void Every_built_in_profile_validates()
        {
            CircuitProfile[] all = ProfileCatalog.All();

            Assert.Equal(6, all.Length);
            foreach (CircuitProfile profile in all)
            {
                Assert.True(ProfileValidator.Validate(profile, out string error), error);
            }
        }

        [Theory]
        [InlineData("adult-cpb", "p_arterial,p_venous,p_post_oxygenator,bubble_arterial,level_reservoir,flow_arterial", PumpKind.Roller)]
        [InlineData("pediatric-cpb", "p_arterial,p_venous,p_post_oxygenator,bubble_arterial,level_reservoir,flow_arterial", PumpKind.Roller)]
        [InlineData("ecmo", "p_venous,p_arterial,p_post_oxygenator,bubble_arterial,flow_arterial", PumpKind.Centrifugal)]
        [InlineData("cardioplegia-antegrade", "p_cardioplegia,bubble_cardioplegia,flow_cardioplegia,flow_arterial", PumpKind.Roller)]
        [InlineData("cardioplegia-retrograde", "p_cardioplegia,p_coronary_sinus,bubble_cardioplegia,flow_cardioplegia,flow_arterial", PumpKind.Roller)]
        [InlineData("hemoperfusion", "p_access,p_pre_column,p_return,bubble_return,flow_arterial", PumpKind.Roller)]
        [Trait("Requirement", "SAF-PRF-001")]
        public void Profiles_are_found_by_their_scenario_name_with_their_channels_and_pump(string name, string channels, PumpKind pump)
        {
            Assert.True(ProfileCatalog.TryGet(name, out CircuitProfile profile));

            Assert.Equal(name, profile.Name);
            Assert.Equal(pump, profile.GuardedPump);
            Assert.Equal(channels, string.Join(",", profile.Channels.Select(ChannelNames.NameOf)));
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-001")]
        public void Unknown_profile_names_are_not_found()
        {
            Assert.False(ProfileCatalog.TryGet("adult_cpb", out CircuitProfile profile));
            Assert.Null(profile);
            Assert.False(ProfileCatalog.TryGet(null, out _));
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-001")]
        public void Each_call_returns_a_fresh_profile_so_one_caller_cannot_change_anothers_limits()
        {
            CircuitProfile a = ProfileCatalog.Get(CircuitKind.AdultCpb);
            CircuitProfile b = ProfileCatalog.Get(CircuitKind.AdultCpb);
            a.Rules[0].PersistMicros = 123;

            Assert.NotSame(a, b);
            Assert.NotSame(a.Rules[0], b.Rules[0]);
            Assert.Equal(0, b.Rules[0].PersistMicros);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-001")]
        public void Defaults_follow_domain_figures()
        {
            // DOMAIN.md: coronary sinus above ~50 risks injury; dialysis-style return > +450 for > 3 s
            // and access < -350 for > 1 s stop, armed 10 s after start; no flow > 120 s alarms.
            CircuitProfile retro = ProfileCatalog.Get(CircuitKind.CardioplegiaRetrograde);
            ConditionRule sinusStop = retro.Rules.Single(r => r.AlarmId == "P_CORONARY_SINUS_STOP");
            Assert.Equal(50, sinusStop.PressureLimit.MmHg);
            Assert.Equal(SafetyAction.Stop, sinusStop.Action);

            CircuitProfile hp = ProfileCatalog.Get(CircuitKind.Hemoperfusion);
            ConditionRule ret = hp.Rules.Single(r => r.AlarmId == "P_RETURN_STOP");
            Assert.Equal(450, ret.PressureLimit.MmHg);
            Assert.Equal(3_000_000, ret.PersistMicros);
            Assert.Equal(10_000_000, ret.ArmDelayMicros);
            ConditionRule access = hp.Rules.Single(r => r.AlarmId == "P_ACCESS_LOW");
            Assert.Equal(-350, access.PressureLimit.MmHg);
            Assert.Equal(1_000_000, access.PersistMicros);
            Assert.Equal(120_000_000, hp.Rules.Single(r => r.Kind == ConditionKind.NoFlow).PersistMicros);
            Assert.True(hp.Rules.Single(r => r.Kind == ConditionKind.Air).CloseClamp);

            CircuitProfile ecmo = ProfileCatalog.Get(CircuitKind.Ecmo);
            Assert.DoesNotContain(ChannelId.LevelReservoir, ecmo.Channels);
            Assert.True(ecmo.Rules.Single(r => r.Kind == ConditionKind.Backflow).CloseClamp);
        }

        [Fact]
        [Trait("Requirement", "SAF-PRF-005")]
        public void Every_profile_supervises_its_sensors_output_self_test_and_cycle()
        {
            foreach (CircuitProfile profile in ProfileCatalog.All())
            {
                foreach (ChannelId channel in profile.Channels)
                {
                    Assert.Contains(profile.Rules, r => r.Kind == ConditionKind.SensorFault && r.Channel == channel);
                }

                Assert.Contains(profile.Rules, r => r.Kind == ConditionKind.PumpOutputMismatch);
                Assert.Contains(profile.Rules, r => r.Kind == ConditionKind.SelfTestFailed && r.Action == SafetyAction.Stop && r.Clear == ClearRule.SelfClearing);
                Assert.Contains(profile.Rules, r => r.Kind == ConditionKind.CycleOverrun && r.Technical);
                Assert.Contains(profile.Rules, r => r.Kind == ConditionKind.PressureServo);
                Assert.Contains(profile.Rules, r => r.Action == SafetyAction.Advisory);
                Assert.All(profile.Rules.Where(r => r.Kind == ConditionKind.Air), r =>
                {
                    Assert.Equal(SafetyAction.LatchedStop, r.Action);
                    Assert.Equal(ClearRule.OperatorReset, r.Clear);
                    Assert.False(r.Overridable);
                });
                Assert.False(profile.AllowAirOverride);
            }
        }
    }
}
