using System;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell
{
    /// <summary>version, status, sensor, selftest, time, net: read-only, operator level.</summary>
    internal static class StatusCommands
    {
        /// <summary>Console protocol version, raised when a response changes shape.</summary>
        public const string ConsoleVersion = "1";

        public static void Version(ShellContext c)
        {
            ShellReply r = c.Reply;
            IModuleStatus status = c.Services.Status;
            r.Text("firmware", status != null ? status.FirmwareVersion : "unknown");
            r.Text("board", status != null ? status.BoardName : "unknown");
            r.Text("node", c.Shell.NodeName);
            r.Text("console", ConsoleVersion);
            r.Integer("serial", SerialShell.DefaultBaudRate, "Bd");
            r.Integer("max_line", c.Shell.Editor.MaxLineBytes, "B");
        }

        public static void Status(ShellContext c)
        {
            IModuleStatus status = RequireStatus(c);
            if (status == null)
            {
                return;
            }

            ShellReply r = c.Reply;
            CircuitProfile profile = status.Profile;
            SafetyDecision decision = status.LastDecision;
            r.Text("node", status.NodeName);
            r.Text("profile", profile != null ? profile.Name : "none");
            WritePumpState(c, status, decision);
            WriteChannels(r, status);

            r.BeginList("alarms", "active alarms");
            IAlarmPanel alarms = c.Services.Alarms;
            if (alarms != null)
            {
                AlarmView alarm;
                for (int i = 0; i < alarms.ActiveCount && alarms.TryGetActive(i, out alarm); i++)
                {
                    AlarmCommands.WriteAlarm(r, alarm);
                }
            }

            r.EndList();
            AlarmCommands.WriteOverrides(r, status.Conditions, c.NowMicros, true);
        }

        /// <summary>"pump: enabled" / "stopped", the action and the rule that caused it.</summary>
        internal static void WritePumpState(ShellContext c, IModuleStatus status, SafetyDecision decision)
        {
            ShellReply r = c.Reply;
            SafetyInputs inputs = status.Inputs;
            r.Flag("pump_enable", decision.PumpEnable, "on", "off (stopped by the interlock)");
            r.Flag("pump_running", inputs != null && inputs.GuardedPumpRunning, "running", "not running");
            r.Text("action", SafetyNames.NameOf(decision.Action));
            if (decision.Action == SafetyAction.SpeedLimit)
            {
                r.Quantity("speed_limit", decision.SpeedLimitFraction * 100.0, "F0", "%");
            }

            IConditionMonitor conditions = status.Conditions;
            if (conditions != null && decision.CauseRuleIndex >= 0 && decision.CauseRuleIndex < conditions.RuleCount)
            {
                ConditionRule rule = conditions.RuleAt(decision.CauseRuleIndex);
                r.Text("cause", rule.AlarmId);
                r.Text("why", rule.Message);
            }
            else
            {
                r.Text("cause", "none");
                string why = decision.Action == SafetyAction.None ? "no condition in effect"
                    : (inputs != null && !inputs.SelfTestPassed ? "start-up self-test not passed (pump held off)" : "no rule named (before the first cycle)");
                r.Text("why", why);
            }
        }

        public static void SensorList(ShellContext c)
        {
            IModuleStatus status = RequireStatus(c);
            if (status != null)
            {
                WriteChannels(c.Reply, status);
            }
        }

        public static void SensorGet(ShellContext c)
        {
            IModuleStatus status = RequireStatus(c);
            ChannelId id;
            if (status == null || !TryChannel(c, status, c.Arg(0), out id))
            {
                return;
            }

            ShellReply r = c.Reply;
            SafetyInputs inputs = status.Inputs;
            int slot = (int)id;
            r.Text("name", ChannelNames.NameOf(id));
            r.Text("kind", ShellRules.KindName(ChannelNames.KindOf(id)));
            switch (ChannelNames.KindOf(id))
            {
                case ChannelKind.Pressure:
                    r.Quantity("pressure", inputs.Pressures[slot].Pressure.MmHg, "F1", "mmHg");
                    r.Quantity("pressure", inputs.Pressures[slot].Pressure.KPa, "F2", "kPa");
                    r.Integer("raw", inputs.Pressures[slot].RawCounts, "counts");
                    r.Text("quality", ShellRules.QualityName(inputs.Pressures[slot].Quality));
                    break;
                case ChannelKind.Air:
                    r.Flag("air", inputs.Air[slot].AirPresent, "AIR PRESENT", "clear");
                    r.Flag("latch", inputs.Air[slot].LatchTripped, "tripped", "armed");
                    r.Integer("microbubbles", inputs.Air[slot].MicrobubbleCount, "");
                    r.Integer("microbubble_rate", inputs.Air[slot].MicrobubblesPerMinute, "/min");
                    r.Quantity("microbubble_volume", inputs.Air[slot].MicrobubbleVolume.Ml * 1000.0, "F1", "ul");
                    r.Text("quality", ShellRules.QualityName(inputs.Air[slot].Quality));
                    break;
                case ChannelKind.Level:
                    r.Text("state", ShellRules.LevelStateName(inputs.ReservoirLevel.State));
                    if (inputs.ReservoirLevel.HasVolume)
                    {
                        r.Quantity("volume", inputs.ReservoirLevel.Volume.Ml, "F0", "ml");
                    }

                    r.Text("quality", ShellRules.QualityName(inputs.ReservoirLevel.Quality));
                    break;
                default:
                    r.Quantity("flow", inputs.Flows[slot].Flow.LPerMin, "F2", "L/min");
                    r.Text("quality", ShellRules.QualityName(inputs.Flows[slot].Quality));
                    break;
            }
        }

        public static void SensorRaw(ShellContext c)
        {
            IModuleStatus status = RequireStatus(c);
            ChannelId id;
            if (status == null || !TryChannel(c, status, c.Arg(0), out id))
            {
                return;
            }

            ShellReply r = c.Reply;
            if (ChannelNames.KindOf(id) != ChannelKind.Pressure)
            {
                r.Fail(ShellErrors.Args, ChannelNames.NameOf(id) + " has no ADC counts: raw readings exist for pressure channels only");
                return;
            }

            PressureSample sample = status.Inputs.Pressures[(int)id];
            r.Text("name", ChannelNames.NameOf(id));
            r.Integer("raw", sample.RawCounts, "counts");
            r.Quantity("pressure", sample.Pressure.MmHg, "F1", "mmHg");
            r.Text("quality", ShellRules.QualityName(sample.Quality));
        }

        public static void SelfTest(ShellContext c)
        {
            IModuleStatus status = RequireStatus(c);
            if (status == null)
            {
                return;
            }

            ShellReply r = c.Reply;
            bool passed = status.Inputs != null && status.Inputs.SelfTestPassed;
            r.Flag("passed", passed, "yes", "NO (the pump stays stopped)");
            r.BeginList("steps", "steps");
            SelfTestStepView step;
            for (int i = 0; i < status.SelfTestStepCount && status.TryGetSelfTestStep(i, out step); i++)
            {
                r.BeginItem();
                r.Cell("name", step.Name, 24);
                r.Flag("passed", step.Passed, "pass", "FAIL");
                r.Cell("detail", step.Detail, 0);
                r.EndItem();
            }

            r.EndList();
        }

        public static void Time(ShellContext c)
        {
            ShellReply r = c.Reply;
            r.Time("uptime", c.NowMicros);
            long utcMillis;
            if (c.Services.Status != null && c.Services.Status.TryGetUtcMillis(out utcMillis))
            {
                r.Text("utc", FormatUtc(utcMillis));
                r.Integer("utc_epoch", utcMillis, "ms");
            }
            else
            {
                r.Text("utc", "unknown (not synchronised)");
            }
        }

        public static void NetStatus(ShellContext c)
        {
            IModuleStatus status = RequireStatus(c);
            if (status == null)
            {
                return;
            }

            ShellReply r = c.Reply;
            NetStatusView net = status.Net;
            r.Flag("configured", net.Configured, "yes", "no (telemetry off)");
            r.Flag("connected", net.Connected, "yes", "no");
            r.Text("endpoint", net.Endpoint == null ? "none" : net.Endpoint);
            r.Integer("sent", net.SentCount, "frames");
            r.Integer("outbox", net.OutboxCount, "frames");
            r.Integer("dropped", net.DroppedCount, "frames");
            r.Message("the network is read-only for the console: nothing remote reaches the shell");
        }

        internal static IModuleStatus RequireStatus(ShellContext c)
        {
            IModuleStatus status = c.Services.Status;
            if (status == null || status.Inputs == null)
            {
                c.Reply.Fail(ShellErrors.Unavailable, "module status is not available yet");
                return null;
            }

            return status;
        }

        internal static bool TryChannel(ShellContext c, IModuleStatus status, string name, out ChannelId id)
        {
            if (!ChannelNames.TryParse(name.ToLower(), out id) || !ShellRules.ProfileHas(status.Profile, id))
            {
                c.Reply.Fail(ShellErrors.Args, "no channel '" + name + "' on profile " + (status.Profile != null ? status.Profile.Name : "none")
                    + "; channels: " + ShellRules.ChannelList(status.Profile));
                return false;
            }

            return true;
        }

        internal static void WriteChannels(ShellReply r, IModuleStatus status)
        {
            r.BeginList("channels", "channels");
            CircuitProfile profile = status.Profile;
            SafetyInputs inputs = status.Inputs;
            for (int i = 0; profile != null && profile.Channels != null && i < profile.Channels.Length; i++)
            {
                ChannelId id = profile.Channels[i];
                int slot = (int)id;
                r.BeginItem();
                r.Cell("name", ChannelNames.NameOf(id), 20);
                SensorQuality quality;
                switch (ChannelNames.KindOf(id))
                {
                    case ChannelKind.Pressure:
                        r.Measurement(inputs.Pressures[slot].Pressure.MmHg, "F1", "mmHg", 14);
                        quality = inputs.Pressures[slot].Quality;
                        break;
                    case ChannelKind.Air:
                        r.Cell("state", inputs.Air[slot].AirPresent ? "AIR" : (inputs.Air[slot].LatchTripped ? "latch tripped" : "clear"), 14);
                        quality = inputs.Air[slot].Quality;
                        break;
                    case ChannelKind.Level:
                        if (inputs.ReservoirLevel.HasVolume)
                        {
                            r.Measurement(inputs.ReservoirLevel.Volume.Ml, "F0", "ml", 14);
                        }
                        else
                        {
                            r.Cell("state", ShellRules.LevelStateName(inputs.ReservoirLevel.State), 14);
                        }

                        quality = inputs.ReservoirLevel.Quality;
                        break;
                    default:
                        r.Measurement(inputs.Flows[slot].Flow.LPerMin, "F2", "L/min", 14);
                        quality = inputs.Flows[slot].Quality;
                        break;
                }

                r.Cell("quality", ShellRules.QualityName(quality), 0);
                r.EndItem();
            }

            r.EndList();
        }

        /// <summary>ISO 8601 UTC with milliseconds, built by hand (no format strings on nanoFramework).</summary>
        internal static string FormatUtc(long utcMillis)
        {
            DateTime t = new DateTime(1970, 1, 1).AddTicks(utcMillis * TimeSpan.TicksPerMillisecond);
            return t.Year.ToString() + "-" + Two(t.Month) + "-" + Two(t.Day) + "T" + Two(t.Hour) + ":" + Two(t.Minute) + ":"
                + Two(t.Second) + "." + (t.Millisecond < 100 ? "0" : "") + (t.Millisecond < 10 ? "0" : "") + t.Millisecond.ToString() + "Z";
        }

        private static string Two(int value) => value < 10 ? "0" + value.ToString() : value.ToString();
    }
}
