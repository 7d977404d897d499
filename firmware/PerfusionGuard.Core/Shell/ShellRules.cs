using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell
{
    /// <summary>Checks and name tables shared by the commands.</summary>
    public static class ShellRules
    {
        /// <summary>
        /// True when a pump of the circuit runs. Without a status source the pump cannot be shown to
        /// be stopped, so it counts as running (fail safe: SAF-CON-004 refuses the change).
        /// </summary>
        public static bool PumpRunning(ShellServices services)
        {
            if (services.Status == null || services.Status.Inputs == null)
            {
                return true;
            }

            SafetyInputs inputs = services.Status.Inputs;
            return inputs.GuardedPumpRunning || inputs.ArterialPumpRunning;
        }

        /// <summary>True when <paramref name="profile"/> has <paramref name="channel"/>.</summary>
        public static bool ProfileHas(CircuitProfile profile, ChannelId channel)
        {
            if (profile == null || profile.Channels == null)
            {
                return false;
            }

            for (int i = 0; i < profile.Channels.Length; i++)
            {
                if (profile.Channels[i] == channel)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"good" or the quality flags joined by '+' ("open+stuck").</summary>
        public static string QualityName(SensorQuality quality)
        {
            if (quality == SensorQuality.Good)
            {
                return "good";
            }

            string[] names = { "open", "short", "stuck", "out_of_range", "rate_implausible", "noisy", "uncalibrated", "disconnected", "selftest_failed" };
            string text = "";
            for (int bit = 0; bit < names.Length; bit++)
            {
                if (((int)quality & (1 << bit)) != 0)
                {
                    text = text.Length == 0 ? names[bit] : text + "+" + names[bit];
                }
            }

            return text.Length == 0 ? "unknown" : text;
        }

        /// <summary>"low", "medium", "high", "none".</summary>
        public static string PriorityName(Alarms.AlarmPriority priority)
        {
            switch (priority)
            {
                case Alarms.AlarmPriority.Low: return "low";
                case Alarms.AlarmPriority.Medium: return "medium";
                case Alarms.AlarmPriority.High: return "high";
                default: return "none";
            }
        }

        /// <summary>"normal", "alert", "low".</summary>
        public static string LevelStateName(LevelState state)
        {
            switch (state)
            {
                case LevelState.Alert: return "alert";
                case LevelState.Low: return "low";
                default: return "normal";
            }
        }

        /// <summary>"pressure", "air", "level", "flow".</summary>
        public static string KindName(ChannelKind kind)
        {
            switch (kind)
            {
                case ChannelKind.Air: return "air";
                case ChannelKind.Level: return "level";
                case ChannelKind.Flow: return "flow";
                default: return "pressure";
            }
        }

        /// <summary>The profile's channel names, comma separated, for error messages.</summary>
        public static string ChannelList(CircuitProfile profile)
        {
            if (profile == null || profile.Channels == null)
            {
                return "";
            }

            string text = "";
            for (int i = 0; i < profile.Channels.Length; i++)
            {
                text = text.Length == 0 ? ChannelNames.NameOf(profile.Channels[i]) : text + ", " + ChannelNames.NameOf(profile.Channels[i]);
            }

            return text;
        }
    }
}
