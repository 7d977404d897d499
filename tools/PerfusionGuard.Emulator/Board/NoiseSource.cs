using System;

namespace PerfusionGuard.Emulator.Board
{
    /// <summary>
    /// Seeded, platform-independent noise (SplitMix64 with a Box-Muller pair): a scenario's seed makes
    /// every sensor reading reproducible to the bit. No System.Random (its algorithm is not a contract).
    /// </summary>
    public sealed class NoiseSource
    {
        private ulong _state;
        private bool _haveSpare;
        private double _spare;

        /// <summary>Creates a stream from <paramref name="seed"/> and a per-sensor <paramref name="stream"/> number.</summary>
        public NoiseSource(ulong seed, ulong stream)
        {
            _state = seed * 0xD1B54A32D192ED03UL ^ (stream + 1) * 0x9E3779B97F4A7C15UL;
            NextUlong();
        }

        /// <summary>Next raw 64-bit value.</summary>
        public ulong NextUlong()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, 1).</summary>
        public double NextUniform() => (NextUlong() >> 11) * (1.0 / 9007199254740992.0);

        /// <summary>Standard normal.</summary>
        public double NextGaussian()
        {
            if (_haveSpare)
            {
                _haveSpare = false;
                return _spare;
            }

            double u1 = 1.0 - NextUniform();
            double u2 = NextUniform();
            double r = Math.Sqrt(-2.0 * Math.Log(u1));
            double theta = 2.0 * Math.PI * u2;
            _spare = r * Math.Sin(theta);
            _haveSpare = true;
            return r * Math.Cos(theta);
        }
    }
}
