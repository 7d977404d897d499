using System;

namespace PerfusionGuard.Emulator.Physics
{
    /// <summary>
    /// Air carried by the blood as plug flow along the line after the pump. Positions are volume
    /// coordinates (ml of line from the pump outlet: a tube holds its area in ml per cm, DOMAIN.md
    /// velocities), so a slug moves by exactly the volume that flowed. Each slug is its front position
    /// and its volume; it occupies [front − volume, front]. The detector sits at
    /// <see cref="DetectorMl"/>, the patient connection at <see cref="PatientMl"/>. Air stops when the
    /// flow stops. Slugs live in a fixed array: nothing is allocated per step.
    /// </summary>
    public sealed class AirTransport
    {
        private readonly double[] _frontMl;
        private readonly double[] _volumeMl;
        private int _count;

        /// <summary>Creates an empty line with room for <paramref name="capacity"/> separate slugs.</summary>
        public AirTransport(double detectorMl, double patientMl, int capacity = 512)
        {
            DetectorMl = detectorMl;
            PatientMl = patientMl;
            _frontMl = new double[capacity];
            _volumeMl = new double[capacity];
        }

        /// <summary>Volume coordinate of the bubble detector's beam.</summary>
        public double DetectorMl { get; }

        /// <summary>Volume coordinate of the patient connection (cannula tip).</summary>
        public double PatientMl { get; }

        /// <summary>Air that has crossed the detector beam (all of it, including air later delivered).</summary>
        public double PastDetectorMl { get; private set; }

        /// <summary>Air that has crossed the patient connection.</summary>
        public double ToPatientMl { get; private set; }

        /// <summary>Slugs that had to be merged because the array was full (a diagnostic; volume is kept).</summary>
        public long MergedForSpace { get; private set; }

        /// <summary>Smallest slug the detector's beam reports, ml; smaller bubbles pass unseen as a slug.</summary>
        public double DetectableMinMl { get; set; }

        /// <summary>Number of slugs in the line.</summary>
        public int Count => _count;

