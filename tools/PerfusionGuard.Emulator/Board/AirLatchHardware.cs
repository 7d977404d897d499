namespace PerfusionGuard.Emulator.Board
{
    /// <summary>
    /// The hardware air latch (DESIGN.md, safety concept 1): a set-dominant latch set by the air
    /// detector's output (or its test input, or the firmware's software-trip line) after a propagation
    /// delay of a few hundred microseconds (comparator, one-shot, gate: 0.1-0.5 ms, under the 1 ms of
    /// the design), reset by a pulse on its reset line only while nothing sets it. While tripped it
    /// holds the pump-enable line low in series with the firmware's output. Injected failures model
    /// a latch that does not trip, cannot be reset, or whose readback is stuck.
    /// </summary>
    public sealed class AirLatchHardware
    {
        /// <summary>Creates a latch with <paramref name="delayMicros"/> of propagation delay.</summary>
        public AirLatchHardware(double delayMicros)
        {
            DelayMicros = delayMicros;
            PendingTripMicros = double.NaN;
        }

        /// <summary>Set input → pump line low, µs.</summary>
        public double DelayMicros { get; }

        /// <summary>True while the latch holds the pump-enable line low.</summary>
        public bool Tripped { get; private set; }

        /// <summary>When a set already seen will trip the latch; NaN when none is pending.</summary>
        public double PendingTripMicros { get; private set; }

        /// <summary>Failure: the latch never trips.</summary>
        public bool FailsToTrip { get; set; }

        /// <summary>Failure: the reset line does nothing.</summary>
        public bool IgnoresReset { get; set; }

        /// <summary>
        /// Evaluates the inputs at <paramref name="nowMicros"/>: a set starts the propagation delay (a set
        /// pulse shorter than the delay still trips it: the comparator output is latched at its edge); a
        /// reset with no set active clears it.
        /// </summary>
        public void Evaluate(double nowMicros, bool set, bool reset)
        {
            if (set)
            {
                if (!Tripped && double.IsNaN(PendingTripMicros) && !FailsToTrip)
                {
                    PendingTripMicros = nowMicros + DelayMicros;
                }

                return;
            }

            if (reset && !IgnoresReset)
            {
                Tripped = false;
                PendingTripMicros = double.NaN;
            }
        }

        /// <summary>Trips the latch if its pending trip is due at <paramref name="nowMicros"/>; true when it tripped now.</summary>
        public bool ProcessPending(double nowMicros)
        {
            if (!double.IsNaN(PendingTripMicros) && PendingTripMicros <= nowMicros + 1e-6)
            {
                Tripped = true;
                PendingTripMicros = double.NaN;
                return true;
            }

            return false;
        }

        /// <summary>Power lost: the latch loses its state (and the pump line is low anyway).</summary>
        public void PowerCycle()
        {
            Tripped = false;
            PendingTripMicros = double.NaN;
        }
    }
}
