using System;
using System.IO;
using PerfusionGuard.Emulator.Board;
using PerfusionGuard.Emulator.Firmware;
using PerfusionGuard.Profiles;

namespace PerfusionGuard.Emulator.Runner
{
    /// <summary>Progress of a long run.</summary>
    public readonly struct RunProgress
    {
        /// <summary>Creates a progress report.</summary>
        public RunProgress(double simulatedS, double durationS, double wallS)
        {
            SimulatedS = simulatedS;
            DurationS = durationS;
            WallS = wallS;
        }

        /// <summary>Simulated seconds so far.</summary>
        public double SimulatedS { get; }
        /// <summary>Scenario duration.</summary>
        public double DurationS { get; }
        /// <summary>Wall seconds so far.</summary>
        public double WallS { get; }
    }

    /// <summary>How to run a scenario.</summary>
    public sealed class RunOptions
    {
        /// <summary>Overrides the scenario's seed when set.</summary>
        public ulong? Seed;
        /// <summary>Pace the run to the wall clock and print live values to <see cref="Live"/>.</summary>
        public bool Realtime;
        /// <summary>Where live values go in real-time mode.</summary>
        public TextWriter Live;
        /// <summary>Called about twice a second of wall time on long runs.</summary>
        public Action<RunProgress> Progress;
        /// <summary>Record traces for the report.</summary>
        public bool RecordTrace = true;
        /// <summary>Builds the firmware under test on the board; the default runs the real core.</summary>
        public Func<VirtualBoard, CircuitKind, IFirmwareHost> FirmwareFactory;
    }
}
