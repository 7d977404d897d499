using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using PerfusionGuard.Hal;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Mqtt.Telemetry
{
    /// <summary>
    /// Telemetry of one emulated (or host) node wired end to end: session, outbox, sampler (an
    /// <see cref="ICycleObserver"/> to add to the safety loop), pump thread and MQTT link with the
    /// Last Will. The hook: <c>var t = HostTelemetry.Start(options, node, clock, monitor, boot, null);</c>,
    /// add <c>t.Sampler</c> to the cycle observers (it only hands data frames over), and on the
    /// telemetry side move them into the outbox with <c>t.Sampler.EnqueueDataFrames()</c>, feed alarms
    /// with <c>t.Sampler.DrainAlarmTransitions</c> and events with <c>t.Sampler.EnqueueSafetyEvent</c>;
    /// dispose at the end of the run. (The emulator's module has its own sampler and uses only this
    /// outbox, session, pump and link.)
    /// </summary>
    public sealed class HostTelemetry : IAsyncDisposable
    {
        private HostTelemetry(TelemetryTopics topics, TelemetrySession session, TelemetryOutbox outbox, TelemetrySampler sampler,
            TelemetryPump pump, HostTelemetryLink link)
        {
            Topics = topics;
            Session = session;
            Outbox = outbox;
            Sampler = sampler;
            Pump = pump;
            Link = link;
        }

        /// <summary>The node's topics.</summary>
        public TelemetryTopics Topics { get; }

        /// <summary>Header fields and sequences.</summary>
        public TelemetrySession Session { get; }

        /// <summary>The store-and-forward outbox.</summary>
        public TelemetryOutbox Outbox { get; }

        /// <summary>The cycle observer to add to the safety loop; its telemetry half also takes data frames, alarms and events.</summary>
        public TelemetrySampler Sampler { get; }

        /// <summary>Drains the outbox to the link.</summary>
        public TelemetryPump Pump { get; }

        /// <summary>The MQTT link.</summary>
        public HostTelemetryLink Link { get; }

        /// <summary>
        /// Builds everything and starts connecting and pumping in the background; the safety loop
        /// only ever calls the sampler's <see cref="TelemetrySampler.AfterCycle"/>. Site and node default to "lab" / "pg-emulator".
        /// </summary>
        /// <param name="options">Broker options (from <see cref="HostTelemetryOptions.TryParse"/>).</param>
        /// <param name="node">Firmware, board, profile, channels and data period for <c>meta</c>.</param>
        /// <param name="clock">The run's monotonic clock (virtual time in the emulator).</param>
        /// <param name="monitor">The supervisor, to name rules by alarm id; may be null.</param>
        /// <param name="bootCounter">The node's boot counter.</param>
        /// <param name="utcClock">Wall clock, or null (<c>utc_ms</c> 0).</param>
        /// <param name="startPumpThread">False to drive <see cref="TelemetryPump.PumpOnce"/> yourself (tests).</param>
        public static HostTelemetry Start(HostTelemetryOptions options, TelemetryNodeInfo node, IMicrosClock clock, IConditionMonitor monitor,
            long bootCounter, IUtcClock utcClock, bool startPumpThread = true)
        {
            var topics = new TelemetryTopics(options.Site ?? "lab", options.Node ?? "pg-emulator");
            long now = clock.NowMicros;
            var session = new TelemetrySession(bootCounter, now, utcClock);
            var outbox = new TelemetryOutbox(options.OutboxBudgetBytes, TelemetryOutbox.DefaultMaxEntries, TelemetryOutbox.DefaultMaxMessageBytes);
            long period = node.DataPeriodMicros > 0 ? node.DataPeriodMicros : TelemetrySampler.DefaultPeriodMicros;
            var sampler = new TelemetrySampler(outbox, session, node.Channels, monitor, period);
            byte[] meta = MetaMessageEncoder.ToBytes(session, node, now);
            MqttClientOptions clientOptions = options.ToClientOptions($"pg-{topics.Site}-{topics.Node}");
            // Last Will on the state topic, retained, so a subscriber arriving later still sees "lost" (DESIGN.md, Telemetry).
            clientOptions.Will = new MqttWill(topics.TopicOf(TelemetryTopic.State), StateMessageEncoder.ToBytes(session, StateMessageEncoder.Lost, now), 1, true);
            clientOptions.KeepAliveSeconds = 10;
            var link = new HostTelemetryLink(clientOptions);
            var pump = new TelemetryPump(outbox, link, topics, session, clock, meta);
            link.Start();
            if (startPumpThread)
            {
                pump.Start(10);
            }

            return new HostTelemetry(topics, session, outbox, sampler, pump, link) { _pumpThreadStarted = startPumpThread };
        }

        private bool _pumpThreadStarted;

        /// <summary>Waits (bounded) until the outbox is empty, pumping from this thread when no pump thread runs.</summary>
        public bool Flush(TimeSpan timeout)
        {
            var watch = Stopwatch.StartNew();
            while (Outbox.Count > 0 && watch.Elapsed < timeout)
            {
                if (!_pumpThreadStarted)
                {
                    Pump.PumpOnce(int.MaxValue);
                }

                if (Outbox.Count > 0)
                {
                    Thread.Sleep(5);
                }
            }

            return Outbox.Count == 0;
        }

        /// <summary>Flushes (up to 2 s), publishes <c>offline</c>, disconnects.</summary>
        public async ValueTask DisposeAsync()
        {
            Flush(TimeSpan.FromSeconds(2));
            if (_pumpThreadStarted)
            {
                Pump.Stop();
            }

            Pump.PublishOffline();
            await Link.DisposeAsync().ConfigureAwait(false);
        }
    }
}
