using System.Linq;
using System.Text;
using PerfusionGuard.Emulator.Scenarios;
using Xunit;

namespace PerfusionGuard.Emulator.Tests.Scenarios
{
    /// <summary>Invalid scenarios are rejected before the run with file, line and the problem (SCENARIOS.md).</summary>
    public class ScenarioParserTests
    {
        private const string File = "bad.json";

        private static ScenarioError RejectOne(string json)
        {
            var e = Assert.Throws<ScenarioInvalidException>(() => ScenarioParser.Parse(Encoding.UTF8.GetBytes(json), File));
            Assert.NotEmpty(e.Errors);
            Assert.All(e.Errors, error => Assert.Equal(File, error.File));
            return e.Errors[0];
        }

        private static string Valid(string timeline = "", string expect = "", string circuit = "adult-cpb") => $@"{{
  ""name"": ""t"",
  ""circuit"": ""{circuit}"",
  ""duration_s"": 100,
  ""timeline"": [
{timeline}
  ],
  ""expect"": [
{expect}
  ]
}}";

        [Fact]
        public void A_valid_file_with_comments_and_trailing_commas_parses()
        {
            string json = "// a comment\n" + Valid("    { \"t_s\": 10, \"do\": \"inject_air\", \"site\": \"arterial_line\", \"volume_ml\": 0.5 },  /* trailing */",
                "    { \"max\": \"air_to_patient_ml\", \"value\": 0 },");
            Scenario s = ScenarioParser.Parse(Encoding.UTF8.GetBytes(json), File);
            Assert.Equal("t", s.Name);
            Assert.Single(s.Timeline);
            Assert.Equal(0.5, s.Timeline[0].VolumeMl);
            Assert.Equal(1UL, s.Seed);
        }

        [Fact]
        public void Unknown_action_is_rejected_with_its_line()
        {
            ScenarioError e = RejectOne(Valid("    { \"t_s\": 10, \"do\": \"explode\" }"));
            Assert.Equal(6, e.Line);
            Assert.Contains("unknown action \"explode\"", e.Message);
        }

        [Fact]
        public void Unknown_site_is_rejected_with_its_line()
        {
            ScenarioError e = RejectOne(Valid("    { \"t_s\": 10, \"do\": \"occlude\", \"site\": \"aorta\" }"));
            Assert.Equal(6, e.Line);
            Assert.Contains("unknown site \"aorta\"", e.Message);
        }

        [Fact]
        public void A_site_the_circuit_does_not_have_is_rejected()
        {
            ScenarioError e = RejectOne(Valid("    { \"t_s\": 10, \"do\": \"occlude\", \"site\": \"return_line\" }"));
            Assert.Contains("for adult-cpb", e.Message);
        }

        [Fact]
        public void Unknown_sensor_is_rejected_with_its_line()
        {
            ScenarioError e = RejectOne(Valid("    { \"t_s\": 10, \"do\": \"sensor_fault\", \"sensor\": \"p_coronary_sinus\", \"fault\": \"open\" }"));
            Assert.Equal(6, e.Line);
            Assert.Contains("unknown sensor \"p_coronary_sinus\"", e.Message);
        }

        [Fact]
        public void Unknown_fault_is_rejected_with_its_line()
        {
            ScenarioError e = RejectOne(Valid("    { \"t_s\": 10, \"do\": \"sensor_fault\", \"sensor\": \"p_arterial\",\n      \"fault\": \"melted\" }"));
            Assert.Equal(7, e.Line);
            Assert.Contains("unknown fault \"melted\"", e.Message);
        }

        [Fact]
        public void Unknown_circuit_is_rejected_with_its_line()
        {
            ScenarioError e = RejectOne(Valid(circuit: "dialysis"));
            Assert.Equal(3, e.Line);
            Assert.Contains("unknown circuit \"dialysis\"", e.Message);
        }

        [Fact]
        public void Time_outside_the_run_is_rejected_with_its_line()
        {
            ScenarioError e = RejectOne(Valid("    { \"t_s\": 150, \"do\": \"operator_reset\" }"));
            Assert.Equal(6, e.Line);
            Assert.Contains("outside the run", e.Message);
        }

        [Fact]
        public void Expectation_time_outside_the_run_is_rejected()
        {
            ScenarioError e = RejectOne(Valid(expect: "    { \"never\": \"pump_stop\", \"between_s\": [0, 500] }"));
            Assert.Equal(9, e.Line);
            Assert.Contains("outside the run", e.Message);
        }

        [Fact]
        public void Malformed_json_is_rejected_with_its_line()
        {
            ScenarioError e = RejectOne("{\n  \"name\": \"t\",\n  \"circuit\": adult-cpb\n}");
            Assert.Equal(3, e.Line);
            Assert.Contains("malformed JSON", e.Message);
        }

        [Fact]
        public void Missing_fields_are_rejected_each_with_a_line()
        {
            var e = Assert.Throws<ScenarioInvalidException>(() => ScenarioParser.Parse(Encoding.UTF8.GetBytes("{\n  \"name\": \"t\"\n}"), File));
            Assert.Contains(e.Errors, x => x.Message.Contains("missing field \"circuit\"") && x.Line == 1);
            Assert.Contains(e.Errors, x => x.Message.Contains("missing field \"duration_s\""));
        }

        [Fact]
        public void A_missing_action_field_is_rejected()
        {
            ScenarioError e = RejectOne(Valid("    { \"t_s\": 10, \"do\": \"inject_air\", \"site\": \"arterial_line\" }"));
            Assert.Contains("missing field \"volume_ml\"", e.Message);
        }

        [Fact]
        public void Type_errors_are_rejected_with_their_line()
        {
            ScenarioError e = RejectOne(Valid("    { \"t_s\": \"ten\", \"do\": \"operator_reset\" }"));
            Assert.Equal(6, e.Line);
            Assert.Contains("\"t_s\" must be a number, found a string", e.Message);
        }

        [Fact]
        public void Unknown_fields_are_rejected_so_that_typos_do_not_pass_silently()
        {
            ScenarioError e = RejectOne(Valid("    { \"t_s\": 10, \"do\": \"inject_air\", \"site\": \"arterial_line\", \"volume_ml\": 1, \"volme_ml\": 2 }"));
            Assert.Contains("unknown field \"volme_ml\"", e.Message);
        }

        [Fact]
        public void Unknown_expectation_event_and_outcome_are_rejected()
        {
            var e = Assert.Throws<ScenarioInvalidException>(() => ScenarioParser.Parse(Encoding.UTF8.GetBytes(Valid(expect:
                "    { \"event\": \"explosion\" },\n    { \"max\": \"fun\", \"value\": 1 }")), File));
            Assert.Contains(e.Errors, x => x.Line == 9 && x.Message.Contains("unknown event kind \"explosion\""));
            Assert.Contains(e.Errors, x => x.Line == 10 && x.Message.Contains("unknown outcome \"fun\""));
        }

        [Fact]
        public void Every_error_is_reported_not_only_the_first()
        {
            var e = Assert.Throws<ScenarioInvalidException>(() => ScenarioParser.Parse(Encoding.UTF8.GetBytes(Valid(
                "    { \"t_s\": 10, \"do\": \"explode\" },\n    { \"t_s\": 500, \"do\": \"operator_reset\" }")), File));
            Assert.Equal(2, e.Errors.Count);
            Assert.Equal(new[] { 6, 7 }, e.Errors.Select(x => x.Line).ToArray());
            Assert.StartsWith("bad.json:6: ", e.Message);
        }

        [Fact]
        public void Timeline_is_sorted_by_time_keeping_file_order_at_one_instant()
        {
            Scenario s = ScenarioParser.Parse(Encoding.UTF8.GetBytes(Valid(
                "    { \"t_s\": 20, \"do\": \"operator_reset\" },\n    { \"t_s\": 10, \"do\": \"console\", \"line\": \"a\" },\n    { \"t_s\": 10, \"do\": \"console\", \"line\": \"b\" }")), File);
            Assert.Equal(new[] { "a", "b", null }, s.Timeline.Select(a => a.Text).ToArray());
        }
    }
}
