using PerfusionGuard.Shell;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// The telemetry link's state for the console's `net status`, read on the console thread: the
    /// link's connection flag and the outbox's counters (each behind the outbox's own short lock, a
    /// copy of one field, SAF-CON-012). Nothing here can change the link or the outbox.
    /// </summary>
    public sealed class TelemetryLinkStatus
    {
        private readonly ITelemetryLink _link;
        private readonly TelemetryOutbox _outbox;
        private readonly string _endpoint;

        /// <summary>State of <paramref name="link"/> to <paramref name="endpoint"/> ("broker:8883") draining <paramref name="outbox"/>.</summary>
        public TelemetryLinkStatus(ITelemetryLink link, TelemetryOutbox outbox, string endpoint)
        {
            _link = link;
            _outbox = outbox;
            _endpoint = endpoint;
        }

        /// <summary>The view the console prints.</summary>
        public NetStatusView View
        {
            get
            {
                NetStatusView view;
                view.Configured = true;
                view.Connected = _link != null && _link.IsConnected;
                view.Endpoint = _endpoint;
                view.SentCount = _outbox.SentTotal;
                view.OutboxCount = _outbox.Count;
                view.DroppedCount = _outbox.DroppedDataFrames;
                return view;
            }
        }
    }
}
