using PerfusionGuard.Channels;
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
            string value;
            if (c.ArgCount == 1)
            {
                string key = c.Arg(0).ToLower();
                if (!config.TryGet(key, out value))
                {
                    c.Reply.Fail(ShellErrors.Args, "no setting '" + c.Arg(0) + "'; config get lists them");
                    return;
                }

                r.Text("key", key);
                r.Text("value", value);
                r.Text("unit", config.UnitOf(key));
                r.Flag("limit", config.IsSafetyRelevant(key), "yes (set only with the pump stopped)", "no");
                return;
            }

            r.Flag("unsaved", config.HasUnsavedChanges, "yes (config save stores them)", "no");
            r.BeginList("settings", "settings");
            for (int i = 0; i < config.Count; i++)
            {
                string key = config.KeyAt(i);
                config.TryGet(key, out value);
                r.BeginItem();
                r.Cell("key", key, 28);
                r.Cell("value", value, 10);
                r.Cell("unit", config.UnitOf(key), 6);
                r.Flag("limit", config.IsSafetyRelevant(key), "limit", "");
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

            string key = c.Arg(0).ToLower();
            string oldValue;
            if (!config.TryGet(key, out oldValue))
            {
                c.Reply.Fail(ShellErrors.Args, "no setting '" + c.Arg(0) + "'; config get lists them");
                return;
            }

            // SAF-CON-004: a limit can change the safety state, so it changes only with the pump stopped.
            if (config.IsSafetyRelevant(key) && ShellRules.PumpRunning(c.Services))
            {
                c.Reply.Fail(ShellErrors.State, key + " is a limit: refused while the pump runs");
                return;
            }

            string reason;
            if (!config.TrySet(key, c.Arg(1), out reason))
            {
                c.Reply.Fail(ShellErrors.Args, key + ": " + reason);
                return;
            }

            string newValue;
            config.TryGet(key, out newValue);
            c.Log(ShellEventKind.Configuration, key, oldValue, newValue);
            ShellReply r = c.Reply;
            r.Text("key", key);
            r.Text("old", oldValue);
            r.Text("value", newValue);
            r.Text("unit", config.UnitOf(key));
            r.Message("set; config save stores it");
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

            c.Log(ShellEventKind.Configuration, "settings", "unsaved", "saved");
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
            c.Log(ShellEventKind.Configuration, "settings", "current", "defaults");
            c.Reply.Text("settings", "defaults");
            c.Reply.Message("every setting is back to its default; config save stores them");
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

            string before = c.Services.Status != null && c.Services.Status.Profile != null ? c.Services.Status.Profile.Name : "none";
            string reason;
            if (!control.TryUseProfile(circuit, c.NowMicros, out reason))
            {
                c.Reply.Fail(ShellErrors.Failed, "profile not changed: " + reason);
                return;
            }

            c.Log(ShellEventKind.Profile, "profile", before, CircuitNames.NameOf(circuit));
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

            c.Log(ShellEventKind.Reboot, "module", "running", "reboot requested by console");
            control.RequestReboot(c.NowMicros);
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
