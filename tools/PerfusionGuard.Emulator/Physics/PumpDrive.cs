using System;

namespace PerfusionGuard.Emulator.Physics
{
    /// <summary>
    /// The pump motor's speed. With the enable line high the speed ramps toward the console's set
    /// speed (times the module's speed limit); with the enable line low the motor driver is cut and the
    /// head spins down exponentially with <see cref="StopTauSec"/>. Modelled figures (unverified,
    /// configurable; no manufacturer publishes a stop time, DOMAIN.md): a roller head is braked by its
    /// occluded raceway and gear motor, τ ≈ 8 ms, standing within ~40 ms; a centrifugal impeller
    /// coasts on its inertia and the blood column, τ ≈ 1 s.
    /// </summary>
    public sealed class PumpDrive
    {
        /// <summary>Speed below which the head counts as standing, rpm.</summary>
        public const double StandstillRpm = 0.5;

        /// <summary>Creates a drive.</summary>
        public PumpDrive(double stopTauSec, double rampRpmPerSec, double slowDownTauSec)
        {
            StopTauSec = stopTauSec;
            RampRpmPerSec = rampRpmPerSec;
            SlowDownTauSec = slowDownTauSec;
        }

        /// <summary>Spin-down time constant with the enable line low, s.</summary>
        public double StopTauSec { get; }

        /// <summary>Acceleration toward a higher set speed, rpm/s (perfusionists ramp up over seconds).</summary>
        public double RampRpmPerSec { get; }

        /// <summary>Controlled slow-down time constant toward a lower set speed while enabled, s.</summary>
        public double SlowDownTauSec { get; }

        /// <summary>Current head speed, rpm.</summary>
        public double Rpm { get; set; }

        /// <summary>True while the head turns faster than <see cref="StandstillRpm"/>.</summary>
        public bool Turning => Rpm > StandstillRpm;

        /// <summary>Advances the speed by <paramref name="dtSec"/> toward <paramref name="targetRpm"/>, or spins down when not enabled.</summary>
        public void Advance(double dtSec, bool enabled, double targetRpm)
        {
            if (!enabled)
            {
                Rpm *= Math.Exp(-dtSec / StopTauSec);
                if (Rpm < StandstillRpm * 0.1)
                {
                    Rpm = 0;
                }

                return;
            }

            if (Rpm < targetRpm)
            {
                Rpm += RampRpmPerSec * dtSec;
                if (Rpm > targetRpm)
                {
                    Rpm = targetRpm;
                }
            }
            else if (Rpm > targetRpm)
            {
                Rpm = targetRpm + (Rpm - targetRpm) * Math.Exp(-dtSec / SlowDownTauSec);
            }
        }
    }
}
