using System;
using System.Threading.Tasks;
using PerfusionGuard.Alarms;
using PerfusionGuard.Channels;
using PerfusionGuard.Hal;
using PerfusionGuard.Integration.Tests.Broker;
using PerfusionGuard.Mqtt.Telemetry;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;
using PerfusionGuard.Units;

namespace PerfusionGuard.Integration.Tests.Telemetry
{
    /// <summary>
    /// One PerfusionGuard node's telemetry against a broker, driven by the test: the safety cycle is a
    /// call to <see cref="Cycle"/> with an injected clock (virtual time), the pump runs only when the
    /// test calls <see cref="Pump"/>, so the test decides when data may flow.
    /// </summary>
    public sealed class NodeUnderTest : IAsyncDisposable
    {
        public static readonly ChannelId[] Channels =
        {
            ChannelId.PArterial, ChannelId.PVenous, ChannelId.PPostOxygenator, ChannelId.BubbleArterial, ChannelId.LevelReservoir,
        };

        private readonly ManualClock _clock = new() { NowMicros = 5_000_000 };
        private readonly SafetyInputs _inputs = new();

        public NodeUnderTest(MosquittoBroker broker, string site = "or3", string node = "pg-01", Action<HostTelemetryOptions> configure = null)
        {
            var options = new HostTelemetryOptions { Host = "127.0.0.1", Port = broker.Port, Site = site, Node = node, HasBroker = true };
            configure?.Invoke(options);
            var info = new TelemetryNodeInfo { FirmwareVersion = "0.1.0", Board = "virtual", Profile = "adult-cpb", Channels = Channels, DataPeriodMicros = Time.MicrosPerSecond };
            Telemetry = HostTelemetry.Start(options, info, _clock, null, 3, null, startPumpThread: false);
            Telemetry.Link.ReconnectMinDelay = TimeSpan.FromMilliseconds(20);
            Telemetry.Link.ReconnectMaxDelay = TimeSpan.FromMilliseconds(200);
            _inputs.Pressures[(int)ChannelId.PArterial].Pressure = Pressure.FromMmHg(180);
        }

        public HostTelemetry Telemetry { get; }

        public long NowMicros => _clock.NowMicros;

        /// <summary>
        /// Runs one second of safety cycles (100 × 10 ms): the sampler takes one data frame, which the
        /// telemetry thread's half (here after each cycle) encodes into the outbox.
        /// </summary>
        public void RunOneSecond()
        {
            for (int i = 0; i < 100; i++)
            {
                _clock.NowMicros += 10_000;
                _inputs.Pressures[(int)ChannelId.PArterial].Pressure = Pressure.FromMmHg(180 + (i % 7));
                Telemetry.Sampler.AfterCycle(_clock.NowMicros, _inputs, new SafetyDecision(SafetyAction.None, -1, 1.0, false));
                Telemetry.Sampler.EnqueueDataFrames();
            }
        }

        public void RaiseAlarm(string alarmId) =>
            Telemetry.Sampler.EnqueueAlarm(_clock.NowMicros, _clock.NowMicros, alarmId, "active", AlarmPriority.High, false, "test alarm", SafetyAction.Stop);

        /// <summary>Sends everything queued (the link must be up).</summary>
        public int Pump() => Telemetry.Pump.PumpOnce(int.MaxValue);

        public void WaitConnected()
        {
            try
            {
                Wait.Until(() => Telemetry.Link.IsConnected, TimeSpan.FromSeconds(10), "the node's link to connect");
            }
            catch (TimeoutException e)
            {
                throw new TimeoutException(e.Message + ": " + Telemetry.Link.LastError, e);
            }
        }

        public ValueTask DisposeAsync() => Telemetry.DisposeAsync();

        private sealed class ManualClock : IMicrosClock
        {
            public long NowMicros { get; set; }
        }
    }
}
