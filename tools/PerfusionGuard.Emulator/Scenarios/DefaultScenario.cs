using System.IO;

namespace PerfusionGuard.Emulator.Scenarios
{
    /// <summary>
    /// The demonstration scenario `run` uses without arguments (tests/scenarios/adult-cpb-demo.json,
    /// embedded): adult CPB with an air slug, an occlusion and an operator reset, about five simulated
    /// minutes, a couple of seconds of wall time, no broker and no hardware.
    /// </summary>
    public static class DefaultScenario
    {
        /// <summary>Name shown in messages for the embedded file.</summary>
        public const string FileName = "(built-in) tests/scenarios/adult-cpb-demo.json";

        /// <summary>The file's bytes.</summary>
        public static byte[] Bytes()
        {
            using Stream stream = typeof(DefaultScenario).Assembly.GetManifestResourceStream("scenarios.default-demo.json")
                ?? throw new InvalidDataException("emulator: the default scenario is not embedded");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        /// <summary>The parsed scenario.</summary>
        public static Scenario Load() => ScenarioParser.Parse(Bytes(), FileName);
    }
}
