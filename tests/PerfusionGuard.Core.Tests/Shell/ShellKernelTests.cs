using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Shell;
using PerfusionGuard.Shell.Adapters;
using PerfusionGuard.Tests.Fakes;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.Shell
{
    /// <summary>
    /// The console on the real safety kernel: adult-CPB profile from the catalog, real pressure
    /// channels, supervisor and safety cycle, through the adapters a device's Main uses.
    /// </summary>
    public class ShellKernelTests
    {
        private sealed class Line : IDigitalInput, IDigitalOutput, IWatchdog, IAnalogOutput
        {
            public bool High;
            public bool Read() => High;
            public void Write(bool high) => High = high;
            public void Feed() { }
            public void WriteFraction(double fraction) { }
        }

        private long _now;
        private readonly ScriptedAnalogInput _arterialAdc = new ScriptedAnalogInput(4095, 1303).WithTypicalAdcNoise(); // about 0 mmHg
        private readonly Line _pumpRunning = new Line();
        private readonly SafetyCycle _cycle;
        private readonly InterlockSupervisor _supervisor;
        private readonly PowerCutStore _store = new PowerCutStore(1024);
        private readonly SerialShell _shell;
        private readonly CircuitProfile _profile = ProfileCatalog.Get(CircuitKind.AdultCpb);

        public ShellKernelTests()
        {
            PressureCalibration transducer = PressureCalibration.FromRatiometric(4095, 0.1, Pressure.FromMmHg(-300), 0.9, Pressure.FromMmHg(800));
            IChannel[] channels =
            {
                new PressureChannel(ChannelId.PArterial, _arterialAdc, transducer, PressureChannelConfig.Default(4095)),
                new PressureChannel(ChannelId.PVenous, new ScriptedAnalogInput(4095, 1290).WithTypicalAdcNoise(), transducer, PressureChannelConfig.Default(4095)),
            };
            _supervisor = new InterlockSupervisor(_profile, new SafetyEventRing(64));
            var enable = new Line();
            _cycle = new SafetyCycle(channels, _supervisor, new PumpInterlock(enable, enable), _pumpRunning, null, new Line(), new Line(), new Line(), null, SafetyCycle.DevicePeriodMicros);
            var status = new CycleModuleStatus("pg-bench", "0.1.0", "virtual", _cycle, null, null);
            var services = new ShellServices
            {
                Status = status,
                Interlock = new SupervisorInterlock(_supervisor, null, true),
                Calibration = new PressureCalibrationControl(channels, null),
                Config = new ProfileLimitSettings(status, _store, 0),
            };
            _shell = new SerialShell(new FakeStream(), services, ShellRig.Credential, EchoMode.Silent, 4096) { JsonMode = true };
            Cycles(20);
        }

        private void Cycles(int n)
        {
            for (int i = 0; i < n; i++)
            {
                _now += SafetyCycle.DevicePeriodMicros;
                _cycle.RunOnce(_now);
            }
        }

        private string Run(string line) => _shell.Execute(line, _now);

        [Fact]
        [Trait("Requirement", "SAF-CON-003")]
        public void Status_shows_the_catalog_profile_and_the_real_channel_readings()
        {
            string status = Run("status");
            Assert.StartsWith("{\"ok\":true,\"node\":\"pg-bench\",\"profile\":\"adult-cpb\",\"pump_enable\":", status);
            Assert.Contains("{\"name\":\"p_arterial\",\"value\":", status);
            Assert.Contains("\"unit\":\"mmHg\"", status);
            Assert.Contains("{\"alarm_id\":\"LVL_LOW\"", Run("override list"));
            Assert.Contains("\"limit\":true", Run("config get limit.p_arterial_high"));
        }

        // SAF-CON-004
        [Fact]
        [Trait("Requirement", "SAF-CON-004")]
        public void A_limit_set_from_the_console_changes_the_live_rule_and_survives_a_restart_when_saved()
        {
            Run("login " + ShellRig.Pin);
            int rule = _supervisor.FindRule("P_ARTERIAL_HIGH");
            Assert.Contains("\"ok\":true", Run("config set limit.p_arterial_high 280"));
            Assert.Equal(280.0, _profile.Rules[rule].PressureLimit.MmHg);
            Assert.Contains("\"error\":\"E_ARGS\"", Run("config set limit.p_arterial_high 3000"));
            Assert.Contains("\"ok\":true", Run("config save"));

            _pumpRunning.High = true;
            Cycles(1);
            Assert.Contains("\"error\":\"E_STATE\"", Run("config set limit.p_arterial_high 260"));
            Assert.Equal(280.0, _profile.Rules[rule].PressureLimit.MmHg);

            // A fresh module with a fresh catalog profile loads the saved limit.
            CircuitProfile fresh = ProfileCatalog.Get(CircuitKind.AdultCpb);
            var freshStatus = new FakeModule { Profile = fresh };
            var settings = new ProfileLimitSettings(freshStatus, _store, 0);
            Assert.True(settings.TryLoad(out string reason), reason);
            Assert.Equal(280.0, fresh.Rules[rule].PressureLimit.MmHg);
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-004")]
        public void Zero_and_revert_act_on_the_real_pressure_channel_only_with_the_pump_stopped()
        {
            Run("login " + ShellRig.Pin);
            _arterialAdc.Counts = 1310; // transducer open to air reads a little off zero
            Cycles(5);
            Assert.Contains("\"ok\":true", Run("cal zero p_arterial"));
            Cycles(5);
            Assert.InRange(_cycle.Inputs.Pressures[(int)ChannelId.PArterial].Pressure.MmHg, -1.5, 1.5);
            Assert.Contains("\"uncommitted\":true", Run("cal show"));
            Assert.Contains("\"error\":\"E_FAILED\"", Run("cal commit")); // no calibration store on this bench
            Assert.Contains("\"ok\":true", Run("cal revert"));
            Assert.Contains("\"uncommitted\":false", Run("cal show"));

            _pumpRunning.High = true;
            Cycles(1);
            Assert.Contains("\"error\":\"E_STATE\"", Run("cal zero p_arterial"));
        }

        // SAF-CON-008
        [Fact]
        [Trait("Requirement", "SAF-CON-008")]
        public void Overrides_from_the_console_reach_the_supervisor_as_local_console_commands()
        {
            Run("login " + ShellRig.Pin);
            int rule = _supervisor.FindRule("LVL_LOW");
            Assert.Contains("\"ok\":true", Run("override set lvl_low 10"));
            Assert.True(_supervisor.StatusAt(rule).Overridden);
            Assert.Equal(_now + 10 * Time.MicrosPerMinute, _supervisor.StatusAt(rule).OverrideUntilMicros);
            SafetyEvent last = default;
            while (_supervisor.Events.TryTake(out SafetyEvent e))
            {
                last = e;
            }

            Assert.Equal(SafetyEventKind.OverrideStarted, last.Kind);
            Assert.Equal(CommandSource.LocalConsole, last.Source);
            Assert.Contains("\"error\":\"E_STATE\"", Run("override set AIR_ARTERIAL 1"));
            Assert.Contains("\"ok\":true", Run("override clear LVL_LOW"));
            Assert.False(_supervisor.StatusAt(rule).Overridden);
        }
    }
}
