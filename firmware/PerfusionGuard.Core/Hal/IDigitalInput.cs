namespace PerfusionGuard.Hal
{
    /// <summary>A digital input pin as the board wires it. True means the electrically high level.</summary>
    public interface IDigitalInput
    {
        /// <summary>Samples the pin now.</summary>
        bool Read();
    }
}
