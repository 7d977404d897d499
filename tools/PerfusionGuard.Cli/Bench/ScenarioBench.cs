using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PerfusionGuard.Channels;
using PerfusionGuard.Emulator.Runner;
using PerfusionGuard.Emulator.Scenarios;
using PerfusionGuard.Profiles;

namespace PerfusionGuard.Cli.Bench
{
    /// <summary>
    /// Figures read off the shipped scenarios run in the emulator: worst stop latency per cause
    /// (from the physical cause reaching the sensor to the pump-enable output going off, as the
    /// emulator measures it), worst air past the detector in air scenarios at up to 6 L/min, and
    /// the speed of the four-hour adult CPB run.
    /// </summary>
    public static class ScenarioBench
    {
        /// <summary>The stop causes the bench reports, in table order.</summary>
        public static readonly string[] Causes =
        {
            "air_hardware_latch", "air_software", "level", "high_pressure", "sensor_fault", "backflow",
        };

        public sealed class Latency
        {
            public string Cause;
            public double WorstMs = double.NaN;
            public double DesignDelayMs;
            public string Scenario;
            public string Rule;
            public int Stops;

            /// <summary>Worst latency less the delay the profile and channel ask for on purpose (persistence, debounce).</summary>
            public double BeyondDesignMs => double.IsNaN(WorstMs) ? double.NaN : WorstMs - DesignDelayMs;
        }

        public sealed class Figures
        {
            public Dictionary<string, Latency> Latencies = new Dictionary<string, Latency>();
            public double AirPastDetectorMl = double.NaN;
            public string AirPastDetectorScenario;
            public double AirToPatientMl;
            /// <summary>Air that can cross the detector while the stop is being detected and actuated: worst air-stop latency × the scenario's highest flow (the pump's spin-down after that is physics, not detection).</summary>
            public double AirDuringDetectionMl = double.NaN;
            public double AirPastDetectorSingleFaultMl = double.NaN;
            public string AirPastDetectorSingleFaultScenario;
            public double SpeedupWall = double.NaN;
            public double SpeedupCpu = double.NaN;
            public double FourHourWallS = double.NaN;
            public int ScenariosRun;
            public int ScenariosFailed;
        }

        public static Figures Run(string scenarioDir, Action<string> progress)
        {
            var figures = new Figures();
            foreach (string cause in Causes)
            {
                figures.Latencies[cause] = new Latency { Cause = cause };
            }

            foreach (string file in Directory.GetFiles(scenarioDir, "*.json").OrderBy(f => f, StringComparer.Ordinal))
            {
                Scenario scenario = ScenarioParser.ParseFile(file);
                bool fourHour = scenario.Circuit == CircuitKind.AdultCpb && scenario.DurationS >= 4 * 3600;
                progress?.Invoke(Path.GetFileName(file));
                RunResult result = ScenarioRunner.Run(scenario, new RunOptions { RecordTrace = false });
                figures.ScenariosRun++;
                if (!result.Passed)
                {
                    figures.ScenariosFailed++;
                }

                if (fourHour)
                {
                    figures.SpeedupWall = result.SpeedRatio;
                    figures.SpeedupCpu = result.CpuSpeedRatio;
                    figures.FourHourWallS = result.WallS;
                }

                bool injectsAir = scenario.Timeline.Any(a => a.Do == "inject_air");
                double maxFlow = Math.Max(double.IsNaN(scenario.Pump.FlowLPerMin) ? 0 : scenario.Pump.FlowLPerMin,
                    scenario.Timeline.Where(a => a.Do == "set_pump" && !double.IsNaN(a.FlowLPerMin)).Select(a => a.FlowLPerMin).DefaultIfEmpty(0).Max());
                // Scenarios that break the hardware latch on purpose (inject_failure) show the software
                // backstop of a single fault; they are reported apart from the normal two-path figure.
                bool singleFault = scenario.Timeline.Any(a => a.Do == "inject_failure");
                if (injectsAir && maxFlow <= 6.0 && !singleFault && (double.IsNaN(figures.AirPastDetectorMl) || result.Outcomes.AirPastDetectorMl > figures.AirPastDetectorMl))
                {
                    figures.AirPastDetectorMl = result.Outcomes.AirPastDetectorMl;
                    figures.AirPastDetectorScenario = scenario.Name;
                }

                if (injectsAir && maxFlow <= 6.0 && singleFault && (double.IsNaN(figures.AirPastDetectorSingleFaultMl) || result.Outcomes.AirPastDetectorMl > figures.AirPastDetectorSingleFaultMl))
                {
                    figures.AirPastDetectorSingleFaultMl = result.Outcomes.AirPastDetectorMl;
                    figures.AirPastDetectorSingleFaultScenario = scenario.Name;
                }

                figures.AirToPatientMl = Math.Max(figures.AirToPatientMl, injectsAir && maxFlow <= 6.0 ? result.Outcomes.AirToPatientMl : 0);
                CircuitProfile profile = ProfileCatalog.Get(scenario.Circuit);
                foreach (RunEvent e in result.Events.Where(e => e.Kind == "pump_stop"))
                {
                    double latency = e.FieldNumber("latency_ms");
                    if (double.IsNaN(latency))
                    {
                        continue; // power loss: no sensor involved
                    }

                    string category = Categorise(scenario, e);
                    if (category == null)
                    {
                        continue;
                    }

                    if (category.StartsWith("air", StringComparison.Ordinal) && maxFlow <= 6.0 && !singleFault)
                    {
                        double ml = latency * maxFlow / 60.0; // L/min = ml/ms × 60
                        if (double.IsNaN(figures.AirDuringDetectionMl) || ml > figures.AirDuringDetectionMl)
                        {
                            figures.AirDuringDetectionMl = ml;
                        }
                    }

                    Latency l = figures.Latencies[category];
                    l.Stops++;
                    if (double.IsNaN(l.WorstMs) || latency > l.WorstMs)
                    {
                        l.WorstMs = latency;
                        l.Scenario = scenario.Name;
                        l.Rule = e.FieldText("rule");
                        l.DesignDelayMs = DesignDelayMs(profile, l.Rule, category) + FaultDetectionMs(scenario, e);
                    }
                }
            }

            return figures;
        }

