using PerfusionGuard.Channels;
using PerfusionGuard.Module;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Shell.Adapters;
using PerfusionGuard.Units;

namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>
    /// The safety thread's half of the bridge: carries out one console request on the real
    /// components, at a cycle boundary, between two module steps (SAF-BRD-017). A request that
    /// could change the safety state with a pump running (calibration, limits, settings reset,
    /// profile, reboot) is checked again here against this cycle's inputs, because a pump may have
    /// started since the console looked: it is then refused and nothing changes (SAF-CON-004,
    /// SAF-CON-012). Flash writes (calibration commit, settings save) are not requests: they run on
    /// the console thread and never delay a cycle.
    /// </summary>
    public sealed class ModuleRequestExecutor
    {
        private readonly GuardModule _module;
        private readonly ModuleInterlock _interlock;
        private readonly PressureCalibrationControl _calibration;
        private readonly ProfileLimitSettings _settings;
        private readonly IModuleControl _control;

        /// <summary>Carries requests out on <paramref name="module"/>; <paramref name="control"/> may be null.</summary>
        public ModuleRequestExecutor(GuardModule module, PressureCalibrationControl calibration, ProfileLimitSettings settings, IModuleControl control)
        {
            _module = module;
            _interlock = new ModuleInterlock(module);
            _calibration = calibration;
            _settings = settings;
            _control = control;
        }

        /// <summary>Safety thread: carries out the request in <paramref name="request"/> and writes its outcome there.</summary>
        public void Execute(ConsoleMailbox request, long nowMicros)
        {
            if (RefusedWhilePumpRuns(request) && PumpRunning())
            {
                request.Refusal = ConsoleRefusal.PumpRunning;
                return;
            }

            string reason = null;
            bool ok;
            switch (request.Kind)
            {
                case ConsoleRequestKind.Snapshot:
                    ok = true;
                    break;
                case ConsoleRequestKind.OperatorReset:
                    ok = _interlock.TryOperatorReset(nowMicros, request.Source);
                    break;
                case ConsoleRequestKind.SetOverride:
                    ok = _interlock.TrySetOverride(request.Target, request.Micros, nowMicros, request.Source);
                    break;
                case ConsoleRequestKind.ClearOverride:
                    ok = _interlock.TryClearOverride(request.Target, nowMicros, request.Source);
                    break;
                case ConsoleRequestKind.AcknowledgeAlarms:
                    ok = _module.Alarms.Acknowledge(nowMicros, request.Source);
                    break;
                case ConsoleRequestKind.CalibrationZero:
                    ok = _calibration.TryZero((ChannelId)request.Target, out reason);
                    break;
                case ConsoleRequestKind.CalibrationSpan:
                    ok = _calibration.TrySpan((ChannelId)request.Target, Pressure.FromMmHg(request.Value), out reason);
                    break;
                case ConsoleRequestKind.CalibrationRevert:
                    _calibration.Revert();
                    ok = true;
                    break;
                case ConsoleRequestKind.SetSetting:
                    if (request.Target < 0 || request.Target >= _settings.Count)
                    {
                        ok = false;
                        reason = "no such setting";
                        break;
                    }

                    ok = _settings.TrySet(request.Target, request.Number, out reason);
                    break;
                case ConsoleRequestKind.ResetSettings:
                    _settings.ResetToDefaults();
                    ok = true;
                    break;
                case ConsoleRequestKind.UseProfile:
                    if (_control == null)
                    {
                        request.Refusal = ConsoleRefusal.Unavailable;
                        return;
                    }

                    ok = _control.TryUseProfile((CircuitKind)request.Target, nowMicros, out reason);
                    break;
                case ConsoleRequestKind.Reboot:
                    if (_control == null)
                    {
                        request.Refusal = ConsoleRefusal.Unavailable;
                        return;
                    }

                    _control.RequestReboot(nowMicros);
                    ok = true;
                    break;
                default:
                    ok = false;
                    break;
            }

            request.Ok = ok;
            request.Reason = reason;
        }

        private bool RefusedWhilePumpRuns(ConsoleMailbox request)
        {
            switch (request.Kind)
            {
                case ConsoleRequestKind.CalibrationZero:
                case ConsoleRequestKind.CalibrationSpan:
                case ConsoleRequestKind.CalibrationRevert:
                case ConsoleRequestKind.ResetSettings:
                case ConsoleRequestKind.UseProfile:
                case ConsoleRequestKind.Reboot:
                    return true;
                case ConsoleRequestKind.SetSetting:
                    return request.Target >= 0 && request.Target < _settings.Count && _settings.IsSafetyRelevant(request.Target);
                default:
                    return false;
            }
        }

        // The cycle's own inputs at this boundary, as ShellRules.PumpRunning reads the console's copy.
        private bool PumpRunning()
        {
            SafetyInputs inputs = _module.Cycle.Inputs;
            return inputs.GuardedPumpRunning || inputs.ArterialPumpRunning;
        }
    }
}
