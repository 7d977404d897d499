namespace PerfusionGuard.Channels
{
    /// <summary>
    /// Every sensor channel a module can have. The names (see <see cref="ChannelNames"/>) are the
    /// ones of SCENARIOS.md; a circuit profile says which of them exist on its circuit. Fixed
    /// arrays indexed by this enum hold per-channel state, so nothing is allocated per cycle.
    /// </summary>
    public enum ChannelId : byte
    {
        /// <summary>p_arterial: post-pump, pre-oxygenator arterial line pressure.</summary>
        PArterial = 0,
        /// <summary>p_venous: venous line / reservoir pressure (negative under vacuum drainage).</summary>
        PVenous = 1,
        /// <summary>p_post_oxygenator: arterial pressure after the oxygenator.</summary>
        PPostOxygenator = 2,
        /// <summary>p_cardioplegia: cardioplegia delivery line pressure.</summary>
        PCardioplegia = 3,
        /// <summary>p_coronary_sinus: coronary sinus pressure in retrograde cardioplegia.</summary>
        PCoronarySinus = 4,
        /// <summary>p_pre_column: hemoperfusion pressure before the adsorbent column.</summary>
        PPreColumn = 5,
        /// <summary>p_return: hemoperfusion return-line (venous) pressure.</summary>
        PReturn = 6,
        /// <summary>bubble_arterial: ultrasonic air detector on the arterial line.</summary>
        BubbleArterial = 7,
        /// <summary>bubble_cardioplegia: air detector on the cardioplegia line.</summary>
        BubbleCardioplegia = 8,
        /// <summary>bubble_return: air detector on the hemoperfusion return line.</summary>
        BubbleReturn = 9,
        /// <summary>level_reservoir: reservoir level sensor (pads or continuous).</summary>
        LevelReservoir = 10,
        /// <summary>flow_arterial: arterial flow meter (needed with centrifugal pumps).</summary>
        FlowArterial = 11,
        /// <summary>flow_cardioplegia: cardioplegia line flow (from the pump or a flow meter).</summary>
        FlowCardioplegia = 12,
        /// <summary>
        /// p_access: hemoperfusion access pressure, between the patient's access catheter and the
        /// blood pump (pre-pump, negative): it falls with pump suction and access occlusion
        /// (dialysis machines' "arterial" pressure; DOMAIN.md: access &lt; −350 for &gt; 1 s → stop).
        /// Added last so that the numbers of the other channels, stored in logs and calibration
        /// records, do not change.
        /// </summary>
        PAccess = 13,
    }

    /// <summary>What a channel measures, which decides the sample type and unit.</summary>
    public enum ChannelKind : byte
    {
        /// <summary>Pressure in mmHg.</summary>
        Pressure = 0,
        /// <summary>Ultrasonic air detector.</summary>
        Air = 1,
        /// <summary>Reservoir level.</summary>
        Level = 2,
        /// <summary>Flow in L/min.</summary>
        Flow = 3,
    }
}
