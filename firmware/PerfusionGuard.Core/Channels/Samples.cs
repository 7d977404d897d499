using PerfusionGuard.Units;

namespace PerfusionGuard.Channels
{
    /// <summary>One cycle's reading of a pressure channel.</summary>
    public struct PressureSample
    {
        /// <summary>Calibrated pressure; meaningless when <see cref="Quality"/> is not Good.</summary>
        public Pressure Pressure;
        /// <summary>Quality flags of this reading.</summary>
        public SensorQuality Quality;
        /// <summary>Averaged raw ADC counts behind <see cref="Pressure"/> (diagnostics, calibration).</summary>
        public int RawCounts;
    }

    /// <summary>One cycle's reading of an ultrasonic air detector and its hardware latch.</summary>
    public struct AirSample
    {
        /// <summary>The detector's digital output reports air now.</summary>
        public bool AirPresent;
        /// <summary>The hardware latch reads back as tripped (it dropped the pump-enable line by itself).</summary>
        public bool LatchTripped;
        /// <summary>Microbubble edges counted since start (hardware counter).</summary>
        public long MicrobubbleCount;
        /// <summary>Estimated total microbubble air volume since start.</summary>
        public Volume MicrobubbleVolume;
        /// <summary>Microbubbles counted over the channel's rate window (per minute).</summary>
        public int MicrobubblesPerMinute;
        /// <summary>Quality flags (a disconnected detector or a latch that disagrees with the detector).</summary>
        public SensorQuality Quality;
    }

    /// <summary>Discrete level of the reservoir as the pads (or thresholds of a continuous sensor) see it.</summary>
    public enum LevelState : byte
    {
        /// <summary>Above the alert threshold.</summary>
        Normal = 0,
        /// <summary>Below the alert pad / threshold, above the stop pad.</summary>
        Alert = 1,
        /// <summary>Below the stop pad / threshold: the reservoir is near empty.</summary>
        Low = 2,
    }

    /// <summary>One cycle's reading of the reservoir level channel.</summary>
    public struct LevelSample
    {
        /// <summary>Debounced discrete state.</summary>
        public LevelState State;
        /// <summary>Estimated volume (continuous sensors only; Zero with pads).</summary>
        public Volume Volume;
        /// <summary>True when the sensor is continuous and <see cref="Volume"/> is meaningful.</summary>
        public bool HasVolume;
        /// <summary>Quality flags (a loose pad reads as Low and Disconnected).</summary>
        public SensorQuality Quality;
    }

    /// <summary>One cycle's reading of a flow channel.</summary>
    public struct FlowSample
    {
        /// <summary>Flow, negative for backflow.</summary>
        public Flow Flow;
        /// <summary>Quality flags of this reading.</summary>
        public SensorQuality Quality;
    }
}
