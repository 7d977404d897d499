using System;
using System.Collections.Generic;
using System.Text;
using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Log;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Shell;
using PerfusionGuard.Units;

namespace PerfusionGuard.Tests.Shell
{
    /// <summary>A byte stream whose input the test queues and whose output it reads.</summary>
    public sealed class FakeStream : IByteStream, IWriteCapacity
    {
        private readonly Queue<byte> _input = new Queue<byte>();
        private readonly List<byte> _output = new List<byte>();

        /// <summary>Bytes the "UART" accepts per poll; int.MaxValue = unlimited, 0 = silent terminal.</summary>
        public int Capacity { get; set; } = int.MaxValue;

        /// <summary>When true, the written bytes are counted but not kept (fuzzing).</summary>
        public bool Discard { get; set; }

        public long WrittenBytes { get; private set; }

        public int WriteCapacityBytes => Capacity;

        public void Type(string text) => Type(Encoding.UTF8.GetBytes(text));

        public void Type(byte[] bytes)
        {
            foreach (byte b in bytes)
            {
                _input.Enqueue(b);
            }
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && _input.Count > 0)
            {
                buffer[offset + n++] = _input.Dequeue();
            }

            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            if (count > Capacity)
            {
                throw new InvalidOperationException("shell wrote more than the stream accepts");
            }

            WrittenBytes += count;
            if (Capacity != int.MaxValue)
            {
                Capacity -= count;
            }

            if (!Discard)
            {
                for (int i = 0; i < count; i++)
                {
                    _output.Add(buffer[offset + i]);
                }
            }
        }

