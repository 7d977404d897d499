using System;
using System.Diagnostics;
using PerfusionGuard.Boards;
using PerfusionGuard.Emulator.Board;
using PerfusionGuard.Emulator.Firmware;
using PerfusionGuard.Emulator.Runner;
using PerfusionGuard.Emulator.Scenarios;
using PerfusionGuard.Module;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Cli.Bench
{
    /// <summary>
    /// Cost of one safety cycle of the adult CPB profile: GuardModule.Step (every channel sampled on
    /// the virtual board, supervisor, outputs, alarm manager and signals, telemetry data-frame
    /// enqueue, event fan-out), timed cycle by cycle inside a real emulated run of the default
    /// scenario (air slug, occlusion, reset: the inputs change as in use). The scenario runs twice in
    /// one process; the second run is measured, so one-time lazy initialisation is not counted.
    /// </summary>
    public static class CycleBench
    {
        public sealed class Figures
        {
            public double MedianNs;
            public double P99Ns;
            public double MaxNs;
            public long Cycles;
            public long AllocatedBytes;
            public double AllocBytesPerCycle => Cycles == 0 ? double.NaN : (double)AllocatedBytes / Cycles;
            public long CoreHeapBytes;
            public long CoreStartupAllocBytes;
            public long CoreHeapWithoutTelemetryBytes;
        }

        public static Figures Run()
        {
            Scenario scenario = DefaultScenario.Load();
            Figures figures = new Figures();
            for (int pass = 0; pass < 2; pass++)
            {
                var timing = new TimingHost(pass == 1, figures);
                ScenarioRunner.Run(scenario, new RunOptions { RecordTrace = false, FirmwareFactory = timing.Create });
                if (pass == 1)
                {
                    timing.Finish();
                }
            }

            return figures;
        }

        // The module as a board builds it: the device-sized outbox (TelemetryOutbox.DeviceBudgetBytes),
        // so core_heap_bytes is the figure the ESP32's ~100 KB managed heap has to hold.
        private static GuardModuleOptions NewOptions() => new GuardModuleOptions
        {
            TelemetryOutbox = new TelemetryOutbox(TelemetryOutbox.DeviceBudgetBytes, TelemetryOutbox.DeviceMaxEntries, TelemetryOutbox.DefaultMaxMessageBytes),
            TelemetrySession = new TelemetrySession(1, 0, null),
        };

        /// <summary>An IFirmwareHost that times GuardModule.Step and counts what it allocates.</summary>
        private sealed class TimingHost : IFirmwareHost
        {
            private readonly bool _measure;
            private readonly Figures _figures;
            private GuardModuleFirmwareHost _inner;
            private TelemetryOutbox _outbox;
            private GuardModuleOptions _options;
            private byte[] _linkBuffer;
            private long[] _samples = new long[1 << 16];
            private int _count;
            private long _allocated;

            public TimingHost(bool measure, Figures figures)
            {
                _measure = measure;
                _figures = figures;
            }

            public IFirmwareHost Create(VirtualBoard board, CircuitKind circuit)
            {
                _options = NewOptions();
                _outbox = _options.TelemetryOutbox;
                _linkBuffer = new byte[_outbox.MaxMessageBytes];
                _inner = new GuardModuleFirmwareHost(board, circuit, _options);
                if (_measure)
                {
                    // Core heap: what the core holds after start-up for adult CPB (the module with its
                    // channels, supervisor, alarms, log and self-test, plus the telemetry outbox and
                    // session), built over the virtual board's ports: the growth of the collected heap
                    // (GetTotalMemory(true), process-wide: meaningful in the CLI, noisy under a parallel
                    // test runner) and, deterministic, the bytes allocated on this thread while building
                    // it (start-up temporaries included).
                    BoardPorts ports = GuardModuleFirmwareHost.PortsOf(board);
                    var store = new RamNonVolatileStore(64 * 1024);
                    long heapBefore = GC.GetTotalMemory(true);
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    GuardModuleOptions options = NewOptions();
                    var module = new GuardModule(board.Definition, ports, ProfileCatalog.Get(circuit), board.SpeedLimit, store, options, 0);
                    _figures.CoreStartupAllocBytes = GC.GetAllocatedBytesForCurrentThread() - before;
                    _figures.CoreHeapBytes = GC.GetTotalMemory(true) - heapBefore;
                    GC.KeepAlive(module);
                    GC.KeepAlive(options);

                    // The same without telemetry: what the safety stack alone holds; the difference is
                    // the store-and-forward outbox (a budget chosen for outage length, not a fixed cost).
                    var bareStore = new RamNonVolatileStore(64 * 1024);
                    long bareBefore = GC.GetTotalMemory(true);
                    var bare = new GuardModule(board.Definition, GuardModuleFirmwareHost.PortsOf(board), ProfileCatalog.Get(circuit), board.SpeedLimit, bareStore, null, 0);
                    _figures.CoreHeapWithoutTelemetryBytes = GC.GetTotalMemory(true) - bareBefore;
                    GC.KeepAlive(bare);
                }

                return this;
            }

            public string Description => _inner.Description;
            public SafetyDecision LastDecision => _inner.LastDecision;
            public IConditionMonitor Monitor => _inner.Monitor;
            public SelfTestState SelfTest => _inner.SelfTest;
            public string SelfTestDetail => _inner.SelfTestDetail;
            public bool ConsoleSupported => false;
            public string ExecuteConsole(string line, long nowMicros) => null;
            public bool TryOperatorReset(long nowMicros, out string detail) => _inner.TryOperatorReset(nowMicros, out detail);
            public bool TryOverride(string alarmId, long durationMicros, long nowMicros, out string detail) => _inner.TryOverride(alarmId, durationMicros, nowMicros, out detail);
            public bool TryTakeAlarm(out AlarmEventInfo info) => _inner.TryTakeAlarm(out info);

            public void Boot(long nowMicros) => _inner.Boot(nowMicros);

            public void RunCycle(long nowMicros)
            {
                GuardModule module = _inner.Module;
                bool cycle = module.SelfTest.Outcome != PerfusionGuard.SelfTest.SelfTestOutcome.Running;
                long allocBefore = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                module.Step(nowMicros);
                long ticks = Stopwatch.GetTimestamp() - start;
                long allocated = GC.GetAllocatedBytesForCurrentThread() - allocBefore;
                if (_measure && cycle)
                {
                    if (_count == _samples.Length)
                    {
                        Array.Resize(ref _samples, _samples.Length * 2);
                    }

                    _samples[_count++] = ticks;
                    _allocated += allocated;
                }

                _inner.RunBackgroundWork(nowMicros);
                while (_outbox.Count > 0)
                {
                    long id = _outbox.BeginSend(_linkBuffer, out _, out _, out _, out _);
                    _outbox.EndSend(id, true);
                }
            }

            public void Finish()
            {
                Array.Sort(_samples, 0, _count);
                double nsPerTick = 1e9 / Stopwatch.Frequency;
                _figures.Cycles = _count;
                _figures.AllocatedBytes = _allocated;
                _figures.MedianNs = _samples[_count / 2] * nsPerTick;
                _figures.P99Ns = _samples[(int)(_count * 0.99)] * nsPerTick;
                _figures.MaxNs = _samples[_count - 1] * nsPerTick;
            }
        }
    }
}
