namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>A condition the console thread waits for (a non-generic delegate: Func&lt;bool&gt; crashes nanoFramework).</summary>
    public delegate bool ConsoleCondition();

    /// <summary>
    /// How the console thread waits for the safety thread to carry out a posted request: injected,
    /// so that the device and the emulator run the same bridge (SAF-CON-012). On the device the
    /// console sleeps until the safety loop has taken and answered the request, bounded by a few
    /// cycles (<see cref="SafetyThreadWait"/>); in the emulator, where one thread runs everything in
    /// virtual time and the console runs between module steps, the request is carried out at once,
    /// at this cycle boundary (<see cref="InlineConsoleWait"/>): the same semantics.
    /// </summary>
    public interface IConsoleWait
    {
        /// <summary>Longest wait in microseconds, for messages (0 when the wait never blocks).</summary>
        long TimeoutMicros { get; }

        /// <summary>
        /// Console thread: returns true once <paramref name="condition"/> holds, false when it did
        /// not within the bound. <paramref name="bridge"/> is the bridge that posted the request.
        /// </summary>
        bool WaitUntil(ModuleConsoleBridge bridge, ConsoleCondition condition, long nowMicros);
    }
}
