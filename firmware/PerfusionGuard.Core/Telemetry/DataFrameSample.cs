using PerfusionGuard.Channels;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// What one data frame says, copied by the safety cycle into a preallocated slot of the
    /// <see cref="DataFrameHandoff"/> so that the telemetry thread can encode it later without
    /// reading anything the cycle changes: the frame's sequence number and times, the decision and
    /// its cause's alarm id, the data frames dropped before it reached the telemetry thread, and
    /// the profile's channels in frame order (only what a frame shows, in arrays of primitives:
    /// a few hundred bytes per slot rather than a whole <see cref="SafetyInputs"/>). Allocated once per slot.
    /// </summary>
    public sealed class DataFrameSample
    {
        /// <summary>The frame's <c>seq</c> in the data stream (taken when it was sampled, so a frame lost before encoding leaves a gap).</summary>
        public long Seq;

        /// <summary>Monotonic time of the cycle that sampled it.</summary>
        public long AtMicros;

        /// <summary>The wall clock at that cycle (0 when unknown).</summary>
        public long UtcMillis;

        /// <summary>The cycle's decision.</summary>
        public SafetyDecision Decision;

        /// <summary>Alarm id of the decision's cause rule; null when there is none or the rules are unknown.</summary>
        public string CauseAlarmId;

        /// <summary>Data frames the handoff refused since the previous frame that got through (SAF-TEL-003).</summary>
        public long CarriedDropped;

        /// <summary>Per channel: mmHg, L/min, mL (reservoir volume) or microbubbles per minute (a whole number).</summary>
        public readonly double[] Values;

        /// <summary>Per channel: the quality flags.</summary>
        public readonly SensorQuality[] Qualities;

        /// <summary>Per air channel: air at the detector now.</summary>
        public readonly bool[] AirPresent;

        /// <summary>Per air channel: the hardware latch reads tripped.</summary>
        public readonly bool[] LatchTripped;

        /// <summary>The reservoir's state (pads or continuous sensor).</summary>
        public LevelState ReservoirState;

        /// <summary>True when the reservoir sensor gives a volume (continuous sensor; false with pads).</summary>
        public bool ReservoirHasVolume;

        /// <summary>Storage for <paramref name="channelCount"/> channels.</summary>
        public DataFrameSample(int channelCount)
        {
            Values = new double[channelCount];
            Qualities = new SensorQuality[channelCount];
            AirPresent = new bool[channelCount];
            LatchTripped = new bool[channelCount];
        }

        /// <summary>Copies what a frame shows of <paramref name="channels"/> (frame order) from <paramref name="inputs"/>. Allocates nothing.</summary>
        public void CopyChannels(ChannelId[] channels, SafetyInputs inputs)
        {
            for (int i = 0; i < channels.Length && i < Values.Length; i++)
            {
                int slot = (int)channels[i];
                switch (ChannelNames.KindOf(channels[i]))
                {
                    case ChannelKind.Pressure:
                        Values[i] = inputs.Pressures[slot].Pressure.MmHg;
                        Qualities[i] = inputs.Pressures[slot].Quality;
                        break;
                    case ChannelKind.Flow:
                        Values[i] = inputs.Flows[slot].Flow.LPerMin;
                        Qualities[i] = inputs.Flows[slot].Quality;
                        break;
                    case ChannelKind.Air:
                        Values[i] = inputs.Air[slot].MicrobubblesPerMinute;
                        AirPresent[i] = inputs.Air[slot].AirPresent;
                        LatchTripped[i] = inputs.Air[slot].LatchTripped;
                        Qualities[i] = inputs.Air[slot].Quality;
                        break;
                    case ChannelKind.Level:
                        Values[i] = inputs.ReservoirLevel.Volume.Ml;
                        Qualities[i] = inputs.ReservoirLevel.Quality;
                        ReservoirState = inputs.ReservoirLevel.State;
                        ReservoirHasVolume = inputs.ReservoirLevel.HasVolume;
                        break;
                }
            }
        }
    }
}
