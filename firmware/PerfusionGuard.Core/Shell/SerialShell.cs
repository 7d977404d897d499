using System;
using System.Text;
using PerfusionGuard.Hal;
using PerfusionGuard.Log;

namespace PerfusionGuard.Shell
{
    /// <summary>
    /// The serial console: a line shell over a non-blocking byte stream (the UART at
    /// <see cref="DefaultBaudRate"/> 8N1 on the device, a pseudo-terminal or a pipe in the
    /// emulator). <see cref="Poll"/> reads what has arrived, edits it into a line, runs complete
    /// lines as `noun verb args` commands and queues the response into a bounded output ring. It
    /// runs on the console's own thread on the device and shares no lock with the safety cycle, so
    /// neither a slow terminal nor a long command can delay a safety decision (SAF-CON-002); it
    /// reaches the module only through <see cref="ShellServices.Sync"/> (SAF-CON-012).
    /// </summary>
    public sealed class SerialShell
    {
        /// <summary>Default UART speed; 8 data bits, no parity, 1 stop bit.</summary>
        public const int DefaultBaudRate = 115200;

        /// <summary>Default size of the output ring in bytes.</summary>
        public const int DefaultOutputBytes = 6144;

        /// <summary>The word whose argument is the PIN: never echoed, never kept in the history (SAF-CON-014).</summary>
        public const string SecretWord = "login";

        private const string PinPrompt = "PIN: ";
        private const int ReadChunkBytes = 64;
        private const int MaxBytesPerPoll = 1024;

        private readonly IByteStream _stream;
        private readonly ShellServices _services;
        private readonly ServiceSession _session;
        private readonly ShellOutput _output;
        private readonly LineEditor _editor;
        private readonly ShellReply _reply = new ShellReply();
        private readonly ShellContext _context;
        private readonly ShellCommand[] _commands;
        private readonly byte[] _readBuffer = new byte[ReadChunkBytes];
        private readonly EchoMode _echo;
        private bool _started;
        private bool _awaitingPin;
        private bool _pinJson;
        private bool _suppressReply;
        private long _commandCount;
        private long _internalErrors;

        /// <summary>Creates a shell on <paramref name="stream"/>; <paramref name="credential"/> null disables login.</summary>
        public SerialShell(IByteStream stream, ShellServices services, PinCredential credential, EchoMode echo, int outputBytes)
        {
            _stream = stream;
            _services = services;
            _session = new ServiceSession(credential, services.LoginThrottle);
            _output = new ShellOutput(stream, outputBytes);
            _editor = new LineEditor(_output, LineEditor.DefaultMaxLineBytes, LineEditor.DefaultHistoryLines);
            _editor.Echo = echo;
            _editor.SecretAfterWord = SecretWord;
            _echo = echo;
            _context = new ShellContext(this, services, _session, _reply);
            _commands = ShellCommandTable.Create();
            _editor.Prompt = Prompt;
        }

        /// <summary>The command table, in help order.</summary>
        public ShellCommand[] Commands => _commands;

        /// <summary>The access session (level, failures, idle timeout).</summary>
        public ServiceSession Session => _session;

        /// <summary>The bounded output (pending and dropped counters).</summary>
        public ShellOutput Output => _output;

        /// <summary>The line editor (line limit, history).</summary>
        public LineEditor Editor => _editor;

        /// <summary>True when responses are JSON (`mode json`).</summary>
        public bool JsonMode { get; set; }

        /// <summary>Commands run since start.</summary>
        public long CommandCount => _commandCount;

        /// <summary>Handlers that threw (a console defect; the response was E_INTERNAL and nothing was changed by the shell).</summary>
        public long InternalErrorCount => _internalErrors;

        /// <summary>The node name shown in the prompt.</summary>
        public string NodeName => _services.Status != null ? _services.Status.NodeName : "pg";

        /// <summary>"pg-node1 op> " or "pg-node1 svc# ".</summary>
        public string Prompt => NodeName + (_session.Level == AccessLevel.Service ? " svc# " : " op> ");

