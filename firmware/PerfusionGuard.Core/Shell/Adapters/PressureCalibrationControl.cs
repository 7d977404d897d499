using PerfusionGuard.Channels;
using PerfusionGuard.Units;

namespace PerfusionGuard.Shell.Adapters
{
    /// <summary>
    /// Calibration of the real <see cref="PressureChannel"/>s for the console: zero and span are
    /// applied to the channel at once (PressureChannel.TryZeroAtCurrent / SpanAt + SetCalibration);
    /// commit writes the working set through <see cref="CalibrationStore"/>, revert puts the stored
    /// set back on the channels.
    /// </summary>
    public sealed class PressureCalibrationControl : ICalibrationControl
    {
        private readonly PressureChannel[] _byId = new PressureChannel[ChannelNames.Count];
        private readonly CalibrationSet _stored = new CalibrationSet();
        private readonly CalibrationSet _working = new CalibrationSet();
        private readonly CalibrationStore _store;

        /// <summary>
        /// Wraps the pressure channels among <paramref name="channels"/> (others are ignored);
        /// <paramref name="store"/> may be null (commit then fails with a reason). A calibration
        /// the store holds is applied to the channels at once (pressure, flow, continuous level);
        /// channels it does not cover keep theirs, which then counts as the stored one; the store's other slots (flow, level) are
        /// kept as loaded, so a commit never erases them.
        /// </summary>
        public PressureCalibrationControl(IChannel[] channels, CalibrationStore store)
        {
            _store = store;
            string ignored;
            if (store != null && store.TryLoad(_stored, out ignored))
            {
                // A committed calibration outlives a reboot (SAF-CHN-014): it replaces the board
                // defaults the channels were built with, as stored limits replace profile defaults.
                _stored.ApplyTo(channels);
            }

            for (int i = 0; i < channels.Length; i++)
            {
                PressureChannel pressure = channels[i] as PressureChannel;
                if (pressure != null)
                {
                    _byId[(int)pressure.Id] = pressure;
                    _stored.SetPressure(pressure.Id, pressure.Calibration);
                }
            }
        }

        /// <inheritdoc />
        public bool IsCalibratable(ChannelId channel) => _byId[(int)channel] != null;

        /// <inheritdoc />
        public bool TryGetCalibration(ChannelId channel, out CalibrationView calibration)
        {
            calibration = default;
            PressureChannel pressure = _byId[(int)channel];
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
            PressureChannel pressure = _byId[(int)channel];
            PressureCalibration zeroed;
            if (pressure == null)
            {
                reason = ChannelNames.NameOf(channel) + " is not a pressure channel of this module";
                return false;
            }

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
            PressureChannel pressure = _byId[(int)channel];
            if (pressure == null)
            {
                reason = ChannelNames.NameOf(channel) + " is not a pressure channel of this module";
                return false;
            }

            // The channel's checked span refuses a faulted signal, a reference too close to
            // atmosphere and a span change beyond ±20 % (wrong reference) (SAF-CHN-016).
            PressureCalibration spanned;
            if (!pressure.TrySpanAt(reference, out spanned, out reason))
            {
                return false;
            }

            pressure.SetCalibration(spanned);
            reason = null;
            return true;
        }

        /// <inheritdoc />
        public bool HasUncommittedChanges
        {
            get
            {
                CaptureWorking();
                return !_working.SameAs(_stored);
            }
        }

        /// <inheritdoc />
        public bool Commit(out string reason)
        {
            if (_store == null)
            {
                reason = "this module has no calibration store";
                return false;
            }

            CaptureWorking();
            try
            {
                _store.Save(_working);
            }
            catch (System.Exception e)
            {
                reason = e.Message;
                return false;
            }

            _stored.CopyFrom(_working);
            reason = null;
            return true;
        }

        /// <inheritdoc />
        public void Revert()
        {
            for (int i = 0; i < _byId.Length; i++)
            {
                if (_byId[i] != null)
                {
                    _byId[i].SetCalibration(_stored.GetPressure((ChannelId)i));
                }
            }
        }

        private void CaptureWorking()
        {
            _working.CopyFrom(_stored);
            for (int i = 0; i < _byId.Length; i++)
            {
                if (_byId[i] != null)
                {
                    _working.SetPressure((ChannelId)i, _byId[i].Calibration);
                }
            }
        }
    }
}
