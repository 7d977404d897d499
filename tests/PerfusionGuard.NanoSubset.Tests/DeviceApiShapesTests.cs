using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using static PerfusionGuard.NanoSubset.Tests.AnalyzerHarness;

namespace PerfusionGuard.NanoSubset.Tests
{
    /// <summary>
    /// SAF-PORT-004: the nanoFramework device layer is compiled on the host against the hand-written
    /// API shapes in tests/PerfusionGuard.Device.ApiCheck/Shapes (the build does it in the two
    /// ApiCheck projects; these tests say which file and line, and prove the check can fail): a call
    /// that does not match nanoFramework's API is a compiler error, a correct one compiles cleanly,
    /// and an ESP32-only API is an error in the STM32 build.
    /// </summary>
    [Trait("Requirement", "SAF-PORT-004")]
    public class DeviceApiShapesTests
    {
        private static string ShapesDir => Path.Combine(RepoRoot, "tests", "PerfusionGuard.Device.ApiCheck", "Shapes");

        /// <summary>
        /// The shapes ApiCheck.props removes for TargetChip != esp32, read from the props file itself
        /// so that this test and the build cannot disagree about them.
        /// </summary>
        private static string[] Esp32OnlyShapes()
        {
            string props = File.ReadAllText(Path.Combine(RepoRoot, "tests", "PerfusionGuard.Device.ApiCheck", "ApiCheck.props"));
            Match remove = Regex.Match(props, "<Compile Remove=\"([^\"]+)\"");
            Assert.True(remove.Success, "ApiCheck.props: no <Compile Remove=...> of the ESP32-only shapes");
            string[] names = Regex.Matches(remove.Groups[1].Value, @"Shapes/([\w.]+\.cs)").Select(m => m.Groups[1].Value).ToArray();
            Assert.NotEmpty(names);
            return names;
        }

        private static CSharpParseOptions Options(string chip) =>
            new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: chip == "esp32" ? new[] { "ESP32" } : Array.Empty<string>());

