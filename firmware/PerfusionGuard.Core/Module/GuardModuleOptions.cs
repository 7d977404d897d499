using PerfusionGuard.Telemetry;

namespace PerfusionGuard.Module
{
    /// <summary>Start-up choices of a <see cref="GuardModule"/> that are not in the board or the profile.</summary>
    public sealed class GuardModuleOptions
    {
        /// <summary>Event-log ring size in records (issue 3: at least 1000, as commercial devices keep).</summary>
        public int LogCapacityRecords = Log.EventLog.DefaultCapacity;

        /// <summary>Capacity of the supervisor's event ring and of each consumer's copy.</summary>
        public int SafetyEventRingCapacity = 64;

        /// <summary>Capacity of each alarm-transition sink (log, telemetry).</summary>
        public int AlarmSinkCapacity = 128;

        /// <summary>
        /// Capacity of the telemetry copies of the safety-event ring and of the alarm transitions. The
        /// telemetry thread drains them every 50 ms; an overflow costs network messages only (counted
        /// by the rings), never the black box, whose copies keep the larger capacities above because
        /// its writer thread runs at the lowest priority.
        /// </summary>
        public int TelemetrySinkCapacity = 32;

        /// <summary>Telemetry outbox; null when the module publishes no telemetry.</summary>
        public TelemetryOutbox TelemetryOutbox;

        /// <summary>
        /// Telemetry session (seq counters, boot counter, clock). Null with an outbox: the module
        /// makes one with the event log's boot counter and <see cref="TelemetryUtcClock"/> (the device).
        /// </summary>
        public TelemetrySession TelemetrySession;

        /// <summary>Wall clock for the session the module makes (null: <c>utc_ms</c> 0).</summary>
        public IUtcClock TelemetryUtcClock;

        /// <summary>Period of telemetry data frames.</summary>
        public long TelemetryPeriodMicros = TelemetrySampler.DefaultPeriodMicros;

        /// <summary>
        /// Data frames the safety cycle hands over that may wait for the telemetry thread (SAF-CYC-005),
        /// a few hundred bytes each. That thread also waits up to 5 s for a QoS 1 PUBACK
        /// (DeviceTelemetry.AckTimeoutMillis) between two moves: at the default 1 s period the slots
        /// hold 4 s, so only a PUBACK slower than that costs frames, each counted in the next frame's
        /// <c>dropped</c> (SAF-TEL-003).
        /// </summary>
        public int TelemetryFrameSlots = DataFrameHandoff.DefaultSlots;
    }
}