        public string TakeOutput()
        {
            string text = Encoding.UTF8.GetString(_output.ToArray());
            _output.Clear();
            return text;
        }
    }

    /// <summary>
    /// A whole module behind the shell's interfaces, with a small adult-CPB-like profile, so that
    /// every command has something to show. Records every call that would change state.
    /// </summary>
    public sealed class FakeModule : IModuleStatus, IModuleControl, IAlarmPanel, IInterlockControl, ICalibrationControl, IConfigStore, IShellEventLog, IConditionMonitor
    {
        public readonly List<string> StateChanges = new List<string>();
        public readonly List<LogEntryView> LogEntries = new List<LogEntryView>();
        public readonly List<AlarmView> Active = new List<AlarmView>();
        public readonly List<AlarmView> HistoryEntries = new List<AlarmView>();
        public readonly ConditionStatus[] Statuses;
        public SafetyDecision Decision = new SafetyDecision(SafetyAction.None, -1, 1.0, false);
        public bool LatchedResettable;
        public bool ResetInputFitted;
        public bool ResetInputHeld;
        public bool UtcKnown = true;
        public readonly Dictionary<ChannelId, CalibrationView> Working = new Dictionary<ChannelId, CalibrationView>();
        public readonly Dictionary<ChannelId, CalibrationView> Stored = new Dictionary<ChannelId, CalibrationView>();
                public bool SettingsDirty;
        public bool RebootRequested;

        public FakeModule()
        {
            Profile = new CircuitProfile
            {
                Name = "adult-cpb",
                Circuit = CircuitKind.AdultCpb,
                GuardedPump = PumpKind.Roller,
                Channels = new[] { ChannelId.PArterial, ChannelId.PVenous, ChannelId.BubbleArterial, ChannelId.LevelReservoir, ChannelId.FlowArterial },
                Rules = new[]
                {
                    new ConditionRule { AlarmId = "AIR_ARTERIAL", Message = "Air in arterial line", Kind = ConditionKind.Air, Channel = ChannelId.BubbleArterial, Action = SafetyAction.LatchedStop, Clear = ClearRule.OperatorReset, Priority = AlarmPriority.High },
                    new ConditionRule { AlarmId = "P_ARTERIAL_HIGH", Message = "Arterial line pressure high", Kind = ConditionKind.PressureHigh, Channel = ChannelId.PArterial, PressureLimit = Pressure.FromMmHg(300), Action = SafetyAction.Stop, Priority = AlarmPriority.High },
                    new ConditionRule { AlarmId = "LEVEL_LOW", Message = "Reservoir level low", Kind = ConditionKind.LevelLow, Channel = ChannelId.LevelReservoir, Action = SafetyAction.Stop, Priority = AlarmPriority.High, Overridable = true, MaxOverrideMicros = 30 * Time.MicrosPerMinute },
                },
            };
            Statuses = new ConditionStatus[Profile.Rules.Length];
            Inputs = new SafetyInputs();
            Inputs.Pressures[(int)ChannelId.PArterial] = new PressureSample { Pressure = Pressure.FromMmHg(182.4), RawCounts = 2210 };
            Inputs.Pressures[(int)ChannelId.PVenous] = new PressureSample { Pressure = Pressure.FromMmHg(-12.0), RawCounts = 1890, Quality = SensorQuality.Noisy };
            Inputs.Air[(int)ChannelId.BubbleArterial] = new AirSample { MicrobubbleCount = 14, MicrobubblesPerMinute = 2, MicrobubbleVolume = Volume.FromMicrolitres(3.5) };
            Inputs.ReservoirLevel = new LevelSample { State = LevelState.Normal, HasVolume = true, Volume = Volume.FromMl(1240) };
            Inputs.Flows[(int)ChannelId.FlowArterial] = new FlowSample { Flow = Flow.FromLPerMin(4.52) };
            Inputs.SelfTestPassed = true;
            Working[ChannelId.PArterial] = new CalibrationView { ZeroCounts = 1845.0, SpanCountsPerMmHg = 2.0, Valid = true };
            Working[ChannelId.PVenous] = new CalibrationView { ZeroCounts = 1920.0, SpanCountsPerMmHg = 2.5, Valid = true };
            foreach (var pair in Working)
            {
                Stored[pair.Key] = pair.Value;
            }

            ResetSettings();
            SettingsDirty = false;
        }

        public bool PumpRunning
        {
            set { Inputs.GuardedPumpRunning = value; Inputs.ArterialPumpRunning = value; }
        }

        // IModuleStatus
        public string NodeName => "pg-node1";
        public string FirmwareVersion => "0.1.0";
        public string BoardName => "virtual";
        public CircuitProfile Profile { get; set; }
        public SafetyInputs Inputs { get; }
        public SafetyDecision LastDecision => Decision;
        public IConditionMonitor Conditions => this;
        public int SelfTestStepCount => 2;

        public bool TryGetSelfTestStep(int index, out SelfTestStepView step)
        {
            step = index switch
            {
                0 => new SelfTestStepView { Name = "air_latch_arterial", Passed = true, Detail = "latch tripped in 0.4 ms, read back" },
                1 => new SelfTestStepView { Name = "pump_enable_readback", Passed = true, Detail = "off and on read back" },
                _ => default,
            };
            return index >= 0 && index < 2;
        }

        public bool TryGetUtcMillis(out long utcMillis)
        {
            utcMillis = 1795262400123; // 2026-11-21T12:00:00.123Z
            return UtcKnown;
        }

        public NetStatusView Net => new NetStatusView { Configured = true, Connected = true, Endpoint = "broker.local:1883", SentCount = 1200, OutboxCount = 3, DroppedCount = 0 };

        // IConditionMonitor
        public int RuleCount => Profile.Rules.Length;
        public ConditionRule RuleAt(int ruleIndex) => Profile.Rules[ruleIndex];
        public ConditionStatus StatusAt(int ruleIndex) => Statuses[ruleIndex];

        // IModuleControl
        public bool TryUseProfile(CircuitKind circuit, long nowMicros, out string reason)
        {
            reason = null;
            StateChanges.Add("profile " + CircuitNames.NameOf(circuit));
            Profile = new CircuitProfile { Name = CircuitNames.NameOf(circuit), Circuit = circuit, Channels = Profile.Channels, Rules = Profile.Rules };
            return true;
        }

        public void RequestReboot(long nowMicros)
        {
            StateChanges.Add("reboot");
            RebootRequested = true;
        }

        // IAlarmPanel
        public int ActiveCount => Active.Count;

        public bool TryGetActive(int index, out AlarmView alarm)
        {
            alarm = index >= 0 && index < Active.Count ? Active[index] : default;
            return index >= 0 && index < Active.Count;
        }

        public int HistoryCount => HistoryEntries.Count;

        public bool TryGetHistory(int newestFirstIndex, out AlarmView alarm)
        {
            alarm = newestFirstIndex >= 0 && newestFirstIndex < HistoryEntries.Count ? HistoryEntries[newestFirstIndex] : default;
            return newestFirstIndex >= 0 && newestFirstIndex < HistoryEntries.Count;
        }

        public bool AcknowledgeAll(long nowMicros, CommandSource source)
        {
            bool any = false;
            for (int i = 0; i < Active.Count; i++)
            {
                if (Active[i].State == "active" || Active[i].State == "latched")
                {
                    AlarmView a = Active[i];
                    a.State = "acknowledged";
                    Active[i] = a;
                    any = true;
                }
            }

            return any;
        }

        // IInterlockControl
        public bool HasResetInput => ResetInputFitted;
        public bool ResetInputActive => ResetInputHeld;

        public bool TryOperatorReset(long nowMicros, CommandSource source)
        {
            if (!LatchedResettable)
            {
                return false;
            }

            StateChanges.Add("reset " + SafetyNames.NameOf(source));
            LatchedResettable = false;
            return true;
        }

        public int FindRule(string alarmId) => Array.FindIndex(Profile.Rules, r => r.AlarmId == alarmId);

        public bool TrySetOverride(int ruleIndex, long durationMicros, long nowMicros, CommandSource source)
        {
            StateChanges.Add($"override {ruleIndex} {durationMicros}");
            Statuses[ruleIndex].Overridden = true;
            Statuses[ruleIndex].OverrideUntilMicros = nowMicros + durationMicros;
            return true;
        }

        public bool TryClearOverride(int ruleIndex, long nowMicros, CommandSource source)
        {
            if (!Statuses[ruleIndex].Overridden)
            {
                return false;
            }

            StateChanges.Add($"clear override {ruleIndex}");
            Statuses[ruleIndex].Overridden = false;
            return true;
        }

        // ICalibrationControl
        public bool IsCalibratable(ChannelId channel) => Working.ContainsKey(channel);

        public bool TryGetCalibration(ChannelId channel, out CalibrationView calibration) => Working.TryGetValue(channel, out calibration);

        public bool TryZero(ChannelId channel, out string reason)
        {
            reason = null;
            StateChanges.Add("zero " + ChannelNames.NameOf(channel));
            CalibrationView v = Working[channel];
            v.ZeroCounts = Inputs.Pressures[(int)channel].RawCounts;
            Working[channel] = v;
            return true;
        }

        public bool TrySpan(ChannelId channel, Pressure reference, out string reason)
        {
            reason = null;
            StateChanges.Add("span " + ChannelNames.NameOf(channel));
            CalibrationView v = Working[channel];
            v.SpanCountsPerMmHg = (Inputs.Pressures[(int)channel].RawCounts - v.ZeroCounts) / reference.MmHg;
            Working[channel] = v;
            return true;
        }

        public bool HasUncommittedChanges
        {
            get
            {
                foreach (var pair in Working)
                {
                    if (!Stored[pair.Key].Equals(pair.Value))
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public bool Commit(out string reason)
        {
            reason = null;
            StateChanges.Add("cal commit");
            foreach (var pair in Working)
            {
                Stored[pair.Key] = pair.Value;
            }

            return true;
        }

        public void Revert()
        {
            StateChanges.Add("cal revert");
            foreach (var pair in Stored)
            {
                Working[pair.Key] = pair.Value;
            }
        }

        // IConfigStore
        private static readonly string[] s_keys = { "limit.p_arterial_high", "telemetry.period_ms" };
        public readonly int[] Values = new int[2];
        public int Count => s_keys.Length;
        public string KeyAt(int index) => s_keys[index];
        public int IndexOf(string key) => Array.IndexOf(s_keys, key);
        public int ValueAt(int index) => Values[index];
        public string UnitAt(int index) => index == 0 ? "mmHg" : "ms";
        public bool IsSafetyRelevant(int index) => index == 0;

        public bool TrySet(int index, int value, out string reason)
        {
            reason = null;
            if (value < 1 || value > 100000)
            {
                reason = "must be from 1 to 100000 " + UnitAt(index);
                return false;
            }

            StateChanges.Add($"config {s_keys[index]}={value}");
            Values[index] = value;
            SettingsDirty = true;
            return true;
        }

        public bool HasUnsavedChanges => SettingsDirty;

        public bool Save(out string reason)
        {
            reason = null;
            StateChanges.Add("config save");
            SettingsDirty = false;
            return true;
        }

        public void ResetToDefaults()
        {
            StateChanges.Add("config reset");
            ResetSettings();
        }

        private void ResetSettings()
        {
            Values[0] = 300;
            Values[1] = 1000;
            SettingsDirty = true;
        }

        // IShellEventLog
        public void Record(long nowMicros, EventKind kind, int subject, int oldValue, int newValue, int auxValue)
        {
            LogEntries.Insert(0, new LogEntryView { AtMicros = nowMicros, Kind = EventKindNames.NameOf(kind), Text = $"subject={subject} old={oldValue} new={newValue} aux={auxValue} by local_console" });
        }

        int IShellEventLog.Count => LogEntries.Count;

        public bool TryReadNewest(int newestFirstIndex, out LogEntryView entry)
        {
            entry = newestFirstIndex >= 0 && newestFirstIndex < LogEntries.Count ? LogEntries[newestFirstIndex] : default;
            return newestFirstIndex >= 0 && newestFirstIndex < LogEntries.Count;
        }

        public ShellServices Services() => new ShellServices
        {
            Status = this, Control = this, Alarms = this, Interlock = this, Calibration = this, Config = this, Log = this,
        };
    }

    /// <summary>Builds a shell over a fake module with the test PIN "2468".</summary>
    public static class ShellRig
    {
        public const string Pin = "2468";

        private static readonly PinCredential s_credential = PinCredential.Create(Pin, Encoding.ASCII.GetBytes("pg-test-salt-016"), 8);

        public static PinCredential Credential => s_credential;

        public static SerialShell Create(FakeModule module, FakeStream stream, EchoMode echo = EchoMode.Plain)
        {
            return new SerialShell(stream, module.Services(), s_credential, echo, SerialShell.DefaultOutputBytes);
        }
    }
}
