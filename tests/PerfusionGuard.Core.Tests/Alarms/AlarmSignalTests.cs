using System.Linq;
using PerfusionGuard.Alarms;
using PerfusionGuard.Safety;
using PerfusionGuard.Tests.Fakes;
using Xunit;

namespace PerfusionGuard.Tests.Alarms
{
    /// <summary>
    /// The buzzer and light patterns on an injected clock, sampled every millisecond, against the
    /// ranges of IEC 60601-1-8 Tables 1, 3 and 4 (SAF-ALM-004).
    /// </summary>
    public class AlarmSignalTests
    {
        private const long Ms = 1_000;

        private readonly RecordingOutput _buzzer = new();
        private readonly RecordingOutput _red = new();
        private readonly RecordingOutput _yellow = new();
        private readonly RecordingOutput _cyan = new();

        private AlarmSignal NewSignal(bool withCyan = true) => new AlarmSignal(_buzzer, _red, _yellow, withCyan ? _cyan : null);

        private static System.Collections.Generic.List<(long OnMicros, long OffMicros)> Trace(AlarmSignal signal, RecordingOutput output,
            AlarmPriority audible, AlarmPriority visual, long start, long span)
        {
            return SignalTrace.Pulses(t =>
            {
                signal.Update(t, audible, visual);
                return output.Level;
            }, start, span, Ms);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-004")]
        public void High_priority_plays_a_ten_pulse_three_plus_two_burst_within_IEC_60601_1_8_table_3()
        {
            var signal = NewSignal();
            long start = 5_000_000;
            var pulses = Trace(signal, _buzzer, AlarmPriority.High, AlarmPriority.High, start, 5_500 * Ms - Ms);

            Assert.Equal(10, pulses.Count);
            foreach (var (on, off) in pulses)
            {
                Assert.InRange(off - on, 75 * Ms, 200 * Ms); // t_d, Table 4
            }

            long Gap(int after) => pulses[after + 1].OnMicros - pulses[after].OffMicros;
            long x = Gap(0);
            Assert.InRange(x, 50 * Ms, 125 * Ms);
            Assert.Equal(x, Gap(1));
            long td = pulses[2].OffMicros - pulses[2].OnMicros;
            Assert.Equal(2 * x + td, Gap(2));          // 3rd -> 4th: 2x + t_d
            Assert.Equal(x, Gap(3));
            Assert.InRange(Gap(4), 350 * Ms, 1_300 * Ms); // 5th -> 6th: 0.35-1.30 s
            Assert.Equal(x, Gap(5));
            Assert.Equal(x, Gap(6));
            Assert.Equal(2 * x + td, Gap(7));
            Assert.Equal(x, Gap(8));

            // The burst repeats: burst interval 2.5-15 s from the end of the 10th pulse.
            var next = Trace(signal, _buzzer, AlarmPriority.High, AlarmPriority.High, start + 5_500 * Ms, 200 * Ms);
            Assert.Equal(0, next[0].OnMicros);
            long burstInterval = 5_500 * Ms - pulses[9].OffMicros;
            Assert.InRange(burstInterval, 2_500 * Ms, 15_000 * Ms);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-004")]
        public void Medium_priority_plays_a_three_pulse_burst_and_low_two_pulses_once()
        {
            var signal = NewSignal();
            var medium = Trace(signal, _buzzer, AlarmPriority.Medium, AlarmPriority.Medium, 0, 5_850 * Ms - Ms);
            Assert.Equal(3, medium.Count);
            Assert.All(medium, p => Assert.InRange(p.OffMicros - p.OnMicros, 75 * Ms, 200 * Ms));
            Assert.InRange(medium[1].OnMicros - medium[0].OffMicros, 125 * Ms, 250 * Ms); // y
            Assert.InRange(5_850 * Ms - medium[2].OffMicros, 2_500 * Ms, 30_000 * Ms);    // burst interval

            var signal2 = NewSignal();
            var low = Trace(signal2, _buzzer, AlarmPriority.Low, AlarmPriority.Low, 0, 60_000 * Ms);
            Assert.Equal(2, low.Count);
            Assert.All(low, p => Assert.InRange(p.OffMicros - p.OnMicros, 125 * Ms, 250 * Ms));
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-004")]
        public void Lights_flash_red_at_1_4_to_2_8_Hz_for_high_yellow_at_0_4_to_0_8_Hz_for_medium_and_stay_on_for_low()
        {
            var signal = NewSignal();
            var red = Trace(signal, _red, AlarmPriority.None, AlarmPriority.High, 0, 2_000 * Ms);
            double redHz = 1_000_000.0 / (red[1].OnMicros - red[0].OnMicros);
            Assert.InRange(redHz, 1.4, 2.8);
            double redDuty = (double)(red[0].OffMicros - red[0].OnMicros) / (red[1].OnMicros - red[0].OnMicros);
            Assert.InRange(redDuty, 0.2, 0.6);
            Assert.False(_yellow.Level);

            var signal2 = NewSignal();
            var yellow = Trace(signal2, _yellow, AlarmPriority.None, AlarmPriority.Medium, 0, 4_000 * Ms);
            double yellowHz = 1_000_000.0 / (yellow[1].OnMicros - yellow[0].OnMicros);
            Assert.InRange(yellowHz, 0.4, 0.8);
            Assert.False(_red.Level);

            var signal3 = NewSignal();
            var cyan = Trace(signal3, _cyan, AlarmPriority.None, AlarmPriority.Low, 0, 10_000 * Ms);
            Assert.Single(cyan);
            Assert.Equal(0, cyan[0].OnMicros);

            var noCyan = NewSignal(withCyan: false);
            var constantYellow = Trace(noCyan, _yellow, AlarmPriority.None, AlarmPriority.Low, 20_000 * Ms, 10_000 * Ms);
            Assert.Single(constantYellow);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-004")]
        public void Only_the_highest_audible_priority_plays_and_a_new_higher_alarm_starts_its_burst_at_once()
        {
            var conditions = new FakeConditionMonitor();
            int medium = conditions.Add("LEVEL_ALERT", AlarmPriority.Medium, SafetyAction.Alarm, ClearRule.SelfClearing);
            int high = conditions.Add("AIR_ARTERIAL", AlarmPriority.High, SafetyAction.LatchedStop, ClearRule.OperatorReset);
            var signal = NewSignal();
            var alarms = new AlarmManager(conditions, signal);
            long now = 0;
            conditions.Raise(medium, now);
            alarms.Update(now);
            Assert.Equal(AlarmPriority.Medium, signal.AudiblePriority);
            Assert.True(_buzzer.Level);

            // Mid-way through the medium burst's silence the high alarm arrives: the high pattern
            // (not a mix) starts at its first pulse in the same cycle.
            now = 1_000 * Ms;
            alarms.Update(now);
            Assert.False(_buzzer.Level);
            conditions.Raise(high, now);
            alarms.Update(now);
            Assert.Equal(AlarmPriority.High, signal.AudiblePriority);
            Assert.True(_buzzer.Level);
            Assert.True(_red.Level);
            Assert.False(_yellow.Level);

            // Follow the next 5.5 s in 10 ms cycles: exactly the 10 pulses of the high pattern.
            var pulses = SignalTrace.Pulses(t =>
            {
                alarms.Update(t);
                return _buzzer.Level;
            }, now, 5_500 * Ms - 10 * Ms, 10 * Ms);
            Assert.Equal(10, pulses.Count);

            // Acknowledge silences every sounding alarm; the lights keep showing the highest priority.
            Assert.True(alarms.Acknowledge(now, CommandSource.LocalPanel));
            alarms.Update(now + 20_000 * Ms);
            Assert.Equal(AlarmPriority.None, signal.AudiblePriority);
            Assert.False(_buzzer.Level);
            Assert.Equal(AlarmPriority.High, signal.VisualPriority);
        }

        [Fact]
        [Trait("Requirement", "SAF-ALM-004")]
        public void Silence_writes_every_output_low_each_tick()
        {
            var signal = NewSignal();
            signal.Update(0, AlarmPriority.High, AlarmPriority.High);
            Assert.True(_buzzer.Level);
            int writes = _buzzer.Writes;
            signal.Update(10 * Ms, AlarmPriority.None, AlarmPriority.None);
            signal.Update(20 * Ms, AlarmPriority.None, AlarmPriority.None);
            Assert.False(_buzzer.Level || _red.Level || _yellow.Level || _cyan.Level);
            Assert.Equal(writes + 2, _buzzer.Writes);
        }
    }
}
