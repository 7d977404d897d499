using PerfusionGuard.Emulator.Scenarios;

namespace PerfusionGuard.Emulator.Runner
{
    /// <summary>One checked expectation: the entry as written, whether it held, and what was seen.</summary>
    public sealed class ExpectationResult
    {
        /// <summary>Creates a result.</summary>
        public ExpectationResult(Expectation expectation, bool held, string detail)
        {
            Expectation = expectation;
            Held = held;
            Detail = detail;
        }

        /// <summary>The expectation.</summary>
        public Expectation Expectation { get; }

        /// <summary>"held".</summary>
        public bool Held { get; }

        /// <summary>"detail".</summary>
        public string Detail { get; }
    }
}
