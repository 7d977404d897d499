using System.Collections.Generic;
using PerfusionGuard.Profiles;

namespace PerfusionGuard.Emulator.Scenarios
{
    /// <summary>A validated scenario file (SCENARIOS.md): what to simulate, what to do when, what to expect.</summary>
    public sealed class Scenario
    {
        /// <summary>Path of the file it came from ("(built-in)" for the default scenario).</summary>
        public string File;
        /// <summary>"name".</summary>
        public string Name;
        /// <summary>"description".</summary>
        public string Description = "";
        /// <summary>"requirements": requirement ids this scenario verifies.</summary>
        public List<string> Requirements = new List<string>();
        /// <summary>"circuit".</summary>
        public CircuitKind Circuit;
        /// <summary>"board" (only "virtual" exists).</summary>
        public string Board = "virtual";
        /// <summary>"seed".</summary>
        public ulong Seed = 1;
        /// <summary>"duration_s".</summary>
        public double DurationS;
        /// <summary>"circuit_params": name → value, already checked against <see cref="ScenarioVocabulary.CircuitParams"/>.</summary>
        public Dictionary<string, double> CircuitParams = new Dictionary<string, double>();
        /// <summary>"pump".</summary>
        public PumpSetting Pump;
        /// <summary>"timeline", sorted by time (stable: file order within one instant).</summary>
        public List<TimelineAction> Timeline = new List<TimelineAction>();
        /// <summary>"expect".</summary>
        public List<Expectation> Expectations = new List<Expectation>();
    }

    /// <summary>The guarded pump's kind and set point.</summary>
    public sealed class PumpSetting
    {
        /// <summary>Roller or centrifugal.</summary>
        public PumpKind Kind;
        /// <summary>Roller set flow, L/min (NaN for centrifugal).</summary>
        public double FlowLPerMin = double.NaN;
        /// <summary>Centrifugal set speed, rpm (NaN for roller).</summary>
        public double Rpm = double.NaN;
    }

    /// <summary>One timeline entry. Fields not used by the action stay NaN / null.</summary>
    public sealed class TimelineAction
    {
        /// <summary>Line in the file.</summary>
        public int Line;
        /// <summary>"t_s".</summary>
        public double TimeS;
        /// <summary>"do".</summary>
        public string Do;
        /// <summary>"site".</summary>
        public Physics.LineSite Site;
        /// <summary>"sensor" as a channel.</summary>
        public Channels.ChannelId Sensor;
        /// <summary>"fault".</summary>
        public Board.SensorFault Fault;
        /// <summary>"failure" (inject_failure / clear_failure).</summary>
        public Board.HardwareFailure Failure;
        /// <summary>"volume_ml".</summary>
        public double VolumeMl = double.NaN;
        /// <summary>"flow_l_min".</summary>
        public double FlowLPerMin = double.NaN;
        /// <summary>"rpm".</summary>
        public double Rpm = double.NaN;
        /// <summary>"fraction".</summary>
        public double Fraction = double.NaN;
        /// <summary>"duration_s".</summary>
        public double DurationS = double.NaN;
        /// <summary>"per_min".</summary>
        public double PerMinute = double.NaN;
        /// <summary>"factor_per_min".</summary>
        public double FactorPerMinute = double.NaN;
        /// <summary>"rate_mmHg_per_min" (drift) or "amplitude_mmHg" (noise).</summary>
        public double Magnitude = double.NaN;
        /// <summary>"vacuum_mmHg".</summary>
        public double VacuumMmHg = double.NaN;
        /// <summary>"running".</summary>
        public bool Running;
        /// <summary>"line" (console) or "alarm" (override: the rule's alarm id).</summary>
        public string Text;
        /// <summary>"auto" venous return.</summary>
        public bool Auto;
    }

    /// <summary>What kind of check an expectation is.</summary>
    public enum ExpectationKind
    {
        /// <summary>{ "event": kind, "after_s": a, "within_ms": w, filters... }: such an event happens after a within w.</summary>
        Event,
        /// <summary>{ "never": kind, "between_s": [a, b], filters... }: no such event in [a, b].</summary>
        Never,
        /// <summary>{ "max": outcome, "value": v }: the outcome is at most v.</summary>
        Max,
        /// <summary>{ "min": outcome, "value": v }: the outcome is at least v.</summary>
        Min,
    }

    /// <summary>One "expect" entry.</summary>
    public sealed class Expectation
    {
        /// <summary>Line in the file.</summary>
        public int Line;
        /// <summary>The entry as written (echoed into the result).</summary>
        public string Raw;
        /// <summary>Check kind.</summary>
        public ExpectationKind Kind;
        /// <summary>Event kind ("pump_stop") for Event / Never; outcome path ("air_to_patient_ml", "max_pressure_mmHg.p_arterial") for Max / Min.</summary>
        public string Subject;
        /// <summary>Optional event filters: cause, source, path, id, priority, state.</summary>
        public Dictionary<string, string> Filters = new Dictionary<string, string>();
        /// <summary>"after_s".</summary>
        public double AfterS;
        /// <summary>"within_ms" (NaN: any time until the end).</summary>
        public double WithinMs = double.NaN;
        /// <summary>"between_s" start.</summary>
        public double FromS;
        /// <summary>"between_s" end.</summary>
        public double ToS;
        /// <summary>"value".</summary>
        public double Value;
    }
}
