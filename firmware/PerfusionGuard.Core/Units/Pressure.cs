namespace PerfusionGuard.Units
{
    /// <summary>A gauge pressure in millimetres of mercury (the unit perfusionists read).</summary>
    public readonly struct Pressure
    {
        /// <summary>The pressure in mmHg, relative to atmosphere.</summary>
        public readonly double MmHg;

        private Pressure(double mmHg)
        {
            MmHg = mmHg;
        }

        /// <summary>A pressure of <paramref name="mmHg"/> millimetres of mercury.</summary>
        public static Pressure FromMmHg(double mmHg) => new Pressure(mmHg);

        /// <summary>A pressure from kilopascals (1 mmHg = 0.133322 kPa).</summary>
        public static Pressure FromKPa(double kPa) => new Pressure(kPa / KPaPerMmHg);

        /// <summary>Kilopascal per mmHg.</summary>
        public const double KPaPerMmHg = 0.133322387415;

        /// <summary>The pressure in kPa.</summary>
        public double KPa => MmHg * KPaPerMmHg;

        public static Pressure Zero => new Pressure(0);

        public static bool operator >(Pressure a, Pressure b) => a.MmHg > b.MmHg;
        public static bool operator <(Pressure a, Pressure b) => a.MmHg < b.MmHg;
        public static bool operator >=(Pressure a, Pressure b) => a.MmHg >= b.MmHg;
        public static bool operator <=(Pressure a, Pressure b) => a.MmHg <= b.MmHg;
        public static Pressure operator +(Pressure a, Pressure b) => new Pressure(a.MmHg + b.MmHg);
        public static Pressure operator -(Pressure a, Pressure b) => new Pressure(a.MmHg - b.MmHg);

        /// <summary>"123.4 mmHg", one decimal, culture-free.</summary>
        public override string ToString() => MmHg.ToString("F1") + " mmHg";
    }
}
