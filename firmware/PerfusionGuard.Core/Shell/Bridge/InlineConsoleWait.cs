namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>
    /// The emulator's and the single-threaded tests' wait: the console runs between module steps on
    /// the module's own thread, so the pending request is carried out right away, at this cycle
    /// boundary, by the same <see cref="ModuleConsoleBridge.Service"/> the device's safety loop calls
    /// before each step. Never blocks.
    /// </summary>
    public sealed class InlineConsoleWait : IConsoleWait
    {
        /// <inheritdoc />
        public long TimeoutMicros => 0;

        /// <inheritdoc />
        public bool WaitUntil(ModuleConsoleBridge bridge, ConsoleCondition condition, long nowMicros)
        {
            if (condition())
            {
                return true;
            }

            bridge.Service(nowMicros);
            return condition();
        }
    }
}
