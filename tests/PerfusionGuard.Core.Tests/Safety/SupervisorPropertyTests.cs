using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.Safety
{
    /// <summary>
    /// Invariants of the interlock supervisor over arbitrary input sequences (issue 2, "what it must
    /// show"), checked with FsCheck on every built-in profile.
    /// </summary>
    public class SupervisorPropertyTests
    {
        private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(150);

        /// <summary>One cycle of arbitrary stimulus: perturbations of the nominal inputs and an optional command.</summary>
        public sealed class Stimulus
        {
            public int ChannelIndex;           // which channel of the profile to disturb
            public int PressureMmHg;           // −400..800
            public int FlowDeciLPerMin;        // −100..100
            public LevelState Level;
            public bool AirPresent;
            public bool LatchTripped;
            public int Bubbles;
            public SensorQuality Quality;
            public bool GuardedRunning;
            public bool ArterialRunning;
            public bool Commanded;
            public bool Readback;
            public bool SelfTestPassed;
            public bool Overrun;
            public int Command;                // 0 none, 1 local reset, 2 remote reset, 3 local override, 4 remote override, 5 clear override
            public int CommandRule;
            public int AdvanceMicros;          // 10 ms cycles, sometimes late

            public override string ToString() =>
                $"ch#{ChannelIndex} p={PressureMmHg} f={FlowDeciLPerMin / 10.0} lvl={Level} air={AirPresent}/{LatchTripped} q={Quality} run={GuardedRunning}/{ArterialRunning} out={Commanded}/{Readback} st={SelfTestPassed} cmd={Command}@{CommandRule} dt={AdvanceMicros}";
        }

        private static readonly SensorQuality[] s_faults =
        {
            SensorQuality.Open, SensorQuality.Short, SensorQuality.Stuck, SensorQuality.OutOfRange,
            SensorQuality.RateImplausible, SensorQuality.Noisy, SensorQuality.Uncalibrated, SensorQuality.Disconnected,
        };

        private static Gen<Stimulus> StimulusGen =>
            from channel in Gen.Choose(0, 5)
            from pressure in Gen.OneOf(Gen.Choose(-400, 800), Gen.Choose(-60, 260))
            from flow in Gen.Choose(-100, 100)
            from level in Gen.Frequency((6, Gen.Constant(LevelState.Normal)), (1, Gen.Constant(LevelState.Alert)), (1, Gen.Constant(LevelState.Low)))
            from air in Gen.Frequency((9, Gen.Constant(0)), (1, Gen.Choose(1, 3)))
            from bubbles in Gen.Choose(0, 400)
            from quality in Gen.Frequency((7, Gen.Constant(SensorQuality.Good)), (1, Gen.Elements(s_faults)))
            from flags in Gen.Choose(0, 63)
            from rarely in Gen.Choose(0, 19)
            from command in Gen.Frequency((8, Gen.Constant(0)), (1, Gen.Choose(1, 5)))
            from commandRule in Gen.Choose(0, 40)
            from late in Gen.Frequency((20, Gen.Constant(10_000)), (1, Gen.Choose(10_000, 3_000_000)))
            select new Stimulus
            {
                ChannelIndex = channel,
                PressureMmHg = pressure,
                FlowDeciLPerMin = flow,
                Level = level,
                AirPresent = (air & 1) != 0,
                LatchTripped = (air & 2) != 0,
                Bubbles = bubbles,
                Quality = quality,
                GuardedRunning = (flags & 1) != 0 || rarely > 2,
                ArterialRunning = (flags & 2) != 0 || rarely > 2,
                Commanded = (flags & 4) != 0 || rarely > 1,
                Readback = (flags & 8) != 0 || rarely > 1,
                SelfTestPassed = (flags & 16) != 0 || rarely > 0,
                Overrun = rarely == 0 && (flags & 32) != 0,
                Command = command,
                CommandRule = commandRule,
                AdvanceMicros = late,
            };

        private static Arbitrary<(CircuitKind, Stimulus[])> ScriptArb =>
            (from kind in Gen.Elements((CircuitKind[])Enum.GetValues(typeof(CircuitKind)))
             from steps in Gen.ArrayOf(StimulusGen, 60)
             select (kind, steps)).ToArbitrary();

        /// <summary>Nominal inputs with one channel of the profile disturbed as the stimulus says.</summary>
        private static void Apply(CircuitProfile profile, SafetyInputs inputs, Stimulus s)
        {
            CircuitBench.SetNominal(inputs);
            ChannelId channel = profile.Channels[s.ChannelIndex % profile.Channels.Length];
            int c = (int)channel;
            switch (ChannelNames.KindOf(channel))
            {
                case ChannelKind.Pressure:
                    inputs.Pressures[c].Pressure = Pressure.FromMmHg(s.PressureMmHg);
                    inputs.Pressures[c].Quality = s.Quality;
                    break;
                case ChannelKind.Flow:
                    inputs.Flows[c].Flow = Flow.FromLPerMin(s.FlowDeciLPerMin / 10.0);
                    inputs.Flows[c].Quality = s.Quality;
                    break;
                case ChannelKind.Air:
                    inputs.Air[c].AirPresent = s.AirPresent;
                    inputs.Air[c].LatchTripped = s.LatchTripped;
                    inputs.Air[c].MicrobubblesPerMinute = s.Bubbles;
                    inputs.Air[c].Quality = s.Quality;
                    break;
                default:
                    inputs.ReservoirLevel.State = s.Level;
                    inputs.ReservoirLevel.Quality = s.Quality;
                    break;
            }

            inputs.GuardedPumpRunning = s.GuardedRunning;
            inputs.ArterialPumpRunning = s.ArterialRunning;
            inputs.PumpEnableCommanded = s.Commanded;
            inputs.PumpEnableReadback = s.Readback;
            inputs.SelfTestPassed = s.SelfTestPassed;
            inputs.CycleOverrun = s.Overrun;
        }

        /// <summary>Issues the stimulus' command; true when it was a local reset that the supervisor accepted.</summary>
        private static bool Command(InterlockSupervisor supervisor, long now, Stimulus s)
        {
            int rule = s.CommandRule % supervisor.RuleCount;
            switch (s.Command)
            {
                case 1: return supervisor.TryOperatorReset(now, CommandSource.LocalPanel);
                case 2: supervisor.TryOperatorReset(now, CommandSource.Remote); return false;
                case 3: supervisor.TrySetOverride(rule, 30_000_000, now, CommandSource.LocalConsole); return false;
                case 4: supervisor.TrySetOverride(rule, 30_000_000, now, CommandSource.Remote); return false;
                case 5: supervisor.TryClearOverride(rule, now, CommandSource.LocalPanel); return false;
                default: return false;
            }
        }

        private static bool AnyAir(CircuitProfile profile, SafetyInputs inputs) =>
            profile.Channels.Any(ch => ChannelNames.KindOf(ch) == ChannelKind.Air
                && (inputs.Air[(int)ch].AirPresent || inputs.Air[(int)ch].LatchTripped));

        [Fact]
        [Trait("Requirement", "SAF-AIR-001")]
        public void Property_air_present_stops_the_pump_within_one_cycle_whatever_else_happens()
        {
            Check.One(Runs, Prop.ForAll(ScriptArb, script =>
            {
                var (kind, steps) = script;
                var bench = new CircuitBench(kind);
                foreach (Stimulus s in steps)
                {
                    Apply(bench.Profile, bench.Inputs, s);
                    Command(bench.Supervisor, bench.Now, s);
                    bench.Now += s.AdvanceMicros;
                    SafetyDecision decision = bench.Supervisor.Update(bench.Now, bench.Inputs);
                    if (AnyAir(bench.Profile, bench.Inputs) && (decision.PumpEnable || decision.Action != SafetyAction.LatchedStop))
                    {
                        return false;
                    }
                }

                return true;
            }));
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-003")]
        public void Property_a_latched_rule_never_leaves_effect_without_an_accepted_local_reset()
        {
            Check.One(Runs, Prop.ForAll(ScriptArb, script =>
            {
                var (kind, steps) = script;
                var bench = new CircuitBench(kind);
                int n = bench.Supervisor.RuleCount;
                var wasInEffect = new bool[n];
                foreach (Stimulus s in steps)
                {
                    Apply(bench.Profile, bench.Inputs, s);
                    bool reset = Command(bench.Supervisor, bench.Now, s);
                    bench.Now += s.AdvanceMicros;
                    SafetyDecision decision = bench.Supervisor.Update(bench.Now, bench.Inputs);
                    for (int i = 0; i < n; i++)
                    {
                        ConditionStatus status = bench.Supervisor.StatusAt(i);
                        bool latching = bench.Supervisor.RuleAt(i).Clear == ClearRule.OperatorReset;
                        if (latching && wasInEffect[i] && !status.InEffect && !reset)
                        {
                            return false;
                        }

                        wasInEffect[i] = status.InEffect;
                    }
                }

                return true;
            }));
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-009")]
        public void Property_nominal_inputs_with_normal_variation_never_stop_or_alarm()
        {
            var noise = from kind in Gen.Elements((CircuitKind[])Enum.GetValues(typeof(CircuitKind)))
                        from cycles in Gen.Choose(1, 3000)
                        from seed in Gen.Choose(0, int.MaxValue)
                        select (kind, cycles, seed);
            Check.One(Runs, Prop.ForAll(noise.ToArbitrary(), t =>
            {
                var (kind, cycles, seed) = t;
                var rng = new Random(seed);
                var bench = new CircuitBench(kind);
                for (int cycle = 0; cycle < cycles; cycle++)
                {
                    // Normal variation around the nominal readings, inside every alert band.
                    foreach (ChannelId ch in bench.Profile.Channels)
                    {
                        switch (ChannelNames.KindOf(ch))
                        {
                            case ChannelKind.Pressure:
                                double spread = ch == ChannelId.PCoronarySinus ? 3 : 20;
                                bench.SetPressure(ch, CircuitBench.NominalPressureMmHg(ch) + (rng.NextDouble() * 2 - 1) * spread);
                                break;
                            case ChannelKind.Flow:
                                double flowSpread = ch == ChannelId.FlowCardioplegia ? 0.1 : 0.5;
                                bench.SetFlow(ch, CircuitBench.NominalFlowLPerMin(ch) + (rng.NextDouble() * 2 - 1) * flowSpread);
                                break;
                            case ChannelKind.Air:
                                bench.Inputs.Air[(int)ch].MicrobubblesPerMinute = rng.Next(0, 100);
                                break;
                        }
                    }

                    SafetyDecision decision = bench.Step();
                    if (!decision.PumpEnable || decision.Action != SafetyAction.None || decision.SpeedLimitFraction != 1.0 || decision.ClampClosed)
                    {
                        return false;
                    }
                }

                return true;
            }));
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-002")]
        [Trait("Requirement", "SAF-PRS-007")]
        public void Property_the_decision_is_the_most_severe_effective_action_of_all_rules()
        {
            Check.One(Runs, Prop.ForAll(ScriptArb, script =>
            {
                var (kind, steps) = script;
                var bench = new CircuitBench(kind);
                foreach (Stimulus s in steps)
                {
                    Apply(bench.Profile, bench.Inputs, s);
                    Command(bench.Supervisor, bench.Now, s);
                    bench.Now += s.AdvanceMicros;
                    SafetyDecision decision = bench.Supervisor.Update(bench.Now, bench.Inputs);

                    SafetyAction worst = SafetyAction.None;
                    double fraction = 1.0;
                    bool clamp = false;
                    for (int i = 0; i < bench.Supervisor.RuleCount; i++)
                    {
                        ConditionStatus status = bench.Supervisor.StatusAt(i);
                        ConditionRule rule = bench.Supervisor.RuleAt(i);
                        if (status.EffectiveAction > worst)
                        {
                            worst = status.EffectiveAction;
                        }

                        if (status.InEffect && !status.Overridden)
                        {
                            clamp |= rule.CloseClamp;
                            if (rule.Kind == ConditionKind.PressureServo)
                            {
                                // The servo asks for its own fraction (rate-limited rise, SAF-PRS-007),
                                // never more than the linear law of the current sample allows.
                                fraction = Math.Min(fraction, status.ServoFraction);
                                if (status.ServoFraction > SafetyDecisionFractionOf(bench, i) + 1e-9)
                                {
                                    return false;
                                }
                            }
                        }
                    }

                    if (decision.Action != worst || decision.ClampClosed != clamp || Math.Abs(decision.SpeedLimitFraction - fraction) > 1e-9)
                    {
                        return false;
                    }

                    if (worst != SafetyAction.None && bench.Supervisor.StatusAt(decision.CauseRuleIndex).EffectiveAction != worst)
                    {
                        return false;
                    }

                    if (worst == SafetyAction.None && decision.CauseRuleIndex != -1)
                    {
                        return false;
                    }
                }

                return true;
            }));
        }

        /// <summary>Upper bound a servo rule in effect allows: 1 when no servo rule asks less.</summary>
        private static double SafetyDecisionFractionOf(CircuitBench bench, int ruleIndex)
        {
            ConditionRule rule = bench.Supervisor.RuleAt(ruleIndex);
            PressureSample sample = bench.Inputs.Pressures[(int)rule.Channel];
            if (sample.Quality != SensorQuality.Good || double.IsNaN(sample.Pressure.MmHg) || sample.Pressure >= rule.PressureLimit)
            {
                return 0.0;
            }

            double f = (rule.PressureLimit.MmHg - sample.Pressure.MmHg) / (rule.PressureLimit.MmHg - rule.ServoStart.MmHg);
            return Math.Min(1.0, f);
        }

        /// <summary>The readings that are dangerous for a channel: each one trips some rule on it.</summary>
        private static IEnumerable<Action<SafetyInputs>> DangerousReadings(ChannelId channel)
        {
            int c = (int)channel;
            switch (ChannelNames.KindOf(channel))
            {
                case ChannelKind.Pressure:
                    yield return i => i.Pressures[c].Pressure = Pressure.FromMmHg(800);
                    yield return i => i.Pressures[c].Pressure = Pressure.FromMmHg(-400);
                    break;
                case ChannelKind.Flow:
                    yield return i => i.Flows[c].Flow = Flow.FromLPerMin(-10);
                    yield return i => i.Flows[c].Flow = Flow.FromLPerMin(0);
                    yield return i => i.Flows[c].Flow = Flow.FromLPerMin(10);
                    break;
                case ChannelKind.Air:
                    yield return i => { i.Air[c].AirPresent = true; i.Air[c].LatchTripped = true; i.Air[c].MicrobubblesPerMinute = 100000; };
                    yield return i => { i.Air[c].AirPresent = true; i.Air[c].LatchTripped = false; };
                    break;
                default:
                    yield return i => i.ReservoirLevel.State = LevelState.Low;
                    break;
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-FLT-003")]
        public void Property_a_faulted_sensor_is_never_more_permissive_than_a_healthy_one_at_its_dangerous_value()
        {
            var gen = from script in ScriptArb.Generator
                      from channel in Gen.Choose(0, 5)
                      from fault in Gen.Elements(s_faults)
                      from faultedReading in Gen.Choose(-400, 800)
                      select (script.Item1, script.Item2, channel, fault, faultedReading);
            Check.One(Runs, Prop.ForAll(gen.ToArbitrary(), t =>
            {
                var (kind, steps, channelIndex, fault, faultedReading) = t;
                CircuitProfile profile = ProfileCatalog.Get(kind);
                ChannelId channel = profile.Channels[channelIndex % profile.Channels.Length];
                var faulted = new CircuitBench(kind);
                var healthy = DangerousReadings(channel).Select(reading => (bench: new CircuitBench(kind), reading)).ToList();

                foreach (Stimulus s in steps)
                {
                    Apply(faulted.Profile, faulted.Inputs, s);
                    int c = (int)channel;
                    switch (ChannelNames.KindOf(channel))
                    {
                        case ChannelKind.Pressure:
                            faulted.Inputs.Pressures[c].Pressure = Pressure.FromMmHg(faultedReading);
                            faulted.Inputs.Pressures[c].Quality = fault;
                            break;
                        case ChannelKind.Flow:
                            faulted.Inputs.Flows[c].Flow = Flow.FromLPerMin(faultedReading / 100.0);
                            faulted.Inputs.Flows[c].Quality = fault;
                            break;
                        case ChannelKind.Air:
                            faulted.Inputs.Air[c] = new AirSample { Quality = fault };
                            break;
                        default:
                            faulted.Inputs.ReservoirLevel.State = LevelState.Normal;
                            faulted.Inputs.ReservoirLevel.Quality = fault;
                            break;
                    }

                    faulted.Now += s.AdvanceMicros;
                    SafetyDecision f = faulted.Supervisor.Update(faulted.Now, faulted.Inputs);

                    foreach (var (bench, reading) in healthy)
                    {
                        // Same cycle, same everything, except the channel is healthy at a dangerous value.
                        Apply(bench.Profile, bench.Inputs, s);
                        switch (ChannelNames.KindOf(channel))
                        {
                            case ChannelKind.Pressure: bench.Inputs.Pressures[c].Quality = SensorQuality.Good; break;
                            case ChannelKind.Flow: bench.Inputs.Flows[c].Quality = SensorQuality.Good; break;
                            case ChannelKind.Air: bench.Inputs.Air[c] = new AirSample(); break;
                            default: bench.Inputs.ReservoirLevel.Quality = SensorQuality.Good; break;
                        }

                        reading(bench.Inputs);
                        bench.Now += s.AdvanceMicros;
                        SafetyDecision h = bench.Supervisor.Update(bench.Now, bench.Inputs);
                        if (f.Action < h.Action || f.SpeedLimitFraction > h.SpeedLimitFraction || (f.PumpEnable && !h.PumpEnable))
                        {
                            return false;
                        }
                    }
                }

                return true;
            }));
        }
    }
}
