namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Name and kind tables for <see cref="ChannelId"/>. nanoFramework's Enum.ToString() returns the
    /// number (NANO-PLATFORM.md), so names live in tables.
    /// </summary>
    public static class ChannelNames
    {
        /// <summary>Number of <see cref="ChannelId"/> values; the length of per-channel arrays.</summary>
        public const int Count = 14;

        private static readonly string[] s_names =
        {
            "p_arterial", "p_venous", "p_post_oxygenator", "p_cardioplegia", "p_coronary_sinus",
            "p_pre_column", "p_return", "bubble_arterial", "bubble_cardioplegia", "bubble_return",
            "level_reservoir", "flow_arterial", "flow_cardioplegia", "p_access",
        };

        private static readonly ChannelKind[] s_kinds =
        {
            ChannelKind.Pressure, ChannelKind.Pressure, ChannelKind.Pressure, ChannelKind.Pressure,
            ChannelKind.Pressure, ChannelKind.Pressure, ChannelKind.Pressure, ChannelKind.Air,
            ChannelKind.Air, ChannelKind.Air, ChannelKind.Level, ChannelKind.Flow, ChannelKind.Flow,
            ChannelKind.Pressure,
        };

        /// <summary>The SCENARIOS.md name of a channel, such as "p_arterial".</summary>
        public static string NameOf(ChannelId id) => s_names[(int)id];

        /// <summary>What the channel measures.</summary>
        public static ChannelKind KindOf(ChannelId id) => s_kinds[(int)id];

        /// <summary>The unit of a channel's value as printed ("mmHg", "ml", "L/min", "").</summary>
        public static string UnitOf(ChannelId id)
        {
            switch (s_kinds[(int)id])
            {
                case ChannelKind.Pressure: return "mmHg";
                case ChannelKind.Level: return "ml";
                case ChannelKind.Flow: return "L/min";
                default: return "";
            }
        }

        /// <summary>Looks a channel up by its name; false when the name is not a channel.</summary>
        public static bool TryParse(string name, out ChannelId id)
        {
            for (int i = 0; i < s_names.Length; i++)
            {
                if (s_names[i] == name)
                {
                    id = (ChannelId)i;
                    return true;
                }
            }

            id = ChannelId.PArterial;
            return false;
        }
    }
}
