using nanoFramework.TestFramework;
using PerfusionGuard.Module;
using PerfusionGuard.Shell.Bridge;

namespace PerfusionGuard.OnTarget
{
    /// <summary>
    /// The console mailbox's Interlocked state machine (SAF-CON-012) and the site settings parser as
    /// the device runs them at start-up, on the target's runtime (Interlocked on int, Hashtable from
    /// the JSON reader, string building without the missing BCL members).
    /// </summary>
    [TestClass]
    public class ConsoleBridgeOnTargetTests
    {
        [TestMethod]
        public static void The_mailbox_takes_one_request_and_frees_the_slot_after_withdrawal_or_completion()
        {
            ConsoleMailbox mailbox = new ConsoleMailbox();
            Assert.IsTrue(mailbox.TryBegin(ConsoleRequestKind.Snapshot));
            Assert.IsFalse(mailbox.TryBegin(ConsoleRequestKind.OperatorReset));
            mailbox.Micros = 600000000L;
            mailbox.Post();
            Assert.IsTrue(mailbox.IsPending);
            Assert.IsTrue(mailbox.TryTake());
            Assert.AreEqual(600000000L, mailbox.Micros);
            mailbox.Ok = true;
            mailbox.Complete();
            Assert.IsTrue(mailbox.IsDone);
            mailbox.Release();
            Assert.IsTrue(mailbox.IsFree);

            Assert.IsTrue(mailbox.TryBegin(ConsoleRequestKind.AcknowledgeAlarms));
            mailbox.Post();
            Assert.IsTrue(mailbox.Withdraw() == ConsoleWithdrawal.NotCarriedOut);
            Assert.IsFalse(mailbox.TryTake());
            Assert.IsTrue(mailbox.IsFree);
            Assert.AreEqual(1, mailbox.CarriedOut);
            Assert.AreEqual(1, mailbox.Withdrawn);
        }

        [TestMethod]
        public static void Site_settings_with_every_key_parse_and_an_unknown_key_names_its_line()
        {
            string text = "{ \"profile\": \"ecmo\", \"wifi_ssid\": \"or-net\", \"wifi_password\": \"correct horse\",\n"
                + "  \"mqtt_host\": \"broker\", \"mqtt_port\": 8883, \"mqtt_username\": \"u\", \"mqtt_password\": \"p\",\n"
                + "  \"mqtt_tls\": true, \"mqtt_ca_file\": \"I:\\\\ca.pem\", \"telemetry_period_s\": 2, \"outbox_bytes\": 8192,\n"
                + "  \"site\": \"or3\", \"node\": \"pg-01\", \"service_pin\": \"4711\" }";
            SiteSettings settings;
            string error;
            Assert.IsTrue(SiteSettings.TryParse(text, "I:\\perfusionguard.json", out settings, out error), error);
            Assert.AreEqual("pg-or3-pg-01", settings.MqttClientId);
            Assert.AreEqual(2000000L, settings.TelemetryPeriodMicros);
            Assert.IsTrue(settings.CreateServiceCredential().Verify("4711"));

            Assert.IsFalse(SiteSettings.TryParse("{\n\"profile\": \"ecmo\",\n\"colour\": 1\n}", "I:\\perfusionguard.json", out settings, out error));
            Assert.IsTrue(error.IndexOf("I:\\perfusionguard.json:3: colour: unknown key") == 0, error);
        }
    }
}
