using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using PerfusionGuard.Alarms;
using PerfusionGuard.Log;
using PerfusionGuard.Safety;
using PerfusionGuard.Shell;
using Xunit;

namespace PerfusionGuard.Tests.Shell
{
    /// <summary>
    /// Golden tests of every console command in human and JSON form (SAF-CON-003). The expected
    /// output lives in Shell/golden/NAME.txt; run with PG_UPDATE_GOLDEN=1 to rewrite the files
    /// after an intended change, then review the diff.
    /// </summary>
    public class ShellGoldenTests
    {
        private const long Now = 125_000_000;

        public sealed record GoldenCase(string Name, string Line, bool Service, Action<FakeModule, SerialShell> Setup);

        private static void Tripped(FakeModule m, SerialShell s)
        {
            m.Decision = new SafetyDecision(SafetyAction.LatchedStop, 0, 0.0, true);
            m.Statuses[0] = new ConditionStatus { Active = false, InEffect = true, Latched = true, RaisedAtMicros = 61_500_000, EffectiveAction = SafetyAction.LatchedStop };
            m.Active.Add(new AlarmView { AlarmId = "AIR_ARTERIAL", Message = "Air in arterial line", Priority = AlarmPriority.High, State = "latched", AtMicros = 61_500_000 });
            m.Active.Add(new AlarmView { AlarmId = "P_VENOUS_FAULT", Message = "Venous pressure sensor noisy", Priority = AlarmPriority.Medium, State = "acknowledged", AtMicros = 20_250_000 });
            m.HistoryEntries.Add(m.Active[0]);
            m.HistoryEntries.Add(new AlarmView { AlarmId = "LEVEL_ALERT", Message = "Reservoir level at alert pad", Priority = AlarmPriority.Medium, State = "inactive", AtMicros = 9_000_000 });
            m.LatchedResettable = true;
            m.Statuses[2] = new ConditionStatus { Overridden = true, OverrideUntilMicros = Now + 12 * 60_000_000L, EffectiveAction = SafetyAction.Advisory };
        }

        private static void Nothing(FakeModule m, SerialShell s)
        {
        }

        public static readonly GoldenCase[] Cases =
        {
            new("help", "help", false, Nothing),
            new("help_sensor", "help sensor", false, Nothing),
            new("help_unknown", "help frobnicate", false, Nothing),
            new("version", "version", false, Nothing),
            new("status_normal", "status", false, Nothing),
            new("status_tripped", "status", false, Tripped),
            new("sensor_list", "sensor list", false, Nothing),
            new("sensor_get_pressure", "sensor get p_arterial", false, Nothing),
            new("sensor_get_air", "sensor get BUBBLE_ARTERIAL", false, Nothing),
            new("sensor_get_level", "sensor get level_reservoir", false, Nothing),
            new("sensor_get_flow", "sensor get flow_arterial", false, Nothing),
            new("sensor_get_unknown", "sensor get p_return", false, Nothing),
            new("sensor_raw", "sensor raw p_venous", false, Nothing),
            new("sensor_raw_air", "sensor raw bubble_arterial", false, Nothing),
            new("alarm_list", "alarm list", false, Tripped),
            new("alarm_list_empty", "alarm", false, Nothing),
            new("alarm_history", "alarm history 5", false, Tripped),
            new("alarm_history_bad_count", "alarm history 500", false, Tripped),
            new("alarm_ack", "alarm ack", false, Tripped),
            new("interlock_status", "interlock status", false, Tripped),
            new("interlock_reset", "interlock reset", true, Tripped),
            new("interlock_reset_nothing", "interlock reset", true, Nothing),
            new("interlock_reset_key_not_held", "interlock reset", true, (m, s) => { Tripped(m, s); m.ResetInputFitted = true; }),
            new("override_list", "override list", false, Tripped),
            new("override_set", "override set level_low 10", true, Nothing),
            new("override_set_air", "override set AIR_ARTERIAL 10", true, Nothing),
            new("override_set_too_long", "override set LEVEL_LOW 31", true, Nothing),
            new("override_clear", "override clear LEVEL_LOW", true, (m, s) => m.Statuses[2].Overridden = true),
            new("selftest", "selftest", false, Nothing),
            new("cal_show", "cal show", false, Nothing),
            new("cal_zero", "cal zero p_arterial", true, Nothing),
            new("cal_span", "cal span p_arterial 200", true, Nothing),
            new("cal_span_bad_value", "cal span p_arterial 12,5", true, Nothing),
            new("cal_commit", "cal commit", true, (m, s) => s.Execute("cal zero p_venous", Now - 1000)),
            new("cal_commit_nothing", "cal commit", true, Nothing),
            new("cal_revert", "cal revert", true, (m, s) => s.Execute("cal zero p_venous", Now - 1000)),
            new("config_get", "config get", false, Nothing),
            new("config_get_key", "config get telemetry.period_ms", false, Nothing),
            new("config_set", "config set limit.p_arterial_high 280", true, Nothing),
            new("config_set_invalid", "config set telemetry.period_ms fast", true, Nothing),
            new("config_save", "config save", true, Nothing),
            new("config_reset", "config reset", true, Nothing),
            new("profile_show", "profile show", false, Nothing),
            new("profile_use", "profile use ecmo", true, Nothing),
            new("profile_use_unknown", "profile use lvad", true, Nothing),
            new("log_show", "log show 3", false, (m, s) => { m.Record(1_000_000, EventKind.Login, -1, 0, 1, 0); m.Record(2_000_000, EventKind.ConfigurationChange, 1, 1000, 500, 0); }),
            new("time", "time", false, Nothing),
            new("time_unsynchronised", "time", false, (m, s) => m.UtcKnown = false),
            new("net_status", "net status", false, Nothing),
            new("login", "login " + ShellRig.Pin, false, Nothing),
            new("login_wrong", "login 1111", false, Nothing),
            new("logout", "logout", true, Nothing),
            new("mode_human", "mode human", false, Nothing),
            new("mode_json", "mode json", false, Nothing),
            new("reboot", "reboot", true, Nothing),
            new("unknown_command", "frobnicate now", false, Nothing),
            new("unknown_verb", "sensor explode", false, Nothing),
            new("too_many_args", "sensor get p_arterial extra", false, Nothing),
            new("operator_refused", "cal zero p_arterial", false, Nothing),
        };

