namespace PerfusionGuard.Profiles
{
    /// <summary>The circuits PerfusionGuard guards (SCENARIOS.md "circuit").</summary>
    public enum CircuitKind : byte
    {
        /// <summary>adult-cpb</summary>
        AdultCpb = 0,
        /// <summary>pediatric-cpb</summary>
        PediatricCpb = 1,
        /// <summary>ecmo</summary>
        Ecmo = 2,
        /// <summary>cardioplegia-antegrade</summary>
        CardioplegiaAntegrade = 3,
        /// <summary>cardioplegia-retrograde</summary>
        CardioplegiaRetrograde = 4,
        /// <summary>hemoperfusion</summary>
        Hemoperfusion = 5,
    }

    /// <summary>The pump the module's enable line drives.</summary>
    public enum PumpKind : byte
    {
        /// <summary>Occlusive roller pump: flow = stroke volume × rpm, indifferent to afterload.</summary>
        Roller = 0,
        /// <summary>Centrifugal pump: flow depends on pressure; backflow when slowed.</summary>
        Centrifugal = 1,
    }

    /// <summary>Name tables for circuit and pump kinds.</summary>
    public static class CircuitNames
    {
        /// <summary>Number of circuit kinds.</summary>
        public const int Count = 6;

        private static readonly string[] s_circuits =
        {
            "adult-cpb", "pediatric-cpb", "ecmo", "cardioplegia-antegrade", "cardioplegia-retrograde", "hemoperfusion",
        };

        /// <summary>The SCENARIOS.md name of a circuit, such as "adult-cpb".</summary>
        public static string NameOf(CircuitKind kind) => s_circuits[(int)kind];

        /// <summary>"roller" or "centrifugal".</summary>
        public static string NameOf(PumpKind kind) => kind == PumpKind.Roller ? "roller" : "centrifugal";

        /// <summary>Looks a circuit up by name; false when unknown.</summary>
        public static bool TryParse(string name, out CircuitKind kind)
        {
            for (int i = 0; i < s_circuits.Length; i++)
            {
                if (s_circuits[i] == name)
                {
                    kind = (CircuitKind)i;
                    return true;
                }
            }

            kind = CircuitKind.AdultCpb;
            return false;
        }
    }
}
