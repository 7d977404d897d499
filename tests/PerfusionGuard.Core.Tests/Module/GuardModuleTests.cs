using System;
using PerfusionGuard.Channels;
using PerfusionGuard.Log;
using PerfusionGuard.Module;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Telemetry;
using Xunit;

namespace PerfusionGuard.Tests.Module
{
    /// <summary>The whole module, as Main and the emulator build it, on a closed-loop rig.</summary>
    public class GuardModuleTests
    {
        private static GuardModule Started(ModuleRig rig, CircuitKind circuit = CircuitKind.AdultCpb, TelemetryOutbox outbox = null)
        {
            GuardModule module = rig.Build(circuit, outbox);
            for (int i = 0; i < 2000 && module.SelfTest.Outcome == SelfTestOutcome.Running; i++)
            {
                rig.NowMicros += 1_000;
                module.Step(rig.NowMicros);
            }

            Assert.True(module.SelfTest.Passed, module.SelfTest.Summary);
            return module;
        }

        [Fact]
        [Trait("Requirement", "SAF-MOD-001")]
        public void Pump_stays_disabled_until_the_self_test_has_passed_then_runs_on_a_healthy_circuit()
        {
            var rig = new ModuleRig();
            GuardModule module = rig.Build(CircuitKind.AdultCpb);
            Assert.False(rig.EnableDriven);
            while (module.SelfTest.Outcome == SelfTestOutcome.Running)
            {
                Assert.False(rig.EnableDriven, "pump enabled during the self-test");
                rig.NowMicros += 1_000;
                module.Step(rig.NowMicros);
            }

            Assert.True(module.SelfTest.Passed, module.SelfTest.Summary);
            rig.Cycle(module, 100);
            Assert.True(rig.EnableDriven, "pump not enabled after a passed self-test: " + Describe(module));
            Assert.Equal(SafetyAction.None, module.LastDecision.Action);
        }

        [Fact]
        [Trait("Requirement", "SAF-MOD-001")]
        public void A_latch_that_does_not_trip_at_self_test_keeps_the_pump_disabled()
        {
            var rig = new ModuleRig { LatchIgnoresTestInput = true };
            GuardModule module = rig.Build(CircuitKind.AdultCpb);
            for (int i = 0; i < 2000 && module.SelfTest.Outcome == SelfTestOutcome.Running; i++)
            {
                rig.NowMicros += 1_000;
                module.Step(rig.NowMicros);
            }

            Assert.False(module.SelfTest.Passed);
            rig.Cycle(module, 500);
            Assert.False(rig.EnableDriven);
            Assert.False(module.LastDecision.PumpEnable);
        }

        [Fact]
        [Trait("Requirement", "SAF-MOD-002")]
        public void Air_stops_the_pump_in_one_cycle_and_only_a_local_reset_after_the_air_has_gone_restarts_it()
        {
            var rig = new ModuleRig();
            GuardModule module = Started(rig);
            rig.Cycle(module, 100);
            Assert.True(rig.PumpEnableLine);

            rig.Air = true;
            rig.Cycle(module, 1);
            Assert.False(rig.EnableDriven, "software path did not drop the enable line within one cycle");
            Assert.Equal(SafetyAction.LatchedStop, module.LastDecision.Action);

            rig.Air = false;
            rig.Cycle(module, 200);
            Assert.False(rig.EnableDriven, "air stop cleared without a reset");

            Assert.False(module.RequestOperatorReset(rig.NowMicros, CommandSource.Remote));
            rig.Cycle(module, 10);
            Assert.False(rig.EnableDriven, "a remote reset restarted the pump");

            rig.ResetKeyDown = true;
            rig.Cycle(module, 1);
            rig.ResetKeyDown = false;
            rig.Cycle(module, 20);
            Assert.False(rig.LatchTripped, "the reset key did not pulse the latch reset");
            Assert.True(rig.EnableDriven, "pump not re-enabled after a local reset: " + Describe(module));
        }

        [Fact]
        [Trait("Requirement", "SAF-MOD-004")]
        public void Every_safety_event_reaches_both_the_event_log_and_telemetry()
        {
            var rig = new ModuleRig();
            var outbox = new TelemetryOutbox();
            GuardModule module = Started(rig, CircuitKind.AdultCpb, outbox);
            rig.Cycle(module, 100);
            int logBefore = module.Log.Count;
            long enqueuedBefore = outbox.EnqueuedTotal;

            rig.Air = true;
            rig.Cycle(module, 5);
            int logged = 0;
            while (module.PumpLog(16) > 0)
            {
                logged++;
            }

            int published = module.PumpTelemetryEvents(rig.NowMicros);
            Assert.True(module.Log.Count > logBefore, "no log record for the air stop");
            Assert.True(published > 0 && outbox.EnqueuedTotal > enqueuedBefore, "no telemetry message for the air stop");

            bool sawPumpStopped = false;
            for (int i = 0; i < module.Log.Count; i++)
            {
                Assert.True(module.Log.TryReadNewest(i, out EventRecord record));
                sawPumpStopped |= record.Kind == EventKind.PumpStopped;
            }

            Assert.True(sawPumpStopped, "the log lacks the pump stop (its event went to another consumer)");
        }

