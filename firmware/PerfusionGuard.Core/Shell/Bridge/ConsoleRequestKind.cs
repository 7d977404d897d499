namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>What the console asks the safety thread to do at its next cycle boundary (SAF-BRD-017, SAF-CON-012).</summary>
    public enum ConsoleRequestKind
    {
        /// <summary>No request.</summary>
        None = 0,
        /// <summary>Copy the module's state into the console's snapshot; changes nothing.</summary>
        Snapshot = 1,
        /// <summary>Local operator reset: latch reset pulse, then the supervisor (Target unused).</summary>
        OperatorReset = 2,
        /// <summary>Override rule Target for Micros.</summary>
        SetOverride = 3,
        /// <summary>End the override of rule Target.</summary>
        ClearOverride = 4,
        /// <summary>Acknowledge every sounding alarm.</summary>
        AcknowledgeAlarms = 5,
        /// <summary>Take the current reading of pressure channel Target as zero (pump stopped).</summary>
        CalibrationZero = 6,
        /// <summary>Take the current reading of pressure channel Target as Value mmHg (pump stopped).</summary>
        CalibrationSpan = 7,
        /// <summary>Put the stored calibration back on the channels (pump stopped).</summary>
        CalibrationRevert = 8,
        /// <summary>Set setting Target to Number (a limit: pump stopped).</summary>
        SetSetting = 9,
        /// <summary>Every setting back to its default (pump stopped).</summary>
        ResetSettings = 10,
        /// <summary>Switch to the built-in profile of circuit Target (pump stopped).</summary>
        UseProfile = 11,
        /// <summary>Reboot after the response has been sent (pump stopped).</summary>
        Reboot = 12,
    }

    /// <summary>Why the safety thread did not carry out a request as asked.</summary>
    public enum ConsoleRefusal
    {
        /// <summary>Carried out (the component may still have answered false with a reason).</summary>
        None = 0,
        /// <summary>A pump runs at the cycle boundary (it started after the console looked): nothing changed (SAF-CON-004).</summary>
        PumpRunning = 1,
        /// <summary>The module has no such component.</summary>
        Unavailable = 2,
    }
}
