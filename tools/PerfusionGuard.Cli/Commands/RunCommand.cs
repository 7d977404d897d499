using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using PerfusionGuard.Emulator.Firmware;
using PerfusionGuard.Emulator.Report;
using PerfusionGuard.Emulator.Runner;
using PerfusionGuard.Emulator.Board;
using PerfusionGuard.Emulator.Scenarios;
using PerfusionGuard.Emulator.Terminal;
using PerfusionGuard.Module;
using PerfusionGuard.Mqtt.Telemetry;
using PerfusionGuard.Profiles;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Cli.Commands
{
    /// <summary>
    /// `run [scenario.json] [--result FILE] [--report FILE.html] [--realtime] [--seed N]`: runs one
    /// scenario on the emulator (the default demonstration scenario without a file), prints a short
    /// summary and the speed ratio, writes the result JSON (out/&lt;name&gt;.result.json by default)
    /// and optionally an HTML report. Exit 0: every expectation held; 1: one failed; 2: invalid
    /// scenario or arguments.
    /// </summary>
    public sealed class RunCommand : ICliCommand
    {
        /// <summary>Exit code when every expectation held.</summary>
        public const int ExitPassed = 0;

        /// <summary>How long `run --broker` waits for the broker before the run starts.</summary>
        public static readonly TimeSpan FirstConnectTimeout = TimeSpan.FromSeconds(5);

        /// <summary>Exit code when an expectation failed.</summary>
        public const int ExitFailed = 1;

        /// <summary>Exit code for an invalid scenario or command line.</summary>
        public const int ExitInvalid = 2;

        private readonly TextWriter _out;
        private readonly TextWriter _err;

        /// <summary>Creates the command writing to the console.</summary>
        public RunCommand()
            : this(Console.Out, Console.Error)
        {
        }

        /// <summary>Creates the command writing to <paramref name="output"/> and <paramref name="error"/> (tests).</summary>
        public RunCommand(TextWriter output, TextWriter error)
        {
            _out = output;
            _err = error;
        }

        /// <summary>"run".</summary>
        public string Name => "run";

        /// <summary>Usage line.</summary>
        public string Summary => "run [scenario.json] [--result FILE] [--report FILE.html] [--realtime] [--seed N] [--console stdio|pty] [--service-pin PIN] [--broker HOST:PORT [--tls-ca FILE] [--user U --password P] [--site S] [--node N]]  run the emulator (default demo without a file)";

        /// <summary>Runs the command.</summary>
        public int Run(string[] args)
        {
            // Telemetry (issue 5): --broker HOST:PORT [--tls-ca FILE] [--user U --password P] [--site S] [--node N].
            if (!HostTelemetryOptions.TryParse(args, out HostTelemetryOptions broker, out args, out string brokerError))
            {
                return Usage(brokerError);
            }

            string scenarioPath = null;
            string resultPath = null;
            string reportPath = null;
            bool realtime = false;
            ulong? seed = null;
            string consoleMode = null;
            string servicePin = null;
            for (int i = 0; i < args.Length; i++)
            {
                string a = args[i];
                switch (a)
                {
                    case "--console":
                    case "--service-pin":
                        if (i + 1 >= args.Length)
                        {
                            return Usage($"{a} needs a value");
                        }

                        if (a == "--console")
                        {
                            consoleMode = args[++i];
                            if (consoleMode != "stdio" && consoleMode != "pty")
                            {
                                return Usage($"--console is stdio or pty, not '{consoleMode}'");
                            }
                        }
                        else
                        {
                            servicePin = args[++i];
                        }

                        break;
                    case "--result":
                    case "--report":
                    case "--seed":
                        if (i + 1 >= args.Length)
                        {
                            return Usage($"{a} needs a value");
                        }

                        string value = args[++i];
                        if (a == "--result")
                        {
                            resultPath = value;
                        }
                        else if (a == "--report")
                        {
                            reportPath = value;
                        }
                        else if (ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong s))
                        {
                            seed = s;
                        }
                        else
                        {
                            return Usage($"--seed needs a whole number ≥ 0, not '{value}'");
                        }

                        break;
                    case "--realtime":
                        realtime = true;
                        break;
                    case "-h":
                    case "--help":
                        _out.WriteLine("usage: perfusionguard " + Summary);
                        return ExitPassed;
                    default:
                        if (a.StartsWith("--", StringComparison.Ordinal))
                        {
                            return Usage($"unknown option '{a}'");
                        }

                        if (scenarioPath != null)
                        {
                            return Usage($"one scenario at a time ('{scenarioPath}' and '{a}'); use `scenarios DIR` for a folder");
                        }

                        scenarioPath = a;
                        break;
                }
            }

            Scenario scenario;
            try
            {
                scenario = scenarioPath == null ? DefaultScenario.Load() : ScenarioParser.ParseFile(scenarioPath);
            }
            catch (ScenarioInvalidException e)
            {
                _err.WriteLine($"invalid scenario ({e.Errors.Count} problem{(e.Errors.Count == 1 ? "" : "s")}):");
                foreach (ScenarioError error in e.Errors)
                {
                    _err.WriteLine("  " + error);
                }

                return ExitInvalid;
            }

            _out.WriteLine($"scenario {scenario.Name} ({scenario.File}), circuit {Profiles.CircuitNames.NameOf(scenario.Circuit)}, {Fmt(scenario.DurationS, "0.###")} s simulated"
                + (realtime ? ", paced to the wall clock" : ""));
            // The serial console on this terminal or a pseudo-terminal (README "Serial console"): the
            // live lines and the progress line would interleave with it on stdio, so they are off then.
            using HostConsoleBridge console = consoleMode == null ? null : HostConsoleBridge.Open(consoleMode, servicePin, _out);
            bool quiet = consoleMode == "stdio";
            var options = new RunOptions
            {
                Seed = seed,
                Realtime = realtime,
                Live = realtime && !quiet ? _out : null,
                RecordTrace = reportPath != null,
                Progress = quiet || realtime ? null : p => _err.Write($"\r  {Fmt(p.SimulatedS, "F0")}/{Fmt(p.DurationS, "F0")} s simulated ({Fmt(100 * p.SimulatedS / p.DurationS, "F0")} %), {Fmt(p.WallS, "F1")} s wall   "),
            };
            HostTelemetry telemetry = null;
            if (console != null || broker.HasBroker)
            {
                // With a broker the module publishes through the same outbox and session as on the
                // device; the pump thread sends in real time while the run goes at virtual speed.
                options.FirmwareFactory = (board, circuit) =>
                {
                    GuardModuleOptions moduleOptions = null;
                    if (broker.HasBroker)
                    {
                        if (telemetry == null)
                        {
                            telemetry = StartTelemetry(broker, board, circuit);
                            // Virtual time runs a five-minute scenario in well under a second: without
                            // waiting for the first CONNACK the run would be over, and its early frames
                            // dropped from the outbox, before the broker is even reached.
                            var connectDeadline = Stopwatch.StartNew();
                            while (!telemetry.Link.IsConnected && connectDeadline.Elapsed < FirstConnectTimeout)
                            {
                                Thread.Sleep(5);
                            }

                            if (!telemetry.Link.IsConnected)
                            {
                                _err.WriteLine($"telemetry: {broker.Host}:{broker.Port} not reached within {FirstConnectTimeout.TotalSeconds:F0} s; "
                                    + "the run goes on and messages wait in the outbox (oldest data frames dropped first)");
                            }
                        }

                        moduleOptions = new GuardModuleOptions { TelemetryOutbox = telemetry.Outbox, TelemetrySession = telemetry.Session };
                    }

                    var host = new GuardModuleFirmwareHost(board, circuit, moduleOptions) { ConsoleBridge = console };
                    if (telemetry != null)
                    {
                        HostTelemetry sending = telemetry;
                        host.TelemetryBackpressure = () => sending.Link.IsConnected && sending.Outbox.UsedBytes > sending.Outbox.BudgetBytes / 2;
                    }

                    return host;
                };
            }

            RunResult result = ScenarioRunner.Run(scenario, options);
            if (telemetry != null)
            {
                bool flushed = telemetry.Flush(TimeSpan.FromSeconds(10));
                telemetry.DisposeAsync().AsTask().GetAwaiter().GetResult();
                _err.WriteLine($"telemetry: {telemetry.Outbox.SentTotal} message(s) sent to {broker.Host}:{broker.Port} under {telemetry.Topics.TopicOf(PerfusionGuard.Telemetry.TelemetryTopic.Data)}, "
                    + $"{telemetry.Outbox.DroppedDataFrames} data frame(s) dropped, {telemetry.Outbox.DroppedPriorityMessages} alarm/event drop(s)"
                    + (flushed ? "" : $", {telemetry.Outbox.Count} left unsent ({telemetry.Link.LastError ?? "broker unreachable"})"));
            }
            if (result.WallS >= 0.5)
            {
                _err.WriteLine();
            }

            resultPath ??= Path.Combine("out", SafeFileName(scenario.Name) + ".result.json");
            ResultWriter.WriteFile(result, resultPath);
            if (reportPath != null)
            {
                HtmlReport.WriteFile(result, reportPath);
            }

            PrintSummary(result, _out);
            _out.WriteLine($"result: {resultPath}" + (reportPath != null ? $", report: {reportPath}" : ""));
            _out.WriteLine($"speed: {Fmt(result.SimulatedS, "0.###")} s simulated in {Fmt(result.WallS, "F2")} s wall = {Fmt(result.SpeedRatio, "F0")}× real time"
                + $" (CPU {Fmt(result.CpuS, "F2")} s = {Fmt(result.CpuSpeedRatio, "F0")}×; wall time suffers when the machine is shared)");
            return result.Passed ? ExitPassed : ExitFailed;
        }

        private HostTelemetry StartTelemetry(HostTelemetryOptions broker, VirtualBoard board, CircuitKind circuit)
        {
            var node = new TelemetryNodeInfo
            {
                FirmwareVersion = typeof(RunCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
                Board = "virtual",
                Profile = CircuitNames.NameOf(circuit),
                Channels = ProfileCatalog.Get(circuit).Channels,
                DataPeriodMicros = TelemetrySampler.DefaultPeriodMicros,
            };
            HostTelemetry telemetry = HostTelemetry.Start(broker, node, board.Clock, null, 1, null);
            telemetry.Link.StatusChanged += line => _err.WriteLine(line);
            return telemetry;
        }

        /// <summary>The human summary of a run: stops, alarms, outcomes, expectations.</summary>
        public static void PrintSummary(RunResult result, TextWriter output)
        {
            RunOutcomes o = result.Outcomes;
            output.WriteLine($"firmware: {result.Firmware}");
            var stops = result.Events.FindAll(e => e.Kind == "pump_stop");
            output.WriteLine($"pump stops: {o.PumpStops} (spurious {o.SpuriousStops})");
            foreach (RunEvent stop in stops)
            {
                string latency = stop.FieldText("latency_ms");
                output.WriteLine($"  {Fmt(stop.TMs / 1000.0, "F4")} s  {stop.FieldText("cause")} on {stop.FieldText("source")} via {stop.FieldText("path")}"
                    + (latency != null ? $", latency {latency} ms" : "") + (stop.FieldText("spurious") == "true" ? "  SPURIOUS" : ""));
            }

            var raised = new SortedDictionary<string, int>(StringComparer.Ordinal);
            foreach (RunEvent e in result.Events)
            {
                if (e.Kind == "alarm" && e.FieldText("state") == "active" && e.FieldText("cause") == "condition")
                {
                    string key = e.FieldText("id") + " (" + e.FieldText("priority") + ")";
                    raised[key] = raised.TryGetValue(key, out int n) ? n + 1 : 1;
                }
            }

            output.WriteLine("alarms raised: " + (raised.Count == 0 ? "none" : string.Join(", ", FormatCounts(raised))));
            output.WriteLine($"air: {Fmt(o.AirPastDetectorMl, "0.####")} ml past the detector, {Fmt(o.AirToPatientMl, "0.####")} ml to the patient"
                + (o.MicrobubblesCounted > 0 ? $", {o.MicrobubblesCounted} microbubbles counted" : ""));
            var pressures = new List<string>();
            foreach (KeyValuePair<string, double> p in o.MaxPressureMmHg)
            {
                pressures.Add($"{p.Key} {Fmt(p.Value, "F0")}");
            }

            output.WriteLine("max pressures (mmHg): " + string.Join(", ", pressures)
                + (double.IsNaN(o.MinReservoirMl) ? "" : $"; min reservoir {Fmt(o.MinReservoirMl, "F0")} ml")
                + (o.BloodLostMl > 0 ? $"; blood lost {Fmt(o.BloodLostMl, "F0")} ml" : ""));
            if (o.ConsoleLinesUnsupported > 0)
            {
                output.WriteLine($"console: {o.ConsoleLinesUnsupported} line(s) not run (no console in this firmware build; recorded in the result)");
            }

            int held = result.Expectations.FindAll(e => e.Held).Count;
            output.WriteLine($"expectations: {held}/{result.Expectations.Count} held");
            foreach (ExpectationResult e in result.Expectations)
            {
                output.WriteLine($"  [{(e.Held ? "ok" : "FAIL")}] {Compact(e.Expectation.Raw)} — {e.Detail}");
            }

            output.WriteLine(result.Passed ? "PASSED" : "FAILED");
        }

        private static IEnumerable<string> FormatCounts(SortedDictionary<string, int> counts)
        {
            foreach (KeyValuePair<string, int> pair in counts)
            {
                yield return pair.Value == 1 ? pair.Key : $"{pair.Key} ×{pair.Value}";
            }
        }

        private static string Compact(string raw)
        {
            var parts = raw.Split(new[] { '\n', '\r' }, StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < parts.Length; i++)
            {
                parts[i] = parts[i].Trim();
            }

            return string.Join(" ", parts);
        }

        /// <summary>A scenario name made safe as a file name.</summary>
        public static string SafeFileName(string name)
        {
            char[] chars = (name ?? "scenario").ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (!(char.IsLetterOrDigit(chars[i]) || chars[i] == '-' || chars[i] == '_' || chars[i] == '.'))
                {
                    chars[i] = '_';
                }
            }

            return new string(chars);
        }

        private int Usage(string problem)
        {
            _err.WriteLine("run: " + problem);
            _err.WriteLine("usage: perfusionguard " + Summary);
            return ExitInvalid;
        }

        private static string Fmt(double v, string format)
        {
            string text = v.ToString(format, CultureInfo.InvariantCulture);
            return text.StartsWith("-", StringComparison.Ordinal) && text.Trim('-', '0', '.').Length == 0 ? text.Substring(1) : text;
        }
    }
}
