namespace PerfusionGuard.Shell
{
    /// <summary>help, login, logout, mode.</summary>
    internal static class SessionCommands
    {
        public static void Help(ShellContext c)
        {
            ShellReply r = c.Reply;
            ShellCommand[] commands = c.Shell.Commands;
            if (c.ArgCount == 0)
            {
                r.BeginList("commands", "commands (svc: service level; stopped: refused while the pump runs)");
                for (int i = 0; i < commands.Length; i++)
                {
                    WriteCommand(r, commands[i]);
                }

                r.EndList();
                return;
            }

            string noun = c.Arg(0).ToLower();
            string verb = c.ArgCount > 1 ? c.Arg(1).ToLower() : null;
            bool any = false;
            for (int i = 0; i < commands.Length; i++)
            {
                ShellCommand command = commands[i];
                if (command.Noun == noun && (verb == null || command.Verb == verb))
                {
                    if (!any)
                    {
                        r.BeginList("commands", "help " + noun + (verb == null ? "" : " " + verb));
                        any = true;
                    }

                    WriteCommand(r, command);
                }
            }

            if (!any)
            {
                r.Fail(ShellErrors.Unknown, "no command '" + noun + (verb == null ? "" : " " + verb) + "'; type help for the list");
                return;
            }

            r.EndList();
        }

        private static void WriteCommand(ShellReply r, ShellCommand command)
        {
            r.BeginItem();
            r.Cell("usage", command.Usage, 34);
            r.Cell("level", command.Level == AccessLevel.Service ? "svc" : "op", 3);
            r.Flag("stopped_pump_only", command.StoppedPumpOnly, "stopped", "       ");
            r.Cell("summary", command.Summary, 0);
            r.EndItem();
        }

        public static void Login(ShellContext c)
        {
            if (c.ArgCount == 1)
            {
                c.Shell.Login(c.Arg(0));
                return;
            }

            if (c.Shell.Silent)
            {
                c.Reply.Fail(ShellErrors.Args, "usage: login PIN (no PIN prompt without a terminal)");
                return;
            }

            c.Shell.BeginPinEntry(c.Reply.Json);
        }

        public static void Logout(ShellContext c)
        {
            c.Shell.Logout();
            c.Reply.Text("level", "operator");
        }

        public static void ModeHuman(ShellContext c)
        {
            // Answered in the mode the command was sent in: a script that leaves JSON still gets JSON.
            c.Shell.JsonMode = false;
            c.Reply.Text("mode", "human");
        }

        public static void ModeJson(ShellContext c)
        {
            // Answered in JSON already, so a script sees JSON from its first reply on.
            c.Shell.JsonMode = true;
            c.Reply.Begin(true);
            c.Reply.Text("mode", "json");
        }
    }
}
