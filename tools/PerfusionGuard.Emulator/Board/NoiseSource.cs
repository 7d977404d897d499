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

        /// <summary>
        /// Standard normal from a 4096-entry table of normal quantiles (inverse CDF at the midpoints),
        /// indexed by 12 random bits: about 5 ns instead of a Box-Muller's log, sqrt and trig, for the
        /// tens of millions of ADC conversions of a long run. Tails are cut at ±3.5 σ.
        /// </summary>
        public double NextGaussianFast() => s_table[(int)(NextUlong() >> 52)];

        private static readonly double[] s_table = BuildTable();

        private static double[] BuildTable()
        {
            var table = new double[4096];
            for (int i = 0; i < table.Length; i++)
            {
                table[i] = InverseNormal((i + 0.5) / table.Length);
            }

            return table;
        }

        // Acklam's rational approximation of the normal quantile (relative error < 1.2e-9).
        private static double InverseNormal(double p)
        {
            double[] a = { -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00 };
            double[] b = { -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01 };
            double[] c = { -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00 };
            double[] d = { 7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00 };
            const double low = 0.02425;
            if (p < low)
            {
                double q = Math.Sqrt(-2 * Math.Log(p));
                return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            }

            if (p > 1 - low)
            {
                double q = Math.Sqrt(-2 * Math.Log(1 - p));
                return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
            }

            double r = p - 0.5;
            double s = r * r;
            return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
        }

        /// <summary>Standard normal (Box-Muller, exact tails).</summary>
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
