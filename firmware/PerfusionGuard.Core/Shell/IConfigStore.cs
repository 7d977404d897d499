namespace PerfusionGuard.Shell
{
    /// <summary>
    /// Named whole-number settings of the module ("telemetry.period_ms" = 1000), each with a unit
    /// and a range. The store validates each value; the shell adds access level, the stopped-pump
    /// rule for settings that can change the safety state (limits), and the event-log record with
    /// old and new value.
    /// </summary>
    public interface IConfigStore
    {
        /// <summary>Number of settings.</summary>
        int Count { get; }

        /// <summary>Name of setting <paramref name="index"/>.</summary>
        string KeyAt(int index);

        /// <summary>Index of <paramref name="key"/>; -1 when there is no such setting.</summary>
        int IndexOf(string key);

        /// <summary>Current value of setting <paramref name="index"/>.</summary>
        int ValueAt(int index);

        /// <summary>Unit of setting <paramref name="index"/> as printed ("ms", "mmHg", "" when none).</summary>
        string UnitAt(int index);

        /// <summary>True when changing setting <paramref name="index"/> can change the safety state (a limit): refused while the pump runs.</summary>
        bool IsSafetyRelevant(int index);

        /// <summary>Sets setting <paramref name="index"/> after validation; false with a reason ("from 100 to 60000 ms").</summary>
        bool TrySet(int index, int value, out string reason);

        /// <summary>True when values changed since the last save or load.</summary>
        bool HasUnsavedChanges { get; }

        /// <summary>Persists the current values; false with a reason when the store failed.</summary>
        bool Save(out string reason);

        /// <summary>Puts every setting back to its default (not yet saved).</summary>
        void ResetToDefaults();
    }
}
