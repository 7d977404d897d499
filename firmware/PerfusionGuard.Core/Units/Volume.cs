namespace PerfusionGuard.Units
{
    /// <summary>A volume in millilitres (blood in a reservoir, air in a line).</summary>
    public readonly struct Volume
    {
        /// <summary>The volume in ml.</summary>
        public readonly double Ml;

        private Volume(double ml)
        {
            Ml = ml;
        }

        /// <summary>A volume of <paramref name="ml"/> millilitres.</summary>
        public static Volume FromMl(double ml) => new Volume(ml);

        /// <summary>A volume of <paramref name="microlitres"/> µl.</summary>
        public static Volume FromMicrolitres(double microlitres) => new Volume(microlitres / 1000.0);

        public static Volume Zero => new Volume(0);

        public static bool operator >(Volume a, Volume b) => a.Ml > b.Ml;
        public static bool operator <(Volume a, Volume b) => a.Ml < b.Ml;
        public static bool operator >=(Volume a, Volume b) => a.Ml >= b.Ml;
        public static bool operator <=(Volume a, Volume b) => a.Ml <= b.Ml;
        public static Volume operator +(Volume a, Volume b) => new Volume(a.Ml + b.Ml);
        public static Volume operator -(Volume a, Volume b) => new Volume(a.Ml - b.Ml);

        /// <summary>"12.345 ml", three decimals, culture-free.</summary>
        public override string ToString() => Ml.ToString("F3") + " ml";
    }
}
