using System.Collections.Generic;
using System.Globalization;
using PerfusionGuard.Emulator.Scenarios;

namespace PerfusionGuard.Emulator.Runner
{
    /// <summary>Checks a scenario's "expect" entries against a run's events and outcomes (Milano-harness style oracles).</summary>
    public static class ExpectationChecker
    {
        /// <summary>Checks every expectation of <paramref name="scenario"/>.</summary>
        public static List<ExpectationResult> Check(Scenario scenario, RunResult result)
        {
            var results = new List<ExpectationResult>();
            foreach (Expectation e in scenario.Expectations)
            {
                results.Add(CheckOne(e, result));
            }

            return results;
        }

        private static ExpectationResult CheckOne(Expectation e, RunResult result)
        {
            switch (e.Kind)
            {
                case ExpectationKind.Event:
                {
                    double afterMs = e.AfterS * 1000.0;
                    foreach (RunEvent ev in result.Events)
                    {
                        if (ev.TMs >= afterMs && Matches(ev, e))
                        {
                            double delayMs = ev.TMs - afterMs;
                            bool held = double.IsNaN(e.WithinMs) || delayMs <= e.WithinMs;
                            string detail = $"{e.Subject} at {S(ev.TMs / 1000.0, "F4")} s, {S(delayMs, "F1")} ms after {S(e.AfterS, "0.###")} s";
                            if (!double.IsNaN(e.WithinMs))
                            {
                                detail += held ? $" (within {S(e.WithinMs, "0.###")} ms)" : $" (later than {S(e.WithinMs, "0.###")} ms)";
                            }

                            return new ExpectationResult(e, held, detail + Describe(ev));
                        }
                    }

                    return new ExpectationResult(e, false, $"no {e.Subject}{FilterText(e)} after {S(e.AfterS, "0.###")} s");
                }

                case ExpectationKind.Never:
                {
                    foreach (RunEvent ev in result.Events)
                    {
                        if (ev.TMs >= e.FromS * 1000.0 && ev.TMs <= e.ToS * 1000.0 && Matches(ev, e))
                        {
                            return new ExpectationResult(e, false, $"{e.Subject} at {S(ev.TMs / 1000.0, "F4")} s" + Describe(ev));
                        }
                    }

                    return new ExpectationResult(e, true, $"no {e.Subject}{FilterText(e)} between {S(e.FromS, "0.###")} and {S(e.ToS, "0.###")} s");
                }

                default:
                {
                    double value = result.Outcomes.Get(e.Subject);
                    if (double.IsNaN(value))
                    {
                        return new ExpectationResult(e, false, $"{e.Subject} was not measured in this run");
                    }

                    bool held = e.Kind == ExpectationKind.Max ? value <= e.Value : value >= e.Value;
                    string op = e.Kind == ExpectationKind.Max ? "≤" : "≥";
                    return new ExpectationResult(e, held, $"{e.Subject} = {S(value, "0.####")} ({(held ? "" : "not ")}{op} {S(e.Value, "0.####")})");
                }
            }
        }

        private static bool Matches(RunEvent ev, Expectation e)
        {
            if (ev.Kind != e.Subject)
            {
                return false;
            }

            foreach (KeyValuePair<string, string> filter in e.Filters)
            {
                if (ev.FieldText(filter.Key) != filter.Value)
                {
                    return false;
                }
            }

            return true;
        }

        private static string Describe(RunEvent ev)
        {
            var parts = new List<string>();
            foreach (string key in new[] { "cause", "source", "path", "id", "priority", "state", "latency_ms" })
            {
                string v = ev.FieldText(key);
                if (v != null)
                {
                    parts.Add(key + " " + v);
                }
            }

            return parts.Count == 0 ? "" : " (" + string.Join(", ", parts) + ")";
        }

        private static string FilterText(Expectation e)
        {
            var parts = new List<string>();
            foreach (KeyValuePair<string, string> filter in e.Filters)
            {
                parts.Add(filter.Key + "=" + filter.Value);
            }

            return parts.Count == 0 ? "" : " with " + string.Join(", ", parts);
        }

        private static string S(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
    }
}
