namespace PerfusionGuard.Units
{
    /// <summary>A volumetric blood flow in litres per minute; negative means backflow.</summary>
    public readonly struct Flow
    {
        /// <summary>The flow in L/min.</summary>
        public readonly double LPerMin;

        private Flow(double lPerMin)
        {
            LPerMin = lPerMin;
        }

        /// <summary>A flow of <paramref name="lPerMin"/> litres per minute.</summary>
        public static Flow FromLPerMin(double lPerMin) => new Flow(lPerMin);

        /// <summary>A flow of <paramref name="mlPerMin"/> millilitres per minute.</summary>
        public static Flow FromMlPerMin(double mlPerMin) => new Flow(mlPerMin / 1000.0);

        /// <summary>The flow in ml/min.</summary>
        public double MlPerMin => LPerMin * 1000.0;

        /// <summary>Millilitres that pass in <paramref name="micros"/> microseconds at this flow.</summary>
        public Volume VolumeOver(long micros) => Volume.FromMl(LPerMin * 1000.0 * micros / 60000000.0);

        public static Flow Zero => new Flow(0);

        public static bool operator >(Flow a, Flow b) => a.LPerMin > b.LPerMin;
        public static bool operator <(Flow a, Flow b) => a.LPerMin < b.LPerMin;
        public static bool operator >=(Flow a, Flow b) => a.LPerMin >= b.LPerMin;
        public static bool operator <=(Flow a, Flow b) => a.LPerMin <= b.LPerMin;
        public static Flow operator +(Flow a, Flow b) => new Flow(a.LPerMin + b.LPerMin);
        public static Flow operator -(Flow a, Flow b) => new Flow(a.LPerMin - b.LPerMin);

        /// <summary>"4.50 L/min", two decimals, culture-free.</summary>
        public override string ToString() => LPerMin.ToString("F2") + " L/min";
    }
}
