using System.Collections.Generic;
using PerfusionGuard.Emulator.Scenarios;

namespace PerfusionGuard.Emulator.Runner
{
    /// <summary>Everything a run produced: the result JSON's content plus traces for the report.</summary>
    public sealed class RunResult
    {
        /// <summary>The scenario run.</summary>
        public Scenario Scenario;
        /// <summary>The seed used (the scenario's, or the command line's).</summary>
        public ulong Seed;
        /// <summary>All expectations held.</summary>
        public bool Passed;
        /// <summary>Checked expectations.</summary>
        public List<ExpectationResult> Expectations = new List<ExpectationResult>();
        /// <summary>Outcomes.</summary>
        public RunOutcomes Outcomes = new RunOutcomes();
        /// <summary>Events in time order.</summary>
        public List<RunEvent> Events = new List<RunEvent>();
        /// <summary>Wall-clock seconds the run took.</summary>
        public double WallS;
        /// <summary>CPU seconds the process used during the run (all its threads; the run itself is single-threaded).</summary>
        public double CpuS;
        /// <summary>Simulated seconds.</summary>
        public double SimulatedS;
        /// <summary>What firmware ran.</summary>
        public string Firmware;
        /// <summary>Physics steps taken (1 ms steps plus sub-steps around air edges).</summary>
        public long PhysicsSteps;
        /// <summary>Safety cycles run.</summary>
        public long SafetyCycles;
        /// <summary>Series for the report.</summary>
        public RunTrace Trace;

        /// <summary>Simulated time over wall time.</summary>
        public double SpeedRatio => WallS > 0 ? SimulatedS / WallS : double.PositiveInfinity;

        /// <summary>Simulated time over CPU time: the speed an unloaded core gives.</summary>
        public double CpuSpeedRatio => CpuS > 0 ? SimulatedS / CpuS : double.PositiveInfinity;
    }
}
