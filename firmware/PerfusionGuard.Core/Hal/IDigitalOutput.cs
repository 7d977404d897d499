namespace PerfusionGuard.Hal
{
    /// <summary>
    /// A digital output pin. Safety outputs are energize-to-run (DESIGN.md, safety concept 1): a
    /// low level, a reset controller or a dead board all mean "stop". The actual state of a safety
    /// output is read back through a separate <see cref="IDigitalInput"/> wired after the driver.
    /// </summary>
    public interface IDigitalOutput
    {
        /// <summary>Drives the pin high (true) or low (false).</summary>
        void Write(bool high);
    }
}
