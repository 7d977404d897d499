using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Log;
using PerfusionGuard.Safety;
using PerfusionGuard.Units;

namespace PerfusionGuard.SelfTest
{
    /// <summary>
    /// The start-up self-test, run before the pump may be enabled (issue 3; SAF-STT-001..007). A step
    /// machine over an injected clock: <see cref="Step"/> does one bounded piece of work and returns;
    /// every wait ("the latch must trip within 5 ms") is a deadline on the clock, never a sleep. Call
    /// Step at 1 ms or faster until it returns Passed or Failed; a check is judged on what is read
    /// back when it is polled, so a slower caller only widens the measured latency.
    /// <para>Checks, in order: the event log is open; for each air detector, release the test input
    /// and make sure the latch reads clear (resetting it first if needed), force the test input, the
    /// latch must read tripped within <see cref="SelfTestLimits.LatchTripTimeoutMicros"/>, release,
    /// pulse the reset, the latch must read clear within <see cref="SelfTestLimits.LatchClearTimeoutMicros"/>;
    /// the pump-enable output, commanded OFF, must read back OFF; each pressure channel samples Good
    /// and within its plausible range, and the level channel reports a state with Good quality, after
    /// <see cref="SelfTestLimits.ChannelSettleMicros"/> of sampling.</para>
    /// <para>The pump is never enabled during the self-test: the pump-enable output is only ever
    /// written OFF here. Its ON readback is checked by the running supervisor (pump output mismatch
    /// rule) on the first enable; no board has a relay test path that could prove ON without running
    /// the pump, and proving it by energising the line would let the pump start before the checks.</para>
    /// <para>Every check's result is written to the event log. <see cref="Passed"/> feeds
    /// <see cref="SafetyInputs.SelfTestPassed"/>: while it is false the profile's SelfTestFailed rule
    /// keeps the pump stopped and raises its technical alarm.</para>
    /// </summary>
    public sealed class StartupSelfTest
    {
        /// <summary>Most failures kept (the first ones; a count of all is kept too).</summary>
        public const int MaxFailures = 16;

        private enum Phase : byte
        {
            Idle,
            EventLog,
            AirStart,
            AirInitialResetPulse,
            AirInitialWaitClear,
            AirForce,
            AirWaitTrip,
            AirResetPulse,
            AirWaitClear,
            PumpOff,
            PumpWait,
            Channels,
            Done,
        }

        private readonly IAirLatchTestPort[] _airPorts;
        private readonly IDigitalOutput _pumpEnable;
        private readonly IDigitalInput _pumpEnableReadback;
        private readonly IChannel[] _channels;
        private readonly EventLog _log;
        private readonly SelfTestLimits _limits;
        private readonly SafetyInputs _scratch = new SafetyInputs();
        private readonly SelfTestFailure[] _failures = new SelfTestFailure[MaxFailures];

        private Phase _phase;
        private int _air;
        private long _phaseStartMicros;
        private int _failureCount;
        private int _checksRun;
        private SelfTestOutcome _outcome;
        private long _startedAtMicros;
        private long _finishedAtMicros;

        /// <summary>
        /// Creates the self-test over the board's hooks. <paramref name="airPorts"/>: one per air
        /// detector; <paramref name="pumpEnable"/> and <paramref name="pumpEnableReadback"/>: the
        /// energize-to-run output (true = energised) and its readback after the driver / relay;
        /// <paramref name="channels"/>: the pressure and level channels (others are ignored);
        /// <paramref name="log"/>: the event log, opened before; <paramref name="limits"/> may be null (defaults).
        /// </summary>
        public StartupSelfTest(IAirLatchTestPort[] airPorts, IDigitalOutput pumpEnable, IDigitalInput pumpEnableReadback,
            IChannel[] channels, EventLog log, SelfTestLimits limits)
        {
            _airPorts = airPorts ?? new IAirLatchTestPort[0];
            _pumpEnable = pumpEnable ?? throw new System.ArgumentNullException(nameof(pumpEnable), "self-test: the pump-enable output is required");
            _pumpEnableReadback = pumpEnableReadback ?? throw new System.ArgumentNullException(nameof(pumpEnableReadback), "self-test: the pump-enable readback is required");
            _channels = channels ?? new IChannel[0];
            _log = log;
            _limits = limits ?? new SelfTestLimits();
        }

