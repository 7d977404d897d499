using System;
using System.Collections.Generic;
using PerfusionGuard.Alarms;
using PerfusionGuard.Safety;
using PerfusionGuard.Tests.Fakes;
using Xunit;

namespace PerfusionGuard.Tests.Alarms
{
    /// <summary>
    /// Narratives of every alarm state transition over an injected clock (issue 3, "Alarm system").
    /// The condition source is a fake the test drives the way the supervisor would.
    /// </summary>
    public class AlarmManagerTests
    {
        private const long Cycle = 10_000;
        private const long Second = 1_000_000;

        private readonly FakeConditionMonitor _conditions = new();
        private long _now = 1_000_000;

        private AlarmManager NewManager(AlarmEscalation escalation = null) => new AlarmManager(_conditions, null, escalation);

        private AlarmStatus StatusOf(AlarmManager alarms, int rule) => alarms.AlarmOfRule(rule);

        private void Run(AlarmManager alarms, long spanMicros)
        {
            long end = _now + spanMicros;
            while (_now < end)
            {
                _now += Cycle;
                alarms.Update(_now);
            }
        }

        private static List<AlarmTransition> HistoryOldestFirst(AlarmManager alarms)
        {
            var list = new List<AlarmTransition>();
            for (int i = alarms.History.Count - 1; i >= 0; i--)
            {
                Assert.True(alarms.History.TryPeekNewest(i, out var t));
                list.Add(t);
            }

            return list;
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-001")]
        public void Raised_condition_becomes_an_active_audible_alarm_in_the_same_cycle_with_the_rule_data()
        {
            int air = _conditions.Add("AIR_ARTERIAL", AlarmPriority.High, SafetyAction.LatchedStop, ClearRule.OperatorReset, ConditionKind.Air);
            var alarms = NewManager();
            alarms.Update(_now);
            Assert.Equal(0, alarms.ActiveCount);
            Assert.Equal(AlarmPriority.None, alarms.HighestAudiblePriority);

            _now += Cycle;
            _conditions.Raise(air, _now);
            alarms.Update(_now);

            Assert.Equal(1, alarms.ActiveCount);
            AlarmStatus status = alarms.AlarmAt(0);
            Assert.Equal("AIR_ARTERIAL", status.AlarmId);
            Assert.Equal(AlarmState.Active, status.State);
            Assert.Equal(AlarmPriority.High, status.Priority);
            Assert.False(status.Technical);
            Assert.True(status.Audible);
            Assert.Equal(_now, status.SinceMicros);
            Assert.Equal(AlarmPriority.High, alarms.HighestAudiblePriority);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-001")]
        public void Self_clearing_alarm_goes_inactive_when_its_condition_ends()
        {
            int low = _conditions.Add("P_VENOUS_LOW", AlarmPriority.Medium, SafetyAction.Alarm, ClearRule.SelfClearing, ConditionKind.PressureLow);
            var alarms = NewManager();
            _conditions.Raise(low, _now);
            alarms.Update(_now);
            Assert.Equal(AlarmState.Active, StatusOf(alarms, low).State);

            _now += Cycle;
            _conditions.End(low);
            alarms.Update(_now);
            Assert.Equal(AlarmState.Inactive, StatusOf(alarms, low).State);
            Assert.Equal(0, alarms.ActiveCount);
            Assert.Equal(AlarmPriority.None, alarms.HighestAudiblePriority);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-003")]
        public void Latching_alarm_keeps_sounding_after_the_condition_until_the_local_operator_reset()
        {
            int air = _conditions.Add("AIR_ARTERIAL", AlarmPriority.High, SafetyAction.LatchedStop, ClearRule.OperatorReset, ConditionKind.Air);
            var alarms = NewManager();
            _conditions.Raise(air, _now);
            alarms.Update(_now);

            _now += Cycle;
            _conditions.End(air);
            alarms.Update(_now);
            AlarmStatus latched = StatusOf(alarms, air);
            Assert.Equal(AlarmState.Latched, latched.State);
            Assert.False(latched.ConditionPresent);
            Assert.True(latched.Audible);
            Assert.Equal(AlarmPriority.High, alarms.HighestAudiblePriority);

            Run(alarms, 30 * Second);
            Assert.Equal(AlarmState.Latched, StatusOf(alarms, air).State);

            // The supervisor performs the local reset; the rule stops being in effect.
            _conditions.Reset(air);
            _now += Cycle;
            alarms.Update(_now);
            Assert.Equal(AlarmState.Inactive, StatusOf(alarms, air).State);
            AlarmTransition last = HistoryOldestFirst(alarms)[^1];
            Assert.Equal(AlarmTransitionCause.Reset, last.Cause);
            Assert.Equal(AlarmState.Latched, last.From);
            Assert.Equal(AlarmState.Inactive, last.To);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-003")]
        public void Acknowledged_latching_alarm_stays_listed_and_silent_until_reset()
        {
            int air = _conditions.Add("AIR_ARTERIAL", AlarmPriority.High, SafetyAction.LatchedStop, ClearRule.OperatorReset, ConditionKind.Air);
            var alarms = NewManager();
            _conditions.Raise(air, _now);
            alarms.Update(_now);
            Assert.True(alarms.Acknowledge(_now, CommandSource.LocalPanel));

            _now += Cycle;
            _conditions.End(air);
            alarms.Update(_now);
            Assert.Equal(AlarmState.Acknowledged, StatusOf(alarms, air).State);
            Assert.Equal(1, alarms.ActiveCount);
            Assert.Equal(AlarmPriority.None, alarms.HighestAudiblePriority);
            Assert.Equal(AlarmPriority.High, alarms.HighestVisualPriority);

            _conditions.Reset(air);
            _now += Cycle;
            alarms.Update(_now);
            Assert.Equal(AlarmState.Inactive, StatusOf(alarms, air).State);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-003")]
        public void Reset_while_the_condition_persists_leaves_the_alarm_active()
        {
            int air = _conditions.Add("AIR_ARTERIAL", AlarmPriority.High, SafetyAction.LatchedStop, ClearRule.OperatorReset, ConditionKind.Air);
            var alarms = NewManager();
            _conditions.Raise(air, _now);
            alarms.Update(_now);
            _conditions.Reset(air); // the fake, like the supervisor, refuses a reset while active
            Run(alarms, Second);
            Assert.Equal(AlarmState.Active, StatusOf(alarms, air).State);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-002")]
        public void Medium_alarm_persisting_past_60_s_escalates_to_high_and_sounds_again_after_acknowledge()
        {
            int drop = _conditions.Add("OXY_DROP_HIGH", AlarmPriority.Medium, SafetyAction.Alarm, ClearRule.SelfClearing, ConditionKind.PressureDropHigh);
            var alarms = NewManager();
            long raised = _now;
            _conditions.Raise(drop, _now);
            alarms.Update(_now);
            Assert.True(alarms.Acknowledge(_now, CommandSource.LocalConsole));
            Assert.Equal(AlarmPriority.None, alarms.HighestAudiblePriority);

            Run(alarms, 60 * Second - 2 * Cycle);
            Assert.Equal(AlarmPriority.Medium, StatusOf(alarms, drop).Priority);
            Assert.Equal(AlarmState.Acknowledged, StatusOf(alarms, drop).State);

            Run(alarms, 2 * Cycle);
            AlarmStatus escalated = StatusOf(alarms, drop);
            Assert.Equal(AlarmPriority.High, escalated.Priority);
            Assert.Equal(AlarmPriority.Medium, escalated.BasePriority);
            Assert.Equal(AlarmState.Active, escalated.State);
            Assert.Equal(AlarmPriority.High, alarms.HighestAudiblePriority);
            Assert.InRange(_now - raised, 60 * Second, 60 * Second + Cycle);
            Assert.Contains(HistoryOldestFirst(alarms), t => t.Cause == AlarmTransitionCause.Escalation && t.Priority == AlarmPriority.High);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-002")]
        public void Escalation_time_is_configurable_and_low_escalates_only_when_enabled()
        {
            int lowRule = _conditions.Add("MICROBUBBLES", AlarmPriority.Low, SafetyAction.Alarm, ClearRule.SelfClearing, ConditionKind.Microbubbles);
            var escalation = new AlarmEscalation { LowToMediumMicros = 10 * Second, MediumToHighMicros = 20 * Second };
            var alarms = NewManager(escalation);
            _conditions.Raise(lowRule, _now);
            alarms.Update(_now);
            Run(alarms, 10 * Second);
            Assert.Equal(AlarmPriority.Medium, StatusOf(alarms, lowRule).Priority);
            Run(alarms, 20 * Second);
            Assert.Equal(AlarmPriority.High, StatusOf(alarms, lowRule).Priority);

            // Condition ends and comes back: it starts again at its declared priority.
            _conditions.End(lowRule);
            Run(alarms, Cycle);
            _conditions.Raise(lowRule, _now);
            Run(alarms, Cycle);
            Assert.Equal(AlarmPriority.Low, StatusOf(alarms, lowRule).Priority);

            var defaults = new AlarmEscalation();
            Assert.Equal(0, defaults.AfterMicros(AlarmPriority.Low));
            Assert.Equal(60 * Second, defaults.AfterMicros(AlarmPriority.Medium));
            Assert.Equal(0, defaults.AfterMicros(AlarmPriority.High));
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-007")]
        public void Acknowledge_silences_a_persisting_alarm_until_its_condition_ends_and_a_new_raise_sounds_again()
        {
            int p = _conditions.Add("P_ARTERIAL_HIGH", AlarmPriority.High, SafetyAction.Stop, ClearRule.SelfClearing);
            var alarms = NewManager();
            _conditions.Raise(p, _now);
            alarms.Update(_now);
            Assert.True(alarms.Acknowledge(_now, CommandSource.LocalPanel));
            Assert.Equal(AlarmState.Acknowledged, StatusOf(alarms, p).State);
            Assert.False(StatusOf(alarms, p).Audible);

            Run(alarms, 5 * 60 * Second);
            Assert.Equal(AlarmState.Acknowledged, StatusOf(alarms, p).State);

            _conditions.End(p);
            Run(alarms, Cycle);
            Assert.Equal(AlarmState.Inactive, StatusOf(alarms, p).State);

            _conditions.Raise(p, _now);
            Run(alarms, Cycle);
            Assert.Equal(AlarmState.Active, StatusOf(alarms, p).State);
            Assert.Equal(AlarmPriority.High, alarms.HighestAudiblePriority);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-007")]
        public void Acknowledge_with_nothing_sounding_is_refused()
        {
            _conditions.Add("P_ARTERIAL_HIGH", AlarmPriority.High, SafetyAction.Stop, ClearRule.SelfClearing);
            var alarms = NewManager();
            alarms.Update(_now);
            Assert.False(alarms.Acknowledge(_now, CommandSource.LocalPanel));
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-007")]
        public void Audio_pause_is_capped_at_120_s_and_the_alarm_sounds_again_when_it_expires()
        {
            int p = _conditions.Add("LEVEL_LOW", AlarmPriority.High, SafetyAction.Stop, ClearRule.SelfClearing, ConditionKind.LevelLow);
            var alarms = NewManager();
            _conditions.Raise(p, _now);
            alarms.Update(_now);
            long pausedAt = _now;
            Assert.True(alarms.PauseAudio(_now, 300 * Second, CommandSource.LocalPanel));
            AlarmStatus paused = StatusOf(alarms, p);
            Assert.Equal(AlarmState.AudioPaused, paused.State);
            Assert.Equal(pausedAt + 120 * Second, paused.AudioPausedUntilMicros);
            Assert.Equal(AlarmPriority.None, alarms.HighestAudiblePriority);
            Assert.Equal(AlarmPriority.High, alarms.HighestVisualPriority);

            Run(alarms, 120 * Second - Cycle);
            Assert.Equal(AlarmState.AudioPaused, StatusOf(alarms, p).State);

            Run(alarms, Cycle);
            Assert.Equal(AlarmState.Active, StatusOf(alarms, p).State);
            Assert.Equal(AlarmPriority.High, alarms.HighestAudiblePriority);
            Assert.Equal(AlarmTransitionCause.AudioPauseExpired, HistoryOldestFirst(alarms)[^1].Cause);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-007")]
        public void New_alarm_during_audio_pause_sounds_at_once_while_the_paused_one_stays_paused()
        {
            int level = _conditions.Add("LEVEL_ALERT", AlarmPriority.Medium, SafetyAction.Alarm, ClearRule.SelfClearing, ConditionKind.LevelAlert);
            int air = _conditions.Add("AIR_ARTERIAL", AlarmPriority.High, SafetyAction.LatchedStop, ClearRule.OperatorReset, ConditionKind.Air);
            var alarms = NewManager();
            _conditions.Raise(level, _now);
            alarms.Update(_now);
            Assert.True(alarms.PauseAudio(_now, 60 * Second, CommandSource.LocalPanel));
            Run(alarms, 10 * Second);
            Assert.Equal(AlarmPriority.None, alarms.HighestAudiblePriority);

            _conditions.Raise(air, _now);
            Run(alarms, Cycle);
            Assert.Equal(AlarmState.Active, StatusOf(alarms, air).State);
            Assert.Equal(AlarmState.AudioPaused, StatusOf(alarms, level).State);
            Assert.Equal(AlarmPriority.High, alarms.HighestAudiblePriority);
            // The list puts the high alarm first.
            Assert.Equal("AIR_ARTERIAL", alarms.AlarmAt(0).AlarmId);
            Assert.Equal("LEVEL_ALERT", alarms.AlarmAt(1).AlarmId);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-007")]
        public void Same_alarm_raised_again_during_its_audio_pause_sounds_at_once()
        {
            int p = _conditions.Add("P_ARTERIAL_HIGH", AlarmPriority.High, SafetyAction.Stop, ClearRule.SelfClearing);
            var alarms = NewManager();
            _conditions.Raise(p, _now);
            alarms.Update(_now);
            Assert.True(alarms.PauseAudio(_now, 120 * Second, CommandSource.LocalConsole));
            _conditions.End(p);
            Run(alarms, Second);
            _conditions.Raise(p, _now);
            Run(alarms, Cycle);
            Assert.Equal(AlarmState.Active, StatusOf(alarms, p).State);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-008")]
        public void Remote_can_neither_acknowledge_nor_pause_and_the_refusal_is_recorded()
        {
            int air = _conditions.Add("AIR_ARTERIAL", AlarmPriority.High, SafetyAction.LatchedStop, ClearRule.OperatorReset, ConditionKind.Air);
            var alarms = NewManager();
            var sink = new AlarmTransitionRing(8);
            alarms.AddSink(sink);
            _conditions.Raise(air, _now);
            alarms.Update(_now);
            while (sink.TryTake(out _))
            {
            }

            Assert.False(alarms.Acknowledge(_now, CommandSource.Remote));
            Assert.False(alarms.PauseAudio(_now, 60 * Second, CommandSource.Remote));
            Run(alarms, Second);
            Assert.Equal(AlarmState.Active, StatusOf(alarms, air).State);
            Assert.Equal(AlarmPriority.High, alarms.HighestAudiblePriority);

            Assert.True(sink.TryTake(out var refusedAck));
            Assert.Equal(AlarmTransitionCause.Refused, refusedAck.Cause);
            Assert.Equal(CommandSource.Remote, refusedAck.Source);
            Assert.True(sink.TryTake(out var refusedPause));
            Assert.Equal(AlarmTransitionCause.Refused, refusedPause.Cause);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-008")]
        public void Remote_cannot_reset_a_latched_alarm_because_the_alarm_manager_offers_no_reset_at_all()
        {
            // Reset belongs to the supervisor's local operator reset; the alarm manager only follows
            // the rule leaving "in effect". Its public surface has no reset a remote could call.
            var methods = typeof(AlarmManager).GetMethods();
            Assert.DoesNotContain(methods, m => m.Name.Contains("Reset", StringComparison.OrdinalIgnoreCase));

            int air = _conditions.Add("AIR_ARTERIAL", AlarmPriority.High, SafetyAction.LatchedStop, ClearRule.OperatorReset, ConditionKind.Air);
            var alarms = NewManager();
            _conditions.Raise(air, _now);
            alarms.Update(_now);
            _conditions.End(air);
            Run(alarms, Cycle);
            Assert.False(alarms.Acknowledge(_now, CommandSource.Remote));
            Assert.False(alarms.PauseAudio(_now, Second, CommandSource.Remote));
            Run(alarms, 10 * Second);
            Assert.Equal(AlarmState.Latched, StatusOf(alarms, air).State);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-009")]
        public void Overridden_rule_is_listed_as_overridden_silent_and_sounds_again_when_the_override_ends()
        {
            int level = _conditions.Add("LEVEL_SENSOR_FAULT", AlarmPriority.Medium, SafetyAction.Stop, ClearRule.SelfClearing, ConditionKind.SensorFault);
            var alarms = NewManager();
            _conditions.Raise(level, _now);
            alarms.Update(_now);
            Assert.True(StatusOf(alarms, level).Technical);

            _conditions.SetOverride(level, true, _now + 600 * Second);
            Run(alarms, Cycle);
            Assert.Equal(AlarmState.Overridden, StatusOf(alarms, level).State);
            Assert.Equal(1, alarms.ActiveCount);
            Assert.Equal(AlarmPriority.None, alarms.HighestAudiblePriority);
            Assert.Equal(AlarmTransitionCause.OverrideStarted, HistoryOldestFirst(alarms)[^1].Cause);

            // Overridden conditions do not escalate.
            Run(alarms, 120 * Second);
            Assert.Equal(AlarmPriority.Medium, StatusOf(alarms, level).Priority);

            _conditions.SetOverride(level, false);
            Run(alarms, Cycle);
            Assert.Equal(AlarmState.Active, StatusOf(alarms, level).State);
            Assert.Equal(AlarmPriority.Medium, alarms.HighestAudiblePriority);
            Assert.Equal(AlarmTransitionCause.OverrideEnded, HistoryOldestFirst(alarms)[^1].Cause);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-009")]
        public void Override_is_annunciated_for_its_whole_duration_even_after_the_condition_ends()
        {
            int level = _conditions.Add("LEVEL_SENSOR_FAULT", AlarmPriority.Medium, SafetyAction.Stop, ClearRule.SelfClearing, ConditionKind.SensorFault);
            var alarms = NewManager();
            _conditions.Raise(level, _now);
            alarms.Update(_now);
            _conditions.SetOverride(level, true, _now + 600 * Second);
            Run(alarms, Cycle);
            _conditions.End(level);
            _conditions.SetOverride(level, true, _now + 590 * Second);
            Run(alarms, 10 * Second);
            Assert.Equal(AlarmState.Overridden, StatusOf(alarms, level).State);

            _conditions.SetOverride(level, false);
            Run(alarms, Cycle);
            Assert.Equal(AlarmState.Inactive, StatusOf(alarms, level).State);
            Assert.Equal(AlarmTransitionCause.OverrideEnded, HistoryOldestFirst(alarms)[^1].Cause);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-006")]
        public void Advisory_alert_band_is_listed_but_never_sounds_nor_lights()
        {
            int alert = _conditions.Add("P_ARTERIAL_ALERT", AlarmPriority.Low, SafetyAction.Advisory, ClearRule.SelfClearing);
            int alarm = _conditions.Add("P_ARTERIAL_HIGH", AlarmPriority.High, SafetyAction.Stop, ClearRule.SelfClearing);
            var escalation = new AlarmEscalation { LowToMediumMicros = Second };
            var alarms = NewManager(escalation);
            _conditions.Raise(alert, _now);
            alarms.Update(_now);
            Run(alarms, 10 * Second);

            AlarmStatus status = StatusOf(alarms, alert);
            Assert.Equal(AlarmState.Advisory, status.State);
            Assert.False(status.Audible);
            Assert.Equal(AlarmPriority.None, status.Priority);
            Assert.Equal(1, alarms.ActiveCount);
            Assert.Equal(AlarmPriority.None, alarms.HighestAudiblePriority);
            Assert.Equal(AlarmPriority.None, alarms.HighestVisualPriority);
            Assert.False(alarms.Acknowledge(_now, CommandSource.LocalPanel));

            // The alarm band above it sounds normally.
            _conditions.Raise(alarm, _now);
            Run(alarms, Cycle);
            Assert.Equal(AlarmPriority.High, alarms.HighestAudiblePriority);
            Assert.Equal("P_ARTERIAL_HIGH", alarms.AlarmAt(0).AlarmId);
            Assert.Equal(AlarmState.Advisory, alarms.AlarmAt(1).State);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-005")]
        public void Cycle_overrun_condition_is_a_technical_alarm_even_if_the_rule_forgets_to_say_so()
        {
            int overrun = _conditions.Add("CYCLE_OVERRUN", AlarmPriority.None, SafetyAction.Stop, ClearRule.OperatorReset, ConditionKind.CycleOverrun, technical: false);
            var alarms = NewManager();
            alarms.Update(_now);
            _conditions.Raise(overrun, _now);
            Run(alarms, Cycle);
            AlarmStatus status = StatusOf(alarms, overrun);
            Assert.True(status.Technical);
            Assert.Equal(AlarmState.Active, status.State);
            Assert.Equal(AlarmPriority.Medium, status.Priority); // no priority declared: medium, never silent
            Assert.True(HistoryOldestFirst(alarms)[^1].Technical);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-010")]
        public void Every_transition_reaches_history_and_each_sink_and_a_full_sink_counts_overflow()
        {
            int p = _conditions.Add("P_ARTERIAL_HIGH", AlarmPriority.High, SafetyAction.Stop, ClearRule.SelfClearing);
            var alarms = new AlarmManager(_conditions, null, null, capacity: 4, historyCapacity: 4);
            var log = new AlarmTransitionRing(3);
            var telemetry = new AlarmTransitionRing(64);
            alarms.AddSink(log);
            alarms.AddSink(telemetry);
            for (int k = 0; k < 5; k++)
            {
                _conditions.Raise(p, _now);
                Run(alarms, Cycle);
                _conditions.End(p);
                Run(alarms, Cycle);
            }

            Assert.Equal(10, telemetry.Count);
            Assert.Equal(3, log.Count);
            Assert.Equal(7, log.OverflowCount);
            Assert.Equal(4, alarms.History.Count);
            Assert.True(alarms.History.TryPeekNewest(0, out var newest));
            Assert.Equal(AlarmState.Inactive, newest.To);
            Assert.True(alarms.History.TryPeekNewest(1, out var before));
            Assert.Equal(AlarmState.Active, before.To);
            Assert.False(alarms.History.TryPeekNewest(4, out _));
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-010")]
        public void Update_allocates_nothing_per_cycle()
        {
            int a = _conditions.Add("AIR_ARTERIAL", AlarmPriority.High, SafetyAction.LatchedStop, ClearRule.OperatorReset, ConditionKind.Air);
            int b = _conditions.Add("OXY_DROP_HIGH", AlarmPriority.Medium, SafetyAction.Alarm, ClearRule.SelfClearing);
            var signal = new AlarmSignal(new RecordingOutput(), new RecordingOutput(), new RecordingOutput(), new RecordingOutput());
            var alarms = new AlarmManager(_conditions, signal);
            alarms.AddSink(new AlarmTransitionRing(16));
            var inputs = new SafetyInputs();
            var decision = new SafetyDecision(SafetyAction.None, -1, 1.0, false);
            _conditions.Raise(a, _now);
            _conditions.Raise(b, _now);
            alarms.AfterCycle(_now, inputs, decision); // warm up (JIT)
            _conditions.End(a);
            alarms.AfterCycle(_now += Cycle, inputs, decision);
            alarms.Acknowledge(_now, CommandSource.LocalPanel);
            alarms.PauseAudio(_now, Second, CommandSource.LocalPanel);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int k = 0; k < 10_000; k++)
            {
                _now += Cycle;
                if (k == 100)
                {
                    _conditions.Raise(a, _now);
                }

                alarms.AfterCycle(_now, inputs, decision);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.Equal(AlarmPriority.High, StatusOf(alarms, b).Priority); // escalated within the run
        }

        [Fact]
        public void Alarm_list_index_out_of_range_says_what_is_wrong()
        {
            _conditions.Add("P_ARTERIAL_HIGH", AlarmPriority.High, SafetyAction.Stop, ClearRule.SelfClearing);
            var alarms = NewManager();
            alarms.Update(_now);
            var ex = Assert.Throws<ArgumentOutOfRangeException>(() => alarms.AlarmAt(0));
            Assert.Contains("alarm list", ex.Message);
        }
    }
}
