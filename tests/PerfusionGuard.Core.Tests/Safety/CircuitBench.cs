using System.Collections.Generic;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Tests.Safety
{
    /// <summary>
    /// A supervisor on a built-in profile with inputs set to a nominal running circuit, and an
    /// injected clock the test advances 10 ms per cycle (STYLE.md: tests are narratives that
    /// advance time, never sleep).
    /// </summary>
    public sealed class CircuitBench
    {
        public const long CycleMicros = 10_000;

        public readonly CircuitProfile Profile;
        public readonly InterlockSupervisor Supervisor;
        public readonly SafetyEventRing Events = new SafetyEventRing(1024);
        public readonly SafetyInputs Inputs = new SafetyInputs();
        public long Now = 1_000_000;
        public SafetyDecision Decision;

        public CircuitBench(CircuitKind kind) : this(ProfileCatalog.Get(kind)) { }

        public CircuitBench(CircuitProfile profile)
        {
            Profile = profile;
            Supervisor = new InterlockSupervisor(profile, Events);
            SetNominal(Inputs);
        }

        /// <summary>Nominal readings of a running circuit inside every limit of every built-in profile.</summary>
        public static double NominalPressureMmHg(ChannelId id)
        {
            switch (id)
            {
                case ChannelId.PArterial: return 200;
                case ChannelId.PVenous: return -30;
                case ChannelId.PPostOxygenator: return 140;
                case ChannelId.PCardioplegia: return 150;
                case ChannelId.PCoronarySinus: return 38;
                case ChannelId.PPreColumn: return 150;
                case ChannelId.PReturn: return 100;
                case ChannelId.PAccess: return -100;
                default: return 0;
            }
        }

        public static double NominalFlowLPerMin(ChannelId id) => id == ChannelId.FlowCardioplegia ? 0.3 : 4.5;

        public static void SetNominal(SafetyInputs inputs)
        {
            for (int c = 0; c < ChannelNames.Count; c++)
            {
                ChannelId id = (ChannelId)c;
                inputs.Pressures[c] = new PressureSample { Pressure = Pressure.FromMmHg(NominalPressureMmHg(id)), Quality = SensorQuality.Good };
                inputs.Flows[c] = new FlowSample { Flow = Flow.FromLPerMin(NominalFlowLPerMin(id)), Quality = SensorQuality.Good };
                inputs.Air[c] = new AirSample();
            }

            inputs.ReservoirLevel = new LevelSample { State = LevelState.Normal, Quality = SensorQuality.Good };
            inputs.GuardedPumpRunning = true;
            inputs.ArterialPumpRunning = true;
            inputs.PumpEnableCommanded = true;
            inputs.PumpEnableReadback = true;
            inputs.SelfTestPassed = true;
            inputs.CycleOverrun = false;
        }

        public int Rule(string alarmId)
        {
            int index = Supervisor.FindRule(alarmId);
            Xunit.Assert.True(index >= 0, $"profile {Profile.Name} has no rule {alarmId}");
            return index;
        }

        public ConditionStatus Status(string alarmId) => Supervisor.StatusAt(Rule(alarmId));

        /// <summary>Advances the clock one cycle and runs the supervisor; the pump-enable command follows the decision like the real output.</summary>
        public SafetyDecision Step()
        {
            Now += CycleMicros;
            Decision = Supervisor.Update(Now, Inputs);
            return Decision;
        }

        /// <summary>Runs cycles for <paramref name="micros"/> of time.</summary>
        public SafetyDecision Run(long micros)
        {
            long end = Now + micros;
            while (Now < end)
            {
                Step();
            }

            return Decision;
        }

        /// <summary>Starts the guarded pump and runs long enough to arm every rule (warm-up).</summary>
        public CircuitBench Started()
        {
            Inputs.GuardedPumpRunning = true;
            Run(Time.FromSeconds(12));
            return this;
        }

        public void SetPressure(ChannelId id, double mmHg) => Inputs.Pressures[(int)id].Pressure = Pressure.FromMmHg(mmHg);

        public void SetFlow(ChannelId id, double lPerMin) => Inputs.Flows[(int)id].Flow = Flow.FromLPerMin(lPerMin);

        public void SetQuality(ChannelId id, SensorQuality quality)
        {
            int c = (int)id;
            switch (ChannelNames.KindOf(id))
            {
                case ChannelKind.Pressure: Inputs.Pressures[c].Quality = quality; break;
                case ChannelKind.Flow: Inputs.Flows[c].Quality = quality; break;
                case ChannelKind.Air: Inputs.Air[c].Quality = quality; break;
                default: Inputs.ReservoirLevel.Quality = quality; break;
            }
        }

        public void SetAir(ChannelId id, bool airPresent, bool latchTripped)
        {
            Inputs.Air[(int)id].AirPresent = airPresent;
            Inputs.Air[(int)id].LatchTripped = latchTripped;
        }

        /// <summary>Drains the event ring.</summary>
        public List<SafetyEvent> DrainEvents()
        {
            var list = new List<SafetyEvent>();
            while (Events.TryTake(out SafetyEvent e))
            {
                list.Add(e);
            }

            return list;
        }
    }
}
