namespace PerfusionGuard.SelfTest
{
    /// <summary>Where the start-up self-test stands.</summary>
    public enum SelfTestOutcome : byte
    {
        /// <summary>Not started or still stepping: the pump stays disabled.</summary>
        Running = 0,
        /// <summary>Every check passed: the pump may be enabled (SafetyInputs.SelfTestPassed).</summary>
        Passed = 1,
        /// <summary>At least one check failed: the pump stays disabled.</summary>
        Failed = 2,
    }
}
