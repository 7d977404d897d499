using System;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Tests.Fakes
{
    /// <summary>
    /// An ADC channel whose level a test sets, with an optional repeating per-conversion offset
    /// pattern (ADC noise, hum, spikes). Returns counts clamped to 0..MaxCounts. Allocation-free.
    /// </summary>
    public sealed class ScriptedAnalogInput : IAnalogInput
    {
        private int[] _pattern = { 0 };
        private int _index;

        public ScriptedAnalogInput(int maxCounts = 4095, int counts = 0)
        {
            MaxCounts = maxCounts;
            Counts = counts;
        }

        public int MaxCounts { get; }

        /// <summary>The level the next conversions centre on.</summary>
        public int Counts { get; set; }

        /// <summary>Conversions performed so far.</summary>
        public long Conversions { get; private set; }

        /// <summary>Sets the repeating per-conversion offsets added to <see cref="Counts"/>.</summary>
        public ScriptedAnalogInput WithNoise(params int[] offsets)
        {
            _pattern = offsets.Length == 0 ? new[] { 0 } : offsets;
            _index = 0;
            return this;
        }

        /// <summary>Typical ESP32-like ADC noise: a few counts either side, zero mean after trimming.</summary>
        public ScriptedAnalogInput WithTypicalAdcNoise() => WithNoise(0, 1, -1, 2, -2, 1, 0, -1, 3, -3, 0);

        /// <summary>Sets the level from a voltage on a 5 V full-scale converter.</summary>
        public void SetVolts(double volts, double fullScaleVolts = 5.0) => Counts = (int)Math.Round(volts / fullScaleVolts * MaxCounts);

        public int ReadCounts()
        {
            Conversions++;
            int counts = Counts + _pattern[_index];
            _index = (_index + 1) % _pattern.Length;
            return counts < 0 ? 0 : counts > MaxCounts ? MaxCounts : counts;
        }
    }

    /// <summary>A digital input a test sets.</summary>
    public sealed class ScriptedDigitalInput : IDigitalInput
    {
        public ScriptedDigitalInput(bool high = false)
        {
            High = high;
        }

        public bool High { get; set; }

        public bool Read() => High;
    }

    /// <summary>A digital output that remembers its level and counts writes.</summary>
    public sealed class RecordingDigitalOutput : IDigitalOutput
    {
        public bool High { get; private set; }

        public int Writes { get; private set; }

        public void Write(bool high)
        {
            High = high;
            Writes++;
        }
    }

    /// <summary>A hardware edge counter a test advances.</summary>
    public sealed class ScriptedEdgeCounter : IEdgeCounter
    {
        public long Count { get; set; }

        public long ReadCount() => Count;
    }

    /// <summary>
    /// RAM-backed non-volatile memory (erased to 0xFF) that can cut the power after a given number
    /// of written bytes: the bytes before the cut are stored, the rest of the write is lost
    /// (throws the <see cref="PowerCutException"/> of LogFakes.cs).
    /// </summary>
    public sealed class TearableNonVolatileStore : INonVolatileStore
    {
        public TearableNonVolatileStore(int sizeBytes = 1024)
        {
            Memory = new byte[sizeBytes];
            for (int i = 0; i < sizeBytes; i++)
            {
                Memory[i] = 0xFF;
            }
        }

        public byte[] Memory { get; }

        public int SizeBytes => Memory.Length;

        /// <summary>Bytes that may still be written before the power cut; negative = no cut.</summary>
        public int WriteBudgetBytes { get; set; } = -1;

        public int Flushes { get; private set; }

        public void Read(int address, byte[] buffer, int offset, int count) => Array.Copy(Memory, address, buffer, offset, count);

        public void Write(int address, byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (WriteBudgetBytes == 0)
                {
                    throw new PowerCutException();
                }

                Memory[address + i] = buffer[offset + i];
                if (WriteBudgetBytes > 0)
                {
                    WriteBudgetBytes--;
                }
            }
        }

        public void Flush() => Flushes++;
    }

    /// <summary>
    /// The hardware air latch circuit as the board wires it, for supervision tests: the latch sets
    /// when the detector reports air (or its test input forces air) or the software trip is
    /// asserted, and clears on a reset pulse only when neither holds. Polarities of the default
    /// <see cref="PerfusionGuard.Channels.AirDetectorConfig"/>: detector low = air, readback low =
    /// tripped, test/reset active high, software trip active low (a run permit).
    /// </summary>
    public sealed class SimulatedAirLatchCircuit
    {
        public SimulatedAirLatchCircuit()
        {
            DetectorTest = new Line(this);
            LatchReset = new Line(this);
            SoftwareTrip = new Line(this);
            Detector = new Readback(() => !AirAtDetector);
            LatchReadback = new Readback(() => !Tripped);
            Tripped = true; // a latch powers up tripped until the firmware resets it
        }

        /// <summary>Air in the line at the sensor.</summary>
        public bool AirAtDetector
        {
            get => _air || DetectorTest.High;
            set
            {
                _air = value;
                Settle();
            }
        }

        public bool Tripped { get; private set; }

        /// <summary>Set to make the latch ignore its reset (a latch stuck tripped).</summary>
        public bool ResetBroken { get; set; }

        /// <summary>Set to make the latch ignore air (a latch that never trips).</summary>
        public bool TripBroken { get; set; }

        public Line DetectorTest { get; }

        public Line LatchReset { get; }

        /// <summary>Run permit: high = run allowed, low = trip.</summary>
        public Line SoftwareTrip { get; }

        public IDigitalInput Detector { get; }

        public IDigitalInput LatchReadback { get; }

        private bool _air;

        private void Settle()
        {
            bool tripCause = AirAtDetector || !SoftwareTrip.High;
            if (tripCause && !TripBroken)
            {
                Tripped = true;
            }
            else if (LatchReset.High && !ResetBroken && !tripCause)
            {
                Tripped = false;
            }
        }

        public sealed class Line : IDigitalOutput
        {
            private readonly SimulatedAirLatchCircuit _circuit;

            internal Line(SimulatedAirLatchCircuit circuit)
            {
                _circuit = circuit;
            }

            public bool High { get; private set; }

            public void Write(bool high)
            {
                High = high;
                _circuit.Settle();
            }
        }

        private sealed class Readback : IDigitalInput
        {
            private readonly Func<bool> _read;

            public Readback(Func<bool> read)
            {
                _read = read;
            }

            public bool Read() => _read();
        }
    }
}
