namespace PerfusionGuard.Hal
{
    /// <summary>
    /// One ADC channel. A conversion is a blocking one-shot of tens of microseconds with jitter on
    /// nanoFramework (NANO-PLATFORM.md, timing): channels oversample and average.
    /// </summary>
    public interface IAnalogInput
    {
        /// <summary>Largest raw count the converter returns (4095 for a 12-bit ESP32 ADC).</summary>
        int MaxCounts { get; }

        /// <summary>Performs one conversion and returns the raw count, 0..<see cref="MaxCounts"/>.</summary>
        int ReadCounts();
    }
}
