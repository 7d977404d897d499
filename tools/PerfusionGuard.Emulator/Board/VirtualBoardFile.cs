using System.IO;
using PerfusionGuard.Boards;

namespace PerfusionGuard.Emulator.Board
{
    /// <summary>boards/virtual/board.json, embedded in the emulator so that it runs from any folder.</summary>
    public static class VirtualBoardFile
    {
        private static BoardDefinition s_definition;

        /// <summary>The parsed board file (checked by the core's board loader).</summary>
        public static BoardDefinition Load()
        {
            if (s_definition != null)
            {
                return s_definition;
            }

            using Stream stream = typeof(VirtualBoardFile).Assembly.GetManifestResourceStream("boards.virtual.board.json")
                ?? throw new InvalidDataException("emulator: boards/virtual/board.json is not embedded");
            using var reader = new StreamReader(stream);
            string json = reader.ReadToEnd();
            if (!BoardLoader.TryLoad(json, "virtual", out BoardDefinition board, out string error))
            {
                throw new InvalidDataException("boards/virtual/board.json: " + error);
            }

            s_definition = board;
            return board;
        }
    }
}
