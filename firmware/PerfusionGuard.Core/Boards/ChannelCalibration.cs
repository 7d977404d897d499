using PerfusionGuard.Channels;

namespace PerfusionGuard.Boards
{
    /// <summary>
    /// A board's default calibration for one analog channel: a straight line from raw ADC counts
    /// to the channel's clinical unit (mmHg, L/min, ml). It is the starting point until the
    /// operator zeroes the transducer and a calibration is committed (DOMAIN.md, sensors: re-zero
    /// to atmosphere).
    /// </summary>
    public sealed class ChannelCalibration
    {
        /// <summary>The channel.</summary>
        public ChannelId Channel;

        /// <summary>Raw counts at zero of the unit (0 mmHg, 0 L/min, 0 ml).</summary>
        public double ZeroCounts;

        /// <summary>Raw counts per unit (counts per mmHg, per L/min, per ml); never 0.</summary>
        public double CountsPerUnit;

        /// <summary>The unit as written in board.json; must equal <see cref="ChannelNames.UnitOf"/>.</summary>
        public string Unit;

        /// <summary>Lowest plausible raw count: below it the sensor is open or shorted.</summary>
        public int MinPlausibleCounts;

        /// <summary>Highest plausible raw count: above it the sensor is open or shorted.</summary>
        public int MaxPlausibleCounts;

        /// <summary>Converts raw counts to the channel's unit with this calibration.</summary>
        public double ToUnits(double counts) => (counts - ZeroCounts) / CountsPerUnit;
    }
}
