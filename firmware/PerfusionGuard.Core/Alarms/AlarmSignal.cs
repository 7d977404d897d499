using PerfusionGuard.Hal;

namespace PerfusionGuard.Alarms
{
    /// <summary>
    /// Drives the buzzer and the alarm lights from the highest audible and the highest visual alarm
    /// priority (IEC 60601-1-8: only the highest-priority signal plays). Pure function of the injected
    /// time: each <see cref="Update"/> writes every output from the elapsed time since that priority's
    /// signal started, so a missed tick never leaves the buzzer stuck. A pattern restarts from its
    /// first pulse whenever the priority changes, so a new, higher alarm sounds at once. Allocates
    /// nothing. SAF-ALM-004.
    /// </summary>
    public sealed class AlarmSignal
    {
        private readonly IDigitalOutput _buzzer;
        private readonly IDigitalOutput _redLight;
        private readonly IDigitalOutput _yellowLight;
        private readonly IDigitalOutput _cyanLight;
        private AlarmPriority _audiblePriority;
        private AlarmPriority _visualPriority;
        private long _audibleSinceMicros;
        private long _visualSinceMicros;

        /// <summary>
        /// Creates the signal over its outputs. <paramref name="cyanLight"/> may be null: the low
        /// priority light is then a constant yellow (IEC 60601-1-8 Table 1 allows cyan or yellow).
        /// </summary>
        public AlarmSignal(IDigitalOutput buzzer, IDigitalOutput redLight, IDigitalOutput yellowLight, IDigitalOutput cyanLight)
        {
            _buzzer = buzzer ?? throw new System.ArgumentNullException(nameof(buzzer), "alarm signal: the buzzer output is required");
            _redLight = redLight ?? throw new System.ArgumentNullException(nameof(redLight), "alarm signal: the red light output is required");
            _yellowLight = yellowLight ?? throw new System.ArgumentNullException(nameof(yellowLight), "alarm signal: the yellow light output is required");
            _cyanLight = cyanLight;
        }

        /// <summary>The priority whose auditory pattern plays.</summary>
        public AlarmPriority AudiblePriority => _audiblePriority;

        /// <summary>The priority whose light shows.</summary>
        public AlarmPriority VisualPriority => _visualPriority;

        /// <summary>Last value written to the buzzer.</summary>
        public bool BuzzerOn { get; private set; }

        /// <summary>Last value written to the red light.</summary>
        public bool RedOn { get; private set; }

        /// <summary>Last value written to the yellow light.</summary>
        public bool YellowOn { get; private set; }

        /// <summary>Last value written to the cyan light (false when there is none).</summary>
        public bool CyanOn { get; private set; }

        /// <summary>
        /// Sets every output for <paramref name="nowMicros"/>. <paramref name="audible"/> is the highest
        /// priority that sounds (acknowledged, paused, overridden and advisory alarms excluded);
        /// <paramref name="visual"/> the highest priority shown (lights stay on while acknowledged or
        /// paused: IEC 60601-1-8 silences only the auditory signal).
        /// </summary>
        public void Update(long nowMicros, AlarmPriority audible, AlarmPriority visual)
        {
            if (audible != _audiblePriority)
            {
                _audiblePriority = audible;
                _audibleSinceMicros = nowMicros;
            }

            if (visual < audible)
            {
                visual = audible;
            }

            if (visual != _visualPriority)
            {
                _visualPriority = visual;
                _visualSinceMicros = nowMicros;
            }

            AlarmSignalPattern sound = AlarmSignalPattern.For(_audiblePriority);
            bool buzzer = sound != null && sound.BuzzerOnAt(nowMicros - _audibleSinceMicros);

            AlarmSignalPattern light = AlarmSignalPattern.For(_visualPriority);
            bool lit = light != null && light.LightOnAt(nowMicros - _visualSinceMicros);
            bool red = lit && _visualPriority == AlarmPriority.High;
            bool yellow = lit && (_visualPriority == AlarmPriority.Medium || (_visualPriority == AlarmPriority.Low && _cyanLight == null));
            bool cyan = lit && _visualPriority == AlarmPriority.Low && _cyanLight != null;

            BuzzerOn = buzzer;
            RedOn = red;
            YellowOn = yellow;
            CyanOn = cyan;
            _buzzer.Write(buzzer);
            _redLight.Write(red);
            _yellowLight.Write(yellow);
            if (_cyanLight != null)
            {
                _cyanLight.Write(cyan);
            }
        }
    }
}
