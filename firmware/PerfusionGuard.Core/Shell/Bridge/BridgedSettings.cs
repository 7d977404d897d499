using PerfusionGuard.Safety;
using PerfusionGuard.Shell.Adapters;

namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>
    /// The console's <see cref="IConfigStore"/> on the console thread, over the profile's limits
    /// (<see cref="ProfileLimitSettings"/>). Setting a value or going back to the defaults changes a
    /// rule the supervisor reads every cycle, so the safety thread does it (a request; a limit is
    /// refused there too while a pump runs). Listing and saving (a flash write) run here: a limit
    /// changes only through these requests, which the console waits for (SAF-CON-012).
    /// </summary>
    public sealed class BridgedSettings : IConfigStore
    {
        private readonly ModuleConsoleBridge _bridge;
        private readonly ProfileLimitSettings _limits;

        /// <summary>The settings of <paramref name="limits"/> through <paramref name="bridge"/>.</summary>
        public BridgedSettings(ModuleConsoleBridge bridge, ProfileLimitSettings limits)
        {
            _bridge = bridge;
            _limits = limits;
        }

        /// <inheritdoc />
        public int Count => _limits.Count;

        /// <inheritdoc />
        public string KeyAt(int index) => _limits.KeyAt(index);

        /// <inheritdoc />
        public int IndexOf(string key) => _limits.IndexOf(key);

        /// <inheritdoc />
        public int ValueAt(int index) => _limits.ValueAt(index);

        /// <inheritdoc />
        public string UnitAt(int index) => _limits.UnitAt(index);

        /// <inheritdoc />
        public bool IsSafetyRelevant(int index) => _limits.IsSafetyRelevant(index);

        /// <inheritdoc />
        public bool TrySet(int index, int value, out string reason)
        {
            bool done = _bridge.Request(ConsoleRequestKind.SetSetting, index, value, 0, 0.0, CommandSource.LocalConsole, _bridge.CommandMicros);
            reason = _bridge.LastReason;
            return done && _bridge.LastOk;
        }

        /// <inheritdoc />
        public bool HasUnsavedChanges => _limits.HasUnsavedChanges;

        /// <inheritdoc />
        public bool Save(out string reason) => _limits.Save(out reason);

        /// <inheritdoc />
        public void ResetToDefaults()
        {
            _bridge.Request(ConsoleRequestKind.ResetSettings, -1, 0, 0, 0.0, CommandSource.LocalConsole, _bridge.CommandMicros);
        }
    }
}
