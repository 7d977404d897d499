namespace PerfusionGuard.Safety
{
    /// <summary>
    /// Something that runs at the end of every safety cycle after the outputs are driven: the alarm
    /// manager, the telemetry sampler. Observers must be bounded in time and allocate nothing; they
    /// may not change the decision.
    /// </summary>
    public interface ICycleObserver
    {
        /// <summary>Called once per completed cycle.</summary>
        void AfterCycle(long nowMicros, SafetyInputs inputs, SafetyDecision decision);
    }
}
