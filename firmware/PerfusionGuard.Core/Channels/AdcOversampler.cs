using PerfusionGuard.Hal;

namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Takes several one-shot conversions per cycle and summarises them. A nanoFramework
    /// conversion is a blocking one-shot with jitter (NANO-PLATFORM.md, timing), and the ESP32 ADC
    /// is noisy: channels average instead of trusting one conversion. With four or more
    /// conversions the lowest and highest are dropped (trimmed mean and spread), so one spike
    /// conversion neither moves the value nor counts as noise. Allocation-free.
    /// </summary>
    public sealed class AdcOversampler
    {
        private readonly IAnalogInput _adc;

        /// <summary>Creates an oversampler of <paramref name="conversions"/> (at least 1) per reading.</summary>
        public AdcOversampler(IAnalogInput adc, int conversions)
        {
            _adc = adc;
            Conversions = conversions < 1 ? 1 : conversions;
        }

        /// <summary>Conversions per reading.</summary>
        public int Conversions { get; }

        /// <summary>Largest count of the converter.</summary>
        public int MaxCounts => _adc.MaxCounts;

        /// <summary>Mean of the last reading in raw counts (trimmed when 4 or more conversions).</summary>
        public double MeanCounts { get; private set; }

        /// <summary>Spread (max - min) of the last reading, trimmed like the mean.</summary>
        public int SpreadCounts { get; private set; }

        /// <summary>Lowest conversion of the last reading (untrimmed).</summary>
        public int MinCounts { get; private set; }

        /// <summary>Highest conversion of the last reading (untrimmed).</summary>
        public int MaxSeenCounts { get; private set; }

        /// <summary>True when every conversion of the last reading returned the same count.</summary>
        public bool AllIdentical => MinCounts == MaxSeenCounts;

        /// <summary>Performs one oversampled reading.</summary>
        public void Read()
        {
            long sum = 0;
            int min1 = int.MaxValue, min2 = int.MaxValue;
            int max1 = int.MinValue, max2 = int.MinValue;
            for (int i = 0; i < Conversions; i++)
            {
                int counts = _adc.ReadCounts();
                sum += counts;
                if (counts < min1)
                {
                    min2 = min1;
                    min1 = counts;
                }
                else if (counts < min2)
                {
                    min2 = counts;
                }

                if (counts > max1)
                {
                    max2 = max1;
                    max1 = counts;
                }
                else if (counts > max2)
                {
                    max2 = counts;
                }
            }

            MinCounts = min1;
            MaxSeenCounts = max1;
            if (Conversions >= 4)
            {
                MeanCounts = (double)(sum - min1 - max1) / (Conversions - 2);
                SpreadCounts = max2 - min2;
            }
            else
            {
                MeanCounts = (double)sum / Conversions;
                SpreadCounts = max1 - min1;
            }
        }
    }
}
