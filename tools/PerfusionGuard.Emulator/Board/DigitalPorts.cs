using System;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Emulator.Board
{
    /// <summary>A digital input whose electrical level the board computes on demand.</summary>
    public sealed class DigitalInputPort : IDigitalInput
    {
        private readonly Func<bool> _level;

        /// <summary>Creates an input reading <paramref name="level"/>.</summary>
        public DigitalInputPort(Func<bool> level)
        {
            _level = level;
        }

        /// <summary>Samples the pin.</summary>
        public bool Read() => _level();
    }

    /// <summary>A digital output: remembers its level and tells the board when it is written.</summary>
    public sealed class DigitalOutputPort : IDigitalOutput
    {
        private readonly Action _onWrite;

        /// <summary>Creates an output that calls <paramref name="onWrite"/> after every write.</summary>
        public DigitalOutputPort(Action onWrite)
        {
            _onWrite = onWrite;
        }

        /// <summary>The level last written (false after power-up: de-energized).</summary>
        public bool Level { get; private set; }

        /// <summary>Drives the pin.</summary>
        public void Write(bool high)
        {
            Level = high;
            _onWrite?.Invoke();
        }

        /// <summary>Power lost: the pin is de-energized.</summary>
        public void Deenergize() => Level = false;
    }

    /// <summary>The pump console's speed-limit input (PWM/DAC from the module).</summary>
    public sealed class SpeedLimitPort : IAnalogOutput
    {
        /// <summary>The fraction last written, 0..1; 1 after power-up until the module writes (the console's own limit).</summary>
        public double Fraction { get; private set; } = 1.0;

        /// <summary>Writes the limit.</summary>
        public void WriteFraction(double fraction) => Fraction = fraction < 0 ? 0 : (fraction > 1 ? 1 : fraction);

        /// <summary>Power lost.</summary>
        public void Deenergize() => Fraction = 0;
    }

    /// <summary>The hardware microbubble counter: counts edges of the detector's microbubble output.</summary>
    public sealed class EdgeCounterPort : IEdgeCounter
    {
        private readonly Func<long> _count;

        /// <summary>Creates a counter reading <paramref name="count"/>.</summary>
        public EdgeCounterPort(Func<long> count)
        {
            _count = count;
        }

        /// <summary>Edges since start.</summary>
        public long ReadCount() => _count();
    }

    /// <summary>The external watchdog: records feeds; the runner resets the controller when it starves.</summary>
    public sealed class VirtualWatchdog : IWatchdog
    {
        private readonly VirtualClock _clock;

        /// <summary>Creates a watchdog on <paramref name="clock"/>.</summary>
        public VirtualWatchdog(VirtualClock clock)
        {
            _clock = clock;
        }

        /// <summary>When it was last fed, µs.</summary>
        public long LastFeedMicros { get; set; }

        /// <summary>Feeds.</summary>
        public void Feed() => LastFeedMicros = _clock.NowMicros;
    }

    /// <summary>Non-volatile memory in RAM; it survives an emulated power loss (it is "flash").</summary>
    public sealed class RamNonVolatileStore : INonVolatileStore
    {
        private readonly byte[] _bytes;

        /// <summary>Creates an erased store of <paramref name="sizeBytes"/> (0xFF as erased flash).</summary>
        public RamNonVolatileStore(int sizeBytes)
        {
            _bytes = new byte[sizeBytes];
            for (int i = 0; i < _bytes.Length; i++)
            {
                _bytes[i] = 0xFF;
            }
        }

        /// <summary>Size.</summary>
        public int SizeBytes => _bytes.Length;

        /// <summary>Reads.</summary>
        public void Read(int address, byte[] buffer, int offset, int count) => Array.Copy(_bytes, address, buffer, offset, count);

        /// <summary>Writes.</summary>
        public void Write(int address, byte[] buffer, int offset, int count) => Array.Copy(buffer, offset, _bytes, address, count);

        /// <summary>Nothing to flush in RAM.</summary>
        public void Flush()
        {
        }
    }
}
