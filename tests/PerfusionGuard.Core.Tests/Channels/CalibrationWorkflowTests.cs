using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Shell;
using PerfusionGuard.Shell.Adapters;
using PerfusionGuard.Tests.Fakes;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.SensorChannels
{
    /// <summary>
    /// Zero, span, commit and revert as the console drives them, over real channels and the A/B
    /// calibration store, including a power cut during the commit.
    /// </summary>
    public class CalibrationWorkflowTests
    {
        private const int AdcMax = 4095;
        private readonly ScriptedAnalogInput _arterialAdc = new ScriptedAnalogInput(AdcMax).WithTypicalAdcNoise();
        private readonly ScriptedAnalogInput _venousAdc = new ScriptedAnalogInput(AdcMax).WithTypicalAdcNoise();
        private readonly PressureChannel _arterial;
        private readonly PressureChannel _venous;
        private readonly TearableNonVolatileStore _nv = new TearableNonVolatileStore();
        private readonly SafetyInputs _inputs = new SafetyInputs();
        private long _now;

        public CalibrationWorkflowTests()
        {
            PressureCalibration nominal = PressureChannelTests.TransducerCalibration();
            _arterial = new PressureChannel(ChannelId.PArterial, _arterialAdc, nominal, PressureChannelConfig.Default(AdcMax));
            _venous = new PressureChannel(ChannelId.PVenous, _venousAdc, nominal, PressureChannelConfig.Default(AdcMax));
        }

        private void Apply(ScriptedAnalogInput adc, double mmHg) => adc.SetVolts(PressureChannelTests.DatasheetVolts(mmHg));

        private void Cycles(int n)
        {
            for (int i = 0; i < n; i++)
            {
                _now += 10_000;
                _arterial.Sample(_now, _inputs);
                _venous.Sample(_now, _inputs);
            }
        }

        private PressureCalibrationControl Control() =>
            new PressureCalibrationControl(new IChannel[] { _arterial, _venous }, new CalibrationStore(_nv));

        [Fact]
        [Trait("Requirement", "SAF-CHN-016")]
        public void Zero_takes_effect_at_once_and_commit_persists_it_across_a_reboot()
        {
            // SAF-CHN-016, SAF-CHN-014
            var control = Control();
            Apply(_arterialAdc, 3.0);      // drifted +3 mmHg
            Apply(_venousAdc, 0.0);
            Cycles(3);
            Assert.False(control.HasUncommittedChanges);
            Assert.True(control.TryZero(ChannelId.PArterial, out string reason), reason);
            Cycles(1);
            Assert.InRange(_arterial.Last.Pressure.MmHg, -0.5, 0.5);
            Assert.True(control.HasUncommittedChanges);
            Assert.True(control.Commit(out reason), reason);
            Assert.False(control.HasUncommittedChanges);

            // reboot: a fresh set loads from the store and the channel gets the committed zero
            var loaded = new CalibrationSet();
            Assert.True(new CalibrationStore(_nv).TryLoad(loaded, out string error), error);
            var rebooted = new PressureChannel(ChannelId.PArterial, _arterialAdc, PressureChannelTests.TransducerCalibration(), PressureChannelConfig.Default(AdcMax));
            Assert.Equal(1, loaded.ApplyTo(new IChannel[] { rebooted, null }));
            Assert.Equal(_arterial.Calibration.ZeroOffsetCounts, rebooted.Calibration.ZeroOffsetCounts);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-014")]
        public void Committed_calibration_replaces_the_board_default_when_the_console_starts_after_a_reboot()
        {
            // SAF-CHN-014: commit, power off, the module is built again with board defaults.
            var control = Control();
            Apply(_arterialAdc, 6.0);
            Cycles(3);
            Assert.True(control.TryZero(ChannelId.PArterial, out _));
            Assert.True(control.Commit(out _));
            double committedZero = _arterial.Calibration.ZeroOffsetCounts;

            PressureCalibration boardDefault = PressureChannelTests.TransducerCalibration();
            var rebooted = new PressureChannel(ChannelId.PArterial, _arterialAdc, boardDefault, PressureChannelConfig.Default(AdcMax));
            var venous = new PressureChannel(ChannelId.PVenous, _venousAdc, boardDefault, PressureChannelConfig.Default(AdcMax));
            var after = new PressureCalibrationControl(new IChannel[] { rebooted, venous }, new CalibrationStore(_nv));
            Assert.Equal(committedZero, rebooted.Calibration.ZeroOffsetCounts);
            Assert.False(after.HasUncommittedChanges);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-016")]
        public void Revert_restores_the_committed_calibration()
        {
            // SAF-CHN-016
            var control = Control();
            PressureCalibration before = _arterial.Calibration;
            Apply(_arterialAdc, 10.0);
            Cycles(3);
            Assert.True(control.TryZero(ChannelId.PArterial, out _));
            Assert.NotEqual(before.ZeroOffsetCounts, _arterial.Calibration.ZeroOffsetCounts);
            control.Revert();
            Assert.Equal(before.ZeroOffsetCounts, _arterial.Calibration.ZeroOffsetCounts);
            Assert.False(control.HasUncommittedChanges);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-016")]
        public void Span_against_a_reference_is_checked_and_applied()
        {
            // SAF-CHN-016: the true span is 8 % above the nominal one; a 200 mmHg column shows it.
            PressureCalibration nominal = PressureChannelTests.TransducerCalibration();
            _arterial.SetCalibration(new PressureCalibration(nominal.ZeroOffsetCounts, nominal.SpanCountsPerMmHg / 1.08));
            var control = Control();
            Apply(_arterialAdc, 200);
            Cycles(3);
            Assert.True(control.TrySpan(ChannelId.PArterial, Pressure.FromMmHg(200), out string reason), reason);
            Cycles(1);
            Assert.InRange(_arterial.Last.Pressure.MmHg, 199.5, 200.5);
            Assert.True(control.TryGetCalibration(ChannelId.PArterial, out CalibrationView view));
            Assert.True(view.Valid);
            Assert.Equal(nominal.SpanCountsPerMmHg, view.SpanCountsPerMmHg, 1);
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-016")]
        public void Span_is_refused_for_a_wrong_reference_or_one_too_close_to_atmosphere()
        {
            // SAF-CHN-016: the operator types 300 but the column is at 100 mmHg (span -67 %).
            var control = Control();
            Apply(_arterialAdc, 100);
            Cycles(3);
            PressureCalibration before = _arterial.Calibration;
            Assert.False(control.TrySpan(ChannelId.PArterial, Pressure.FromMmHg(300), out string wrong));
            Assert.Contains("check the reference", wrong);
            Assert.False(control.TrySpan(ChannelId.PArterial, Pressure.FromMmHg(20), out string tooLow));
            Assert.Contains("too close to atmosphere", tooLow);
            Assert.Equal(before.SpanCountsPerMmHg, _arterial.Calibration.SpanCountsPerMmHg);
            Assert.False(control.TrySpan(ChannelId.FlowArterial, Pressure.FromMmHg(100), out string notPressure));
            Assert.Contains("flow_arterial", notPressure);
            Assert.False(control.IsCalibratable(ChannelId.PCardioplegia));
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-014")]
        public void Power_cut_during_commit_reports_failure_and_the_previous_commit_survives()
        {
            // SAF-CHN-014
            var control = Control();
            Apply(_arterialAdc, 2.0);
            Cycles(3);
            Assert.True(control.TryZero(ChannelId.PArterial, out _));
            Assert.True(control.Commit(out _));
            double firstZero = _arterial.Calibration.ZeroOffsetCounts;

            Apply(_arterialAdc, 4.0);
            Cycles(3);
            Assert.True(control.TryZero(ChannelId.PArterial, out _));
            _nv.WriteBudgetBytes = 100;
            Assert.False(control.Commit(out string reason));
            Assert.Contains("power cut", reason);
            Assert.True(control.HasUncommittedChanges);

            _nv.WriteBudgetBytes = -1;
            var loaded = new CalibrationSet();
            Assert.True(new CalibrationStore(_nv).TryLoad(loaded, out _));
            Assert.Equal(firstZero, loaded.GetPressure(ChannelId.PArterial).ZeroOffsetCounts);
        }

        [Fact]
        public void Default_config_for_a_calibrated_transducer_takes_its_range_from_the_output_band()
        {
            // A -300..+700 mmHg transducer: 750 mmHg is beyond its range although below 800.
            PressureCalibration cal = PressureCalibration.FromRatiometric(AdcMax, 0.1, Pressure.FromMmHg(-300), 0.9, Pressure.FromMmHg(700));
            PressureChannelConfig config = PressureChannelConfig.Default(AdcMax, cal);
            Assert.Equal(-300, config.MinMmHg, 6);
            Assert.Equal(700, config.MaxMmHg, 6);
            Assert.Equal(800, PressureChannelConfig.Default(AdcMax, PressureCalibration.None).MaxMmHg);
        }

        [Fact]
        public void Calibration_set_captures_and_applies_pressure_flow_and_level_channels()
        {
            var flow = new FlowChannel(ChannelId.FlowArterial, new ScriptedAnalogInput(AdcMax), FlowChannelConfig.Default(AdcMax));
            var level = new ReservoirLevelChannel(new ScriptedAnalogInput(AdcMax), LevelSensorConfig.DefaultContinuous(AdcMax));
            var pads = new ReservoirLevelChannel(null, new ScriptedDigitalInput(true), LevelSensorConfig.DefaultPads());
            var channels = new IChannel[] { _arterial, flow, level };
            var set = new CalibrationSet();
            set.CaptureFrom(channels);
            Assert.True(set.Has(ChannelId.PArterial) && set.Has(ChannelId.FlowArterial) && set.Has(ChannelId.LevelReservoir));

            set.SetPressure(ChannelId.PArterial, new PressureCalibration(500, 3));
            set.SetFlow(ChannelId.FlowArterial, new FlowCalibration(1000, 300));
            set.SetLevel(new LevelCalibration(400, 0.8));
            Assert.Equal(3, set.ApplyTo(new IChannel[] { _arterial, flow, level, pads, _venous }));   // pads have no calibration, p_venous none stored
            Assert.Equal(500, _arterial.Calibration.ZeroOffsetCounts);
            Assert.Equal(300, flow.Calibration.SpanCountsPerLPerMin);
            Assert.Equal(0.8, level.Calibration.SpanCountsPerMl);
        }
    }
}
