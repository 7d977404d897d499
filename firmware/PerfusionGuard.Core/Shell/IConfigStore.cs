namespace PerfusionGuard.Shell
{
    /// <summary>
    /// Named settings of the module as text ("telemetry.period_ms" = "1000"). The store validates
    /// each value; the shell adds access level, the stopped-pump rule for settings that can change
    /// the safety state, and the event-log entry with old and new value.
    /// </summary>
    public interface IConfigStore
    {
        /// <summary>Number of settings.</summary>
        int Count { get; }

        /// <summary>Name of setting <paramref name="index"/>.</summary>
        string KeyAt(int index);

        /// <summary>Current value of <paramref name="key"/> as text; false when no such setting.</summary>
        bool TryGet(string key, out string value);

        /// <summary>Unit of <paramref name="key"/>'s value as printed ("ms", "mmHg", "" when none).</summary>
        string UnitOf(string key);

        /// <summary>True when changing <paramref name="key"/> can change the safety state (a limit): refused while the pump runs.</summary>
        bool IsSafetyRelevant(string key);

        /// <summary>Sets <paramref name="key"/> to <paramref name="value"/> after validation; false with a reason.</summary>
        bool TrySet(string key, string value, out string reason);

        /// <summary>True when values changed since the last save or load.</summary>
        bool HasUnsavedChanges { get; }

        /// <summary>Persists the current values; false with a reason when the store failed.</summary>
        bool Save(out string reason);

        /// <summary>Puts every setting back to its default (not yet saved).</summary>
        void ResetToDefaults();
    }
}
