using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Shell
{
    /// <summary>alarm, interlock and override commands.</summary>
    internal static class AlarmCommands
    {
        private const int DefaultHistory = 10;
        private const int MaxHistory = 32;

        public static void List(ShellContext c)
        {
            IAlarmPanel alarms = RequireAlarms(c);
            if (alarms == null)
            {
                return;
            }

            ShellReply r = c.Reply;
            r.BeginList("alarms", "active alarms");
            AlarmView alarm;
            for (int i = 0; i < alarms.ActiveCount && alarms.TryGetActive(i, out alarm); i++)
            {
                WriteAlarm(r, alarm);
            }

            r.EndList();
        }

        public static void History(ShellContext c)
        {
            IAlarmPanel alarms = RequireAlarms(c);
            long count = DefaultHistory;
            if (alarms == null || !TryCount(c, out count))
            {
                return;
            }

            ShellReply r = c.Reply;
            r.BeginList("alarms", "alarm history, newest first");
            AlarmView alarm;
            for (int i = 0; i < count && i < alarms.HistoryCount && alarms.TryGetHistory(i, out alarm); i++)
            {
                WriteAlarm(r, alarm);
            }

            r.EndList();
        }

        public static void Ack(ShellContext c)
        {
            IAlarmPanel alarms = RequireAlarms(c);
            if (alarms == null)
            {
                return;
            }

            // The alarm manager records the transitions itself, with the console as source.
            bool acknowledged = alarms.AcknowledgeAll(c.NowMicros, CommandSource.LocalConsole);
            c.Reply.Flag("acknowledged", acknowledged, "yes", "no");
            c.Reply.Message(acknowledged ? "sounding alarms acknowledged; the conditions themselves are unchanged" : "no sounding alarm to acknowledge");
        }

        public static void InterlockStatus(ShellContext c)
        {
            IModuleStatus status = StatusCommands.RequireStatus(c);
            if (status == null)
            {
                return;
            }

            ShellReply r = c.Reply;
            StatusCommands.WritePumpState(c, status, status.LastDecision);
            IInterlockControl interlock = c.Services.Interlock;
            bool hasInput = interlock != null && interlock.HasResetInput;
            r.Flag("reset_input", hasInput, "fitted", "none on this board");
            if (hasInput)
            {
                r.Flag("reset_input_active", interlock.ResetInputActive, "held", "released");
            }

            r.BeginList("rules", "rules in effect");
            IConditionMonitor conditions = status.Conditions;
            for (int i = 0; conditions != null && i < conditions.RuleCount; i++)
            {
                ConditionStatus state = conditions.StatusAt(i);
                if (!state.InEffect && !state.Latched && !state.Active)
                {
                    continue;
                }

                ConditionRule rule = conditions.RuleAt(i);
                r.BeginItem();
                r.Cell("alarm_id", rule.AlarmId, 22);
                r.Cell("action", SafetyNames.NameOf(state.EffectiveAction), 13);
                r.Cell("state", state.Latched ? (state.Active ? "active, latched" : "latched, reset allowed") : (state.Active ? "active" : "in effect"), 24);
                r.Cell("message", rule.Message, 0);
                r.EndItem();
            }

            r.EndList();
        }

        public static void InterlockReset(ShellContext c)
        {
            IInterlockControl interlock = c.Services.Interlock;
            if (interlock == null)
            {
                c.Reply.Fail(ShellErrors.Unavailable, "no interlock supervisor on this module");
                return;
            }

            // SAF-CON-009: where the board has a physical reset input, a console reset also needs it held.
            if (interlock.HasResetInput && !interlock.ResetInputActive)
            {
                c.Reply.Fail(ShellErrors.State, "hold the reset key on the module while sending interlock reset");
                return;
            }

            // The supervisor logs the reset itself (SafetyEventKind.ConditionReset, source local_console).
            if (!interlock.TryOperatorReset(c.NowMicros, CommandSource.LocalConsole))
            {
                c.Reply.Fail(ShellErrors.State, "nothing to reset: no latched rule whose condition has gone");
                return;
            }

            c.Reply.Text("reset", "done");
            c.Reply.Message("reset accepted: latched rules whose cause has gone clear now or within a few cycles; interlock status shows what remains");
        }

        public static void OverrideList(ShellContext c)
        {
            IModuleStatus status = StatusCommands.RequireStatus(c);
            if (status != null)
            {
                WriteOverrides(c.Reply, status.Conditions, c.NowMicros, false);
            }
        }

        /// <summary>Overridable rules (or only running overrides when <paramref name="runningOnly"/>) with the time left.</summary>
        internal static void WriteOverrides(ShellReply r, IConditionMonitor conditions, long nowMicros, bool runningOnly)
        {
            r.BeginList("overrides", runningOnly ? "running overrides" : "overridable rules");
            for (int i = 0; conditions != null && i < conditions.RuleCount; i++)
            {
                ConditionRule rule = conditions.RuleAt(i);
                ConditionStatus state = conditions.StatusAt(i);
                if (runningOnly ? !state.Overridden : !rule.Overridable)
                {
                    continue;
                }

                r.BeginItem();
                r.Cell("alarm_id", rule.AlarmId, 22);
                r.Flag("overridden", state.Overridden, "OVERRIDDEN", "normal");
                if (state.Overridden)
                {
                    long left = state.OverrideUntilMicros - nowMicros;
                    r.QuantityCell("remaining", (left < 0 ? 0 : left) / (double)Time.MicrosPerMinute, "F1", "min", 0);
                }
                else
                {
                    r.QuantityCell("max", rule.MaxOverrideMicros / (double)Time.MicrosPerMinute, "F0", "min", 0);
                }

                r.EndItem();
            }

            r.EndList();
        }

        public static void OverrideSet(ShellContext c)
        {
            int ruleIndex;
            ConditionRule rule;
            if (!TryRule(c, out ruleIndex, out rule))
            {
                return;
            }

            long minutes;
            long maxMinutes = rule.MaxOverrideMicros / Time.MicrosPerMinute;
            if (!rule.Overridable || maxMinutes < 1)
            {
                c.Reply.Fail(ShellErrors.State, rule.AlarmId + " may not be overridden on this profile");
                return;
            }

            if (!ShellNumbers.TryParseInteger(c.Arg(1), 1, maxMinutes, out minutes))
            {
                c.Reply.Fail(ShellErrors.Args, "MINUTES must be a whole number from 1 to " + maxMinutes.ToString() + " for " + rule.AlarmId);
                return;
            }

            if (!c.Services.Interlock.TrySetOverride(ruleIndex, minutes * Time.MicrosPerMinute, c.NowMicros, CommandSource.LocalConsole))
            {
                c.Reply.Fail(ShellErrors.Failed, "the supervisor refused the override of " + rule.AlarmId);
                return;
            }

            c.Reply.Text("alarm_id", rule.AlarmId);
            c.Reply.Quantity("duration", minutes, "F0", "min");
            c.Reply.Message(rule.AlarmId + " downgraded to an advisory for " + minutes.ToString() + " min; it is annunciated while it lasts");
        }

        public static void OverrideClear(ShellContext c)
        {
            int ruleIndex;
            ConditionRule rule;
            if (!TryRule(c, out ruleIndex, out rule))
            {
                return;
            }

            if (!c.Services.Interlock.TryClearOverride(ruleIndex, c.NowMicros, CommandSource.LocalConsole))
            {
                c.Reply.Fail(ShellErrors.State, rule.AlarmId + " is not overridden");
                return;
            }

            c.Reply.Text("alarm_id", rule.AlarmId);
            c.Reply.Message("override of " + rule.AlarmId + " ended; the rule acts normally again");
        }

        internal static void WriteAlarm(ShellReply r, AlarmView alarm)
        {
            r.BeginItem();
            r.Cell("alarm_id", alarm.AlarmId, 22);
            r.Cell("priority", ShellRules.PriorityName(alarm.Priority), 6);
            r.Cell("state", alarm.State, 12);
            r.QuantityCell("at", alarm.AtMicros / 1000000.0, "F3", "s", 12);
            r.Cell("message", alarm.Message, 0);
            r.EndItem();
        }

        private static bool TryRule(ShellContext c, out int ruleIndex, out ConditionRule rule)
        {
            ruleIndex = -1;
            rule = null;
            IModuleStatus status = StatusCommands.RequireStatus(c);
            if (status == null)
            {
                return false;
            }

            if (c.Services.Interlock == null || status.Conditions == null)
            {
                c.Reply.Fail(ShellErrors.Unavailable, "no interlock supervisor on this module");
                return false;
            }

            string alarmId = c.Arg(0).ToUpper();
            ruleIndex = c.Services.Interlock.FindRule(alarmId);
            if (ruleIndex < 0 || ruleIndex >= status.Conditions.RuleCount)
            {
                c.Reply.Fail(ShellErrors.Args, "no rule raises '" + c.Arg(0) + "' on this profile; see override list");
                return false;
            }

            rule = status.Conditions.RuleAt(ruleIndex);
            return true;
        }

        private static IAlarmPanel RequireAlarms(ShellContext c)
        {
            if (c.Services.Alarms == null)
            {
                c.Reply.Fail(ShellErrors.Unavailable, "no alarm manager on this module");
            }

            return c.Services.Alarms;
        }

        internal static bool TryCount(ShellContext c, out long count)
        {
            count = DefaultHistory;
            if (c.ArgCount == 0)
            {
                return true;
            }

            if (!ShellNumbers.TryParseInteger(c.Arg(0), 1, MaxHistory, out count))
            {
                c.Reply.Fail(ShellErrors.Args, "N must be a whole number from 1 to " + MaxHistory.ToString());
                return false;
            }

            return true;
        }
    }
}