        private static string Categorise(Scenario scenario, RunEvent e)
        {
            string cause = e.FieldText("cause");
            string path = e.FieldText("path");
            if (SensorFaultActive(scenario, e.FieldText("source"), e.TMs))
            {
                return "sensor_fault";
            }

            switch (cause)
            {
                case "air": return path == "hardware_latch" ? "air_hardware_latch" : "air_software";
                case "level_low": return "level";
                case "pressure_high": return "high_pressure";
                case "backflow": return "backflow";
                case "sensor_fault": return "sensor_fault";
                default: return null;
            }
        }

        /// <summary>True when the scenario had injected a fault into <paramref name="source"/> that was not cleared before <paramref name="tMs"/>.</summary>
        private static bool SensorFaultActive(Scenario scenario, string source, double tMs)
        {
            if (source == null || !ChannelNames.TryParse(source, out ChannelId channel))
            {
                return false;
            }

            bool active = false;
            foreach (TimelineAction a in scenario.Timeline.Where(a => a.TimeS * 1000 <= tMs).OrderBy(a => a.TimeS))
            {
                if (a.Sensor == channel && a.Do == "sensor_fault")
                {
                    active = true;
                }
                else if (a.Sensor == channel && a.Do == "clear_fault")
                {
                    active = false;
                }
            }

            return active;
        }

        /// <summary>
        /// For a stop on a faulted sensor: how long the channel takes by design to call the fault
        /// (PressureChannelConfig: a rail after RailSetCycles samples, "stuck" only after StuckMicros of
        /// bit-identical readings, since a live transducer always shows ADC noise).
        /// </summary>
        private static double FaultDetectionMs(Scenario scenario, RunEvent e)
        {
            string source = e.FieldText("source");
            if (source == null || !ChannelNames.TryParse(source, out ChannelId channel))
            {
                return 0;
            }

            TimelineAction fault = scenario.Timeline.Where(a => a.Do == "sensor_fault" && a.Sensor == channel && a.TimeS * 1000 <= e.TMs)
                .OrderBy(a => a.TimeS).LastOrDefault();
            if (fault == null)
            {
                return 0;
            }

            PressureChannelConfig config = PressureChannelConfig.Default(4095);
            switch (fault.Fault)
            {
                case Emulator.Board.SensorFault.Stuck: return config.StuckMicros / 1000.0;
                case Emulator.Board.SensorFault.Open:
                case Emulator.Board.SensorFault.Short: return config.RailSetCycles * 10.0;
                default: return 0;
            }
        }

        /// <summary>The delay the design asks for: the rule's persistence, plus the level channel's debounce.</summary>
        private static double DesignDelayMs(CircuitProfile profile, string ruleId, string category)
        {
            double ms = 0;
            foreach (ConditionRule rule in profile.Rules)
            {
                if (rule.AlarmId == ruleId)
                {
                    ms += rule.PersistMicros / 1000.0;
                }
            }

            if (category == "level")
            {
                ms += LevelSensorConfig.DefaultPads().DebounceMicros / 1000.0;
            }

            return ms;
        }
    }
}