        /// <summary>
        /// When set, results are queued here for the log writer thread instead of being appended to
        /// the event log from the stepping thread (a module's safety thread must not wait for a flash
        /// write, SAF-LOG-007); null: appended directly (single-threaded hosts and tests).
        /// </summary>
        public PendingRecordRing PendingRecords { get; set; }

        /// <summary>Where the self-test stands.</summary>
        public SelfTestOutcome Outcome => _outcome;

        /// <summary>True only when every check passed. Copy into <see cref="SafetyInputs.SelfTestPassed"/> each cycle.</summary>
        public bool Passed => _outcome == SelfTestOutcome.Passed;

        /// <summary>Checks judged so far (passed or failed).</summary>
        public int ChecksRun => _checksRun;

        /// <summary>Failed checks (may exceed <see cref="MaxFailures"/>; only the first are kept).</summary>
        public int FailureCount => _failureCount;

        /// <summary>The <paramref name="index"/>-th failure, oldest first.</summary>
        public SelfTestFailure FailureAt(int index)
        {
            if (index < 0 || index >= _failureCount || index >= MaxFailures)
            {
                throw new System.ArgumentOutOfRangeException(nameof(index), "self-test: failure " + index + " does not exist (" + _failureCount + " failures)");
            }

            return _failures[index];
        }

        /// <summary>"passed", "running", or the first failure's message (and how many more).</summary>
        public string Summary
        {
            get
            {
                switch (_outcome)
                {
                    case SelfTestOutcome.Passed: return "self-test passed (" + _checksRun + " checks)";
                    case SelfTestOutcome.Running: return "self-test running";
                    default:
                        string more = _failureCount > 1 ? " (+" + (_failureCount - 1) + " more)" : "";
                        return "self-test FAILED: " + _failures[0].Message + more;
                }
            }
        }

        /// <summary>When the self-test finished; meaningful once <see cref="Outcome"/> is not Running.</summary>
        public long DurationMicros => _finishedAtMicros - _startedAtMicros;

        /// <summary>(Re)starts the self-test at <paramref name="nowMicros"/>; the outcome is Running until it ends.</summary>
        public void Begin(long nowMicros)
        {
            _phase = Phase.EventLog;
            _air = 0;
            _failureCount = 0;
            _checksRun = 0;
            _outcome = SelfTestOutcome.Running;
            _startedAtMicros = nowMicros;
            _phaseStartMicros = nowMicros;

            // Fail safe from the first instant: the pump stays off whatever happens next.
            _pumpEnable.Write(false);
        }

