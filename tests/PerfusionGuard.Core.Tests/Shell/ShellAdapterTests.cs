using PerfusionGuard.Alarms;
using PerfusionGuard.Log;
using PerfusionGuard.Safety;
using PerfusionGuard.Shell;
using PerfusionGuard.Shell.Adapters;
using PerfusionGuard.Tests.Fakes;
using Xunit;

namespace PerfusionGuard.Tests.Shell
{
    /// <summary>The console wired to the real alarm manager and the real black-box event log.</summary>
    public class ShellAdapterTests
    {
        private long _now = 50_000_000;
        private readonly FakeModule _module = new FakeModule();
        private readonly EventLog _log;
        private readonly AlarmManager _alarms;
        private readonly SerialShell _shell;

        public ShellAdapterTests()
        {
            _log = new EventLog(new PowerCutStore(EventLog.RequiredBytes(64)), 64);
            Assert.True(_log.Open(0));
            _alarms = new AlarmManager(_module, new AlarmSignal(new RecordingOutput(), new RecordingOutput(), new RecordingOutput(), new RecordingOutput()));
            ShellServices services = _module.Services();
            services.Log = new EventLogJournal(_log, _module);
            services.Alarms = new AlarmManagerPanel(_alarms);
            _shell = new SerialShell(new FakeStream(), services, ShellRig.Credential, EchoMode.Silent, 4096) { JsonMode = true };
        }

        // SAF-CON-006
        [Fact]
        [Trait("Requirement", "SAF-CON-006")]
        public void A_calibration_zero_lands_in_the_black_box_with_old_and_new_value_and_the_console_as_source()
        {
            _shell.Execute("login " + ShellRig.Pin, _now);
            _shell.Execute("cal zero p_arterial", _now + 1000);
            Assert.True(_log.TryReadNewest(0, out EventRecord record));
            Assert.Equal(EventKind.Calibration, record.Kind);
            Assert.Equal(0, record.Subject);
            Assert.Equal(18450, record.OldValue);
            Assert.Equal(22100, record.NewValue);
            Assert.Equal((byte)CommandSource.LocalConsole, record.Source);
            string shown = _shell.Execute("log show 2", _now + 2000);
            Assert.Contains("\"kind\":\"calibration\"", shown);
            Assert.Contains("\"kind\":\"login\"", shown);
            Assert.Contains("by local_console", shown);
        }

        [Fact]
        public void Alarms_of_the_real_alarm_manager_are_listed_acknowledged_and_kept_in_history()
        {
            _module.Statuses[0] = new ConditionStatus { Active = true, InEffect = true, RaisedAtMicros = _now, EffectiveAction = SafetyAction.LatchedStop };
            _alarms.Update(_now);
            string list = _shell.Execute("alarm list", _now);
            Assert.Contains("{\"alarm_id\":\"AIR_ARTERIAL\",\"priority\":\"high\",\"state\":\"active\"", list);

            Assert.Contains("\"acknowledged\":true", _shell.Execute("alarm ack", _now + 1000));
            _alarms.Update(_now + 2000);
            Assert.Contains("\"state\":\"acknowledged\"", _shell.Execute("alarm list", _now + 2000));
            string history = _shell.Execute("alarm history", _now + 3000);
            Assert.Contains("Air in arterial line: active -> acknowledged", history);
            Assert.Contains("\"acknowledged\":false", _shell.Execute("alarm ack", _now + 4000));
        }
    }
}
