using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// Name tables the telemetry payloads use for enums (nanoFramework's Enum.ToString() prints the
    /// number; NANO-PLATFORM.md). The names are part of the payload schema: change them only with
    /// the topic version.
    /// </summary>
    public static class TelemetryNames
    {
        private static readonly string[] s_eventKinds =
        {
            "condition_raised", "condition_cleared", "condition_reset", "override_started", "override_ended",
            "command_refused", "pump_stopped", "pump_enabled",
        };

        private static readonly string[] s_priorities = { "none", "low", "medium", "high" };

        private static readonly string[] s_levelStates = { "normal", "alert", "low" };

        private static readonly string[] s_qualityBits =
        {
            "open", "short", "stuck", "out_of_range", "rate_implausible", "noisy", "uncalibrated", "disconnected",
            "selftest_failed",
        };

        /// <summary>Snake-case name of a safety event kind ("condition_raised"); "unknown" for values added later.</summary>
        public static string NameOf(SafetyEventKind kind)
        {
            int index = (int)kind;
            return index < s_eventKinds.Length ? s_eventKinds[index] : "unknown";
        }

        /// <summary>"none", "low", "medium", "high".</summary>
        public static string NameOf(AlarmPriority priority)
        {
            int index = (int)priority;
            return index < s_priorities.Length ? s_priorities[index] : "unknown";
        }

        /// <summary>"normal", "alert", "low".</summary>
        public static string NameOf(LevelState state)
        {
            int index = (int)state;
            return index < s_levelStates.Length ? s_levelStates[index] : "unknown";
        }

        /// <summary>Number of <see cref="SensorQuality"/> flag bits named by <see cref="QualityBitName"/>.</summary>
        public static int QualityBitCount => s_qualityBits.Length;

        /// <summary>Name of quality flag bit <paramref name="bit"/> (bit 0 = <see cref="SensorQuality.Open"/>).</summary>
        public static string QualityBitName(int bit) => s_qualityBits[bit];
    }
}
