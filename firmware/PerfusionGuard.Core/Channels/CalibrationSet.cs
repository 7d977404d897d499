namespace PerfusionGuard.Channels
{
    /// <summary>
    /// The persisted calibration of every analog channel: one zero offset (counts) and one span
    /// (counts per channel unit: mmHg, L/min or ml) per <see cref="ChannelId"/>, in fixed arrays.
    /// A span of 0 means "no calibration" for that channel. Air channels have none.
    /// </summary>
    public sealed class CalibrationSet
    {
        private readonly double[] _zeroOffsetCounts = new double[ChannelNames.Count];
        private readonly double[] _spanCountsPerUnit = new double[ChannelNames.Count];

        /// <summary>Number of channel slots.</summary>
        public int Count => ChannelNames.Count;

        /// <summary>Zero offset in counts of channel <paramref name="id"/>.</summary>
        public double ZeroOffsetCountsOf(ChannelId id) => _zeroOffsetCounts[(int)id];

        /// <summary>Span in counts per unit of channel <paramref name="id"/> (0 when unset).</summary>
        public double SpanCountsPerUnitOf(ChannelId id) => _spanCountsPerUnit[(int)id];

        /// <summary>True when channel <paramref name="id"/> holds a calibration (non-zero span).</summary>
        public bool Has(ChannelId id) => _spanCountsPerUnit[(int)id] != 0;

        /// <summary>Sets the raw pair of channel <paramref name="id"/> (the store uses this).</summary>
        public void SetRaw(ChannelId id, double zeroOffsetCounts, double spanCountsPerUnit)
        {
            _zeroOffsetCounts[(int)id] = zeroOffsetCounts;
            _spanCountsPerUnit[(int)id] = spanCountsPerUnit;
        }

        /// <summary>Removes the calibration of channel <paramref name="id"/>.</summary>
        public void Clear(ChannelId id) => SetRaw(id, 0, 0);

        /// <summary>Removes every calibration.</summary>
        public void ClearAll()
        {
            for (int i = 0; i < ChannelNames.Count; i++)
            {
                _zeroOffsetCounts[i] = 0;
                _spanCountsPerUnit[i] = 0;
            }
        }

        /// <summary>Stores a pressure channel's calibration.</summary>
        public void SetPressure(ChannelId id, PressureCalibration calibration) => SetRaw(id, calibration.ZeroOffsetCounts, calibration.SpanCountsPerMmHg);

        /// <summary>A pressure channel's calibration (invalid when unset).</summary>
        public PressureCalibration GetPressure(ChannelId id) => new PressureCalibration(_zeroOffsetCounts[(int)id], _spanCountsPerUnit[(int)id]);

        /// <summary>Stores a flow channel's calibration.</summary>
        public void SetFlow(ChannelId id, FlowCalibration calibration) => SetRaw(id, calibration.ZeroOffsetCounts, calibration.SpanCountsPerLPerMin);

        /// <summary>A flow channel's calibration (invalid when unset).</summary>
        public FlowCalibration GetFlow(ChannelId id) => new FlowCalibration(_zeroOffsetCounts[(int)id], _spanCountsPerUnit[(int)id]);

        /// <summary>Stores the continuous level sensor's calibration.</summary>
        public void SetLevel(LevelCalibration calibration) => SetRaw(ChannelId.LevelReservoir, calibration.ZeroOffsetCounts, calibration.SpanCountsPerMl);

        /// <summary>The continuous level sensor's calibration (invalid when unset).</summary>
        public LevelCalibration GetLevel() => new LevelCalibration(_zeroOffsetCounts[(int)ChannelId.LevelReservoir], _spanCountsPerUnit[(int)ChannelId.LevelReservoir]);

        /// <summary>
        /// Gives every channel of <paramref name="channels"/> that this set calibrates (pressure,
        /// flow, continuous level) its stored calibration; channels without an entry keep theirs
        /// (the board default). Returns how many were applied. Start-up only.
        /// </summary>
        public int ApplyTo(IChannel[] channels)
        {
            int applied = 0;
            for (int i = 0; channels != null && i < channels.Length; i++)
            {
                IChannel channel = channels[i];
                if (channel == null || !Has(channel.Id))
                {
                    continue;
                }

                if (channel is PressureChannel pressure)
                {
                    pressure.SetCalibration(GetPressure(channel.Id));
                    applied++;
                }
                else if (channel is FlowChannel flow)
                {
                    flow.SetCalibration(GetFlow(channel.Id));
                    applied++;
                }
                else if (channel is ReservoirLevelChannel level && level.IsContinuous)
                {
                    level.SetCalibration(GetLevel());
                    applied++;
                }
            }

            return applied;
        }

        /// <summary>Records the calibration every calibratable channel of <paramref name="channels"/> uses now.</summary>
        public void CaptureFrom(IChannel[] channels)
        {
            for (int i = 0; channels != null && i < channels.Length; i++)
            {
                IChannel channel = channels[i];
                if (channel is PressureChannel pressure)
                {
                    SetPressure(channel.Id, pressure.Calibration);
                }
                else if (channel is FlowChannel flow)
                {
                    SetFlow(channel.Id, flow.Calibration);
                }
                else if (channel is ReservoirLevelChannel level && level.IsContinuous)
                {
                    SetLevel(level.Calibration);
                }
            }
        }

        /// <summary>Copies every slot of <paramref name="other"/> into this set.</summary>
        public void CopyFrom(CalibrationSet other)
        {
            for (int i = 0; i < ChannelNames.Count; i++)
            {
                _zeroOffsetCounts[i] = other._zeroOffsetCounts[i];
                _spanCountsPerUnit[i] = other._spanCountsPerUnit[i];
            }
        }

        /// <summary>True when every slot equals the one of <paramref name="other"/> bit for bit.</summary>
        public bool SameAs(CalibrationSet other)
        {
            for (int i = 0; i < ChannelNames.Count; i++)
            {
                if (System.BitConverter.DoubleToInt64Bits(_zeroOffsetCounts[i]) != System.BitConverter.DoubleToInt64Bits(other._zeroOffsetCounts[i])
                    || System.BitConverter.DoubleToInt64Bits(_spanCountsPerUnit[i]) != System.BitConverter.DoubleToInt64Bits(other._spanCountsPerUnit[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
