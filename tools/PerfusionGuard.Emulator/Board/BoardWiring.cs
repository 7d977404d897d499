using PerfusionGuard.Boards;

namespace PerfusionGuard.Emulator.Board
{
    /// <summary>
    /// Electrical polarities of the virtual board's lines (boards/virtual). The firmware's channel
    /// configuration must agree; the emulator builds both from this one object.
    /// </summary>
    public sealed class BoardWiring
    {
        /// <summary>Detector output high means air.</summary>
        public bool DetectorAirActiveHigh;
        /// <summary>Latch readback high means tripped.</summary>
        public bool LatchTrippedActiveHigh;
        /// <summary>Detector fault line high means fault.</summary>
        public bool DetectorFaultActiveHigh;
        /// <summary>Detector test input high forces "air".</summary>
        public bool DetectorTestActiveHigh = true;
        /// <summary>Latch reset input high resets.</summary>
        public bool LatchResetActiveHigh = true;
        /// <summary>Software-trip line high trips (false: the firmware must hold it high to permit running).</summary>
        public bool SoftwareTripActiveHigh;
        /// <summary>Level pad high means liquid present.</summary>
        public bool PadLiquidPresentHigh = true;

        /// <summary>
        /// The polarities of <paramref name="definition"/>'s pin table (active_low), read the same
        /// way the firmware's GuardModule reads them, so the simulated electronics and the firmware
        /// cannot disagree about what a level means.
        /// </summary>
        public static BoardWiring From(BoardDefinition definition)
        {
            return new BoardWiring
            {
                DetectorAirActiveHigh = ActiveHigh(definition, PinRole.AirDetector, false),
                LatchTrippedActiveHigh = ActiveHigh(definition, PinRole.LatchReadback, false),
                DetectorFaultActiveHigh = ActiveHigh(definition, PinRole.DetectorFault, false),
                DetectorTestActiveHigh = ActiveHigh(definition, PinRole.DetectorTest, true),
                LatchResetActiveHigh = ActiveHigh(definition, PinRole.LatchReset, true),
                SoftwareTripActiveHigh = ActiveHigh(definition, PinRole.SoftwareTrip, false),
                PadLiquidPresentHigh = ActiveHigh(definition, PinRole.LevelPadStop, true),
            };
        }

        private static bool ActiveHigh(BoardDefinition definition, PinRole role, bool absent)
        {
            BoardPin pin = definition.FindPin(role);
            return pin == null ? absent : !pin.ActiveLow;
        }
    }
}
