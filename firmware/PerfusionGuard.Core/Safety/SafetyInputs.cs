using PerfusionGuard.Channels;

namespace PerfusionGuard.Safety
{
    /// <summary>
    /// Everything the supervisor reads in one cycle. One instance is preallocated at start-up and
    /// refilled by the channels every cycle: nothing is allocated in the safety loop. Per-channel
    /// arrays are indexed by <see cref="ChannelId"/>; slots of channels the profile lacks are ignored.
    /// </summary>
    public sealed class SafetyInputs
    {
        /// <summary>Pressure samples, indexed by (int)ChannelId.</summary>
        public readonly PressureSample[] Pressures = new PressureSample[ChannelNames.Count];

        /// <summary>Air detector samples, indexed by (int)ChannelId.</summary>
        public readonly AirSample[] Air = new AirSample[ChannelNames.Count];

        /// <summary>Flow samples, indexed by (int)ChannelId.</summary>
        public readonly FlowSample[] Flows = new FlowSample[ChannelNames.Count];

        /// <summary>The reservoir level sample.</summary>
        public LevelSample ReservoirLevel;

        /// <summary>Status line from the pump console: the pump this module guards is turning.</summary>
        public bool GuardedPumpRunning;

        /// <summary>
        /// Status of the arterial pump, for the cardioplegia cross-pump rules (in CPB profiles the
        /// guarded pump is the arterial pump and this equals <see cref="GuardedPumpRunning"/>).
        /// </summary>
        public bool ArterialPumpRunning;

        /// <summary>What the module commanded on the pump-enable output in the previous cycle.</summary>
        public bool PumpEnableCommanded;

        /// <summary>The pump-enable line as read back after the driver / relay.</summary>
        public bool PumpEnableReadback;

        /// <summary>True when the start-up self-test has passed (issue 3 fills this; false blocks the pump).</summary>
        public bool SelfTestPassed;

        /// <summary>True when the previous cycle overran its period or the loop stalled.</summary>
        public bool CycleOverrun;

        /// <summary>Copies every field of <paramref name="other"/> into this instance (a snapshot for another thread). Allocates nothing.</summary>
        public void CopyFrom(SafetyInputs other)
        {
            System.Array.Copy(other.Pressures, Pressures, Pressures.Length);
            System.Array.Copy(other.Air, Air, Air.Length);
            System.Array.Copy(other.Flows, Flows, Flows.Length);
            ReservoirLevel = other.ReservoirLevel;
            GuardedPumpRunning = other.GuardedPumpRunning;
            ArterialPumpRunning = other.ArterialPumpRunning;
            PumpEnableCommanded = other.PumpEnableCommanded;
            PumpEnableReadback = other.PumpEnableReadback;
            SelfTestPassed = other.SelfTestPassed;
            CycleOverrun = other.CycleOverrun;
        }
    }
}
