using PerfusionGuard.Profiles;

namespace PerfusionGuard.Boards
{
    /// <summary>
    /// What the device checks at power-up before it opens a single pin: the board definition
    /// loads, validates, and carries the chosen circuit profile (SAF-BRD-015). On false the device
    /// opens nothing, so every energize-to-run output stays de-energized (pump stopped), and
    /// reports the problems on the debugger channel.
    /// </summary>
    public static class BoardStartupCheck
    {
        /// <summary>
        /// Loads <paramref name="boardJson"/> (null: no file deployed) and validates it for
        /// <paramref name="profile"/> (null: the profile name was unknown, <paramref name="profileName"/>).
        /// </summary>
        public static bool TryPrepare(string boardJson, string profileName, CircuitProfile profile, out BoardDefinition board, out string[] problems)
        {
            board = null;
            if (boardJson == null)
            {
                problems = new string[] { "no board definition: deploy boards/<id>/board.json to the device as I:\\board.json (README, Boards and flashing)" };
                return false;
            }

            string error;
            if (!BoardLoader.TryLoad(boardJson, null, out board, out error))
            {
                board = null;
                problems = error.Split('\n');
                return false;
            }

            if (profile == null)
            {
                problems = new string[] { "board " + board.Id + ": unknown circuit profile \"" + profileName + "\" in I:\\perfusionguard.json" };
                board = null;
                return false;
            }

            if (!BoardValidator.Validate(board, profile, out problems))
            {
                board = null;
                return false;
            }

            return true;
        }
    }
}