        public static IEnumerable<object[]> CaseNames() => Cases.Select(c => new object[] { c.Name });

        private static string Run(GoldenCase golden, bool json)
        {
            var module = new FakeModule();
            var stream = new FakeStream();
            SerialShell shell = ShellRig.Create(module, stream);
            if (golden.Service)
            {
                Assert.Contains("\"ok\":true", shell.Execute("json login " + ShellRig.Pin, Now - 10_000));
            }

            golden.Setup(module, shell);
            shell.JsonMode = json;
            return shell.Execute(golden.Line, Now);
        }

        // SAF-CON-003
        [Theory]
        [MemberData(nameof(CaseNames))]
        [Trait("Requirement", "SAF-CON-003")]
        public void Command_output_matches_its_golden_file_in_human_and_json_form(string name)
        {
            GoldenCase golden = Cases.Single(c => c.Name == name);
            string human = Run(golden, false);
            string json = Run(golden, true);

            Assert.EndsWith("\r\n", human);
            Assert.EndsWith("\r\n", json);
            string jsonLine = json[..^2];
            Assert.DoesNotContain('\n', jsonLine);
            Assert.DoesNotContain('\r', jsonLine);
            using (JsonDocument doc = JsonDocument.Parse(jsonLine))
            {
                JsonElement ok = doc.RootElement.GetProperty("ok");
                Assert.True(ok.ValueKind == JsonValueKind.True || ok.ValueKind == JsonValueKind.False);
                if (ok.ValueKind == JsonValueKind.False)
                {
                    Assert.StartsWith("E_", doc.RootElement.GetProperty("error").GetString());
                    Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("message").GetString()));
                    Assert.StartsWith("error E_", human);
                }
            }

            string actual = "# line: " + golden.Line + (golden.Service ? "   (service level)" : "") + "\n## human\n" + human.Replace("\r\n", "\n") + "## json\n" + json.Replace("\r\n", "\n");
            string path = Path.Combine(GoldenDirectory(), name + ".txt");
            if (Environment.GetEnvironmentVariable("PG_UPDATE_GOLDEN") == "1")
            {
                File.WriteAllText(path, actual);
            }

            Assert.True(File.Exists(path), "missing golden file " + path + " (run with PG_UPDATE_GOLDEN=1)");
            Assert.Equal(File.ReadAllText(path), actual);
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-003")]
        public void Every_command_of_the_table_has_a_golden_case()
        {
            foreach (ShellCommand command in ShellCommandTable.Create())
            {
                string words = command.Verb == null ? command.Noun : command.Noun + " " + command.Verb;
                Assert.True(Cases.Any(c => c.Line == words || c.Line.StartsWith(words + " ")), "no golden case runs '" + words + "'");
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-CON-003")]
        public void Every_number_in_human_output_carries_a_unit()
        {
            // Numbers stand beside a unit, or are counts named by their key ("acknowledged: 1").
            string human = Run(Cases.Single(c => c.Name == "status_tripped"), false);
            foreach (string line in human.Split("\r\n").Where(l => l.StartsWith("  ") && char.IsDigit(l.TrimStart()[0])))
            {
                Assert.Fail("bare number row: " + line);
            }

            Assert.Contains("182.4 mmHg", human);
            Assert.Contains("4.52 L/min", human);
            Assert.Contains("1240 ml", human);
        }

        private static string GoldenDirectory([CallerFilePath] string source = "")
        {
            return Path.Combine(Path.GetDirectoryName(source)!, "golden");
        }
    }
}
