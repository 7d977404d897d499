using System.Text.Json;
using PerfusionGuard.Alarms;
using PerfusionGuard.Log;
using PerfusionGuard.Safety;
using PerfusionGuard.SelfTest;
using PerfusionGuard.Tests.Fakes;
using Xunit;

namespace PerfusionGuard.Tests.Log
{
    /// <summary><c>log show</c> lines and JSON-lines export; the recorder that feeds the log from the alarm rings.</summary>
    public class EventRecordFormatterTests
    {
        [Fact]
        [Trait("Requirement", "SAF-LOG-006")]
        public void Alarm_transition_formats_as_a_human_line_and_a_json_line_with_the_alarm_id()
        {
            var conditions = new FakeConditionMonitor();
            conditions.Add("P_ARTERIAL_HIGH", AlarmPriority.High, SafetyAction.Stop, ClearRule.SelfClearing);
            conditions.Add("AIR_ARTERIAL", AlarmPriority.High, SafetyAction.LatchedStop, ClearRule.OperatorReset);
            var record = new EventRecord
            {
                Sequence = 42,
                BootCounter = 3,
                UptimeMicros = 123_456_789,
                UtcMillis = 1_795_003_200_123, // 2026-11-18T12:00:00.123Z
                Kind = EventKind.AlarmTransition,
                Source = (byte)CommandSource.Firmware,
                Subject = 1,
                OldValue = (int)AlarmState.Active,
                NewValue = (int)AlarmState.Latched,
                AuxValue = (int)AlarmPriority.High | ((int)AlarmTransitionCause.Condition << 8),
            };
            var formatter = new EventRecordFormatter(conditions);

            Assert.Equal("#42 boot 3 +123.456789 s 2026-11-18T12:00:00.123Z alarm AIR_ARTERIAL active -> latched (high, condition) by firmware",
                formatter.FormatLine(record));

            using var json = JsonDocument.Parse(formatter.FormatJson(record));
            JsonElement root = json.RootElement;
            Assert.Equal(42, root.GetProperty("seq").GetInt32());
            Assert.Equal(3, root.GetProperty("boot").GetInt32());
            Assert.Equal(123_456_789, root.GetProperty("uptime_us").GetInt64());
            Assert.Equal(1_795_003_200_123, root.GetProperty("utc_ms").GetInt64());
            Assert.Equal("2026-11-18T12:00:00.123Z", root.GetProperty("utc").GetString());
            Assert.Equal("alarm", root.GetProperty("kind").GetString());
            Assert.Equal("AIR_ARTERIAL", root.GetProperty("alarm_id").GetString());
            Assert.Equal("latched", root.GetProperty("to").GetString());
            Assert.Equal("high", root.GetProperty("priority").GetString());
        }

        [Fact]
        [Trait("Requirement", "SAF-LOG-006")]
        public void Self_test_record_without_utc_and_without_a_rule_table_still_formats()
        {
            var record = new EventRecord
            {
                Sequence = 7,
                BootCounter = 1,
                UptimeMicros = 2_000_500,
                Kind = EventKind.SelfTestResult,
                Source = (byte)CommandSource.Firmware,
                Subject = (short)SelfTestCheck.AirLatchTrip,
                OldValue = 6_000,
                NewValue = 0,
                AuxValue = 7, // bubble_arterial
            };
            var formatter = new EventRecordFormatter(null);
            Assert.Equal("#7 boot 1 +2.000500 s selftest air_latch_trip bubble_arterial FAILED (6000 us) by firmware", formatter.FormatLine(record));
            using var json = JsonDocument.Parse(formatter.FormatJson(record));
            Assert.False(json.RootElement.GetProperty("passed").GetBoolean());
            Assert.Equal("bubble_arterial", json.RootElement.GetProperty("channel").GetString());
            Assert.Equal("", json.RootElement.GetProperty("utc").GetString());
            Assert.Equal(0, json.RootElement.GetProperty("utc_ms").GetInt64());
        }

        [Fact]
        [Trait("Requirement", "SAF-LOG-001")]
        public void Recorder_writes_every_alarm_transition_and_supervisor_event_into_the_log()
        {
            var conditions = new FakeConditionMonitor();
            int air = conditions.Add("AIR_ARTERIAL", AlarmPriority.High, SafetyAction.LatchedStop, ClearRule.OperatorReset, ConditionKind.Air);
            var alarms = new AlarmManager(conditions, null);
            var sink = new AlarmTransitionRing(32);
            alarms.AddSink(sink);
            var safetyEvents = new SafetyEventRing(16);
            var log = new EventLog(new PowerCutStore(EventLog.RequiredBytes(100)), 100);
            Assert.True(log.Open(0));
            var recorder = new EventRecorder(log, sink, safetyEvents);

            long now = 1_000_000;
            conditions.Raise(air, now);
            alarms.Update(now);
            safetyEvents.Record(now, SafetyEventKind.PumpStopped, air, SafetyAction.LatchedStop, CommandSource.Firmware);
            Assert.True(alarms.Acknowledge(now += 10_000, CommandSource.LocalPanel));
            Assert.False(alarms.Acknowledge(now, CommandSource.Remote));
            conditions.End(air);
            alarms.Update(now += 10_000);
            conditions.Reset(air);
            safetyEvents.Record(now, SafetyEventKind.ConditionReset, air, SafetyAction.None, CommandSource.LocalPanel);
            safetyEvents.Record(now, SafetyEventKind.ConditionCleared, air, SafetyAction.None, CommandSource.Firmware); // not duplicated
            alarms.Update(now += 10_000);

            Assert.Equal(6, recorder.Pump(100));
            Assert.Equal(0, recorder.Pump(100));

            var formatter = new EventRecordFormatter(conditions);
            var lines = new System.Collections.Generic.List<string>();
            for (int i = log.Count - 1; i >= 0; i--)
            {
                Assert.True(log.TryReadNewest(i, out var r));
                lines.Add(formatter.FormatLine(r));
            }

            Assert.Contains(lines, l => l.Contains("alarm AIR_ARTERIAL inactive -> active (high, condition)"));
            Assert.Contains(lines, l => l.Contains("alarm AIR_ARTERIAL active -> acknowledged (high, acknowledge) by local_panel"));
            Assert.Contains(lines, l => l.Contains("command_refused - ") && l.Contains("by remote"));
            Assert.Contains(lines, l => l.Contains("alarm AIR_ARTERIAL acknowledged -> inactive (high, reset)"));
            Assert.Contains(lines, l => l.Contains("pump_stopped AIR_ARTERIAL"));
            Assert.Contains(lines, l => l.Contains("reset AIR_ARTERIAL") && l.Contains("by local_panel"));
        }
    }
}
