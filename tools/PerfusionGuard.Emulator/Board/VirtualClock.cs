using PerfusionGuard.Hal;

namespace PerfusionGuard.Emulator.Board
{
    /// <summary>The emulator's monotonic microsecond clock: advanced by the runner, never by the wall clock.</summary>
    public sealed class VirtualClock : IMicrosClock
    {
        /// <summary>Microseconds since the emulated boot of the module's first power-up.</summary>
        public long NowMicros { get; set; }
    }
}
