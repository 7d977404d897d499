using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using PerfusionGuard.Boards;
using Xunit;

namespace PerfusionGuard.Tests.Boards
{
    /// <summary>Finds the shipped boards and builds broken variants of them for the rule tests.</summary>
    internal static class BoardFiles
    {
        public static readonly string[] Shipped = { "esp32-devkitc", "esp32-s3-devkitc-1", "stm32f769i-discovery", "virtual" };

        public static string RepoRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "nf.proj.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("nf.proj.sln not found above " + AppContext.BaseDirectory);
        }

        public static string BoardJson(string id) => File.ReadAllText(Path.Combine(RepoRoot(), "boards", id, "board.json"));

        public static BoardDefinition Load(string id)
        {
            Assert.True(BoardLoader.TryLoad(BoardJson(id), id, out BoardDefinition board, out string error), error);
            return board;
        }

        /// <summary>The shipped board <paramref name="id"/> after <paramref name="edit"/> changed its JSON.</summary>
        public static string Edited(string id, Action<JsonObject> edit)
        {
            var root = (JsonObject)JsonNode.Parse(BoardJson(id))!;
            edit(root);
            return root.ToJsonString();
        }

        public static BoardDefinition LoadEdited(string id, Action<JsonObject> edit)
        {
            Assert.True(BoardLoader.TryLoad(Edited(id, edit), id, out BoardDefinition board, out string error), error);
            return board;
        }

        public static JsonObject PinWithFunction(JsonObject root, string function) =>
            root["pins"]!.AsArray().Cast<JsonObject>().Single(p => (string)p["function"]! == function);

        public static void RemovePin(JsonObject root, string function) =>
            root["pins"]!.AsArray().Remove(PinWithFunction(root, function));

        public static string[] Errors(BoardDefinition board, PerfusionGuard.Profiles.CircuitProfile profile = null)
        {
            BoardValidator.Validate(board, profile, out string[] errors);
            return errors;
        }
    }
}
