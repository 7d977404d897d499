namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Names of the <see cref="SensorQuality"/> flags for console, log and telemetry text.
    /// nanoFramework's Enum.ToString() returns the number (NANO-PLATFORM.md), so names live here.
    /// </summary>
    public static class SensorQualityNames
    {
        private static readonly string[] s_names =
        {
            "open", "short", "stuck", "out_of_range", "rate_implausible", "noisy", "uncalibrated",
            "disconnected", "self_test_failed", "latch_disagrees",
        };

        /// <summary>Number of defined flags (bit positions 0..FlagCount-1).</summary>
        public const int FlagCount = 10;

        /// <summary>The name of one flag ("open"); "good" for none, "bit N" for an unknown bit.</summary>
        public static string NameOf(SensorQuality flag)
        {
            int bits = (int)flag;
            if (bits == 0)
            {
                return "good";
            }

            for (int i = 0; i < FlagCount; i++)
            {
                if (bits == 1 << i)
                {
                    return s_names[i];
                }
            }

            return "bits " + bits.ToString();
        }

        /// <summary>Comma-separated names of every flag set ("open, stuck"); "good" for none. Allocates.</summary>
        public static string Describe(SensorQuality flags)
        {
            int bits = (int)flags;
            if (bits == 0)
            {
                return "good";
            }

            string text = "";
            for (int i = 0; i < 16; i++)
            {
                if ((bits & (1 << i)) != 0)
                {
                    string name = i < FlagCount ? s_names[i] : "bit " + i.ToString();
                    text = text.Length == 0 ? name : text + ", " + name;
                }
            }

            return text;
        }
    }
}