        /// <summary>Advances the self-test at <paramref name="nowMicros"/>; returns the outcome so far.</summary>
        public SelfTestOutcome Step(long nowMicros)
        {
            if (_phase == Phase.Idle)
            {
                Begin(nowMicros);
            }

            switch (_phase)
            {
                case Phase.EventLog:
                    if (_log != null && _log.IsOpen)
                    {
                        Pass(nowMicros, SelfTestCheck.EventLogOpen, -1, 0);
                    }
                    else
                    {
                        string why = _log == null ? "no event log is configured" : _log.OpenError.Length > 0 ? _log.OpenError : "the event log is not open";
                        Fail(nowMicros, SelfTestCheck.EventLogOpen, -1, 0, "event log: " + why + "; check the non-volatile store (size, file system)");
                    }

                    Enter(_airPorts.Length > 0 ? Phase.AirStart : Phase.PumpOff, nowMicros);
                    break;

                case Phase.AirStart:
                {
                    IAirLatchTestPort port = _airPorts[_air];
                    port.SetDetectorTest(false);
                    if (port.IsLatchTripped())
                    {
                        port.BeginLatchReset();
                        Enter(Phase.AirInitialResetPulse, nowMicros);
                    }
                    else
                    {
                        Enter(Phase.AirForce, nowMicros);
                    }

                    break;
                }

                case Phase.AirInitialResetPulse:
                    if (nowMicros - _phaseStartMicros >= _limits.LatchResetPulseMicros)
                    {
                        _airPorts[_air].EndLatchReset();
                        Enter(Phase.AirInitialWaitClear, nowMicros);
                    }

                    break;

                case Phase.AirInitialWaitClear:
                    if (!_airPorts[_air].IsLatchTripped())
                    {
                        Enter(Phase.AirForce, nowMicros);
                    }
                    else if (nowMicros - _phaseStartMicros > _limits.LatchClearTimeoutMicros)
                    {
                        Fail(nowMicros, SelfTestCheck.AirLatchInitialReset, AirChannel(), 0,
                            AirName() + ": latch reads tripped before the test and did not reset within " + Ms(_limits.LatchClearTimeoutMicros)
                            + "; check the detector for air or a fault, the latch reset line and the readback wiring");
                        NextAir(nowMicros);
                    }

                    break;

                case Phase.AirForce:
                    _airPorts[_air].SetDetectorTest(true);
                    Enter(Phase.AirWaitTrip, nowMicros);
                    break;

                case Phase.AirWaitTrip:
                {
                    IAirLatchTestPort port = _airPorts[_air];
                    long elapsed = nowMicros - _phaseStartMicros;
                    if (port.IsLatchTripped())
                    {
                        Pass(nowMicros, SelfTestCheck.AirLatchTrip, AirChannel(), elapsed);
                        port.SetDetectorTest(false);
                        port.BeginLatchReset();
                        Enter(Phase.AirResetPulse, nowMicros);
                    }
                    else if (elapsed > _limits.LatchTripTimeoutMicros)
                    {
                        port.SetDetectorTest(false);
                        Fail(nowMicros, SelfTestCheck.AirLatchTrip, AirChannel(), elapsed,
                            AirName() + ": latch did not trip within " + Ms(_limits.LatchTripTimeoutMicros)
                            + " of the detector test; check the detector's test input, its output to the latch and the latch readback");
                        NextAir(nowMicros);
                    }

                    break;
                }

                case Phase.AirResetPulse:
                    if (nowMicros - _phaseStartMicros >= _limits.LatchResetPulseMicros)
                    {
                        _airPorts[_air].EndLatchReset();
                        Enter(Phase.AirWaitClear, nowMicros);
                    }

                    break;

                case Phase.AirWaitClear:
                {
                    long elapsed = nowMicros - _phaseStartMicros;
                    if (!_airPorts[_air].IsLatchTripped())
                    {
                        Pass(nowMicros, SelfTestCheck.AirLatchReset, AirChannel(), elapsed);
                        NextAir(nowMicros);
                    }
                    else if (elapsed > _limits.LatchClearTimeoutMicros)
                    {
                        Fail(nowMicros, SelfTestCheck.AirLatchReset, AirChannel(), elapsed,
                            AirName() + ": latch still reads tripped " + Ms(_limits.LatchClearTimeoutMicros)
                            + " after its reset with the detector test released; check the latch reset line, the readback and the detector (stuck test input?)");
                        NextAir(nowMicros);
                    }

                    break;
                }

                case Phase.PumpOff:
                    _pumpEnable.Write(false);
                    Enter(Phase.PumpWait, nowMicros);
                    break;

                case Phase.PumpWait:
                {
                    long elapsed = nowMicros - _phaseStartMicros;
                    if (!_pumpEnableReadback.Read())
                    {
                        Pass(nowMicros, SelfTestCheck.PumpEnableReadback, -1, elapsed);
                        Enter(Phase.Channels, nowMicros);
                    }
                    else if (elapsed > _limits.PumpReadbackTimeoutMicros)
                    {
                        Fail(nowMicros, SelfTestCheck.PumpEnableReadback, -1, elapsed,
                            "pump enable: commanded OFF but the readback still reads ON after " + Ms(_limits.PumpReadbackTimeoutMicros)
                            + "; check the output driver / relay (welded contact?) and the readback wiring");
                        Enter(Phase.Channels, nowMicros);
                    }

                    break;
                }

                case Phase.Channels:
                    for (int i = 0; i < _channels.Length; i++)
                    {
                        ChannelKind kind = ChannelNames.KindOf(_channels[i].Id);
                        if (kind == ChannelKind.Pressure || kind == ChannelKind.Level)
                        {
                            _channels[i].Sample(nowMicros, _scratch);
                        }
                    }

                    if (nowMicros - _phaseStartMicros >= _limits.ChannelSettleMicros)
                    {
                        JudgeChannels(nowMicros);
                        Finish(nowMicros);
                    }

                    break;
            }

            return _outcome;
        }

