using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using PerfusionGuard.Channels;
using PerfusionGuard.Emulator.Board;
using PerfusionGuard.Emulator.Physics;
using PerfusionGuard.Profiles;

namespace PerfusionGuard.Emulator.Scenarios
{
    /// <summary>
    /// Reads and validates a scenario file (SCENARIOS.md). Everything is checked before a run starts:
    /// unknown actions, sites, sensors, faults and circuits, times outside the run, malformed JSON,
    /// missing fields and wrong types are collected and thrown together as a
    /// <see cref="ScenarioInvalidException"/> whose lines read "file:line: what is wrong".
    /// </summary>
    public static class ScenarioParser
    {
        private static readonly string[] s_topLevel =
        {
            "name", "description", "requirements", "circuit", "board", "seed", "duration_s", "circuit_params", "pump", "timeline", "expect",
        };

        /// <summary>Reads and validates a scenario file.</summary>
        public static Scenario ParseFile(string path)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ScenarioInvalidException(new[] { new ScenarioError(path, 0, "cannot read the file: " + e.Message) });
            }

            return Parse(bytes, path);
        }

        /// <summary>Validates scenario text; <paramref name="file"/> names it in errors.</summary>
        public static Scenario Parse(byte[] utf8, string file)
        {
            JsonTree root;
            try
            {
                root = JsonTree.Parse(utf8);
            }
            catch (JsonTreeException e)
            {
                throw new ScenarioInvalidException(new[] { new ScenarioError(file, e.Line, e.Message) });
            }

            var errors = new List<ScenarioError>();
            var scenario = new Scenario { File = file };
            var context = new Context(file, errors);
            if (root.Kind != JsonKind.Object)
            {
                context.Error(root.Line, $"a scenario is one JSON object, found {JsonTree.Describe(root.Kind)}");
                throw new ScenarioInvalidException(errors);
            }

            foreach (JsonMember member in root.Members)
            {
                if (!ScenarioVocabulary.Contains(s_topLevel, member.Name))
                {
                    context.Error(member.Line, $"unknown field \"{member.Name}\" (known: {string.Join(", ", s_topLevel)})");
                }
            }

            scenario.Name = context.RequiredString(root, "name", root.Line);
            scenario.Description = context.OptionalString(root, "description") ?? "";
            JsonTree requirements = root.Get("requirements");
            if (requirements != null)
            {
                if (requirements.Kind != JsonKind.Array)
                {
                    context.Error(requirements.Line, "\"requirements\" must be an array of requirement ids");
                }
                else
                {
                    foreach (JsonTree item in requirements.Items)
                    {
                        if (item.Kind != JsonKind.String)
                        {
                            context.Error(item.Line, "a requirement id must be a string such as \"SAF-AIR-001\"");
                        }
                        else
                        {
                            scenario.Requirements.Add(item.Text);
                        }
                    }
                }
            }

            string circuitName = context.RequiredString(root, "circuit", root.Line);
            bool circuitKnown = false;
            if (circuitName != null)
            {
                circuitKnown = CircuitNames.TryParse(circuitName, out scenario.Circuit);
                if (!circuitKnown)
                {
                    context.Error(root.Get("circuit").Line, $"unknown circuit \"{circuitName}\" (known: adult-cpb, pediatric-cpb, ecmo, cardioplegia-antegrade, cardioplegia-retrograde, hemoperfusion)");
                }
            }

            string board = context.OptionalString(root, "board");
            if (board != null && board != "virtual")
            {
                context.Error(root.Get("board").Line, $"unknown board \"{board}\": the emulator runs the \"virtual\" board");
            }

            JsonTree seed = root.Get("seed");
            if (seed != null)
            {
                if (seed.Kind != JsonKind.Number || !seed.IsInteger || seed.Number < 0)
                {
                    context.Error(seed.Line, "\"seed\" must be a whole number ≥ 0");
                }
                else
                {
                    scenario.Seed = (ulong)seed.Number;
                }
            }

            double duration = context.RequiredNumber(root, "duration_s", root.Line);
            if (!double.IsNaN(duration) && (duration <= 0 || duration > 30 * 86400))
            {
                context.Error(root.Get("duration_s").Line, "\"duration_s\" must be above 0 and at most 30 days");
                duration = double.NaN;
            }

            scenario.DurationS = duration;
            ParseCircuitParams(root.Get("circuit_params"), scenario, context);
            if (circuitKnown)
            {
                scenario.Pump = ParsePump(root.Get("pump"), scenario.Circuit, context);
            }

            JsonTree timeline = root.Get("timeline");
            if (timeline != null)
            {
                if (timeline.Kind != JsonKind.Array)
                {
                    context.Error(timeline.Line, "\"timeline\" must be an array of actions");
                }
                else
                {
                    foreach (JsonTree item in timeline.Items)
                    {
                        TimelineAction action = ParseAction(item, scenario, circuitKnown, context);
                        if (action != null)
                        {
                            scenario.Timeline.Add(action);
                        }
                    }
                }
            }

            JsonTree expect = root.Get("expect");
            if (expect != null)
            {
                if (expect.Kind != JsonKind.Array)
                {
                    context.Error(expect.Line, "\"expect\" must be an array of expectations");
                }
                else
                {
                    foreach (JsonTree item in expect.Items)
                    {
                        Expectation expectation = ParseExpectation(item, scenario, circuitKnown, context);
                        if (expectation != null)
                        {
                            scenario.Expectations.Add(expectation);
                        }
                    }
                }
            }

            if (errors.Count > 0)
            {
                throw new ScenarioInvalidException(errors);
            }

            // Stable sort: actions at one instant run in file order.
            var ordered = new List<TimelineAction>(scenario.Timeline);
            ordered.Sort((a, b) => a.TimeS != b.TimeS ? a.TimeS.CompareTo(b.TimeS) : scenario.Timeline.IndexOf(a).CompareTo(scenario.Timeline.IndexOf(b)));
            scenario.Timeline = ordered;
            return scenario;
        }

        private static void ParseCircuitParams(JsonTree node, Scenario scenario, Context context)
        {
            if (node == null)
            {
                return;
            }

            if (node.Kind != JsonKind.Object)
            {
                context.Error(node.Line, "\"circuit_params\" must be an object");
                return;
            }

            foreach (JsonMember member in node.Members)
            {
                if (!ScenarioVocabulary.Contains(ScenarioVocabulary.CircuitParams, member.Name))
                {
                    context.Error(member.Line, $"unknown circuit parameter \"{member.Name}\" (known: {string.Join(", ", ScenarioVocabulary.CircuitParams)})");
                }
                else if (member.Value.Kind != JsonKind.Number)
                {
                    context.Error(member.Line, $"circuit parameter \"{member.Name}\" must be a number, found {JsonTree.Describe(member.Value.Kind)}");
                }
                else if (member.Value.Number < 0 || (member.Value.Number == 0 && member.Name != "vacuum_mmHg" && member.Name != "native_flow_l_min" && member.Name != "venous_return_l_min"))
                {
                    context.Error(member.Line, $"circuit parameter \"{member.Name}\" must be positive");
                }
                else if (member.Name == "roller_pulsation_fraction" && member.Value.Number >= 1)
                {
                    context.Error(member.Line, "circuit parameter \"roller_pulsation_fraction\" must be below 1 (a fraction of the mean flow)");
                }
                else
                {
                    scenario.CircuitParams[member.Name] = member.Value.Number;
                }
            }
        }

        private static PumpSetting ParsePump(JsonTree node, CircuitKind circuit, Context context)
        {
            PumpSetting pump = ScenarioVocabulary.DefaultPump(circuit);
            if (node == null)
            {
                return pump;
            }

            if (node.Kind != JsonKind.Object)
            {
                context.Error(node.Line, "\"pump\" must be an object such as { \"kind\": \"roller\", \"flow_l_min\": 5.0 }");
                return pump;
            }

            context.OnlyFields(node, "pump", "kind", "flow_l_min", "rpm");
            string kind = context.RequiredString(node, "kind", node.Line);
            if (kind == "roller")
            {
                double flow = context.RequiredNumber(node, "flow_l_min", node.Line);
                if (!double.IsNaN(flow) && (flow < 0 || flow > 8))
                {
                    context.Error(node.Get("flow_l_min").Line, "\"flow_l_min\" must be between 0 and 8 L/min");
                }

                return new PumpSetting { Kind = PumpKind.Roller, FlowLPerMin = flow };
            }

            if (kind == "centrifugal")
            {
                double rpm = context.RequiredNumber(node, "rpm", node.Line);
                if (!double.IsNaN(rpm) && (rpm < 0 || rpm > 5000))
                {
                    context.Error(node.Get("rpm").Line, "\"rpm\" must be between 0 and 5000");
                }

                return new PumpSetting { Kind = PumpKind.Centrifugal, Rpm = rpm };
            }

            if (kind != null)
            {
                context.Error(node.Get("kind").Line, $"unknown pump kind \"{kind}\" (known: roller, centrifugal)");
            }

            return pump;
        }

        private static TimelineAction ParseAction(JsonTree node, Scenario scenario, bool circuitKnown, Context c)
        {
            if (node.Kind != JsonKind.Object)
            {
                c.Error(node.Line, $"a timeline entry must be an object such as {{ \"t_s\": 30, \"do\": \"inject_air\", ... }}, found {JsonTree.Describe(node.Kind)}");
                return null;
            }

            var action = new TimelineAction { Line = node.Line };
            double t = c.RequiredNumber(node, "t_s", node.Line);
            if (!double.IsNaN(t) && !double.IsNaN(scenario.DurationS) && (t < 0 || t > scenario.DurationS))
            {
                c.Error(node.Get("t_s").Line, $"time t_s {Format(t)} is outside the run (0..{Format(scenario.DurationS)} s)");
            }

            action.TimeS = t;
            action.Do = c.RequiredString(node, "do", node.Line);
            if (action.Do == null)
            {
                return null;
            }

            if (!ScenarioVocabulary.Contains(ScenarioVocabulary.Actions, action.Do))
            {
                c.Error(node.Get("do").Line, $"unknown action \"{action.Do}\" (known: {string.Join(", ", ScenarioVocabulary.Actions)})");
                return null;
            }

            switch (action.Do)
            {
                case "inject_air":
                    c.OnlyFields(node, action.Do, "t_s", "do", "site", "volume_ml");
                    action.Site = Site(node, scenario, circuitKnown, c, true);
                    action.VolumeMl = Positive(node, "volume_ml", c);
                    break;
                case "microbubbles":
                    c.OnlyFields(node, action.Do, "t_s", "do", "site", "per_min", "duration_s");
                    action.Site = Site(node, scenario, circuitKnown, c, false);
                    action.PerMinute = NonNegative(node, "per_min", c, true);
                    action.DurationS = NonNegative(node, "duration_s", c, false);
                    break;
                case "set_venous_return":
                    c.OnlyFields(node, action.Do, "t_s", "do", "flow_l_min");
                    JsonTree flow = node.Get("flow_l_min");
                    if (flow != null && flow.Kind == JsonKind.String && flow.Text == "auto")
                    {
                        action.Auto = true;
                    }
                    else
                    {
                        action.FlowLPerMin = NonNegative(node, "flow_l_min", c, true);
                    }

                    break;
                case "occlude":
                    c.OnlyFields(node, action.Do, "t_s", "do", "site", "fraction");
                    action.Site = Site(node, scenario, circuitKnown, c, true);
                    action.Fraction = node.Get("fraction") == null ? 1.0 : NonNegative(node, "fraction", c, true);
                    if (action.Fraction > 1)
                    {
                        c.Error(node.Get("fraction").Line, "\"fraction\" must be between 0 and 1 (1 = fully occluded)");
                    }

                    break;
                case "release":
                case "disconnect":
                case "remove_air":
                    c.OnlyFields(node, action.Do, "t_s", "do", "site");
                    action.Site = Site(node, scenario, circuitKnown, c, true);
                    break;
                case "clot":
                    c.OnlyFields(node, action.Do, "t_s", "do", "site", "factor_per_min");
                    action.Site = Site(node, scenario, circuitKnown, c, true);
                    if (action.Site != LineSite.Oxygenator && action.Site != LineSite.ColumnInlet && node.Get("site") != null)
                    {
                        c.Error(node.Get("site").Line, "\"clot\" acts on the oxygenator or the column (site \"oxygenator\" or \"column_inlet\")");
                    }

                    action.FactorPerMinute = Positive(node, "factor_per_min", c);
                    break;
                case "sensor_fault":
                    c.OnlyFields(node, action.Do, "t_s", "do", "sensor", "fault", "rate_mmHg_per_min", "amplitude_mmHg");
                    action.Sensor = Sensor(node, scenario, circuitKnown, c);
                    string fault = c.RequiredString(node, "fault", node.Line);
                    if (fault != null && !FaultNames.TryParseFault(fault, out action.Fault))
                    {
                        c.Error(node.Get("fault").Line, $"unknown fault \"{fault}\" (known: {FaultNames.FaultList})");
                    }

                    if (node.Get("rate_mmHg_per_min") != null)
                    {
                        action.Magnitude = c.RequiredNumber(node, "rate_mmHg_per_min", node.Line);
                    }
                    else if (node.Get("amplitude_mmHg") != null)
                    {
                        action.Magnitude = Positive(node, "amplitude_mmHg", c);
                    }

                    break;
                case "clear_fault":
                    c.OnlyFields(node, action.Do, "t_s", "do", "sensor");
                    action.Sensor = Sensor(node, scenario, circuitKnown, c);
                    break;
                case "set_pump":
                    c.OnlyFields(node, action.Do, "t_s", "do", "flow_l_min", "rpm");
                    if (node.Get("flow_l_min") == null && node.Get("rpm") == null)
                    {
                        c.Error(node.Line, "\"set_pump\" needs \"flow_l_min\" (roller) or \"rpm\" (centrifugal)");
                    }
                    else if (node.Get("flow_l_min") != null)
                    {
                        action.FlowLPerMin = NonNegative(node, "flow_l_min", c, true);
                        if (circuitKnown && scenario.Pump != null && scenario.Pump.Kind == PumpKind.Centrifugal)
                        {
                            c.Error(node.Get("flow_l_min").Line, "a centrifugal pump is set by \"rpm\", not \"flow_l_min\"");
                        }
                    }
                    else
                    {
                        action.Rpm = NonNegative(node, "rpm", c, true);
                        if (circuitKnown && scenario.Pump != null && scenario.Pump.Kind == PumpKind.Roller)
                        {
                            c.Error(node.Get("rpm").Line, "a roller pump is set by \"flow_l_min\", not \"rpm\"");
                        }
                    }

                    break;
                case "console":
                    c.OnlyFields(node, action.Do, "t_s", "do", "line");
                    action.Text = c.RequiredString(node, "line", node.Line);
                    break;
                case "operator_reset":
                case "power_restore":
                    c.OnlyFields(node, action.Do, "t_s", "do");
                    break;
                case "power_loss":
                    c.OnlyFields(node, action.Do, "t_s", "do", "duration_s");
                    if (node.Get("duration_s") != null)
                    {
                        action.DurationS = Positive(node, "duration_s", c);
                    }

                    break;
                case "override":
                    c.OnlyFields(node, action.Do, "t_s", "do", "alarm", "duration_s");
                    action.Text = c.RequiredString(node, "alarm", node.Line);
                    action.DurationS = Positive(node, "duration_s", c);
                    break;
                case "inject_failure":
                case "clear_failure":
                    c.OnlyFields(node, action.Do, "t_s", "do", "failure");
                    string failure = c.RequiredString(node, "failure", node.Line);
                    if (failure != null && !FaultNames.TryParseFailure(failure, out action.Failure))
                    {
                        c.Error(node.Get("failure").Line, $"unknown failure \"{failure}\" (known: {FaultNames.FailureList})");
                    }

                    break;
                case "set_vacuum":
                    c.OnlyFields(node, action.Do, "t_s", "do", "vacuum_mmHg");
                    action.VacuumMmHg = NonNegative(node, "vacuum_mmHg", c, true);
                    break;
                case "set_arterial_pump":
                    c.OnlyFields(node, action.Do, "t_s", "do", "running", "flow_l_min");
                    JsonTree running = node.Get("running");
                    if (running == null || running.Kind != JsonKind.Bool)
                    {
                        c.Error(running?.Line ?? node.Line, "\"set_arterial_pump\" needs \"running\": true or false");
                    }
                    else
                    {
                        action.Running = running.Bool;
                    }

                    if (node.Get("flow_l_min") != null)
                    {
                        action.FlowLPerMin = NonNegative(node, "flow_l_min", c, true);
                    }

                    break;
            }

            return action;
        }

        private static Expectation ParseExpectation(JsonTree node, Scenario scenario, bool circuitKnown, Context c)
        {
            if (node.Kind != JsonKind.Object)
            {
                c.Error(node.Line, $"an expectation must be an object, found {JsonTree.Describe(node.Kind)}");
                return null;
            }

            var e = new Expectation { Line = node.Line, Raw = node.Raw };
            int kinds = (node.Get("event") != null ? 1 : 0) + (node.Get("never") != null ? 1 : 0) + (node.Get("max") != null ? 1 : 0) + (node.Get("min") != null ? 1 : 0);
            if (kinds != 1)
            {
                c.Error(node.Line, "an expectation has exactly one of \"event\", \"never\", \"max\" or \"min\"");
                return null;
            }

            if (node.Get("event") != null || node.Get("never") != null)
            {
                bool isEvent = node.Get("event") != null;
                e.Kind = isEvent ? ExpectationKind.Event : ExpectationKind.Never;
                string field = isEvent ? "event" : "never";
                e.Subject = c.RequiredString(node, field, node.Line);
                if (e.Subject != null && !ScenarioVocabulary.Contains(ScenarioVocabulary.EventKinds, e.Subject))
                {
                    c.Error(node.Get(field).Line, $"unknown event kind \"{e.Subject}\" (known: {string.Join(", ", ScenarioVocabulary.EventKinds)})");
                }

                var allowed = new List<string> { field };
                allowed.AddRange(ScenarioVocabulary.EventFilters);
                allowed.AddRange(isEvent ? new[] { "after_s", "within_ms" } : new[] { "between_s" });
                c.OnlyFields(node, "expectation", allowed.ToArray());
                foreach (string filter in ScenarioVocabulary.EventFilters)
                {
                    string value = c.OptionalString(node, filter);
                    if (value != null)
                    {
                        e.Filters[filter] = value;
                        if (filter == "source" && circuitKnown && !IsChannelOf(scenario.Circuit, value) && value != "power" && value != "firmware")
                        {
                            c.Error(node.Get(filter).Line, $"unknown sensor \"{value}\" for {CircuitNames.NameOf(scenario.Circuit)} (its channels: {ScenarioVocabulary.ChannelNamesOf(scenario.Circuit)})");
                        }
                    }
                }

                if (isEvent)
                {
                    e.AfterS = node.Get("after_s") == null ? 0 : NonNegative(node, "after_s", c, true);
                    CheckTime(node, "after_s", e.AfterS, scenario, c);
                    if (node.Get("within_ms") != null)
                    {
                        e.WithinMs = Positive(node, "within_ms", c);
                    }
                }
                else
                {
                    e.FromS = 0;
                    e.ToS = double.IsNaN(scenario.DurationS) ? double.MaxValue : scenario.DurationS;
                    JsonTree between = node.Get("between_s");
                    if (between != null)
                    {
                        if (between.Kind != JsonKind.Array || between.Items.Count != 2 || between.Items[0].Kind != JsonKind.Number || between.Items[1].Kind != JsonKind.Number)
                        {
                            c.Error(between.Line, "\"between_s\" must be two numbers [from, to]");
                        }
                        else
                        {
                            e.FromS = between.Items[0].Number;
                            e.ToS = between.Items[1].Number;
                            if (e.FromS > e.ToS)
                            {
                                c.Error(between.Line, "\"between_s\" must be [from, to] with from ≤ to");
                            }

                            CheckTime(node, "between_s", e.FromS, scenario, c);
                            CheckTime(node, "between_s", e.ToS, scenario, c);
                        }
                    }
                }
            }
            else
            {
                bool isMax = node.Get("max") != null;
                e.Kind = isMax ? ExpectationKind.Max : ExpectationKind.Min;
                string field = isMax ? "max" : "min";
                c.OnlyFields(node, "expectation", field, "value");
                e.Subject = c.RequiredString(node, field, node.Line);
                if (e.Subject != null && !IsOutcome(e.Subject, scenario, circuitKnown))
                {
                    c.Error(node.Get(field).Line, $"unknown outcome \"{e.Subject}\" (known: {string.Join(", ", ScenarioVocabulary.Outcomes)}, max_pressure_mmHg.<pressure channel>)");
                }

                e.Value = c.RequiredNumber(node, "value", node.Line);
            }

            return e;
        }

        private static bool IsOutcome(string subject, Scenario scenario, bool circuitKnown)
        {
            if (ScenarioVocabulary.Contains(ScenarioVocabulary.Outcomes, subject))
            {
                return true;
            }

            const string prefix = "max_pressure_mmHg.";
            if (subject.StartsWith(prefix, StringComparison.Ordinal))
            {
                string channel = subject.Substring(prefix.Length);
                return ChannelNames.TryParse(channel, out ChannelId id) && ChannelNames.KindOf(id) == ChannelKind.Pressure && (!circuitKnown || IsChannelOf(scenario.Circuit, channel));
            }

            return false;
        }

        private static void CheckTime(JsonTree node, string field, double t, Scenario scenario, Context c)
        {
            if (!double.IsNaN(t) && !double.IsNaN(scenario.DurationS) && (t < 0 || t > scenario.DurationS))
            {
                c.Error(node.Get(field).Line, $"time {Format(t)} s in \"{field}\" is outside the run (0..{Format(scenario.DurationS)} s)");
            }
        }

        private static bool IsChannelOf(CircuitKind circuit, string name)
        {
            if (!ChannelNames.TryParse(name, out ChannelId id))
            {
                return false;
            }

            foreach (ChannelId channel in ScenarioVocabulary.ChannelsOf(circuit))
            {
                if (channel == id)
                {
                    return true;
                }
            }

            return false;
        }

        private static LineSite Site(JsonTree node, Scenario scenario, bool circuitKnown, Context c, bool required)
        {
            JsonTree site = node.Get("site");
            if (site == null)
            {
                if (required)
                {
                    c.Error(node.Line, $"\"{node.Get("do")?.Text}\" needs a \"site\"");
                }

                return LineSite.ArterialLine;
            }

            if (site.Kind != JsonKind.String)
            {
                c.Error(site.Line, $"\"site\" must be a string, found {JsonTree.Describe(site.Kind)}");
                return LineSite.ArterialLine;
            }

            if (!LineSites.TryParse(site.Text, out LineSite parsed))
            {
                c.Error(site.Line, $"unknown site \"{site.Text}\" (known: {LineSites.AllNames})");
                return parsed;
            }

            if (circuitKnown && !LineSites.Exists(scenario.Circuit, parsed))
            {
                c.Error(site.Line, $"unknown site \"{site.Text}\" for {CircuitNames.NameOf(scenario.Circuit)} (its sites: {LineSites.NamesFor(scenario.Circuit)})");
            }

            return parsed;
        }

        private static ChannelId Sensor(JsonTree node, Scenario scenario, bool circuitKnown, Context c)
        {
            string name = c.RequiredString(node, "sensor", node.Line);
            if (name == null)
            {
                return ChannelId.PArterial;
            }

            if (!ChannelNames.TryParse(name, out ChannelId id) || (circuitKnown && !IsChannelOf(scenario.Circuit, name)))
            {
                string known = circuitKnown ? ScenarioVocabulary.ChannelNamesOf(scenario.Circuit) : "the profile's channel names";
                c.Error(node.Get("sensor").Line, $"unknown sensor \"{name}\"" + (circuitKnown ? $" for {CircuitNames.NameOf(scenario.Circuit)}" : "") + $" (its channels: {known})");
            }

            return id;
        }

        private static double Positive(JsonTree node, string field, Context c)
        {
            double v = c.RequiredNumber(node, field, node.Line);
            if (!double.IsNaN(v) && v <= 0)
            {
                c.Error(node.Get(field).Line, $"\"{field}\" must be above 0");
            }

            return v;
        }

        private static double NonNegative(JsonTree node, string field, Context c, bool required)
        {
            if (!required && node.Get(field) == null)
            {
                return double.NaN;
            }

            double v = c.RequiredNumber(node, field, node.Line);
            if (!double.IsNaN(v) && v < 0)
            {
                c.Error(node.Get(field).Line, $"\"{field}\" must not be negative");
            }

            return v;
        }

        private static string Format(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

        private sealed class Context
        {
            private readonly string _file;
            private readonly List<ScenarioError> _errors;

            public Context(string file, List<ScenarioError> errors)
            {
                _file = file;
                _errors = errors;
            }

            public void Error(int line, string message) => _errors.Add(new ScenarioError(_file, line, message));

            public string RequiredString(JsonTree obj, string field, int line)
            {
                JsonTree value = obj.Get(field);
                if (value == null)
                {
                    Error(line, $"missing field \"{field}\"");
                    return null;
                }

                if (value.Kind != JsonKind.String)
                {
                    Error(value.Line, $"\"{field}\" must be a string, found {JsonTree.Describe(value.Kind)}");
                    return null;
                }

                return value.Text;
            }

            public string OptionalString(JsonTree obj, string field)
            {
                JsonTree value = obj.Get(field);
                if (value == null)
                {
                    return null;
                }

                if (value.Kind != JsonKind.String)
                {
                    Error(value.Line, $"\"{field}\" must be a string, found {JsonTree.Describe(value.Kind)}");
                    return null;
                }

                return value.Text;
            }

            public double RequiredNumber(JsonTree obj, string field, int line)
            {
                JsonTree value = obj.Get(field);
                if (value == null)
                {
                    Error(line, $"missing field \"{field}\"");
                    return double.NaN;
                }

                if (value.Kind != JsonKind.Number)
                {
                    Error(value.Line, $"\"{field}\" must be a number, found {JsonTree.Describe(value.Kind)}");
                    return double.NaN;
                }

                return value.Number;
            }

            public void OnlyFields(JsonTree obj, string what, params string[] allowed)
            {
                foreach (JsonMember member in obj.Members)
                {
                    if (!ScenarioVocabulary.Contains(allowed, member.Name))
                    {
                        Error(member.Line, $"unknown field \"{member.Name}\" in {what} (allowed: {string.Join(", ", allowed)})");
                    }
                }
            }
        }
    }

    /// <summary>One problem in a scenario file.</summary>
    public sealed class ScenarioError
    {
        /// <summary>Creates an error.</summary>
        public ScenarioError(string file, int line, string message)
        {
            File = file;
            Line = line;
            Message = message;
        }

        /// <summary>The file.</summary>
        public string File { get; }
        /// <summary>1-based line (0 when the file could not be read).</summary>
        public int Line { get; }
        /// <summary>What is wrong.</summary>
        public string Message { get; }

        /// <summary>"file:line: message".</summary>
        public override string ToString() => $"{File}:{Line}: {Message}";
    }

    /// <summary>A scenario that cannot run; <see cref="Exception.Message"/> lists every error, one per line.</summary>
    public sealed class ScenarioInvalidException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ScenarioInvalidException(IReadOnlyList<ScenarioError> errors)
            : base(string.Join(Environment.NewLine, errors))
        {
            Errors = errors;
        }

        /// <summary>Every problem found.</summary>
        public IReadOnlyList<ScenarioError> Errors { get; }
    }
}
