using PerfusionGuard.Profiles;

namespace PerfusionGuard.Emulator.Physics
{
    /// <summary>Places in the circuit where a scenario acts (SCENARIOS.md sites, plus "oxygenator").</summary>
    public enum LineSite
    {
        /// <summary>venous_line: drainage from the patient (to the reservoir, or to the pump inlet without one).</summary>
        VenousLine,
        /// <summary>reservoir: the venous reservoir itself.</summary>
        Reservoir,
        /// <summary>arterial_line: pump to patient; air is injected between pump and detector.</summary>
        ArterialLine,
        /// <summary>cardioplegia_line: the cardioplegia delivery line.</summary>
        CardioplegiaLine,
        /// <summary>return_line: hemoperfusion return line (after the column) to the patient.</summary>
        ReturnLine,
        /// <summary>column_inlet: between the blood pump and the adsorbent column.</summary>
        ColumnInlet,
        /// <summary>oxygenator: the membrane oxygenator (clotting).</summary>
        Oxygenator,
    }

    /// <summary>Site names and which circuit has which site.</summary>
    public static class LineSites
    {
        private static readonly string[] s_names =
        {
            "venous_line", "reservoir", "arterial_line", "cardioplegia_line", "return_line", "column_inlet", "oxygenator",
        };

        /// <summary>The scenario name of a site.</summary>
        public static string NameOf(LineSite site) => s_names[(int)site];

        /// <summary>Every site name, for error messages.</summary>
        public static string AllNames => string.Join(", ", s_names);

        /// <summary>Parses a site name.</summary>
        public static bool TryParse(string name, out LineSite site)
        {
            for (int i = 0; i < s_names.Length; i++)
            {
                if (s_names[i] == name)
                {
                    site = (LineSite)i;
                    return true;
                }
            }

            site = LineSite.ArterialLine;
            return false;
        }

        /// <summary>True when <paramref name="circuit"/> has <paramref name="site"/>.</summary>
        public static bool Exists(CircuitKind circuit, LineSite site)
        {
            switch (circuit)
            {
                case CircuitKind.AdultCpb:
                case CircuitKind.PediatricCpb:
                    return site == LineSite.VenousLine || site == LineSite.Reservoir || site == LineSite.ArterialLine || site == LineSite.Oxygenator;
                case CircuitKind.Ecmo:
                    return site == LineSite.VenousLine || site == LineSite.ArterialLine || site == LineSite.Oxygenator;
                case CircuitKind.CardioplegiaAntegrade:
                case CircuitKind.CardioplegiaRetrograde:
                    return site == LineSite.CardioplegiaLine;
                case CircuitKind.Hemoperfusion:
                    return site == LineSite.VenousLine || site == LineSite.ColumnInlet || site == LineSite.ReturnLine;
                default:
                    return false;
            }
        }

        /// <summary>The sites of <paramref name="circuit"/>, for error messages.</summary>
        public static string NamesFor(CircuitKind circuit)
        {
            var names = new System.Collections.Generic.List<string>();
            for (int i = 0; i < s_names.Length; i++)
            {
                if (Exists(circuit, (LineSite)i))
                {
                    names.Add(s_names[i]);
                }
            }

            return string.Join(", ", names);
        }
    }
}
