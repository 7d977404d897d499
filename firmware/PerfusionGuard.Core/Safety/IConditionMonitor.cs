using PerfusionGuard.Profiles;

namespace PerfusionGuard.Safety
{
    /// <summary>
    /// Read access to the supervisor's rules and their run-time states, for the alarm manager,
    /// telemetry and the console. Implemented by the interlock supervisor; read-only by design:
    /// nothing that holds only this interface can change the safety state.
    /// </summary>
    public interface IConditionMonitor
    {
        /// <summary>Number of rules in the active profile.</summary>
        int RuleCount { get; }

        /// <summary>The rule at <paramref name="ruleIndex"/> (0..RuleCount-1).</summary>
        ConditionRule RuleAt(int ruleIndex);

        /// <summary>The run-time state of the rule at <paramref name="ruleIndex"/> after the last Update.</summary>
        ConditionStatus StatusAt(int ruleIndex);
    }
}
