using PerfusionGuard.Log;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell
{
    /// <summary>config, profile, log, reboot.</summary>
    internal static class ConfigCommands
    {
        public static void Get(ShellContext c)
        {
            IConfigStore config = RequireConfig(c);
            if (config == null)
            {
                return;
            }

            ShellReply r = c.Reply;
            if (c.ArgCount == 1)
            {
                int index = FindSetting(c, config, c.Arg(0));
                if (index < 0)
                {
                    return;
                }

                r.Text("key", config.KeyAt(index));
                r.IntegerInUnit("value", config.ValueAt(index), config.UnitAt(index));
                r.Text("unit", config.UnitAt(index));
                r.Flag("limit", config.IsSafetyRelevant(index), "yes (set only with the pump stopped)", "no");
                return;
            }

            r.Flag("unsaved", config.HasUnsavedChanges, "yes (config save stores them)", "no");
            r.BeginList("settings", "settings");
            for (int i = 0; i < config.Count; i++)
            {
                r.BeginItem();
                r.Cell("key", config.KeyAt(i), 28);
                r.Cell("value", config.ValueAt(i).ToString(), 8);
                r.Cell("unit", config.UnitAt(i), 6);
                r.Flag("limit", config.IsSafetyRelevant(i), "limit", "");
                r.EndItem();
            }

            r.EndList();
        }

        public static void Set(ShellContext c)
        {
            IConfigStore config = RequireConfig(c);
            if (config == null)
            {
                return;
            }

            int index = FindSetting(c, config, c.Arg(0));
            if (index < 0)
            {
                return;
            }

            string key = config.KeyAt(index);
            long parsed;
            if (!ShellNumbers.TryParseInteger(c.Arg(1), int.MinValue, int.MaxValue, out parsed))
            {
                c.Reply.Fail(ShellErrors.Args, key + ": VALUE must be a whole number in " + (config.UnitAt(index).Length > 0 ? config.UnitAt(index) : "units"));
                return;
            }

            // SAF-CON-004: a limit can change the safety state, so it changes only with the pump stopped.
            if (config.IsSafetyRelevant(index) && ShellRules.PumpRunning(c.Services))
            {
                c.Reply.Fail(ShellErrors.State, key + " is a limit: refused while the pump runs");
                return;
            }

            int oldValue = config.ValueAt(index);
            string reason;
            if (!config.TrySet(index, (int)parsed, out reason))
            {
                c.Reply.Fail(ShellErrors.Args, key + ": " + reason);
                return;
            }

            int newValue = config.ValueAt(index);
            c.Log(EventKind.ConfigurationChange, index, oldValue, newValue, ShellLogCodes.SettingChanged);
            ShellReply r = c.Reply;
            string unit = config.UnitAt(index);
            r.Text("key", key);
            r.IntegerInUnit("old", oldValue, unit);
            r.IntegerInUnit("value", newValue, unit);
            r.Text("unit", unit);
            r.Message(key + ": " + oldValue.ToString() + " -> " + newValue.ToString() + (unit.Length > 0 ? " " + unit : "") + "; config save stores it");
        }

        public static void Save(ShellContext c)
        {
            IConfigStore config = RequireConfig(c);
            if (config == null)
            {
                return;
            }

            string reason;
            if (!config.Save(out reason))
            {
                c.Reply.Fail(ShellErrors.Failed, "settings not stored: " + reason);
                return;
            }

            c.Log(EventKind.ConfigurationChange, -1, 0, 0, ShellLogCodes.SettingsSaved);
            c.Reply.Text("settings", "saved");
        }

        public static void Reset(ShellContext c)
        {
            IConfigStore config = RequireConfig(c);
            if (config == null)
            {
                return;
            }

            config.ResetToDefaults();
            c.Log(EventKind.ConfigurationChange, -1, 0, 0, ShellLogCodes.SettingsReset);
            c.Reply.Text("settings", "defaults");
            c.Reply.Message("every setting is back to its default; config save stores them");
        }

        private static int FindSetting(ShellContext c, IConfigStore config, string key)
        {
            int index = config.IndexOf(key.ToLower());
            if (index < 0)
            {
                c.Reply.Fail(ShellErrors.Args, "no setting '" + key + "'; config get lists them");
            }

            return index;
        }

        public static void ProfileShow(ShellContext c)
        {
            IModuleStatus status = StatusCommands.RequireStatus(c);
            if (status == null)
            {
                return;
            }

            CircuitProfile profile = status.Profile;
            ShellReply r = c.Reply;
            if (profile == null)
            {
                r.Fail(ShellErrors.Unavailable, "no profile is active");
                return;
            }

            r.Text("profile", profile.Name);
            r.Text("circuit", CircuitNames.NameOf(profile.Circuit));
            r.Text("pump", CircuitNames.NameOf(profile.GuardedPump));
            r.Text("channels", ShellRules.ChannelList(profile));
            r.BeginList("rules", "rules");
            for (int i = 0; profile.Rules != null && i < profile.Rules.Length; i++)
            {
                ConditionRule rule = profile.Rules[i];
                r.BeginItem();
                r.Cell("alarm_id", rule.AlarmId, 24);
                r.Cell("kind", ConditionKindNames.NameOf(rule.Kind), 20);
                r.Cell("action", SafetyNames.NameOf(rule.Action), 13);
                r.Cell("clear", rule.Clear == ClearRule.OperatorReset ? "reset" : "auto", 5);
                if (rule.Kind == ConditionKind.PressureHigh || rule.Kind == ConditionKind.PressureLow
                    || rule.Kind == ConditionKind.PressureServo || rule.Kind == ConditionKind.PressureDropHigh)
                {
                    r.QuantityCell("limit", rule.PressureLimit.MmHg, "F0", "mmHg", 0);
                }

                r.EndItem();
            }

            r.EndList();
        }

        public static void ProfileUse(ShellContext c)
        {
            IModuleControl control = c.Services.Control;
            if (control == null)
            {
                c.Reply.Fail(ShellErrors.Unavailable, "profiles cannot be changed on this module");
                return;
            }

            CircuitKind circuit;
            if (!CircuitNames.TryParse(c.Arg(0).ToLower(), out circuit))
            {
                string names = "";
                for (int i = 0; i < CircuitNames.Count; i++)
                {
                    names = names.Length == 0 ? CircuitNames.NameOf((CircuitKind)i) : names + ", " + CircuitNames.NameOf((CircuitKind)i);
                }

                c.Reply.Fail(ShellErrors.Args, "no circuit '" + c.Arg(0) + "'; circuits: " + names);
                return;
            }

            CircuitProfile current = c.Services.Status != null ? c.Services.Status.Profile : null;
            string before = current != null ? current.Name : "none";
            string reason;
            if (!control.TryUseProfile(circuit, c.NowMicros, out reason))
            {
                c.Reply.Fail(ShellErrors.Failed, "profile not changed: " + reason);
                return;
            }

            c.Log(EventKind.ConfigurationChange, -1, current != null ? (int)current.Circuit : -1, (int)circuit, ShellLogCodes.ProfileChanged);
            c.Reply.Text("old", before);
            c.Reply.Text("profile", CircuitNames.NameOf(circuit));
        }

        public static void LogShow(ShellContext c)
        {
            IShellEventLog log = c.Services.Log;
            long count;
            if (log == null)
            {
                c.Reply.Fail(ShellErrors.Unavailable, "no event log on this module");
                return;
            }

            if (!AlarmCommands.TryCount(c, out count))
            {
                return;
            }

            ShellReply r = c.Reply;
            r.BeginList("entries", "event log, newest first");
            LogEntryView entry;
            for (int i = 0; i < count && i < log.Count && log.TryReadNewest(i, out entry); i++)
            {
                r.BeginItem();
                r.QuantityCell("t", entry.AtMicros / 1000000.0, "F3", "s", 12);
                r.Cell("kind", entry.Kind, 16);
                r.Cell("text", entry.Text, 0);
                r.EndItem();
            }

            r.EndList();
        }

        public static void Reboot(ShellContext c)
        {
            IModuleControl control = c.Services.Control;
            if (control == null)
            {
                c.Reply.Fail(ShellErrors.Unavailable, "reboot is not available on this module");
                return;
            }

            // Requested first, logged after: a request the safety thread refuses is not logged (SAF-CON-012).
            control.RequestReboot(c.NowMicros);
            c.Log(EventKind.ConfigurationChange, -1, 0, 0, ShellLogCodes.RebootRequested);
            c.Reply.Text("reboot", "requested");
        }

        private static IConfigStore RequireConfig(ShellContext c)
        {
            if (c.Services.Config == null)
            {
                c.Reply.Fail(ShellErrors.Unavailable, "no settings store on this module");
            }

            return c.Services.Config;
        }
    }
}
