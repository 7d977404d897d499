using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using PerfusionGuard.Emulator.Runner;
using PerfusionGuard.Emulator.Scenarios;

namespace PerfusionGuard.Cli.Commands
{
    /// <summary>
    /// `scenarios [DIR] [--out DIR]`: runs every *.json scenario of a folder (default tests/scenarios)
    /// with progress, writes each result to out/scenarios/&lt;name&gt;.result.json, prints a table and
    /// exits 1 when any failed, 2 when any was invalid or the folder is missing.
    /// </summary>
    public sealed class ScenariosCommand : ICliCommand
    {
        private readonly TextWriter _out;
        private readonly TextWriter _err;

        /// <summary>Creates the command writing to the console.</summary>
        public ScenariosCommand()
            : this(Console.Out, Console.Error)
        {
        }

        /// <summary>Creates the command writing to the given writers (tests).</summary>
        public ScenariosCommand(TextWriter output, TextWriter error)
        {
            _out = output;
            _err = error;
        }

        /// <summary>"scenarios".</summary>
        public string Name => "scenarios";

        /// <summary>Usage line.</summary>
        public string Summary => "scenarios [DIR] [--out DIR]  run every scenario of a folder (default tests/scenarios), table of results";

        /// <summary>Runs the command.</summary>
        public int Run(string[] args)
        {
            string dir = null;
            string outDir = Path.Combine("out", "scenarios");
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] == "--out" && i + 1 < args.Length)
                {
                    outDir = args[++i];
                }
                else if (args[i].StartsWith("--", StringComparison.Ordinal) || dir != null)
                {
                    _err.WriteLine($"scenarios: unexpected argument '{args[i]}'");
                    _err.WriteLine("usage: perfusionguard " + Summary);
                    return RunCommand.ExitInvalid;
                }
                else
                {
                    dir = args[i];
                }
            }

            dir ??= Path.Combine("tests", "scenarios");
            if (!Directory.Exists(dir))
            {
                _err.WriteLine($"scenarios: folder '{dir}' does not exist");
                return RunCommand.ExitInvalid;
            }

            string[] files = Directory.GetFiles(dir, "*.json");
            Array.Sort(files, StringComparer.Ordinal);
            if (files.Length == 0)
            {
                _err.WriteLine($"scenarios: no *.json scenario in '{dir}'");
                return RunCommand.ExitInvalid;
            }

            var rows = new List<string[]>();
            int failed = 0;
            int invalid = 0;
            double totalSimulated = 0;
            double totalWall = 0;
            double totalCpu = 0;
            for (int i = 0; i < files.Length; i++)
            {
                string file = files[i];
                _err.WriteLine($"[{i + 1}/{files.Length}] {Path.GetFileName(file)}");
                try
                {
                    Scenario scenario = ScenarioParser.ParseFile(file);
                    RunResult result = ScenarioRunner.Run(scenario, new RunOptions
                    {
                        RecordTrace = false,
                        Progress = p => _err.Write($"\r    {F(p.SimulatedS, "F0")}/{F(p.DurationS, "F0")} s simulated, {F(p.WallS, "F1")} s wall   "),
                    });
                    if (result.WallS >= 0.5)
                    {
                        _err.WriteLine();
                    }

                    ResultWriter.WriteFile(result, Path.Combine(outDir, RunCommand.SafeFileName(scenario.Name) + ".result.json"));
                    totalSimulated += result.SimulatedS;
                    totalWall += result.WallS;
                    totalCpu += result.CpuS;
                    int held = result.Expectations.FindAll(e => e.Held).Count;
                    if (!result.Passed)
                    {
                        failed++;
                        foreach (ExpectationResult e in result.Expectations)
                        {
                            if (!e.Held)
                            {
                                _err.WriteLine($"    FAIL: {e.Detail}");
                            }
                        }
                    }

                    rows.Add(new[]
                    {
                        scenario.Name, Profiles.CircuitNames.NameOf(scenario.Circuit), result.Passed ? "pass" : "FAIL",
                        $"{held}/{result.Expectations.Count}", result.Outcomes.PumpStops.ToString(CultureInfo.InvariantCulture),
                        F(result.Outcomes.AirToPatientMl, "0.###"), F(result.Outcomes.MaxStopLatencyMs, "0.###"),
                        F(result.SimulatedS, "0"), F(result.SpeedRatio, "F0") + "×", F(result.CpuSpeedRatio, "F0") + "×",
                    });
                }
                catch (ScenarioInvalidException e)
                {
                    invalid++;
                    foreach (ScenarioError error in e.Errors)
                    {
                        _err.WriteLine("    " + error);
                    }

                    rows.Add(new[] { Path.GetFileName(file), "?", "INVALID", "-", "-", "-", "-", "-", "-", "-" });
                }
            }

            PrintTable(new[] { "scenario", "circuit", "result", "expect", "stops", "air→patient ml", "max latency ms", "sim s", "speed (wall)", "speed (CPU)" }, rows);
            _out.WriteLine($"{files.Length} scenarios: {files.Length - failed - invalid} passed, {failed} failed, {invalid} invalid; "
                + $"{F(totalSimulated, "F0")} s simulated in {F(totalWall, "F1")} s wall ({F(totalWall > 0 ? totalSimulated / totalWall : 0, "F0")}× real time), "
                + $"{F(totalCpu, "F1")} s CPU ({F(totalCpu > 0 ? totalSimulated / totalCpu : 0, "F0")}×)");
            return invalid > 0 ? RunCommand.ExitInvalid : (failed > 0 ? RunCommand.ExitFailed : RunCommand.ExitPassed);
        }

        private void PrintTable(string[] header, List<string[]> rows)
        {
            var widths = new int[header.Length];
            for (int c = 0; c < header.Length; c++)
            {
                widths[c] = header[c].Length;
                foreach (string[] row in rows)
                {
                    widths[c] = Math.Max(widths[c], row[c].Length);
                }
            }

            void Line(string[] cells)
            {
                var parts = new string[cells.Length];
                for (int c = 0; c < cells.Length; c++)
                {
                    parts[c] = cells[c].PadRight(widths[c]);
                }

                _out.WriteLine(string.Join("  ", parts).TrimEnd());
            }

            Line(header);
            var rule = new string[header.Length];
            for (int c = 0; c < header.Length; c++)
            {
                rule[c] = new string('-', widths[c]);
            }

            Line(rule);
            foreach (string[] row in rows)
            {
                Line(row);
            }
        }

        private static string F(double v, string format) => double.IsNaN(v) ? "-" : v.ToString(format, CultureInfo.InvariantCulture);
    }
}
