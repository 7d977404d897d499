using System.Linq;
using PerfusionGuard.Hal;
using PerfusionGuard.Module;
using PerfusionGuard.Profiles;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Telemetry;
using PerfusionGuard.Tests.Telemetry;
using Xunit;

namespace PerfusionGuard.Tests.Module
{
    /// <summary>The device's telemetry composition: the module's own sampler, the site's settings, a link attached after start-up.</summary>
    public class ModuleTelemetryTests
    {
        private sealed class RigClock : IMicrosClock
        {
            private readonly ModuleRig _rig;
            public RigClock(ModuleRig rig) => _rig = rig;
            public long NowMicros => _rig.NowMicros;
        }

        [Fact]
        [Trait("Requirement", "SAF-TEL-004")]
        public void The_modules_sampler_fills_the_sites_outbox_and_the_background_step_publishes_with_the_event_logs_boot_counter()
        {
            Assert.True(SiteSettings.TryParse("{\"mqtt_host\": \"b\", \"site\": \"or3\", \"node\": \"pg-01\", \"telemetry_period_s\": 0.5, \"outbox_bytes\": 6144}",
                "I:\\perfusionguard.json", out SiteSettings settings, out string error), error);
            var rig = new ModuleRig();
            var options = new GuardModuleOptions();
            ModuleTelemetry.Configure(options, settings, null);
            var module = new GuardModule(rig.Board, rig.Ports, ProfileCatalog.Get(CircuitKind.AdultCpb), null, rig.Store, options, rig.NowMicros);
            Assert.Equal(6144, module.TelemetryOutbox.BudgetBytes);
            Assert.Equal(TelemetryOutbox.DeviceMaxEntries, settings.OutboxEntries);
            Assert.Equal((long)module.Log.BootCounter, module.TelemetrySession.BootCounter);

            var telemetry = new ModuleTelemetry(module, settings, "0.1.0", "virtual", rig.NowMicros);
            Assert.Equal("pg/v1/or3/pg-01/state", telemetry.WillTopic);
            Assert.Contains("\"state\":\"lost\"", System.Text.Encoding.UTF8.GetString(telemetry.LostPayload));
            while (module.SelfTest.Outcome == SelfTestOutcome.Running)
            {
                rig.NowMicros += 1_000;
                module.Step(rig.NowMicros);
            }

            // Before the network is up: frames and alarms wait in the outbox, nothing is lost.
            rig.Cycle(module, 200);
            rig.Air = true;
            rig.Cycle(module, 3);
            Assert.Equal(0, telemetry.Step(rig.NowMicros));
            Assert.True(telemetry.Outbox.Count >= 4, "outbox holds " + telemetry.Outbox.Count);

            var link = new RecordingLink();
            telemetry.Attach(link, new RigClock(rig));
            link.Connect();
            while (telemetry.Step(rig.NowMicros) > 0)
            {
            }

            string boot = "\"boot\":" + module.Log.BootCounter.ToString();
            Assert.Equal("pg/v1/or3/pg-01/state", link.Published[0].Topic);
            Assert.Contains("\"state\":\"online\"", link.Published[0].Payload);
            Assert.Equal("pg/v1/or3/pg-01/meta", link.Published[1].Topic);
            Assert.Contains("\"data_period_ms\":500", link.Published[1].Payload);
            var data = link.Published.Where(p => p.Topic == "pg/v1/or3/pg-01/data").ToList();
            Assert.True(data.Count >= 4, "data frames: " + data.Count);
            Assert.All(data, d => Assert.Contains(boot, d.Payload));
            Assert.Contains(link.Published, p => p.Topic == "pg/v1/or3/pg-01/alarm" && p.Payload.Contains("\"alarm\":\"AIR_ARTERIAL\""));
            Assert.Equal(0, telemetry.Outbox.Count);
        }
    }
}
