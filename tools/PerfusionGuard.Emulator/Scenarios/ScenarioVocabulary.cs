using System.Collections.Generic;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;

namespace PerfusionGuard.Emulator.Scenarios
{
    /// <summary>The words a scenario may use: actions, event kinds, outcomes, circuit parameters.</summary>
    public static class ScenarioVocabulary
    {
        /// <summary>Timeline actions: SCENARIOS.md's, then the emulator's extensions.</summary>
        public static readonly string[] Actions =
        {
            "inject_air", "set_venous_return", "occlude", "release", "sensor_fault", "clear_fault", "set_pump",
            "console", "operator_reset", "power_loss",
            "power_restore", "disconnect", "microbubbles", "clot", "override", "inject_failure", "clear_failure",
            "set_vacuum", "set_arterial_pump", "remove_air",
        };

        /// <summary>Event kinds of the result (SCENARIOS.md, plus "console").</summary>
        public static readonly string[] EventKinds =
        {
            "pump_stop", "pump_start", "speed_limit", "clamp", "alarm", "override", "operator_reset", "selftest",
            "sensor_fault", "power_loss", "power_restored", "console", "air_at_detector", "air_removed",
        };

        /// <summary>Event fields an expectation may filter on.</summary>
        public static readonly string[] EventFilters = { "cause", "source", "path", "id", "priority", "state", "result", "accepted", "rule", "fault" };

        /// <summary>Scalar outcomes (max / min); max_pressure_mmHg.&lt;channel&gt; is also accepted.</summary>
        public static readonly string[] Outcomes =
        {
            "air_to_patient_ml", "air_past_detector_ml", "min_reservoir_ml", "pump_stops", "spurious_stops",
            "blood_lost_ml", "max_stop_latency_ms", "alarms_high", "microbubbles_counted",
            "speed_limit_changes", "speed_limit_reversals",
        };

        /// <summary>circuit_params keys and what they set (SCENARIOS.md's four, then extensions).</summary>
        public static readonly string[] CircuitParams =
        {
            "arterial_tubing_id_in", "detector_to_patient_cm", "reservoir_ml", "patient_resistance_mmHg_min_per_l",
            "patient_compliance_ml_per_mmHg", "vacuum_mmHg", "stroke_volume_ml", "latch_delay_us", "roller_stop_tau_ms",
            "centrifugal_stop_tau_ms", "native_flow_l_min", "pump_to_detector_ml", "air_site_to_detector_cm",
            "venous_return_l_min", "roller_pulsation_fraction",
        };

        /// <summary>True when <paramref name="word"/> is in <paramref name="list"/>.</summary>
        public static bool Contains(string[] list, string word)
        {
            foreach (string s in list)
            {
                if (s == word)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The default pump set point of a circuit (DOMAIN.md flows).</summary>
        public static PumpSetting DefaultPump(CircuitKind circuit) => circuit switch
        {
            CircuitKind.AdultCpb => new PumpSetting { Kind = PumpKind.Roller, FlowLPerMin = 5.0 },
            CircuitKind.PediatricCpb => new PumpSetting { Kind = PumpKind.Roller, FlowLPerMin = 1.0 },
            CircuitKind.Ecmo => new PumpSetting { Kind = PumpKind.Centrifugal, Rpm = 2800 },
            CircuitKind.CardioplegiaAntegrade => new PumpSetting { Kind = PumpKind.Roller, FlowLPerMin = 0.3 },
            CircuitKind.CardioplegiaRetrograde => new PumpSetting { Kind = PumpKind.Roller, FlowLPerMin = 0.2 },
            _ => new PumpSetting { Kind = PumpKind.Roller, FlowLPerMin = 0.2 },
        };

        /// <summary>The channels a circuit has: the kernel's profile decides (see <see cref="Firmware.ProfileSource"/>).</summary>
        public static ChannelId[] ChannelsOf(CircuitKind circuit) => Firmware.ProfileSource.ChannelsOf(circuit);

        /// <summary>Names of a circuit's channels, for messages.</summary>
        public static string ChannelNamesOf(CircuitKind circuit)
        {
            var names = new List<string>();
            foreach (ChannelId id in ChannelsOf(circuit))
            {
                names.Add(ChannelNames.NameOf(id));
            }

            return string.Join(", ", names);
        }
    }
}
