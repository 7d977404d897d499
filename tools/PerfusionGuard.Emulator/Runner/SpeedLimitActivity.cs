namespace PerfusionGuard.Emulator.Runner
{
    /// <summary>
    /// How restless the module's speed-limit output is: the number of direction reversals of the
    /// fraction the pump console receives, each one a swing of at least <see cref="DeadbandFraction"/>
    /// against the previous trend (peak detection with a deadband, so that ADC noise on a steady limit
    /// counts nothing). A servo that hunts reverses a few times a second; a stable one barely at all.
    /// </summary>
    public sealed class SpeedLimitActivity
    {
        /// <summary>A swing smaller than this (2 % of full speed) is not a reversal.</summary>
        public const double DeadbandFraction = 0.02;

        private double _extreme = double.NaN;
        private int _direction;

        /// <summary>Reversals counted so far.</summary>
        public int Reversals { get; private set; }

        /// <summary>Takes the output's value of one safety cycle.</summary>
        public void Observe(double fraction)
        {
            if (double.IsNaN(_extreme))
            {
                _extreme = fraction;
                return;
            }

            if (_direction == 0)
            {
                if (fraction > _extreme + DeadbandFraction)
                {
                    _direction = 1;
                    _extreme = fraction;
                }
                else if (fraction < _extreme - DeadbandFraction)
                {
                    _direction = -1;
                    _extreme = fraction;
                }

                return;
            }

            bool further = _direction > 0 ? fraction > _extreme : fraction < _extreme;
            if (further)
            {
                _extreme = fraction;
                return;
            }

            bool turned = _direction > 0 ? fraction < _extreme - DeadbandFraction : fraction > _extreme + DeadbandFraction;
            if (turned)
            {
                Reversals++;
                _direction = -_direction;
                _extreme = fraction;
            }
        }
    }
}
