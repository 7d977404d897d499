using PerfusionGuard.Channels;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// How each channel appears in telemetry: the unit-suffixed key of its value in data frames, the
    /// unit in UCUM (the Unified Code for Units of Measure, https://ucum.org), the IEEE 11073-10101
    /// MDC reference id where one exists, the reporting range and the decimals.
    /// </summary>
    /// <remarks>
    /// MDC ids are reference ids, not the numeric context-free codes, and were looked up in public
    /// IEEE 11073 usage (HL7 v2 / SDC gateway code in public repositories), NOT in the RTMMS tables
    /// of IEEE 11073-10101, which we could not consult: check them there before relying on them.
    /// Only the two that name a blood-line pressure are claimed: MDC_PRESS_BLD_ART (arterial blood
    /// pressure) and MDC_PRESS_BLD_VEN (venous blood pressure), the pair dialysis-machine gateways
    /// use for the arterial (access, pre-pump) and venous (return) line pressures of an
    /// extracorporeal circuit: p_access and p_return of hemoperfusion, p_arterial and p_venous.
    /// 11073-10101 has no term we could find for post-oxygenator, cardioplegia, coronary-sinus or
    /// pre-column line pressure, for an extracorporeal pump's blood flow (MDC_FLOW_FLUID_PUMP is an
    /// infusion pump's rate, MDC_FLOW_BLD_PULM_CAP a pulmonary capillary flow: neither fits), for
    /// reservoir volume or for microbubble counts: those say "none" rather than a wrong code.
    /// Reporting ranges cover DOMAIN.md's clinical figures with margin (arterial line up to 400
    /// mmHg, vacuum drainage to -150 mmHg, reservoirs to 4000 ml, adult flow to ~7 L/min).
    /// </remarks>
    public static class MetricCatalog
    {
        /// <summary>
        /// Reporting range of the access pressure, mmHg: it is negative in use and its stop limit
        /// (−350, DOMAIN.md) lies below the −300 of the other line pressures, and an access sucked
        /// shut goes lower still; the access transducer's span is −700..+300 (boards' calibration).
        /// </summary>
        public const double AccessRangeMinMmHg = -700;

        /// <summary>High end of the access pressure's reporting range, mmHg.</summary>
        public const double AccessRangeMaxMmHg = 300;

        /// <summary>"none": no IEEE 11073 term exists for the metric.</summary>
        public const string NoMdcCode = "none";

        private static readonly string[] s_mdc =
        {
            "MDC_PRESS_BLD_ART",  // p_arterial
            "MDC_PRESS_BLD_VEN",  // p_venous
            NoMdcCode,            // p_post_oxygenator
            NoMdcCode,            // p_cardioplegia
            NoMdcCode,            // p_coronary_sinus
            NoMdcCode,            // p_pre_column
            "MDC_PRESS_BLD_VEN",  // p_return: the venous (return) line pressure of an extracorporeal circuit
            NoMdcCode,            // bubble_arterial
            NoMdcCode,            // bubble_cardioplegia
            NoMdcCode,            // bubble_return
            NoMdcCode,            // level_reservoir
            NoMdcCode,            // flow_arterial
            NoMdcCode,            // flow_cardioplegia
            "MDC_PRESS_BLD_ART",  // p_access: the arterial (access, pre-pump) line pressure of an extracorporeal circuit, p_return's pair
        };

        /// <summary>Suffix of the value key of <paramref name="id"/> in data frames ("_mmHg", "_mL", "_L_per_min", "_per_min").</summary>
        public static string KeySuffixOf(ChannelId id)
        {
            switch (ChannelNames.KindOf(id))
            {
                case ChannelKind.Pressure: return "_mmHg";
                case ChannelKind.Level: return "_mL";
                case ChannelKind.Flow: return "_L_per_min";
                default: return "_per_min";
            }
        }

        /// <summary>UCUM unit of the channel's value ("mm[Hg]", "mL", "L/min", "{count}/min").</summary>
        public static string UcumUnitOf(ChannelId id)
        {
            switch (ChannelNames.KindOf(id))
            {
                case ChannelKind.Pressure: return "mm[Hg]";
                case ChannelKind.Level: return "mL";
                case ChannelKind.Flow: return "L/min";
                default: return "{count}/min";
            }
        }

        /// <summary>IEEE 11073-10101 reference id of the channel's value, or <see cref="NoMdcCode"/>.</summary>
        public static string MdcCodeOf(ChannelId id) => s_mdc[(int)id];

        /// <summary>What the value is, in words, for the catalogue.</summary>
        public static string DescriptionOf(ChannelId id)
        {
            switch (ChannelNames.KindOf(id))
            {
                case ChannelKind.Pressure: return "gauge pressure";
                case ChannelKind.Level: return "reservoir volume (continuous sensors only)";
                case ChannelKind.Flow: return "blood flow, negative is backflow";
                default: return "microbubble count rate";
            }
        }

        /// <summary>Decimals written for the channel's value.</summary>
        public static int DecimalsOf(ChannelId id)
        {
            switch (ChannelNames.KindOf(id))
            {
                case ChannelKind.Pressure: return 1;
                case ChannelKind.Level: return 1;
                case ChannelKind.Flow: return 2;
                default: return 0;
            }
        }

        /// <summary>Low end of the reporting range, in the channel's unit.</summary>
        public static double RangeMinOf(ChannelId id)
        {
            if (id == ChannelId.PAccess)
            {
                return AccessRangeMinMmHg;
            }

            switch (ChannelNames.KindOf(id))
            {
                case ChannelKind.Pressure: return -300;
                case ChannelKind.Level: return 0;
                case ChannelKind.Flow: return -5;
                default: return 0;
            }
        }

        /// <summary>High end of the reporting range, in the channel's unit.</summary>
        public static double RangeMaxOf(ChannelId id)
        {
            if (id == ChannelId.PAccess)
            {
                return AccessRangeMaxMmHg;
            }

            switch (ChannelNames.KindOf(id))
            {
                case ChannelKind.Pressure: return 600;
                case ChannelKind.Level: return 5000;
                case ChannelKind.Flow: return 10;
                default: return 10000;
            }
        }
    }
}