        private void JudgeChannels(long nowMicros)
        {
            for (int i = 0; i < _channels.Length; i++)
            {
                ChannelId id = _channels[i].Id;
                string name = ChannelNames.NameOf(id);
                ChannelKind kind = ChannelNames.KindOf(id);
                if (kind == ChannelKind.Pressure)
                {
                    PressureSample sample = _scratch.Pressures[(int)id];
                    double mmHg = sample.Pressure.MmHg;
                    if (sample.Quality != SensorQuality.Good)
                    {
                        Fail(nowMicros, SelfTestCheck.PressurePlausible, (int)id, 0,
                            name + ": quality " + QualityText(sample.Quality) + " (raw " + sample.RawCounts
                            + " counts); check the transducer cable, its excitation and the calibration");
                    }
                    else if (mmHg < _limits.PressureMinMmHg || mmHg > _limits.PressureMaxMmHg)
                    {
                        Fail(nowMicros, SelfTestCheck.PressurePlausible, (int)id, 0,
                            name + ": reads " + mmHg.ToString("F1") + " mmHg, outside the plausible " + _limits.PressureMinMmHg.ToString("F0")
                            + ".." + _limits.PressureMaxMmHg.ToString("F0") + " mmHg with the pump stopped; re-zero the transducer or replace it");
                    }
                    else
                    {
                        Pass(nowMicros, SelfTestCheck.PressurePlausible, (int)id, 0);
                    }
                }
                else if (kind == ChannelKind.Level)
                {
                    LevelSample level = _scratch.ReservoirLevel;
                    if (level.Quality != SensorQuality.Good)
                    {
                        Fail(nowMicros, SelfTestCheck.LevelState, (int)id, 0,
                            name + ": no valid level state (quality " + QualityText(level.Quality) + "); check the level pad / sensor is attached to the reservoir and wired");
                    }
                    else
                    {
                        Pass(nowMicros, SelfTestCheck.LevelState, (int)id, 0);
                    }
                }
            }
        }

        private void NextAir(long nowMicros)
        {
            _air++;
            Enter(_air < _airPorts.Length ? Phase.AirStart : Phase.PumpOff, nowMicros);
        }

        private void Enter(Phase phase, long nowMicros)
        {
            _phase = phase;
            _phaseStartMicros = nowMicros;
        }

        private void Finish(long nowMicros)
        {
            _phase = Phase.Done;
            _finishedAtMicros = nowMicros;
            _outcome = _failureCount == 0 ? SelfTestOutcome.Passed : SelfTestOutcome.Failed;
            Record(nowMicros, SelfTestCheck.Overall, -1, _failureCount == 0, _finishedAtMicros - _startedAtMicros);
        }

        private void Pass(long nowMicros, SelfTestCheck check, int channel, long measuredMicros)
        {
            _checksRun++;
            Record(nowMicros, check, channel, true, measuredMicros);
        }

        private void Fail(long nowMicros, SelfTestCheck check, int channel, long measuredMicros, string message)
        {
            _checksRun++;
            if (_failureCount < MaxFailures)
            {
                _failures[_failureCount].Check = check;
                _failures[_failureCount].Channel = channel;
                _failures[_failureCount].Message = message;
            }

            _failureCount++;
            Record(nowMicros, check, channel, false, measuredMicros);
        }

        private void Record(long nowMicros, SelfTestCheck check, int channel, bool passed, long measuredMicros)
        {
            if (_log != null && _log.IsOpen)
            {
                int measured = measuredMicros > int.MaxValue ? int.MaxValue : (int)measuredMicros;
                if (PendingRecords != null)
                {
                    PendingRecords.Record(nowMicros, EventKind.SelfTestResult, (int)check, measured, passed ? 1 : 0, channel, (byte)CommandSource.Firmware);
                    return;
                }

                _log.Append(nowMicros, EventKind.SelfTestResult, (int)check, measured, passed ? 1 : 0, channel, (byte)CommandSource.Firmware);
            }
        }

        private int AirChannel() => (int)_airPorts[_air].Channel;

        private string AirName() => ChannelNames.NameOf(_airPorts[_air].Channel);

        private static string Ms(long micros) => (micros / Time.MicrosPerMilli).ToString() + " ms";

        private static string QualityText(SensorQuality quality) => SensorQualityNames.Describe(quality);
    }
}
