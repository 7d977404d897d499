namespace PerfusionGuard.Hal
{
    /// <summary>
    /// An analog output (PWM or DAC): the speed-limit signal to the pump console. The console limits
    /// the pump to this fraction of the speed the perfusionist set (servo control, DOMAIN.md
    /// "pressure": speed reduced as pressure approaches the limit).
    /// </summary>
    public interface IAnalogOutput
    {
        /// <summary>Writes <paramref name="fraction"/>, 0 (stop) .. 1 (no limit); values outside are clamped by the implementation.</summary>
        void WriteFraction(double fraction);
    }
}
