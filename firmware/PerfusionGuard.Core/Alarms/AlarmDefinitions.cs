using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Alarms
{
    /// <summary>
    /// How a profile rule becomes an alarm: the rules are the alarm conditions as data (alarm id,
    /// message, priority, technical flag, latching = <see cref="ClearRule.OperatorReset"/>); these
    /// functions fill the gaps a rule may leave so that a profile cannot make a stop silent.
    /// </summary>
    public static class AlarmDefinitions
    {
        /// <summary>
        /// True when the rule is an advisory (alert band, DOMAIN.md "alert band inside alarm band"):
        /// shown in the alarm list, never sounds. SAF-ALM-006.
        /// </summary>
        public static bool IsAdvisory(ConditionRule rule) => rule.Action <= SafetyAction.Advisory;

        /// <summary>
        /// True for technical alarms: the rule says so, or its kind is about the equipment itself
        /// (sensor fault, latch fault, output mismatch, self-test, cycle overrun) whatever the rule
        /// says. SAF-ALM-005.
        /// </summary>
        public static bool IsTechnical(ConditionRule rule)
        {
            if (rule.Technical)
            {
                return true;
            }

            switch (rule.Kind)
            {
                case ConditionKind.SensorFault:
                case ConditionKind.AirLatchFault:
                case ConditionKind.PumpOutputMismatch:
                case ConditionKind.SelfTestFailed:
                case ConditionKind.CycleOverrun:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The priority the alarm starts at. An advisory has none. A rule that alarms or stops but
        /// declares no priority gets medium: a profile mistake must not silence an alarm (fail safe
        /// on doubt, DESIGN.md safety concept 4).
        /// </summary>
        public static AlarmPriority BasePriority(ConditionRule rule)
        {
            if (IsAdvisory(rule))
            {
                return AlarmPriority.None;
            }

            return rule.Priority == AlarmPriority.None ? AlarmPriority.Medium : rule.Priority;
        }

        /// <summary>True when the alarm stays in effect after its condition ends until a local operator reset.</summary>
        public static bool IsLatching(ConditionRule rule) => rule.Clear == ClearRule.OperatorReset;
    }
}
