using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell
{
    /// <summary>
    /// The local operator commands of the interlock supervisor, shaped like InterlockSupervisor's
    /// TryOperatorReset / TrySetOverride / TryClearOverride / FindRule. The console always passes
    /// <see cref="CommandSource.LocalConsole"/>; the supervisor refuses anything remote itself.
    /// </summary>
    public interface IInterlockControl
    {
        /// <summary>True when the board has a physical reset input (key or button on the module).</summary>
        bool HasResetInput { get; }

        /// <summary>True while the physical reset input is held (false when there is none).</summary>
        bool ResetInputActive { get; }

        /// <summary>Resets latched rules whose condition has gone; false when nothing could be reset.</summary>
        bool TryOperatorReset(long nowMicros, CommandSource source);

        /// <summary>Index of the rule raising <paramref name="alarmId"/>; -1 when the profile has none.</summary>
        int FindRule(string alarmId);

        /// <summary>Overrides rule <paramref name="ruleIndex"/> for <paramref name="durationMicros"/>; false when the rule may not be overridden.</summary>
        bool TrySetOverride(int ruleIndex, long durationMicros, long nowMicros, CommandSource source);

        /// <summary>Ends an override early; false when the rule was not overridden.</summary>
        bool TryClearOverride(int ruleIndex, long nowMicros, CommandSource source);
    }
}
