using System.Collections.Generic;

namespace PerfusionGuard.Emulator.Runner
{
    /// <summary>The result's "outcomes" (SCENARIOS.md) and the emulator's additions.</summary>
    public sealed class RunOutcomes
    {
        /// <summary>Air that crossed the patient connection, ml.</summary>
        public double AirToPatientMl;
        /// <summary>Air that crossed the bubble detector, ml.</summary>
        public double AirPastDetectorMl;
        /// <summary>Highest true pressure per pressure channel, mmHg (channel order of the profile).</summary>
        public List<KeyValuePair<string, double>> MaxPressureMmHg = new List<KeyValuePair<string, double>>();
        /// <summary>Lowest reservoir volume, ml; NaN when the circuit has no reservoir.</summary>
        public double MinReservoirMl = double.NaN;
        /// <summary>Times the pump-enable line went off while the module was powered.</summary>
        public int PumpStops;
        /// <summary>Stops whose cause was not present in the physics.</summary>
        public int SpuriousStops;
        /// <summary>Blood lost through disconnections, ml.</summary>
        public double BloodLostMl;
        /// <summary>Longest measured stop latency, ms (NaN without a measured stop).</summary>
        public double MaxStopLatencyMs = double.NaN;
        /// <summary>High-priority alarm activations.</summary>
        public int AlarmsHigh;
        /// <summary>Microbubbles counted by the detector.</summary>
        public long MicrobubblesCounted;
        /// <summary>Venous air trapped by the reservoir, ml.</summary>
        public double AirTrappedInReservoirMl;
        /// <summary>Times the decision entered or left the speed-limit action (speed_limit events).</summary>
        public int SpeedLimitChanges;
        /// <summary>Direction reversals of the speed-limit output by at least 2 % of full speed (servo hunting).</summary>
        public int SpeedLimitReversals;
        /// <summary>Console lines the firmware could not take (no console in this build).</summary>
        public int ConsoleLinesUnsupported;

        /// <summary>A scalar outcome by its expectation name; NaN when unknown.</summary>
        public double Get(string name)
        {
            switch (name)
            {
                case "air_to_patient_ml": return AirToPatientMl;
                case "air_past_detector_ml": return AirPastDetectorMl;
                case "min_reservoir_ml": return MinReservoirMl;
                case "pump_stops": return PumpStops;
                case "spurious_stops": return SpuriousStops;
                case "blood_lost_ml": return BloodLostMl;
                case "max_stop_latency_ms": return MaxStopLatencyMs;
                case "alarms_high": return AlarmsHigh;
                case "microbubbles_counted": return MicrobubblesCounted;
                case "speed_limit_changes": return SpeedLimitChanges;
                case "speed_limit_reversals": return SpeedLimitReversals;
            }

            const string prefix = "max_pressure_mmHg.";
            if (name.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                string channel = name.Substring(prefix.Length);
                foreach (KeyValuePair<string, double> pair in MaxPressureMmHg)
                {
                    if (pair.Key == channel)
                    {
                        return pair.Value;
                    }
                }
            }

            return double.NaN;
        }
    }
}
