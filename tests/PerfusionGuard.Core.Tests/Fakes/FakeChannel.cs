using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.Tests.Fakes
{
    /// <summary>
    /// A channel whose next sample the test sets: it writes its fields into the slot of its
    /// <see cref="ChannelId"/> in <see cref="SafetyInputs"/>, by channel kind. Allocation-free.
    /// </summary>
    public sealed class FakeChannel : IChannel
    {
        public FakeChannel(ChannelId id) { Id = id; }

        public ChannelId Id { get; }

        public double PressureMmHg;
        public double FlowLPerMin;
        public bool AirPresent;
        public bool LatchTripped;
        public int MicrobubblesPerMinute;
        public LevelState Level;
        public SensorQuality Quality;
        public int RawCounts = 1234;

        /// <summary>How many times the cycle sampled this channel.</summary>
        public int Samples;

        public void Sample(long nowMicros, SafetyInputs inputs)
        {
            Samples++;
            int slot = (int)Id;
            switch (ChannelNames.KindOf(Id))
            {
                case ChannelKind.Pressure:
                    inputs.Pressures[slot].Pressure = Pressure.FromMmHg(PressureMmHg);
                    inputs.Pressures[slot].Quality = Quality;
                    inputs.Pressures[slot].RawCounts = RawCounts;
                    break;
                case ChannelKind.Flow:
                    inputs.Flows[slot].Flow = Flow.FromLPerMin(FlowLPerMin);
                    inputs.Flows[slot].Quality = Quality;
                    break;
                case ChannelKind.Air:
                    inputs.Air[slot].AirPresent = AirPresent;
                    inputs.Air[slot].LatchTripped = LatchTripped;
                    inputs.Air[slot].MicrobubblesPerMinute = MicrobubblesPerMinute;
                    inputs.Air[slot].Quality = Quality;
                    break;
                default:
                    inputs.ReservoirLevel.State = Level;
                    inputs.ReservoirLevel.Quality = Quality;
                    break;
            }
        }
    }
}