        /// <summary>Reads and handles whatever has arrived, then sends what the stream accepts. Never blocks.</summary>
        public void Poll(long nowMicros)
        {
            if (!_started)
            {
                _started = true;
                if (_echo != EchoMode.Silent)
                {
                    _output.WriteText("PerfusionGuard console, type help\r\n");
                    WritePrompt();
                }
            }

            // SAF-CON-013: the remaining lockout is saved as it runs down (console thread, never the safety thread).
            _session.Throttle.Tick(nowMicros);
            if (_session.ExpireIfIdle(nowMicros))
            {
                _context.NowMicros = nowMicros;
                _context.Log(EventKind.Login, -1, (int)AccessLevel.Service, (int)AccessLevel.Operator, ShellLogCodes.IdleLogout);
                if (_echo != EchoMode.Silent)
                {
                    _output.WriteText("\r\nservice session ended: no input for " + (_session.IdleTimeoutMicros / 1000000).ToString() + " s\r\n");
                    if (_awaitingPin)
                    {
                        // SAF-CON-014: a PIN prompt stays a PIN prompt. The bytes that woke the shell may be
                        // the PIN itself, typed at the prompt: ending the entry here would echo and run it.
                        _output.WriteText(PinPrompt);
                    }
                    else
                    {
                        WritePrompt();
                    }
                }
            }

            int total = 0;
            while (total < MaxBytesPerPoll)
            {
                int n = _stream.Read(_readBuffer, 0, _readBuffer.Length);
                if (n <= 0)
                {
                    break;
                }

                total += n;
                for (int i = 0; i < n; i++)
                {
                    byte b = _readBuffer[i];
                    if (b != 0x00 && b != 0x11 && b != 0x13)
                    {
                        // SAF-CON-007: NUL padding and XON / XOFF are line noise, not a person typing.
                        _session.Touch(nowMicros);
                    }

                    LineEvent lineEvent = _editor.Feed(b);
                    if (lineEvent == LineEvent.Line)
                    {
                        HandleLine(nowMicros);
                    }
                    else if (lineEvent == LineEvent.Cancelled)
                    {
                        if (_awaitingPin)
                        {
                            EndPinEntry();
                        }

                        WritePrompt();
                    }
                }
            }

            _output.Drain();
        }

        /// <summary>
        /// Runs one line as a command at <paramref name="nowMicros"/> and returns the response text
        /// (CR LF terminated; empty for an empty line). The path every typed line takes.
        /// </summary>
        public string Execute(string line, long nowMicros)
        {
            _context.NowMicros = nowMicros;
            _suppressReply = false;
            if (!Split(line))
            {
                _reply.Begin(JsonMode);
                _reply.Fail(ShellErrors.Args, "too many words (at most " + ShellContext.MaxWords.ToString() + ")");
                return _reply.Finish();
            }

            bool json = JsonMode;
            int first = 0;
            if (_context.WordCount > 0 && _context.Words[0].ToLower() == "json")
            {
                // "json CMD": one response in JSON without changing the mode (scripted clients).
                json = true;
                first = 1;
            }

            _reply.Begin(json);
            if (_context.WordCount == first)
            {
                if (first == 0)
                {
                    return "";
                }

                _reply.Fail(ShellErrors.Args, "json: give a command to run, e.g. json status");
                return _reply.Finish();
            }

            _commandCount++;
            ShellCommand command = Find(first);
            if (command != null)
            {
                Run(command);
            }

            if (_suppressReply)
            {
                return "";
            }

            return _reply.Finish();
        }

        /// <summary>
        /// Switches the editor to masked PIN entry; the next line is the PIN (interactive `login`),
        /// answered in JSON when <paramref name="json"/> (a `json login` line).
        /// </summary>
        internal void BeginPinEntry(bool json)
        {
            _awaitingPin = true;
            _pinJson = json;
            _suppressReply = true;
            _editor.Echo = EchoMode.Masked;
            _editor.Prompt = PinPrompt;
        }

        /// <summary>True when the shell echoes nothing (a script on a pipe).</summary>
        internal bool Silent => _echo == EchoMode.Silent;

