namespace PerfusionGuard.SelfTest
{
    /// <summary>One failed check of the self-test, with a message a technician can act on.</summary>
    public struct SelfTestFailure
    {
        /// <summary>Which check failed.</summary>
        public SelfTestCheck Check;

        /// <summary>The channel concerned ((int)ChannelId), or -1 (pump output, event log).</summary>
        public int Channel;

        /// <summary>What failed and where ("bubble_arterial: latch did not trip within 5 ms of the detector test").</summary>
        public string Message;
    }
}
