using System;
using System.IO;
using PerfusionGuard.Cli.Commands;
using Xunit;

namespace PerfusionGuard.Integration.Tests.Cli
{
    public class BoardCheckCommandTests
    {
        private static string RepoRoot()
        {
            string dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "nf.proj.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir!;
        }

        private static (int Exit, string Output) Run(params string[] args)
        {
            var output = new StringWriter();
            int exit = new BoardCommand(output).Run(args);
            return (exit, output.ToString());
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-012")]
        public void Board_check_over_the_boards_folder_passes_every_shipped_board()
        {
            var (exit, output) = Run("check", Path.Combine(RepoRoot(), "boards"));
            Assert.True(exit == 0, output);
            Assert.Contains("esp32-devkitc (Espressif ESP32-DevKitC V4 (ESP32-WROOM-32)): chip esp32, network wifi, 23 pins, nanoff target ESP32_REV0: OK", output);
            Assert.Contains("stm32f769i-discovery (", output);
            Assert.Equal(4, output.Split("OK").Length - 1);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-003")]
        public void Board_check_of_a_broken_board_exits_1_and_names_the_pin_and_rule()
        {
            string dir = Path.Combine(Path.GetTempPath(), "pg-board-" + Guid.NewGuid().ToString("N"), "esp32-devkitc");
            Directory.CreateDirectory(dir);
            try
            {
                string json = File.ReadAllText(Path.Combine(RepoRoot(), "boards", "esp32-devkitc", "board.json"))
                    .Replace("{\"pin\": 25, \"function\": \"pwm:speed_limit\"", "{\"pin\": 33, \"function\": \"pwm:speed_limit\"")
                    .Replace("{\"pin\": 33, \"function\": \"out:led_red\"", "{\"pin\": 26, \"function\": \"out:led_red\"")
                    .Replace("{\"pin\": 36, \"function\": \"adc:p_arterial\", \"adc_channel\": 0", "{\"pin\": 25, \"function\": \"adc:p_arterial\", \"adc_channel\": 18");
                File.WriteAllText(Path.Combine(dir, "board.json"), json);

                var (exit, output) = Run("check", dir);
                Assert.Equal(1, exit);
                Assert.Contains("INVALID, 2 problems", output);
                Assert.Contains("board esp32-devkitc: pin 25 is ADC2, unusable with Wi-Fi on; move p_arterial to an ADC1 pin (32-39)", output);
                Assert.Contains("board esp32-devkitc: pin 26 is used twice, for out:clamp and out:led_red", output);
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(dir)!, true);
            }
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-010")]
        public void Board_check_with_a_profile_uses_the_firmware_catalog()
        {
            string boards = Path.Combine(RepoRoot(), "boards");
            var (exit, output) = Run("check", Path.Combine(boards, "esp32-devkitc"), "--profile", "ecmo");
            Assert.True(exit == 0, output);
            Assert.Contains(": OK for profile ecmo", output);

            (exit, output) = Run("check", Path.Combine(boards, "esp32-devkitc"), "--profile", "hemoperfusion");
            Assert.Equal(1, exit);
            Assert.Contains("board esp32-devkitc: profile hemoperfusion needs channel p_pre_column but the board has no adc:p_pre_column pin", output);

            (exit, output) = Run("check", boards, "--profile", "adult-cbp");
            Assert.Equal(2, exit);
            Assert.Contains("unknown profile 'adult-cbp'", output);
        }

        [Fact]
        public void Board_check_without_a_folder_prints_usage_and_exits_2()
        {
            var (exit, output) = Run("check");
            Assert.Equal(2, exit);
            Assert.StartsWith("usage: perfusionguard board check", output);
        }
    }
}
