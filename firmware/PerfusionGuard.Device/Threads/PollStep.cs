namespace PerfusionGuard.Device.Threads
{
    /// <summary>One step of a periodic job at <paramref name="nowMicros"/> (a non-generic delegate: Action&lt;T&gt; crashes nanoFramework, NANO-PLATFORM.md).</summary>
    public delegate void PollStep(long nowMicros);
}
