using System.Collections.Generic;

namespace PerfusionGuard.Cli.Telemetry
{
    /// <summary>
    /// Sequence numbers seen on one stream (site, node, boot, topic): gaps are numbers between the
    /// first and the last that never arrived, duplicates are numbers that arrived more than once.
    /// A late arrival fills its gap instead of counting as a gap and a reordering.
    /// </summary>
    public sealed class SequenceTracker
    {
        private readonly HashSet<long> _seen = new();

        /// <summary>Messages received, duplicates included.</summary>
        public long Received { get; private set; }

        /// <summary>Messages received more than once.</summary>
        public long Duplicates { get; private set; }

        /// <summary>Messages that arrived after a higher sequence number.</summary>
        public long OutOfOrder { get; private set; }

        /// <summary>Lowest sequence number seen.</summary>
        public long First { get; private set; } = long.MaxValue;

        /// <summary>Highest sequence number seen.</summary>
        public long Last { get; private set; } = long.MinValue;

        /// <summary>Numbers between <see cref="First"/> and <see cref="Last"/> never received.</summary>
        public long Missing => Received == 0 ? 0 : Last - First + 1 - _seen.Count;

        /// <summary>Sum of the <c>dropped</c> fields reported by the frames received (data stream only).</summary>
        public long ReportedDropped { get; set; }

        /// <summary>Records one sequence number; returns false when it is a duplicate.</summary>
        public bool Add(long seq)
        {
            Received++;
            if (!_seen.Add(seq))
            {
                Duplicates++;
                return false;
            }

            if (seq < Last)
            {
                OutOfOrder++;
            }

            if (seq < First)
            {
                First = seq;
            }

            if (seq > Last)
            {
                Last = seq;
            }

            return true;
        }

        /// <summary>The missing sequence numbers, lowest first (at most <paramref name="max"/>).</summary>
        public List<long> MissingNumbers(int max)
        {
            var missing = new List<long>();
            for (long s = First; s <= Last && missing.Count < max; s++)
            {
                if (!_seen.Contains(s))
                {
                    missing.Add(s);
                }
            }

            return missing;
        }
    }
}