        private static IEnumerable<SyntaxTree> Sources(string directory, string chip, Func<string, bool> keep = null)
        {
            char sep = Path.DirectorySeparatorChar;
            return Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(sep + "obj" + sep) && !f.Contains(sep + "bin" + sep) && (keep == null || keep(f)))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), Options(chip), f));
        }

        private static IEnumerable<SyntaxTree> Shapes(string chip)
        {
            string[] esp32Only = Esp32OnlyShapes();
            return Sources(ShapesDir, chip, f => chip == "esp32" || !esp32Only.Contains(Path.GetFileName(f)));
        }

        private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => d.ToString().Replace(RepoRoot + Path.DirectorySeparatorChar, "")));

        /// <summary>A snippet in a method body, with the usings the device layer has for <paramref name="chip"/>.</summary>
        private static SyntaxTree Snippet(string chip, string statements)
        {
            string usings = @"
using System;
using System.Collections;
using System.Device.Adc;
using System.Device.Gpio;
using System.Device.Pwm;
using System.IO;
using System.IO.Ports;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using nanoFramework.M2Mqtt;
using nanoFramework.M2Mqtt.Messages;
using nanoFramework.Networking;
using nanoFramework.Runtime.Native;
" + (chip == "esp32" ? "using nanoFramework.Hardware.Esp32;\nusing System.Device.Wifi;\n" : "");
            string source = usings + @"
namespace PerfusionGuard.Device
{
    static class Snippet
    {
        static void Run()
        {
" + statements + @"
        }
    }
}
";
            return CSharpSyntaxTree.ParseText(source, Options(chip), "Snippet.cs");
        }

        [Theory]
        [InlineData("esp32")]
        [InlineData("stm32")]
        public void Device_layer_compiles_against_the_shapes_with_no_NANO_diagnostic(string chip)
        {
            var trees = Sources(Path.Combine(RepoRoot, "firmware", "PerfusionGuard.Core"), chip)
                .Concat(Sources(Path.Combine(RepoRoot, "firmware", "PerfusionGuard.Device"), chip, f => !f.EndsWith("AssemblyInfo.cs", StringComparison.Ordinal)))
                .Concat(Shapes(chip))
                .ToList();
            Assert.True(trees.Count >= 40, "expected the core, device and shape sources, found " + trees.Count);

            var (errors, nano) = Run(trees);

            Assert.True(errors.IsEmpty, chip + ": the device layer does not compile against the nanoFramework shapes:\n" + Describe(errors));
            Assert.True(nano.IsEmpty, chip + ": nanoFramework violations:\n" + Describe(nano));
        }

        [Fact]
        public void A_correct_use_of_every_shaped_package_compiles_cleanly_for_esp32()
        {
            var (errors, nano) = Run(Shapes("esp32").Append(Snippet("esp32", @"
            GpioController gpio = new GpioController();
            GpioPin pin = gpio.OpenPin(25, PinMode.InputPullUp);
            bool high = pin.Read() == PinValue.High;
            gpio.OpenPin(26, PinMode.Output).Write(PinValue.Low);
            AdcController adc = new AdcController();
            int counts = adc.OpenChannel(4).ReadValue() * adc.MaxValue;
            Configuration.SetPinFunction(27, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(14, DeviceFunction.PWM1);
            PwmChannel pwm = PwmChannel.CreateFromPin(14, 1000, 0.0);
            pwm.DutyCycle = 0.5;
            GpioPulseCounter counter = new GpioPulseCounter(34);
            counter.Polarity = GpioPulsePolarity.Rising;
            counter.FilterPulses = 0;
            long pulses = counter.Read().Count;
            long micros = (long)HighResTimer.GetCurrent() + Environment.TickCount64;
            SerialPort port = new SerialPort(""COM2"", 115200);
            port.Open();
            int n = port.BytesToRead > 0 ? port.Read(new byte[8], 0, 8) : 0;
            using (FileStream file = new FileStream(""I:\\store"", FileMode.OpenOrCreate, FileAccess.ReadWrite))
            {
                file.Seek(file.Length, SeekOrigin.Begin);
                file.Write(new byte[4], 0, 4);
            }

            bool exists = File.Exists(""I:\\board.json"");
            ExecutionConstraint.Install(20, 0);
            using (CancellationTokenSource limit = new CancellationTokenSource(30000))
            {
                bool up = WifiNetworkHelper.ConnectDhcp(""ssid"", ""pw"", WifiReconnectionKind.Automatic, true, 0, limit.Token)
                    || NetworkHelper.SetupAndConnectNetwork(limit.Token, true);
            }

            MqttClient client = new MqttClient(""broker"", 8883, true, new X509Certificate(""-----BEGIN CERTIFICATE-----""), null, MqttSslProtocols.TLSv1_2);
            client.MqttMsgPublished += (object sender, MqttMsgPublishedEventArgs e) => { ushort id = e.MessageId; bool ok = e.IsPublished; };
            client.ConnectionClosed += (object sender, EventArgs e) => { };
            MqttReasonCode code = client.Connect(""id"", null, null, true, MqttQoSLevel.AtLeastOnce, true, ""t/state"", ""lost"", true, 30);
            ushort messageId = client.Publish(""t/data"", new byte[1], null, null, MqttQoSLevel.AtMostOnce, false);
            Power.RebootDevice();
")));

            Assert.True(errors.IsEmpty, "a correct snippet does not compile against the shapes:\n" + Describe(errors));
            Assert.True(nano.IsEmpty, Describe(nano));
        }

        [Fact]
        public void A_correct_use_without_the_esp32_packages_compiles_cleanly_for_stm32()
        {
            var (errors, _) = Run(Shapes("stm32").Append(Snippet("stm32", @"
            GpioPin pin = new GpioController().OpenPin(2, PinMode.Output);
            pin.Toggle();
            long micros = Environment.TickCount64 * 1000;
            using (CancellationTokenSource limit = new CancellationTokenSource(30000))
            {
                bool up = NetworkHelper.SetupAndConnectNetwork(limit.Token, true);
            }
")));

            Assert.True(errors.IsEmpty, "a correct STM32 snippet does not compile against the shapes:\n" + Describe(errors));
        }

        [Theory]
        // GpioController.OpenPin has (int) and (int, PinMode): no initial-value overload.
        [InlineData("esp32", "new GpioController().OpenPin(5, PinMode.Output, PinValue.Low);", "CS1501")]
        // PinMode has InputPullUp, not InputPullup.
        [InlineData("esp32", "PinMode mode = PinMode.InputPullup;", "CS0117")]
        // PinValue is a struct with an explicit conversion to bool, not a bool.
        [InlineData("esp32", "bool high = new GpioController().OpenPin(5).Read();", "CS0266")]
        // DeviceFunction has COM2_TX, not COM2_TXD.
        [InlineData("esp32", "Configuration.SetPinFunction(27, DeviceFunction.COM2_TXD);", "CS0117")]
        // FilterPulses is a ushort of APB cycles, not a TimeSpan.
        [InlineData("esp32", "new GpioPulseCounter(26).FilterPulses = TimeSpan.FromTicks(10);", "CS0029")]
        // The ESP32 pulse counter ships in nanoFramework.Hardware.Esp32, which the STM32 build does not reference.
        [InlineData("stm32", "new GpioPulseCounter(26).Start();", "CS0246")]
        // HighResTimer likewise.
        [InlineData("stm32", "ulong now = nanoFramework.Hardware.Esp32.HighResTimer.GetCurrent();", "CS0234")]
        // M2Mqtt 5.x has no Publish(topic, message, qos, retain): its 4-argument form takes (contentType, userProperties).
        [InlineData("esp32", "new MqttClient(\"broker\").Publish(\"t\", new byte[1], MqttQoSLevel.AtLeastOnce, false);", "CS1503")]
        // MqttQoSLevel lives in nanoFramework.M2Mqtt.Messages: fully qualified in the wrong namespace it does not exist.
        [InlineData("esp32", "var level = nanoFramework.M2Mqtt.MqttQoSLevel.AtLeastOnce;", "CS0234")]
        // ExecutionConstraint.Install takes (timeoutMilliseconds, priority).
        [InlineData("esp32", "ExecutionConstraint.Install(20);", "CS7036")]
        // nanoFramework's File (this version) has no ReadAllText, although .NET's has: the shape shadows the BCL.
        [InlineData("esp32", "string text = File.ReadAllText(\"I:\\\\board.json\");", "CS0117")]
        // nanoFramework's X509Certificate takes the certificate, not (file name, password) as .NET's does.
        [InlineData("esp32", "var ca = new X509Certificate(\"ca.pem\", \"secret\");", "CS1729")]
        // nanoFramework's Environment (Runtime.Native) has TickCount64 only.
        [InlineData("stm32", "string nl = Environment.NewLine;", "CS0117")]
        // SerialPort.ReadTimeout is milliseconds (int).
        [InlineData("stm32", "new SerialPort(\"COM6\", 115200).ReadTimeout = TimeSpan.FromSeconds(1);", "CS0029")]
        public void A_call_that_does_not_match_nanoFrameworks_API_is_a_compiler_error(string chip, string statement, string expectedError)
        {
            var (errors, _) = Run(Shapes(chip).Append(Snippet(chip, statement)));

            Assert.True(errors.Any(d => d.Id == expectedError && d.Location.SourceTree?.FilePath == "Snippet.cs"),
                chip + ": expected " + expectedError + " in the snippet `" + statement + "`, got:\n" + Describe(errors));
            Assert.DoesNotContain(errors, d => d.Location.SourceTree?.FilePath != "Snippet.cs");
        }

        [Fact]
        public void A_wrong_call_added_to_the_device_sources_is_reported_at_its_file_and_line()
        {
            // The converse of the first test on the same sources: one wrong line makes it fail, and the
            // error names the file and line the way the build does.
            var trees = Sources(Path.Combine(RepoRoot, "firmware", "PerfusionGuard.Core"), "esp32")
                .Concat(Sources(Path.Combine(RepoRoot, "firmware", "PerfusionGuard.Device"), "esp32", f => !f.EndsWith("AssemblyInfo.cs", StringComparison.Ordinal)))
                .Concat(Shapes("esp32"))
                .Append(CSharpSyntaxTree.ParseText(
                    "using System.Device.Adc;\nnamespace PerfusionGuard.Device.Hal\n{\n    static class Extra\n    {\n        static double M(AdcChannel c) { return c.ReadVoltage(); }\n    }\n}\n",
                    Options("esp32"), "Extra.cs"));

            var (errors, _) = Run(trees);

            Diagnostic error = Assert.Single(errors);
            Assert.Equal("CS1061", error.Id);
            Assert.Equal("Extra.cs", error.Location.GetLineSpan().Path);
            Assert.Equal(5, error.Location.GetLineSpan().StartLinePosition.Line);
            Assert.Contains("ReadVoltage", error.GetMessage());
        }
    }
}
