using PerfusionGuard.Channels;
using PerfusionGuard.Units;

namespace PerfusionGuard.Shell
{
    /// <summary>
    /// Two-point calibration of the pressure channels (pressure = (counts - zero) / span) (zero at atmosphere, span against a reference
    /// manometer), shaped like PressureChannel.ZeroAtCurrent / SpanAt and CalibrationStore. Zero and
    /// span change the working calibration at once (the operator sees the effect); <see cref="Commit"/>
    /// persists it and <see cref="Revert"/> goes back to the persisted set.
    /// </summary>
    public interface ICalibrationControl
    {
        /// <summary>True when <paramref name="channel"/> exists on this module and can be calibrated.</summary>
        bool IsCalibratable(ChannelId channel);

        /// <summary>The working calibration of <paramref name="channel"/>; false when it has none.</summary>
        bool TryGetCalibration(ChannelId channel, out CalibrationView calibration);

        /// <summary>Takes the current reading as zero; false with a reason (sensor fault...) when refused.</summary>
        bool TryZero(ChannelId channel, out string reason);

        /// <summary>Takes the current reading as <paramref name="reference"/>; false with a reason when refused.</summary>
        bool TrySpan(ChannelId channel, Pressure reference, out string reason);

        /// <summary>True when the working set differs from the persisted one.</summary>
        bool HasUncommittedChanges { get; }

        /// <summary>Persists the working set; false with a reason when the store failed.</summary>
        bool Commit(out string reason);

        /// <summary>Discards uncommitted changes and goes back to the persisted set.</summary>
        void Revert();
    }

    /// <summary>A channel's calibration as the console shows and logs it.</summary>
    public struct CalibrationView
    {
        /// <summary>Raw ADC counts that read as 0 mmHg.</summary>
        public double ZeroCounts;
        /// <summary>Raw counts per mmHg (PressureCalibration.SpanCountsPerMmHg).</summary>
        public double SpanCountsPerMmHg;
        /// <summary>True when the channel has a valid calibration.</summary>
        public bool Valid;
    }
}
