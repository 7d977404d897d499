namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Debounces one plausibility condition over safety cycles: the flag is raised after
    /// <see cref="SetCycles"/> consecutive bad readings and dropped after <see cref="ClearCycles"/>
    /// consecutive good ones. A single glitch then does not alarm, while an intermittent contact
    /// (bad, good, bad...) keeps the flag up instead of flickering it. Allocation-free.
    /// </summary>
    public sealed class FaultDebounce
    {
        private int _badRun;
        private int _goodRun;
        private bool _active;

        /// <summary>Creates a debouncer; both counts are clamped to at least 1 (1 = no debounce).</summary>
        public FaultDebounce(int setCycles, int clearCycles)
        {
            SetCycles = setCycles < 1 ? 1 : setCycles;
            ClearCycles = clearCycles < 1 ? 1 : clearCycles;
        }

        /// <summary>Consecutive bad readings that raise the flag.</summary>
        public int SetCycles { get; }

        /// <summary>Consecutive good readings that drop it again.</summary>
        public int ClearCycles { get; }

        /// <summary>The debounced state of the condition.</summary>
        public bool Active => _active;

        /// <summary>Feeds one cycle's raw verdict and returns the debounced state.</summary>
        public bool Update(bool bad)
        {
            if (bad)
            {
                _goodRun = 0;
                if (_badRun < SetCycles)
                {
                    _badRun++;
                }

                if (_badRun >= SetCycles)
                {
                    _active = true;
                }
            }
            else
            {
                _badRun = 0;
                if (_goodRun < ClearCycles)
                {
                    _goodRun++;
                }

                if (_goodRun >= ClearCycles)
                {
                    _active = false;
                }
            }

            return _active;
        }

        /// <summary>Forgets the history (after a recalibration or a sensor swap).</summary>
        public void Reset()
        {
            _badRun = 0;
            _goodRun = 0;
            _active = false;
        }
    }
}
