namespace PerfusionGuard.Safety
{
    /// <summary>
    /// The kinds of interlock condition a circuit profile can declare. Each <see cref="Profiles.ConditionRule"/>
    /// is one kind applied to one channel with its limits and action.
    /// </summary>
    public enum ConditionKind : byte
    {
        /// <summary>Air detector reports air or its hardware latch tripped. Always a latched stop.</summary>
        Air = 0,
        /// <summary>Detector and hardware latch disagree, or the latch cannot be reset/read back.</summary>
        AirLatchFault = 1,
        /// <summary>Microbubble count rate above the rule's count limit per minute.</summary>
        Microbubbles = 2,
        /// <summary>Pressure above the rule's limit.</summary>
        PressureHigh = 3,
        /// <summary>Pressure below the rule's limit.</summary>
        PressureLow = 4,
        /// <summary>Servo: pump speed limited linearly from the servo start pressure to the limit.</summary>
        PressureServo = 5,
        /// <summary>Pressure of the channel minus the second channel above the limit (oxygenator or column clotting).</summary>
        PressureDropHigh = 6,
        /// <summary>Reservoir level at or below the alert pad / threshold.</summary>
        LevelAlert = 7,
        /// <summary>Reservoir level at or below the stop pad / threshold.</summary>
        LevelLow = 8,
        /// <summary>A channel's quality is not Good (technical alarm; fail-safe).</summary>
        SensorFault = 9,
        /// <summary>Flow below minus the rule's flow limit: centrifugal backflow.</summary>
        Backflow = 10,
        /// <summary>Flow below the rule's flow limit while the guarded pump runs.</summary>
        LowFlow = 11,
        /// <summary>Cardioplegia pump running while the arterial pump is not.</summary>
        CardioplegiaWithoutArterial = 12,
        /// <summary>Cardioplegia flow not below arterial flow.</summary>
        CardioplegiaExceedsArterial = 13,
        /// <summary>Pump-enable output reads back differently from what was commanded.</summary>
        PumpOutputMismatch = 14,
        /// <summary>The start-up self-test has not passed.</summary>
        SelfTestFailed = 15,
        /// <summary>The safety cycle overran or stalled (heartbeat).</summary>
        CycleOverrun = 16,
        /// <summary>
        /// Flow below the rule's flow limit for the persistence time, whether or not the pump runs,
        /// once the guarded pump has run at least once: blood standing in a hemoperfusion column
        /// clots (DOMAIN.md, dialysis-style rules: "no flow > 120 s → alarm").
        /// </summary>
        NoFlow = 17,
        /// <summary>
        /// The guarded pump has not delivered forward pressure (pressure channel at or above the
        /// rule's pressure limit) or forward flow (second channel, a flow channel, at or above the
        /// rule's flow limit), with a Good reading, since it last started; true while it stands. A
        /// centrifugal pump that restarts against an open line flows backwards until its head holds
        /// the patient's pressure, so the clamp stays closed until then (SAF-BKF-004).
        /// </summary>
        ForwardNotEstablished = 18,
        /// <summary>
        /// The servo rule on the channel is limiting the pump (engaged, limit below 1) and, when the
        /// rule has a flow limit, the flow on its second channel is below it: held for the rule's
        /// persistence, a servo holding the pressure under its stop limit is hiding an occlusion
        /// and the patient gets little or no flow (SAF-PRS-008).
        /// </summary>
        ServoSustained = 19,
        /// <summary>
        /// With the guarded pump standing (no flow through the device between them), two pressure
        /// transducers on one fluid column read more than the rule's pressure limit apart: at zero
        /// flow the device drop is zero, so one of them is off zero (drift, zeroed closed to air,
        /// amplifier offset) (SAF-FLT-004). Judged on Good readings only.
        /// </summary>
        StandstillDisagreement = 20,
    }

    /// <summary>Name table for <see cref="ConditionKind"/>.</summary>
    public static class ConditionKindNames
    {
        /// <summary>Number of <see cref="ConditionKind"/> values.</summary>
        public const int Count = 21;

        private static readonly string[] s_names =
        {
            "air", "air_latch_fault", "microbubbles", "pressure_high", "pressure_low", "pressure_servo",
            "pressure_drop_high", "level_alert", "level_low", "sensor_fault", "backflow", "low_flow",
            "cardioplegia_without_arterial", "cardioplegia_exceeds_arterial", "pump_output_mismatch",
            "selftest_failed", "cycle_overrun", "no_flow", "forward_not_established",
            "servo_sustained", "standstill_disagreement",
        };

        /// <summary>Snake-case name of a condition kind.</summary>
        public static string NameOf(ConditionKind kind) => s_names[(int)kind];
    }
}