        /// <summary>Runs a login attempt and writes its response.</summary>
        internal void Login(string pin)
        {
            long now = _context.NowMicros;
            LoginResult result = _session.TryLogin(now, pin);
            string unsaved = _session.Throttle.TakeUnsavedReason();
            string note = unsaved == null ? "" : "; " + unsaved;
            ShellReply reply = _reply;
            switch (result)
            {
                case LoginResult.Success:
                    _context.Log(EventKind.Login, -1, (int)AccessLevel.Operator, (int)AccessLevel.Service, ShellLogCodes.LoginAccepted);
                    reply.Text("level", "service");
                    reply.Quantity("idle_timeout", _session.IdleTimeoutMicros / 1000000.0, "F0", "s");
                    reply.Message("service level; logs out after " + (_session.IdleTimeoutMicros / 1000000).ToString() + " s without input" + note);
                    break;
                case LoginResult.WrongPin:
                    _context.Log(EventKind.Login, _session.Failures, (int)AccessLevel.Operator, (int)AccessLevel.Operator, ShellLogCodes.LoginRefused);
                    reply.Fail(ShellErrors.Auth, "wrong PIN; next attempt in " + ShellReply.FormatSeconds(_session.WaitMicros(now)) + " s" + note);
                    break;
                case LoginResult.LockedOutNow:
                    _context.Log(EventKind.Login, ServiceSession.MaxFailures, (int)AccessLevel.Operator, (int)AccessLevel.Operator, ShellLogCodes.LoginLockedOut);
                    reply.Fail(ShellErrors.Locked, "wrong PIN " + ServiceSession.MaxFailures.ToString() + " times; console login locked for " + ShellReply.FormatSeconds(_session.WaitMicros(now)) + " s" + note);
                    break;
                case LoginResult.Delayed:
                    reply.Fail(ShellErrors.Locked, "too soon after a wrong PIN; try again in " + ShellReply.FormatSeconds(_session.WaitMicros(now)) + " s");
                    break;
                case LoginResult.LockedOut:
                    reply.Fail(ShellErrors.Locked, "console login locked; try again in " + ShellReply.FormatSeconds(_session.WaitMicros(now)) + " s");
                    break;
                default:
                    reply.Fail(ShellErrors.Unavailable, "no service PIN is provisioned on this module");
                    break;
            }

            _editor.Prompt = Prompt;
        }

        /// <summary>Back to operator level.</summary>
        internal void Logout()
        {
            bool wasService = _session.Level == AccessLevel.Service;
            _session.Logout();
            if (wasService)
            {
                _context.Log(EventKind.Login, -1, (int)AccessLevel.Service, (int)AccessLevel.Operator, ShellLogCodes.Logout);
            }

            _editor.Prompt = Prompt;
        }

        private void HandleLine(long nowMicros)
        {
            string line = _editor.TakeLine();
            string response;
            if (_awaitingPin)
            {
                bool json = JsonMode || _pinJson;
                EndPinEntry();
                _context.NowMicros = nowMicros;
                _reply.Begin(json);
                if (line == null)
                {
                    _reply.Fail(ShellErrors.Input, "PIN refused: it contained invalid bytes or was too long");
                }
                else
                {
                    _commandCount++;
                    Login(line);
                }

                response = _reply.Finish();
            }
            else if (line == null)
            {
                _reply.Begin(JsonMode);
                if (_editor.LastLineTooLong)
                {
                    _reply.Fail(ShellErrors.TooLong, "line refused: longer than " + _editor.MaxLineBytes.ToString() + " bytes");
                }
                else
                {
                    _reply.Fail(ShellErrors.Input, "line refused: " + _editor.LastLineInvalidBytes.ToString() + " invalid byte(s) (control characters or malformed UTF-8)");
                }

                response = _reply.Finish();
            }
            else
            {
                if (!HasWord(line, SecretWord))
                {
                    // SAF-CON-014: a PIN typed inline never enters the history, however the line is spelled.
                    _editor.AddToHistory(line);
                }

                response = Execute(line, nowMicros);
            }

            WriteResponse(response);
            if (!_awaitingPin)
            {
                WritePrompt();
            }
            else if (!Silent)
            {
                _output.WriteText(PinPrompt);
            }
        }

        private void EndPinEntry()
        {
            _awaitingPin = false;
            _pinJson = false;
            _editor.Echo = _echo;
            _editor.Prompt = Prompt;
        }

        private void WriteResponse(string response)
        {
            if (response.Length == 0)
            {
                return;
            }

            byte[] bytes = Encoding.UTF8.GetBytes(response);
            if (!_output.TryWriteBlock(bytes, 0, bytes.Length))
            {
                // Never half a response: a short error that fits, or nothing (both counted).
                _reply.Begin(_reply.Json);
                _reply.Fail(ShellErrors.Overflow, "response of " + bytes.Length.ToString() + " bytes dropped: terminal not reading");
                byte[] error = Encoding.UTF8.GetBytes(_reply.Finish());
                _output.TryWriteBlock(error, 0, error.Length);
            }
        }

        private void WritePrompt()
        {
            _editor.Prompt = Prompt;
            if (_echo != EchoMode.Silent)
            {
                _output.WriteText(Prompt);
            }
        }

