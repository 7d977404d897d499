using System;
using System.Collections.Generic;
using PerfusionGuard.Emulator.Terminal;

namespace PerfusionGuard.Cli.Commands
{
    /// <summary>
    /// `perfusionguard console --port /dev/pts/N [--pin PIN] [--timeout-ms 5000] LINE...`: a scripted
    /// client of a module's serial console (the emulator's `run --console pty`, or a real port in
    /// raw 115200 8N1). Sends one line, prints its JSON response, exits 0 when "ok" is true, 1 when
    /// it is false or nothing came back, 2 on usage errors. With --pin it logs in first and out after.
    /// </summary>
    public sealed class ConsoleCommand : ICliCommand
    {
        public string Name => "console";

        public string Summary => "send one console line to a module (pty / serial port), print the JSON response";

        public int Run(string[] args)
        {
            string port = null;
            string pin = null;
            int timeoutMs = 5000;
            var words = new List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--port" when i + 1 < args.Length:
                        port = args[++i];
                        break;
                    case "--pin" when i + 1 < args.Length:
                        pin = args[++i];
                        break;
                    case "--timeout-ms" when i + 1 < args.Length && int.TryParse(args[i + 1], out int t) && t > 0:
                        timeoutMs = t;
                        i++;
                        break;
                    default:
                        if (args[i].StartsWith("--", StringComparison.Ordinal))
                        {
                            return Usage("unknown or incomplete option " + args[i]);
                        }

                        words.Add(args[i]);
                        break;
                }
            }

            if (port == null || words.Count == 0)
            {
                return Usage(port == null ? "--port is required" : "give the console line to send");
            }

            try
            {
                using var client = new TerminalLineClient(port);
                client.Drain(100);
                if (pin != null)
                {
                    string login = client.Execute("login " + pin, timeoutMs);
                    if (login == null || !login.StartsWith("{\"ok\":true", StringComparison.Ordinal))
                    {
                        Console.WriteLine(login ?? "{\"ok\":false,\"error\":\"E_TIMEOUT\",\"message\":\"no answer to login\"}");
                        return 1;
                    }
                }

                string response = client.Execute(string.Join(" ", words), timeoutMs);
                if (pin != null)
                {
                    client.Execute("logout", timeoutMs);
                }

                if (response == null)
                {
                    Console.WriteLine("{\"ok\":false,\"error\":\"E_TIMEOUT\",\"message\":\"no response within " + timeoutMs + " ms from " + port + "\"}");
                    return 1;
                }

                Console.WriteLine(response);
                return response.StartsWith("{\"ok\":true", StringComparison.Ordinal) ? 0 : 1;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine("perfusionguard console: " + e.Message);
                return 1;
            }
        }

        private static int Usage(string problem)
        {
            Console.Error.WriteLine("perfusionguard console: " + problem);
            Console.Error.WriteLine("usage: perfusionguard console --port /dev/pts/N [--pin PIN] [--timeout-ms 5000] LINE...");
            return 2;
        }
    }
}
