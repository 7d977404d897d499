using PerfusionGuard.Units;

namespace PerfusionGuard.Alarms
{
    /// <summary>
    /// The timing of one priority's auditory burst and visual flash, chosen inside the ranges of
    /// IEC 60601-1-8:2006+A1:2012 Table 3 (burst), Table 4 (pulse) and Table 1 (visual signals):
    /// <list type="bullet">
    /// <item>High: 10 pulses, t_d = 100 ms (75–200 ms), spacing x = 80 ms (50–125 ms) with 2x+t_d =
    /// 260 ms between pulses 3–4 and 8–9 (the "3 + 2" rhythm) and 500 ms between pulses 5–6
    /// (0.35–1.30 s); burst interval 3.0 s (2.5–15.0 s). Red light flashing at 2.0 Hz (1.4–2.8 Hz),
    /// 50 % duty (20–60 %).</item>
    /// <item>Medium: 3 pulses, t_d = 150 ms (75–200 ms), spacing y = 200 ms (125–250 ms); burst
    /// interval 5.0 s (2.5–30.0 s). Yellow light flashing at 0.625 Hz (0.4–0.8 Hz), 50 % duty.</item>
    /// <item>Low: 2 pulses, t_d = 200 ms (125–250 ms), spacing y = 200 ms; played once when the low
    /// signal starts ("burst interval &gt; 15 s or no repeat"). Cyan light constant (yellow where the
    /// board has no cyan light).</item>
    /// </list>
    /// Pulse spacing and burst interval are measured from the end of one pulse to the start of the
    /// next (IEC 60601-1-8 Figure 1). Times are in microseconds of the injected clock.
    /// </summary>
    public sealed class AlarmSignalPattern
    {
        /// <summary>High priority: 10-pulse burst, red light 2.0 Hz.</summary>
        public static readonly AlarmSignalPattern High = new AlarmSignalPattern(
            new long[] { 0, 180, 360, 720, 900, 1500, 1680, 1860, 2220, 2400 }, 100, 5500, 500, 250);

        /// <summary>Medium priority: 3-pulse burst, yellow light 0.625 Hz.</summary>
        public static readonly AlarmSignalPattern Medium = new AlarmSignalPattern(
            new long[] { 0, 350, 700 }, 150, 5850, 1600, 800);

        /// <summary>Low priority: 2 pulses once, light constant.</summary>
        public static readonly AlarmSignalPattern Low = new AlarmSignalPattern(
            new long[] { 0, 400 }, 200, 0, 0, 0);

        private readonly long[] _pulseStartMicros;

        private AlarmSignalPattern(long[] pulseStartMillis, long pulseMillis, long repeatMillis, long flashPeriodMillis, long flashOnMillis)
        {
            _pulseStartMicros = new long[pulseStartMillis.Length];
            for (int i = 0; i < pulseStartMillis.Length; i++)
            {
                _pulseStartMicros[i] = pulseStartMillis[i] * Time.MicrosPerMilli;
            }

            PulseMicros = pulseMillis * Time.MicrosPerMilli;
            RepeatMicros = repeatMillis * Time.MicrosPerMilli;
            FlashPeriodMicros = flashPeriodMillis * Time.MicrosPerMilli;
            FlashOnMicros = flashOnMillis * Time.MicrosPerMilli;
        }

        /// <summary>Pulses per burst.</summary>
        public int PulseCount => _pulseStartMicros.Length;

        /// <summary>Duration of each pulse (t_d).</summary>
        public long PulseMicros { get; }

        /// <summary>From the start of one burst to the start of the next; 0 when the burst plays once.</summary>
        public long RepeatMicros { get; }

        /// <summary>Period of the visual flash; 0 for a constant light.</summary>
        public long FlashPeriodMicros { get; }

        /// <summary>On-time of the light within each flash period.</summary>
        public long FlashOnMicros { get; }

        /// <summary>Start of pulse <paramref name="pulse"/> from the start of its burst.</summary>
        public long PulseStartMicros(int pulse) => _pulseStartMicros[pulse];

        /// <summary>True when the buzzer sounds <paramref name="elapsedMicros"/> after the signal started.</summary>
        public bool BuzzerOnAt(long elapsedMicros)
        {
            if (elapsedMicros < 0)
            {
                return false;
            }

            long t = RepeatMicros > 0 ? elapsedMicros % RepeatMicros : elapsedMicros;
            for (int i = 0; i < _pulseStartMicros.Length; i++)
            {
                long start = _pulseStartMicros[i];
                if (t >= start && t < start + PulseMicros)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when the light is on <paramref name="elapsedMicros"/> after the signal started.</summary>
        public bool LightOnAt(long elapsedMicros)
        {
            if (FlashPeriodMicros <= 0)
            {
                return true;
            }

            if (elapsedMicros < 0)
            {
                return false;
            }

            return elapsedMicros % FlashPeriodMicros < FlashOnMicros;
        }

        /// <summary>The pattern of a priority; null for <see cref="AlarmPriority.None"/>.</summary>
        public static AlarmSignalPattern For(AlarmPriority priority)
        {
            switch (priority)
            {
                case AlarmPriority.High: return High;
                case AlarmPriority.Medium: return Medium;
                case AlarmPriority.Low: return Low;
                default: return null;
            }
        }
    }
}
