using System;
using System.Text;
using PerfusionGuard.Emulator.Physics;
using PerfusionGuard.Emulator.Runner;
using PerfusionGuard.Emulator.Scenarios;
using PerfusionGuard.Profiles;
using Xunit;
using Xunit.Abstractions;

namespace PerfusionGuard.Emulator.Tests.Physics
{
    /// <summary>The physics inner loop allocates nothing per step, and a steady run's memory does not grow with its length.</summary>
    public class AllocationTests
    {
        private readonly ITestOutputHelper _out;

        public AllocationTests(ITestOutputHelper output) => _out = output;

        [Fact]
        public void A_physics_step_allocates_nothing()
        {
            var model = new CircuitModel(CircuitParameters.DefaultsFor(CircuitKind.AdultCpb), 1);
            model.SettleAt(125, 1);
            model.InjectAir(LineSite.ArterialLine, 0.5);
            model.SetMicrobubbles(600);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100_000; i++)
            {
                model.Step(0.001, true, 125, false);
                model.SecondsUntilDetectorEdge();
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        [Fact]
        public void A_nominal_run_allocates_no_more_for_ten_more_simulated_minutes()
        {
            long Allocated(int seconds)
            {
                Scenario s = ScenarioParser.Parse(Encoding.UTF8.GetBytes($@"{{ ""name"": ""a"", ""circuit"": ""adult-cpb"", ""duration_s"": {seconds} }}"), "a.json");
                long before = GC.GetAllocatedBytesForCurrentThread();
                ScenarioRunner.Run(s, new RunOptions { RecordTrace = false });
                return GC.GetAllocatedBytesForCurrentThread() - before;
            }

            Allocated(5); // JIT and static tables
            long shortRun = Allocated(60);
            long longRun = Allocated(660);
            _out.WriteLine($"60 s: {shortRun} bytes, 660 s: {longRun} bytes");
            // 60,000 extra safety cycles and 600,000 extra physics steps: nothing per cycle or step.
            Assert.True(longRun - shortRun < 64 * 1024, $"{longRun - shortRun} bytes more for 600 s more");
        }
    }
}
