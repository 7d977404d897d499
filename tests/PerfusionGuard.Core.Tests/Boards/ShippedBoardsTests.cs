using System.Collections.Generic;
using System.IO;
using System.Linq;
using PerfusionGuard.Boards;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using Xunit;
using static PerfusionGuard.Tests.Boards.BoardFiles;

namespace PerfusionGuard.Tests.Boards
{
    /// <summary>The four shipped boards load, validate, and carry the circuits their README promises.</summary>
    public class ShippedBoardsTests
    {
        public static IEnumerable<object[]> Boards() => Shipped.Select(id => new object[] { id });

        /// <summary>Which circuits each board is meant for (boards/&lt;id&gt;/README.md says the same).</summary>
        private static readonly Dictionary<string, string[]> s_promised = new()
        {
            ["esp32-devkitc"] = new[] { "adult-cpb", "pediatric-cpb", "ecmo" },
            ["esp32-s3-devkitc-1"] = new[] { "cardioplegia-antegrade", "cardioplegia-retrograde" },
            ["stm32f769i-discovery"] = new[] { "hemoperfusion" },
            ["virtual"] = ProfileCatalog.All().Select(p => p.Name).ToArray(),
        };

        private static CircuitProfile Circuit(string name)
        {
            Assert.True(ProfileCatalog.TryGet(name, out CircuitProfile profile), "no profile " + name);
            return profile;
        }

        [Theory]
        [MemberData(nameof(Boards))]
        [Trait("Requirement", "SAF-BRD-012")]
        public void Shipped_board_loads_and_is_valid(string id)
        {
            Assert.Empty(Errors(Load(id)));
        }

        [Theory]
        [MemberData(nameof(Boards))]
        [Trait("Requirement", "SAF-BRD-012")]
        public void Shipped_board_carries_every_channel_and_output_of_the_circuits_it_is_for(string id)
        {
            var board = Load(id);
            foreach (string circuit in s_promised[id])
            {
                Assert.Empty(Errors(board, Circuit(circuit)));
            }
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void Shipped_board_is_rejected_for_the_circuits_it_is_not_for(string id)
        {
            var board = Load(id);
            foreach (CircuitProfile profile in ProfileCatalog.All().Where(p => !s_promised[id].Contains(p.Name)))
            {
                Assert.NotEmpty(Errors(board, profile));
            }
        }

        [Theory]
        [MemberData(nameof(Boards))]
        public void Shipped_board_has_a_readme_naming_its_nanoff_target(string id)
        {
            var board = Load(id);
            string readme = File.ReadAllText(Path.Combine(RepoRoot(), "boards", id, "README.md"));
            if (board.NanoffTarget != null)
            {
                Assert.Contains("nanoff --target " + board.NanoffTarget, readme);
            }

            foreach (var pin in board.Pins)
            {
                Assert.Contains(pin.Function, readme);
            }
        }

        [Fact]
        public void Every_board_folder_is_a_shipped_board()
        {
            var folders = Directory.GetDirectories(Path.Combine(RepoRoot(), "boards")).Select(Path.GetFileName).OrderBy(x => x);
            Assert.Equal(Shipped.OrderBy(x => x), folders);
        }
    }
}
