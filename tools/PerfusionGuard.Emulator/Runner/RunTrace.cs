using System.Collections.Generic;

namespace PerfusionGuard.Emulator.Runner
{
    /// <summary>
    /// Time series for the HTML report, sampled at a fixed interval chosen from the run's length (at
    /// most ~20 000 points per series). Arrays are allocated once before the run starts.
    /// </summary>
    public sealed class RunTrace
    {
        private int _count;

        /// <summary>Creates a trace for <paramref name="seriesNames"/> with room for <paramref name="capacity"/> samples.</summary>
        public RunTrace(IReadOnlyList<string> seriesNames, IReadOnlyList<string> units, int capacity, long intervalMicros)
        {
            Names = seriesNames;
            Units = units;
            IntervalMicros = intervalMicros;
            TimesS = new double[capacity];
            Values = new double[seriesNames.Count][];
            for (int i = 0; i < Values.Length; i++)
            {
                Values[i] = new double[capacity];
            }
        }

        /// <summary>Series names ("p_arterial", "reservoir_ml", ...).</summary>
        public IReadOnlyList<string> Names { get; }

        /// <summary>Unit of each series.</summary>
        public IReadOnlyList<string> Units { get; }

        /// <summary>Sampling interval, µs.</summary>
        public long IntervalMicros { get; }

        /// <summary>Sample times, s.</summary>
        public double[] TimesS { get; }

        /// <summary>Values[series][sample].</summary>
        public double[][] Values { get; }

        /// <summary>Samples recorded.</summary>
        public int Count => _count;

        /// <summary>Starts a sample at <paramref name="timeS"/>; returns its index or −1 when full.</summary>
        public int Begin(double timeS)
        {
            if (_count >= TimesS.Length)
            {
                return -1;
            }

            TimesS[_count] = timeS;
            return _count++;
        }
    }
}
