using PerfusionGuard.Channels;
using PerfusionGuard.Units;

namespace PerfusionGuard.Shell.Adapters
{
    /// <summary>
    /// The console's <see cref="ICalibrationControl"/> over the real pressure channels and the
    /// A/B <see cref="CalibrationStore"/>: <c>cal zero</c> and <c>cal span</c> go through the
    /// channel's checked <see cref="PressureChannel.TryZeroAtCurrent"/> / <see cref="PressureChannel.TrySpanAt"/>
    /// (refused on a faulted signal or an implausible result, SAF-CHN-016) and take effect at once;
    /// <c>cal commit</c> persists the whole set (SAF-CHN-014); <c>cal revert</c> goes back to the
    /// last committed calibrations. Console path only: allocates messages.
    /// </summary>
    public sealed class PressureCalibrationControl : ICalibrationControl
    {
        private readonly PressureChannel[] _channels;
        private readonly CalibrationStore _store;
        private readonly CalibrationSet _committed = new CalibrationSet();
        private readonly CalibrationSet _working = new CalibrationSet();

        /// <summary>
        /// Wraps <paramref name="channels"/> (their calibrations now are the committed baseline) and
        /// <paramref name="store"/>. <paramref name="loaded"/> is the set read at start-up (may be
        /// null); its flow and level entries are kept on commit.
        /// </summary>
        public PressureCalibrationControl(PressureChannel[] channels, CalibrationStore store, CalibrationSet loaded)
        {
            if (channels == null || store == null)
            {
                throw new System.ArgumentNullException(channels == null ? "channels" : "store", "pressure calibration control: channels and calibration store are required");
            }

            _channels = channels;
            _store = store;
            if (loaded != null)
            {
                _committed.CopyFrom(loaded);
            }

            for (int i = 0; i < channels.Length; i++)
            {
                _committed.SetPressure(channels[i].Id, channels[i].Calibration);
            }
        }

        /// <inheritdoc />
        public bool IsCalibratable(ChannelId channel) => Find(channel) != null;

        /// <inheritdoc />
        public bool TryGetCalibration(ChannelId channel, out CalibrationView calibration)
        {
            calibration = default(CalibrationView);
            PressureChannel pressure = Find(channel);
            if (pressure == null)
            {
                return false;
            }

            PressureCalibration current = pressure.Calibration;
            calibration.ZeroCounts = current.ZeroOffsetCounts;
            calibration.SpanCountsPerMmHg = current.SpanCountsPerMmHg;
            calibration.Valid = current.IsValid;
            return true;
        }

        /// <inheritdoc />
        public bool TryZero(ChannelId channel, out string reason)
        {
            PressureChannel pressure = Find(channel);
            if (pressure == null)
            {
                reason = ChannelNames.NameOf(channel) + " is not a pressure channel of this module";
                return false;
            }

            PressureCalibration zeroed;
            if (!pressure.TryZeroAtCurrent(out zeroed, out reason))
            {
                return false;
            }

            pressure.SetCalibration(zeroed);
            return true;
        }

        /// <inheritdoc />
        public bool TrySpan(ChannelId channel, Pressure reference, out string reason)
        {
            PressureChannel pressure = Find(channel);
            if (pressure == null)
            {
                reason = ChannelNames.NameOf(channel) + " is not a pressure channel of this module";
                return false;
            }

            PressureCalibration spanned;
            if (!pressure.TrySpanAt(reference, out spanned, out reason))
            {
                return false;
            }

            pressure.SetCalibration(spanned);
            return true;
        }

        /// <inheritdoc />
        public bool HasUncommittedChanges
        {
            get
            {
                BuildWorking();
                return !_working.SameAs(_committed);
            }
        }

        /// <inheritdoc />
        public bool Commit(out string reason)
        {
            BuildWorking();
            try
            {
                _store.Save(_working);
            }
            catch (System.Exception ex)
            {
                // The store wrote the other slot only: the last committed calibration survives.
                reason = ex.Message;
                return false;
            }

            _committed.CopyFrom(_working);
            reason = null;
            return true;
        }

        /// <inheritdoc />
        public void Revert()
        {
            for (int i = 0; i < _channels.Length; i++)
            {
                _channels[i].SetCalibration(_committed.GetPressure(_channels[i].Id));
            }
        }

        private void BuildWorking()
        {
            _working.CopyFrom(_committed);
            for (int i = 0; i < _channels.Length; i++)
            {
                _working.SetPressure(_channels[i].Id, _channels[i].Calibration);
            }
        }

        private PressureChannel Find(ChannelId channel)
        {
            for (int i = 0; i < _channels.Length; i++)
            {
                if (_channels[i].Id == channel)
                {
                    return _channels[i];
                }
            }

            return null;
        }
    }
}
