using PerfusionGuard.Units;

namespace PerfusionGuard.Alarms
{
    /// <summary>
    /// Escalation times per priority: an alarm whose condition persists past the time of its current
    /// priority rises one priority (People's Ventilator alarm rules; Prismaflex "alarm categories with
    /// escalation", DOMAIN.md). A time of 0 or less disables that step. Configurable; the defaults
    /// escalate medium to high after 60 s and never escalate low.
    /// </summary>
    public sealed class AlarmEscalation
    {
        /// <summary>Default time a medium alarm persists before it becomes high.</summary>
        public const long DefaultMediumToHighMicros = 60 * Time.MicrosPerSecond;

        /// <summary>How long a low alarm's condition persists before it becomes medium (0: never).</summary>
        public long LowToMediumMicros;

        /// <summary>How long a medium alarm's condition persists before it becomes high (0: never).</summary>
        public long MediumToHighMicros = DefaultMediumToHighMicros;

        /// <summary>Escalation time of <paramref name="priority"/>; 0 when it does not escalate.</summary>
        public long AfterMicros(AlarmPriority priority)
        {
            switch (priority)
            {
                case AlarmPriority.Low: return LowToMediumMicros > 0 ? LowToMediumMicros : 0;
                case AlarmPriority.Medium: return MediumToHighMicros > 0 ? MediumToHighMicros : 0;
                default: return 0;
            }
        }
    }
}
