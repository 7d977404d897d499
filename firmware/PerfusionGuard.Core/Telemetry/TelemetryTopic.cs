namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// The leaves of the topic tree <c>pg/v1/&lt;site&gt;/&lt;node&gt;/...</c> (DESIGN.md, Telemetry).
    /// The numeric value indexes <see cref="TelemetryTopics"/> and is what the outbox stores per message.
    /// </summary>
    public enum TelemetryTopic : byte
    {
        /// <summary><c>state</c>: online / offline / lost, retained, also the Last Will.</summary>
        State = 0,
        /// <summary><c>meta</c>: firmware, board, profile, metric catalogue, retained.</summary>
        Meta = 1,
        /// <summary><c>data</c>: periodic frames, QoS 0.</summary>
        Data = 2,
        /// <summary><c>alarm</c>: alarm transitions, QoS 1.</summary>
        Alarm = 3,
        /// <summary><c>event</c>: safety events, QoS 1.</summary>
        Event = 4,
        /// <summary><c>log</c>: diagnostic log lines, QoS 0.</summary>
        Log = 5,
    }
}
