using PerfusionGuard.Hal;
using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Module
{
    /// <summary>
    /// Telemetry of a module beside its <see cref="GuardModule"/>, the part every host shares: the
    /// module already samples data frames on its safety cycle (one sampler, the module's, set up by
    /// <see cref="Configure"/> through <see cref="GuardModuleOptions"/>) and keeps the session with
    /// the event log's boot counter; this adds the topics, the retained <c>meta</c> and the Last
    /// Will payloads, and the background step that moves the module's data frames, alarm
    /// transitions and safety events into the outbox and drains the outbox to the link
    /// (SAF-TEL-004, SAF-CYC-005: the outbox is never touched on the safety thread). The device only
    /// adds its M2Mqtt link and a thread. Allocates at start-up only, apart from what the link does.
    /// </summary>
    public sealed class ModuleTelemetry
    {
        /// <summary>Messages the background step sends at most per call (so the event drain runs between bursts).</summary>
        public const int MessagesPerStep = 16;

        private readonly GuardModule _module;
        private TelemetryPump _pump;

        /// <summary>
        /// Telemetry of <paramref name="module"/> (built with <see cref="Configure"/>d options) under
        /// the site and node of <paramref name="settings"/>; <paramref name="nowMicros"/> stamps the
        /// <c>meta</c> and Last Will payloads.
        /// </summary>
        public ModuleTelemetry(GuardModule module, SiteSettings settings, string firmwareVersion, string boardName, long nowMicros)
        {
            if (module.TelemetrySession == null)
            {
                throw new System.ArgumentException("telemetry: the module was built without a telemetry outbox (ModuleTelemetry.Configure)");
            }

            _module = module;
            Topics = new TelemetryTopics(settings.Site, settings.Node);
            NodeInfo = new TelemetryNodeInfo();
            NodeInfo.FirmwareVersion = firmwareVersion;
            NodeInfo.Board = boardName;
            NodeInfo.Profile = module.Profile.Name;
            NodeInfo.Channels = module.Profile.Channels;
            NodeInfo.DataPeriodMicros = module.Telemetry.PeriodMicros;
            MetaPayload = MetaMessageEncoder.ToBytes(module.TelemetrySession, NodeInfo, nowMicros);
            LostPayload = StateMessageEncoder.ToBytes(module.TelemetrySession, StateMessageEncoder.Lost, nowMicros);
        }

        /// <summary>
        /// Sets <paramref name="options"/> up for telemetry before the module is built: an outbox of
        /// the site's budget, the data period, and the wall clock for <c>utc_ms</c> (the module makes
        /// the session itself, with the event log's boot counter).
        /// </summary>
        public static void Configure(GuardModuleOptions options, SiteSettings settings, IUtcClock utc)
        {
            options.TelemetryOutbox = new TelemetryOutbox(settings.OutboxBytes, settings.OutboxEntries, TelemetryOutbox.DefaultMaxMessageBytes);
            options.TelemetryPeriodMicros = settings.TelemetryPeriodMicros;
            options.TelemetryUtcClock = utc;
        }

        /// <summary>The node's topics.</summary>
        public TelemetryTopics Topics { get; }

        /// <summary>What <c>meta</c> describes.</summary>
        public TelemetryNodeInfo NodeInfo { get; }

        /// <summary>The retained <c>meta</c> payload.</summary>
        public byte[] MetaPayload { get; }

        /// <summary>The Last Will payload (<c>lost</c>, for the node's <c>state</c> topic).</summary>
        public byte[] LostPayload { get; }

        /// <summary>The topic of the Last Will.</summary>
        public string WillTopic => Topics.TopicOf(TelemetryTopic.State);

        /// <summary>The outbox the telemetry thread fills with the module's messages.</summary>
        public TelemetryOutbox Outbox => _module.TelemetryOutbox;

        /// <summary>The pump, once <see cref="Attach"/> has been called.</summary>
        public TelemetryPump Pump => _pump;

        /// <summary>Drains the outbox to <paramref name="link"/> from now on (call once, before the first <see cref="Step"/> that should send).</summary>
        public void Attach(ITelemetryLink link, IMicrosClock clock)
        {
            _pump = new TelemetryPump(_module.TelemetryOutbox, link, Topics, _module.TelemetrySession, clock, MetaPayload);
        }

        /// <summary>
        /// The telemetry thread's step: the data frames, alarm transitions and safety events the
        /// module's safety thread handed over into the outbox (always, so none is lost while the link
        /// is down), then up to <see cref="MessagesPerStep"/> messages to the link when one is
        /// attached, moving what the safety thread handed over again before each one: a QoS 1 publish
        /// blocks on the link until its PUBACK comes (seconds when the broker is slow), and the
        /// safety thread's handoff holds only a few data frames (SAF-CYC-005). Returns the messages sent.
        /// </summary>
        public int Step(long nowMicros)
        {
            int sent = 0;
            while (true)
            {
                _module.PumpTelemetryEvents(nowMicros);
                if (_pump == null || sent >= MessagesPerStep)
                {
                    return sent;
                }

                int published = _pump.PumpOnce(1);
                if (published == 0)
                {
                    return sent;
                }

                sent += published;
            }
        }
    }
}
