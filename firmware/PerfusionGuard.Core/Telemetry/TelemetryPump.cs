using System.Threading;
using PerfusionGuard.Hal;
using PerfusionGuard.Text;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// Drains the outbox to the link, oldest first, from its own lower-priority thread (or from a
    /// host loop calling <see cref="PumpOnce"/>), never from the safety cycle (SAF-TEL-004). After
    /// every (re)connect it first republishes the retained <c>state</c> (<c>online</c>) and
    /// <c>meta</c> messages. A message the link fails to publish stays at the head of the outbox
    /// and is retried after the next reconnect, so order is kept.
    /// </summary>
    public sealed class TelemetryPump
    {
        private readonly TelemetryOutbox _outbox;
        private readonly ITelemetryLink _link;
        private readonly TelemetryTopics _topics;
        private readonly TelemetrySession _session;
        private readonly IMicrosClock _clock;
        private readonly byte[] _meta;
        private readonly byte[] _sendBuffer;
        private readonly JsonByteWriter _stateWriter = new JsonByteWriter(256);
        private int _announcedConnection = -1;
        private Thread _thread;
        private bool _stopRequested;
        private int _idleMillis = 20;

        /// <summary>Creates the pump.</summary>
        /// <param name="outbox">What to send.</param>
        /// <param name="link">Where to send it.</param>
        /// <param name="topics">The node's topics.</param>
        /// <param name="session">For the <c>state</c> payload.</param>
        /// <param name="clock">Monotonic clock for the <c>state</c> payload's uptime.</param>
        /// <param name="metaPayload">The encoded <c>meta</c> message (see <see cref="MetaMessageEncoder"/>).</param>
        public TelemetryPump(TelemetryOutbox outbox, ITelemetryLink link, TelemetryTopics topics, TelemetrySession session,
            IMicrosClock clock, byte[] metaPayload)
        {
            _outbox = outbox;
            _link = link;
            _topics = topics;
            _session = session;
            _clock = clock;
            _meta = metaPayload;
            _sendBuffer = new byte[outbox.MaxMessageBytes];
        }

        /// <summary>Messages the link failed to publish (each was kept and retried).</summary>
        public long PublishFailures { get; private set; }

        /// <summary>Times the retained state and meta were (re)announced.</summary>
        public int Announcements { get; private set; }

        /// <summary>
        /// Sends up to <paramref name="maxMessages"/> messages while the link is up; returns how many
        /// were sent. Blocks only on the link (QoS 1 waits for its PUBACK).
        /// </summary>
        public int PumpOnce(int maxMessages)
        {
            if (!_link.IsConnected)
            {
                return 0;
            }

            int connection = _link.ConnectionCount;
            if (connection != _announcedConnection)
            {
                if (!Announce())
                {
                    PublishFailures++;
                    return 0;
                }

                _announcedConnection = connection;
                Announcements++;
            }

            int sent = 0;
            while (sent < maxMessages && _link.IsConnected)
            {
                TelemetryTopic topic;
                int qos;
                bool retain;
                int length;
                long id = _outbox.BeginSend(_sendBuffer, out topic, out qos, out retain, out length);
                if (id == 0)
                {
                    break;
                }

                bool ok = _link.TryPublish(_topics.TopicOf(topic), _sendBuffer, 0, length, qos, retain);
                _outbox.EndSend(id, ok);
                if (!ok)
                {
                    PublishFailures++;
                    break;
                }

                sent++;
            }

            return sent;
        }

        /// <summary>
        /// Publishes the retained <c>offline</c> state, before a clean disconnect; false when the
        /// link is down or did not confirm.
        /// </summary>
        public bool PublishOffline()
        {
            if (!_link.IsConnected)
            {
                return false;
            }

            StateMessageEncoder.Encode(_stateWriter, _session, StateMessageEncoder.Offline, _clock.NowMicros);
            return _link.TryPublish(_topics.TopicOf(TelemetryTopic.State), _stateWriter.Buffer, 0, _stateWriter.Length, 1, true);
        }

        /// <summary>Starts the pump's own thread, which sends whatever is queued and sleeps <paramref name="idleMillis"/> when idle.</summary>
        public void Start(int idleMillis)
        {
            _idleMillis = idleMillis;
            _stopRequested = false;
            _thread = new Thread(Run);
            _thread.Priority = ThreadPriority.BelowNormal;
            _thread.Start();
        }

        /// <summary>Asks the thread to stop and waits for it.</summary>
        public void Stop()
        {
            _stopRequested = true;
            if (_thread != null)
            {
                _thread.Join();
                _thread = null;
            }
        }

        private void Run()
        {
            while (!_stopRequested)
            {
                int sent;
                try
                {
                    sent = PumpOnce(32);
                }
                catch (System.Exception)
                {
                    // A link that throws is treated like one that failed: keep the messages, retry later.
                    PublishFailures++;
                    sent = 0;
                }

                if (sent == 0)
                {
                    Thread.Sleep(_idleMillis);
                }
            }
        }

        private bool Announce()
        {
            StateMessageEncoder.Encode(_stateWriter, _session, StateMessageEncoder.Online, _clock.NowMicros);
            if (!_link.TryPublish(_topics.TopicOf(TelemetryTopic.State), _stateWriter.Buffer, 0, _stateWriter.Length, 1, true))
            {
                return false;
            }

            return _link.TryPublish(_topics.TopicOf(TelemetryTopic.Meta), _meta, 0, _meta.Length, 1, true);
        }
    }
}