        /// <summary>True when some air overlaps the detector beam now.</summary>
        public bool AirAtDetector
        {
            get
            {
                for (int i = 0; i < _count; i++)
                {
                    if (_volumeMl[i] >= DetectableMinMl && _frontMl[i] >= DetectorMl && _frontMl[i] - _volumeMl[i] < DetectorMl)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>Volume of air in the line between the detector and the patient.</summary>
        public double BetweenDetectorAndPatientMl
        {
            get
            {
                double sum = 0;
                for (int i = 0; i < _count; i++)
                {
                    double front = Math.Min(_frontMl[i], PatientMl);
                    double tail = Math.Max(_frontMl[i] - _volumeMl[i], DetectorMl);
                    if (front > tail)
                    {
                        sum += front - tail;
                    }
                }

                return sum;
            }
        }

        /// <summary>
        /// Adds air whose front is at <paramref name="frontMl"/>. Air that continues a slug whose tail lies
        /// within <paramref name="mergeWithinMl"/> (entrainment from a dry reservoir, step after step)
        /// extends that slug instead, so a run-dry makes one long slug, not thousands.
        /// </summary>
        public void Inject(double frontMl, double volumeMl, double mergeWithinMl = 0)
        {
            if (volumeMl <= 0)
            {
                return;
            }

            for (int i = 0; i < _count; i++)
            {
                double tail = _frontMl[i] - _volumeMl[i];
                if (Math.Abs(tail - frontMl) <= mergeWithinMl + 1e-9)
                {
                    _volumeMl[i] += volumeMl;
                    return;
                }
            }

            if (_count == _frontMl.Length)
            {
                // Full: merge into the slug nearest upstream; the volume is conserved.
                int nearest = 0;
                for (int i = 1; i < _count; i++)
                {
                    if (Math.Abs(_frontMl[i] - frontMl) < Math.Abs(_frontMl[nearest] - frontMl))
                    {
                        nearest = i;
                    }
                }

                _volumeMl[nearest] += volumeMl;
                MergedForSpace++;
                return;
            }

            _frontMl[_count] = frontMl;
            _volumeMl[_count] = volumeMl;
            _count++;
        }

        /// <summary>
        /// Time until the next front or tail reaches the detector at <paramref name="flowMlPerSec"/>, s;
        /// +∞ when none will (no air upstream or no forward flow). Lets the caller end a step exactly there.
        /// </summary>
        public double SecondsUntilDetectorEdge(double flowMlPerSec)
        {
            if (_count == 0 || flowMlPerSec <= 1e-9)
            {
                return double.PositiveInfinity;
            }

            double best = double.PositiveInfinity;
            for (int i = 0; i < _count; i++)
            {
                if (_volumeMl[i] < DetectableMinMl)
                {
                    continue;
                }

                double front = _frontMl[i];
                double tail = front - _volumeMl[i];
                double d = front < DetectorMl ? DetectorMl - front : (tail < DetectorMl ? DetectorMl - tail : double.PositiveInfinity);
                if (d < best)
                {
                    best = d;
                }
            }

            return best / flowMlPerSec;
        }

        /// <summary>
        /// Moves every slug by <paramref name="advanceMl"/> (negative for backflow). Returns the fraction
        /// 0..1 of the move at which the first front crossed the detector, or −1 when none did, so that
        /// the crossing instant is known inside the step.
        /// </summary>
        public double Advance(double advanceMl)
        {
            double firstCrossing = -1;
            if (_count == 0 || advanceMl == 0)
            {
                return firstCrossing;
            }

            for (int i = 0; i < _count; i++)
            {
                double oldFront = _frontMl[i];
                double volume = _volumeMl[i];
                double newFront = oldFront + advanceMl;
                if (newFront - volume < 0 && advanceMl < 0)
                {
                    // Backflow pushes the air back into the pump; it stays at the outlet.
                    newFront = volume;
                }

                double oldPast = Clamp(oldFront - DetectorMl, 0, volume);
                double newPast = Clamp(newFront - DetectorMl, 0, volume);
                PastDetectorMl += Math.Max(0, newPast - oldPast);
                if (oldFront < DetectorMl && newFront >= DetectorMl && volume >= DetectableMinMl)
                {
                    double fraction = (DetectorMl - oldFront) / (newFront - oldFront);
                    if (firstCrossing < 0 || fraction < firstCrossing)
                    {
                        firstCrossing = fraction;
                    }
                }

                _frontMl[i] = newFront;
            }

            // Air beyond the patient connection is delivered: count it and drop it from the line.
            int write = 0;
            for (int i = 0; i < _count; i++)
            {
                double front = _frontMl[i];
                double volume = _volumeMl[i];
                if (front > PatientMl)
                {
                    double delivered = Math.Min(front - PatientMl, volume);
                    ToPatientMl += delivered;
                    volume -= delivered;
                    front = PatientMl;
                }

                if (volume > 1e-12)
                {
                    _frontMl[write] = front;
                    _volumeMl[write] = volume;
                    write++;
                }
            }

            _count = write;
            return firstCrossing;
        }

        /// <summary>
        /// The perfusionist de-airs the line before restarting (purge, syringe at a luer port next to the
        /// detector): removes every slug that has reached the detector, including one still under its
        /// beam, and returns the volume removed, ml.
        /// </summary>
        public double RemoveAfterDetector()
        {
            double removed = 0;
            int write = 0;
            for (int i = 0; i < _count; i++)
            {
                if (_frontMl[i] >= DetectorMl)
                {
                    removed += _volumeMl[i];
                    continue;
                }

                _frontMl[write] = _frontMl[i];
                _volumeMl[write] = _volumeMl[i];
                write++;
            }

            _count = write;
            return removed;
        }

        /// <summary>
        /// Counts one microbubble crossing the detector and the patient connection. Microbubbles are
        /// nanolitres each and cross in a fraction of a second: their transport delay is neglected.
        /// </summary>
        public void CountMicrobubble(double volumeMl)
        {
            PastDetectorMl += volumeMl;
            ToPatientMl += volumeMl;
        }

        private static double Clamp(double x, double lo, double hi) => x < lo ? lo : (x > hi ? hi : x);
    }
}