        private bool Split(string line)
        {
            _context.WordCount = 0;
            int i = 0;
            while (i < line.Length)
            {
                while (i < line.Length && line[i] == ' ')
                {
                    i++;
                }

                if (i >= line.Length)
                {
                    break;
                }

                int start = i;
                while (i < line.Length && line[i] != ' ')
                {
                    i++;
                }

                if (_context.WordCount == ShellContext.MaxWords)
                {
                    return false;
                }

                _context.Words[_context.WordCount++] = line.Substring(start, i - start);
            }

            for (int w = _context.WordCount; w < ShellContext.MaxWords; w++)
            {
                _context.Words[w] = null;
            }

            return true;
        }

        private ShellCommand Find(int first)
        {
            string noun = _context.Words[first].ToLower();
            string verb = _context.WordCount > first + 1 ? _context.Words[first + 1].ToLower() : null;
            ShellCommand firstOfNoun = null;
            string verbs = "";
            for (int i = 0; i < _commands.Length; i++)
            {
                ShellCommand command = _commands[i];
                if (command.Noun != noun)
                {
                    continue;
                }

                if (command.Verb == null)
                {
                    _context.FirstArg = first + 1;
                    return command;
                }

                if (firstOfNoun == null)
                {
                    firstOfNoun = command;
                }

                verbs = verbs.Length == 0 ? command.Verb : verbs + ", " + command.Verb;
                if (command.Verb == verb)
                {
                    _context.FirstArg = first + 2;
                    return command;
                }
            }

            if (firstOfNoun == null)
            {
                _reply.Fail(ShellErrors.Unknown, "unknown command '" + Printable(noun) + "'; type help for the list");
                return null;
            }

            if (verb == null)
            {
                // A noun alone runs its first verb: "alarm" is "alarm list".
                _context.FirstArg = first + 1;
                return firstOfNoun;
            }

            _reply.Fail(ShellErrors.Unknown, noun + ": unknown verb '" + Printable(verb) + "'; verbs: " + verbs);
            return null;
        }

        private void Run(ShellCommand command)
        {
            _context.Command = command;
            int args = _context.ArgCount;
            if (args < command.MinArgs || args > command.MaxArgs)
            {
                _reply.Fail(ShellErrors.Args, "usage: " + command.Usage);
                return;
            }

            if (command.Level == AccessLevel.Service && _session.Level != AccessLevel.Service)
            {
                _reply.Fail(ShellErrors.Perm, (command.Verb == null ? command.Noun : command.Noun + " " + command.Verb) + " needs service level: login first");
                return;
            }

            // SAF-CON-012: what the command reads is the module at its last cycle boundary, copied by
            // the safety thread; a module on another thread that does not answer runs nothing.
            IConsoleSync sync = command.ReadsModule ? _services.Sync : null;
            string syncError;
            if (sync != null && !sync.BeginCommand(_context.NowMicros, out syncError))
            {
                _reply.Fail(ShellErrors.Timeout, syncError);
                return;
            }

            if (command.StoppedPumpOnly && ShellRules.PumpRunning(_services))
            {
                _reply.Fail(ShellErrors.State, (command.Verb == null ? command.Noun : command.Noun + " " + command.Verb) + " is refused while the pump runs: stop the pump first");
                return;
            }

            try
            {
                command.Handler(_context);
            }
            catch (Exception e)
            {
                _internalErrors++;
                _reply.Fail(ShellErrors.Internal, "console defect in '" + command.Usage + "': " + e.GetType().Name);
            }

            string failureCode;
            string failureMessage;
            if (sync != null && sync.TakeFailure(out failureCode, out failureMessage))
            {
                // A change the safety thread did not carry out as asked: the reply says so, not what the handler assumed.
                _reply.Fail(failureCode, (command.Verb == null ? command.Noun : command.Noun + " " + command.Verb) + ": " + failureMessage);
            }
        }

        // True when any space-separated word of the line is word (lower case), in any case.
        private static bool HasWord(string line, string word)
        {
            string lower = line.ToLower();
            int at = lower.IndexOf(word);
            while (at >= 0)
            {
                int end = at + word.Length;
                if ((at == 0 || lower[at - 1] == ' ') && (end == lower.Length || lower[end] == ' '))
                {
                    return true;
                }

                at = lower.IndexOf(word, at + 1);
            }

            return false;
        }

        // Echoes user input in error messages without control or quote characters (a JSON line stays one line).
        private static string Printable(string text)
        {
            if (text.Length > 24)
            {
                text = text.Substring(0, 24) + "...";
            }

            return text;
        }
    }
}
