using System;
using PerfusionGuard.Boards;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Module;
using PerfusionGuard.Profiles;
using PerfusionGuard.Telemetry;
using PerfusionGuard.Tests.Boards;

namespace PerfusionGuard.Tests.Module
{
    /// <summary>
    /// A closed-loop test rig for the whole module on the shipped `virtual` board: analog sensors
    /// read the rig's physical values through the board's calibration with ADC noise, the hardware
    /// air latch trips on air / detector test / software trip and clears on a reset pulse, the latch
    /// gates the pump-enable line, and the pump runs while its enable line is on.
    /// </summary>
    internal sealed class ModuleRig : IBoardPortFactory
    {
        private uint _noise = 12345;

        public readonly BoardDefinition Board = BoardFiles.Load("virtual");
        public readonly double[] Physical = new double[ChannelNames.Count];
        public bool Air;
        public bool LevelPadsWet = true;
        public bool LatchTripped;
        public bool ResetKeyDown;
        /// <summary>The alarm silence key (active high on the virtual board).</summary>
        public bool SilenceKeyDown;
        /// <summary>The reset key reads low when pressed (active_low in the board's pin table, as on the DevKitC).</summary>
        public bool ResetKeyActiveLow;
        /// <summary>The pump console reports the guarded pump running whatever the enable line says (a pump started by hand).</summary>
        public bool ForcePumpRunning;
        public bool LatchIgnoresTestInput;
        public bool EnableDriven;
        public bool DetectorTestOn;
        /// <summary>Level of the software-trip line; active high on the virtual board (no active_low in board.json).</summary>
        public bool SoftwareTripLine;
        public bool LatchResetOn;
        public int WatchdogToggles;
        public long NowMicros;
        public BoardPorts Ports;
        public readonly RamStore Store = new RamStore(EventLogBytes());

        public ModuleRig()
        {
            Physical[(int)ChannelId.PArterial] = 200;
            Physical[(int)ChannelId.PVenous] = -20;
            Physical[(int)ChannelId.PPostOxygenator] = 110;
            Physical[(int)ChannelId.LevelReservoir] = 1500;
            Physical[(int)ChannelId.FlowArterial] = 4.5;
            Ports = BoardPorts.Open(Board, this);
        }

        private static int EventLogBytes() => 64 * 1024; // as the device's store file and the emulator's RAM store

        public GuardModule Build(CircuitKind circuit, TelemetryOutbox outbox = null)
        {
            var options = new GuardModuleOptions();
            if (outbox != null)
            {
                options.TelemetryOutbox = outbox;
                options.TelemetrySession = new TelemetrySession(1, NowMicros, null);
            }

            return new GuardModule(Board, Ports, ProfileCatalog.Get(circuit), null, Store, options, NowMicros);
        }

        /// <summary>Advances the rig by one safety period and steps the module.</summary>
        public void Cycle(GuardModule module, int cycles = 1)
        {
            for (int i = 0; i < cycles; i++)
            {
                NowMicros += 10_000;
                UpdateLatch();
                module.Step(NowMicros);
                UpdateLatch();
            }
        }

        public bool PumpEnableLine { get { UpdateLatch(); return EnableDriven && !LatchTripped; } }

        public void UpdateLatch()
        {
            if (Air || SoftwareTripLine || (DetectorTestOn && !LatchIgnoresTestInput))
            {
                LatchTripped = true;
            }
            else if (LatchResetOn)
            {
                LatchTripped = false;
            }
        }

        private int Noise()
        {
            _noise = _noise * 1664525 + 1013904223;
            return (int)(_noise >> 30) - 1; // -1..2 counts of ADC noise: a live transducer is never bit-identical
        }

        public IDigitalInput OpenInput(BoardPin pin)
        {
            switch (pin.Role)
            {
                case PinRole.AirDetector: return new Input(() => Air || DetectorTestOn);
                case PinRole.LatchReadback: return new Input(() => { UpdateLatch(); return LatchTripped; });
                case PinRole.DetectorFault: return new Input(() => false);
                case PinRole.PumpEnableReadback: return new Input(() => PumpEnableLine);
                case PinRole.GuardedPumpRunning: return new Input(() => ForcePumpRunning || PumpEnableLine);
                case PinRole.ArterialPumpRunning: return new Input(() => true);
                case PinRole.LevelPadAlert:
                case PinRole.LevelPadStop: return new Input(() => LevelPadsWet);
                case PinRole.ResetKey: return new Input(() => ResetKeyDown != ResetKeyActiveLow);
                case PinRole.SilenceKey: return new Input(() => SilenceKeyDown);
                default: return new Input(() => false);
            }
        }

        public IDigitalOutput OpenOutput(BoardPin pin)
        {
            switch (pin.Role)
            {
                case PinRole.PumpEnable: return new Output(v => { EnableDriven = v; UpdateLatch(); });
                case PinRole.DetectorTest: return new Output(v => { DetectorTestOn = v; UpdateLatch(); });
                case PinRole.SoftwareTrip: return new Output(v => { SoftwareTripLine = v; UpdateLatch(); });
                case PinRole.LatchReset: return new Output(v => { LatchResetOn = v; UpdateLatch(); });
                case PinRole.WatchdogFeed: return new Output(v => WatchdogToggles++);
                default: return new Output(v => { });
            }
        }

        public IAnalogInput OpenAnalog(BoardPin pin)
        {
            ChannelCalibration c = Board.FindCalibration(pin.Channel);
            int channel = (int)pin.Channel;
            return new Analog(() => (int)Math.Round(c.ZeroCounts + Physical[channel] * c.CountsPerUnit) + Noise());
        }

        public IEdgeCounter OpenCounter(BoardPin pin) => new Counter();

        private sealed class Input : IDigitalInput
        {
            private readonly Func<bool> _read;
            public Input(Func<bool> read) => _read = read;
            public bool Read() => _read();
        }

        private sealed class Output : IDigitalOutput
        {
            private readonly Action<bool> _write;
            public Output(Action<bool> write) => _write = write;
            public void Write(bool high) => _write(high);
            // The rig's latch logic is evaluated after every output write (see ModuleRig.OpenOutput).
        }

        private sealed class Analog : IAnalogInput
        {
            private readonly Func<int> _read;
            public Analog(Func<int> read) => _read = read;
            public int MaxCounts => 4095;
            public int ReadCounts() => Math.Clamp(_read(), 0, 4095);
        }

        private sealed class Counter : IEdgeCounter
        {
            public long ReadCount() => 0;
        }
    }

    /// <summary>A RAM non-volatile store.</summary>
    internal sealed class RamStore : INonVolatileStore
    {
        private readonly byte[] _bytes;
        public RamStore(int size) { _bytes = new byte[size]; Array.Fill(_bytes, (byte)0xFF); }
        public int SizeBytes => _bytes.Length;
        public void Read(int address, byte[] buffer, int offset, int count) => Array.Copy(_bytes, address, buffer, offset, count);
        public void Write(int address, byte[] buffer, int offset, int count) => Array.Copy(buffer, offset, _bytes, address, count);
        public void Flush() { }
    }
}
