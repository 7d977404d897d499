namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Counts plausibility violations over the last <see cref="WindowCycles"/> cycles (at most 32)
    /// in a shift register: raised when at least <see cref="RaiseCount"/> of them violated, dropped
    /// once the whole window is clean. Used for rate-of-change and noise checks, where one real
    /// step (a clamp, a pump start) or one glitch is legitimate but repeated jumps are not.
    /// </summary>
    public sealed class ViolationWindow
    {
        private uint _history;
        private readonly uint _mask;
        private bool _active;

        /// <summary>Creates a window of <paramref name="windowCycles"/> (1..32) cycles raised at <paramref name="raiseCount"/> violations.</summary>
        public ViolationWindow(int windowCycles, int raiseCount)
        {
            if (windowCycles < 1)
            {
                windowCycles = 1;
            }

            if (windowCycles > 32)
            {
                windowCycles = 32;
            }

            if (raiseCount < 1)
            {
                raiseCount = 1;
            }

            WindowCycles = windowCycles;
            RaiseCount = raiseCount;
            _mask = windowCycles == 32 ? 0xFFFFFFFFu : ((1u << windowCycles) - 1u);
        }

        /// <summary>Length of the window in cycles.</summary>
        public int WindowCycles { get; }

        /// <summary>Violations within the window that raise the flag.</summary>
        public int RaiseCount { get; }

        /// <summary>The current state of the flag.</summary>
        public bool Active => _active;

        /// <summary>Violations within the current window.</summary>
        public int Count
        {
            get
            {
                uint bits = _history;
                int count = 0;
                while (bits != 0)
                {
                    bits &= bits - 1u;
                    count++;
                }

                return count;
            }
        }

        /// <summary>Records one cycle and returns the state of the flag.</summary>
        public bool Update(bool violated)
        {
            _history = ((_history << 1) | (violated ? 1u : 0u)) & _mask;
            int count = Count;
            if (count >= RaiseCount)
            {
                _active = true;
            }
            else if (count == 0)
            {
                _active = false;
            }

            return _active;
        }

        /// <summary>Forgets the history.</summary>
        public void Reset()
        {
            _history = 0;
            _active = false;
        }
    }
}