        [Fact]
        [Trait("Requirement", "SAF-MOD-003")]
        public void The_whole_module_cycle_with_alarms_and_telemetry_allocates_nothing()
        {
            var rig = new ModuleRig();
            var outbox = new TelemetryOutbox();
            GuardModule module = Started(rig, CircuitKind.AdultCpb, outbox);
            var link = new byte[outbox.MaxMessageBytes];

            // Warm-up: one pass through every path (air stop, reset, log and telemetry drains) so that
            // the runtime's one-time lazy initialisations (static name tables, JIT) are not counted as
            // per-cycle allocations; measured without this, they total ~600 bytes once.
            for (int w = 0; w < 2; w++)
            {
                rig.Air = true;
                rig.Cycle(module, 3);
                rig.Air = false;
                rig.Cycle(module, 100);
                rig.ResetKeyDown = true;
                rig.Cycle(module, 1);
                rig.ResetKeyDown = false;
                rig.Cycle(module, 100);
                module.PumpLog(100);
                module.PumpTelemetryEvents(rig.NowMicros);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 100_000; i++)
            {
                rig.Physical[(int)ChannelId.PArterial] = 180 + (i % 400) * 0.1;
                rig.Physical[(int)ChannelId.PVenous] = -20 - (i % 100) * 0.05;
                rig.Air = i % 20_000 == 10_000;
                rig.ResetKeyDown = i % 20_000 == 10_300;
                rig.NowMicros += 10_000;
                module.Step(rig.NowMicros);
                if (i % 100 == 0)
                {
                    // Off-cycle consumers drain as their threads would; the outbox is emptied as a link would.
                    module.PumpLog(8);
                    module.PumpTelemetryEvents(rig.NowMicros);
                    while (outbox.Count > 0)
                    {
                        long id = outbox.BeginSend(link, out _, out _, out _, out _);
                        outbox.EndSend(id, true);
                    }
                }
            }

            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(0, allocated);
            Assert.True(module.Cycle.CycleCount > 100_000);
            Assert.True(module.Log.Count > 10, "the measured run should have logged its air stops and resets");
        }

        [Fact]
        [Trait("Requirement", "SAF-MOD-005")]
        public void A_calibration_committed_to_the_store_replaces_the_board_default_after_a_reboot()
        {
            var rig = new ModuleRig();
            GuardModule first = rig.Build(CircuitKind.AdultCpb);
            Assert.NotNull(first.CalibrationStore);
            var arterial = (PressureChannel)Array.Find(first.Channels, c => c.Id == ChannelId.PArterial);
            PressureCalibration boardDefault = arterial.Calibration;

            var set = new CalibrationSet();
            set.CaptureFrom(first.Channels);
            var zeroed = new PressureCalibration(boardDefault.ZeroOffsetCounts + 12.5, boardDefault.SpanCountsPerMmHg);
            set.SetPressure(ChannelId.PArterial, zeroed);
            first.CalibrationStore.Save(set);

            // Reboot: a new module over the same non-volatile store.
            GuardModule second = rig.Build(CircuitKind.AdultCpb);
            var rebooted = (PressureChannel)Array.Find(second.Channels, c => c.Id == ChannelId.PArterial);
            Assert.Equal(zeroed.ZeroOffsetCounts, rebooted.Calibration.ZeroOffsetCounts, 6);
            Assert.NotEqual(boardDefault.ZeroOffsetCounts, rebooted.Calibration.ZeroOffsetCounts);
            Assert.True(second.SettingsAddress > PerfusionGuard.Log.EventLog.RequiredBytes(PerfusionGuard.Log.EventLog.DefaultCapacity));
        }

        private sealed class CountingStore : PerfusionGuard.Hal.INonVolatileStore
        {
            private readonly RamStore _inner = new RamStore(64 * 1024);
            public int Writes;
            public int SizeBytes => _inner.SizeBytes;
            public void Read(int address, byte[] buffer, int offset, int count) => _inner.Read(address, buffer, offset, count);
            public void Write(int address, byte[] buffer, int offset, int count) { Writes++; _inner.Write(address, buffer, offset, count); }
            public void Flush() { }
        }

        [Fact]
        [Trait("Requirement", "SAF-LOG-007")]
        public void The_self_test_writes_no_flash_from_the_safety_thread_and_its_results_reach_the_log_through_the_log_writer()
        {
            var rig = new ModuleRig();
            var store = new CountingStore();
            var module = new GuardModule(rig.Board, rig.Ports, PerfusionGuard.Profiles.ProfileCatalog.Get(CircuitKind.AdultCpb), null, store, null, rig.NowMicros);
            int writesAfterOpen = store.Writes;
            while (module.SelfTest.Outcome == SelfTestOutcome.Running)
            {
                rig.NowMicros += 1_000;
                module.Step(rig.NowMicros);
            }

            Assert.True(module.SelfTest.Passed, module.SelfTest.Summary);
            Assert.Equal(writesAfterOpen, store.Writes);
            Assert.True(module.PumpLog(64) > 0);
            int results = 0;
            for (int i = 0; i < module.Log.Count; i++)
            {
                if (module.Log.TryReadNewest(i, out EventRecord record) && record.Kind == EventKind.SelfTestResult)
                {
                    results++;
                }
            }

            Assert.True(results >= 3, "self-test results in the log: " + results);
        }

        private static string Describe(GuardModule module)
        {
            SafetyDecision d = module.LastDecision;
            string cause = d.CauseRuleIndex >= 0 ? module.Supervisor.RuleAt(d.CauseRuleIndex).AlarmId : "none";
            return SafetyNames.NameOf(d.Action) + " by " + cause;
        }
    }
}
