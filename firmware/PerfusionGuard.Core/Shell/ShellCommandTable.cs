namespace PerfusionGuard.Shell
{
    /// <summary>
    /// Every console command, in the order help lists them. The access level and the stopped-pump
    /// rule of each command are data here (SAF-CON-004): the permission tests walk this table.
    /// </summary>
    public static class ShellCommandTable
    {
        private const AccessLevel Op = AccessLevel.Operator;
        private const AccessLevel Svc = AccessLevel.Service;

        /// <summary>Builds the table (once, at start-up).</summary>
        public static ShellCommand[] Create()
        {
            return new ShellCommand[]
            {
                new ShellCommand("help", null, "[COMMAND]", 0, 2, Op, false, "list commands, or explain one", SessionCommands.Help, false),
                new ShellCommand("version", null, "", 0, 0, Op, false, "firmware, board and console versions", StatusCommands.Version, false),
                new ShellCommand("status", null, "", 0, 0, Op, false, "profile, pump state and why, channels, alarms", StatusCommands.Status),
                new ShellCommand("sensor", "list", "", 0, 0, Op, false, "every channel with value, unit and quality", StatusCommands.SensorList),
                new ShellCommand("sensor", "get", "NAME", 1, 1, Op, false, "one channel in detail", StatusCommands.SensorGet),
                new ShellCommand("sensor", "raw", "NAME", 1, 1, Op, false, "raw ADC counts of a pressure channel", StatusCommands.SensorRaw),
                new ShellCommand("alarm", "list", "", 0, 0, Op, false, "active alarms, most urgent first", AlarmCommands.List),
                new ShellCommand("alarm", "history", "[N]", 0, 1, Op, false, "the last N alarms (default 10, at most 32)", AlarmCommands.History),
                new ShellCommand("alarm", "ack", "", 0, 0, Op, false, "acknowledge every active alarm", AlarmCommands.Ack),
                new ShellCommand("interlock", "status", "", 0, 0, Op, false, "supervisor action, cause and latched rules", AlarmCommands.InterlockStatus),
                new ShellCommand("interlock", "reset", "", 0, 0, Svc, false, "reset latched stops whose cause has gone (hold the reset key where fitted)", AlarmCommands.InterlockReset),
                new ShellCommand("override", "list", "", 0, 0, Op, false, "overridable rules and running overrides", AlarmCommands.OverrideList),
                new ShellCommand("override", "set", "ALARM_ID MINUTES", 2, 2, Svc, false, "downgrade one rule to an advisory for a limited time", AlarmCommands.OverrideSet),
                new ShellCommand("override", "clear", "ALARM_ID", 1, 1, Svc, false, "end an override now", AlarmCommands.OverrideClear),
                new ShellCommand("selftest", null, "", 0, 0, Op, false, "result of the start-up self-test", StatusCommands.SelfTest),
                new ShellCommand("cal", "show", "", 0, 0, Op, false, "calibration of every pressure channel", CalibrationCommands.Show),
                new ShellCommand("cal", "zero", "NAME", 1, 1, Svc, true, "take the current reading as 0 mmHg (transducer open to air)", CalibrationCommands.Zero),
                new ShellCommand("cal", "span", "NAME MMHG", 2, 2, Svc, true, "take the current reading as the reference pressure", CalibrationCommands.Span),
                new ShellCommand("cal", "commit", "", 0, 0, Svc, true, "store the working calibration", CalibrationCommands.Commit),
                new ShellCommand("cal", "revert", "", 0, 0, Svc, true, "discard uncommitted calibration changes", CalibrationCommands.Revert),
                new ShellCommand("config", "get", "[KEY]", 0, 1, Op, false, "every setting, or one", ConfigCommands.Get),
                new ShellCommand("config", "set", "KEY VALUE", 2, 2, Svc, false, "change a setting (limits only with the pump stopped)", ConfigCommands.Set),
                new ShellCommand("config", "save", "", 0, 0, Svc, false, "store the settings", ConfigCommands.Save),
                new ShellCommand("config", "reset", "", 0, 0, Svc, true, "every setting back to its default (not saved)", ConfigCommands.Reset),
                new ShellCommand("profile", "show", "", 0, 0, Op, false, "the active circuit profile and its rules", ConfigCommands.ProfileShow),
                new ShellCommand("profile", "use", "CIRCUIT", 1, 1, Svc, true, "switch to another built-in circuit profile", ConfigCommands.ProfileUse),
                new ShellCommand("log", "show", "[N]", 0, 1, Op, false, "the last N event-log entries (default 10, at most 32)", ConfigCommands.LogShow),
                new ShellCommand("time", null, "", 0, 0, Op, false, "uptime and UTC time", StatusCommands.Time, false),
                new ShellCommand("net", "status", "", 0, 0, Op, false, "telemetry link state", StatusCommands.NetStatus),
                new ShellCommand("login", null, "[PIN]", 0, 1, Op, false, "service level (asks for the PIN when not given)", SessionCommands.Login, false),
                new ShellCommand("logout", null, "", 0, 0, Op, false, "back to operator level", SessionCommands.Logout, false),
                new ShellCommand("mode", "human", "", 0, 0, Op, false, "responses as text", SessionCommands.ModeHuman, false),
                new ShellCommand("mode", "json", "", 0, 0, Op, false, "responses as one JSON object per line", SessionCommands.ModeJson, false),
                new ShellCommand("reboot", null, "", 0, 0, Svc, true, "restart the module", ConfigCommands.Reboot),
            };
        }
    }
}
