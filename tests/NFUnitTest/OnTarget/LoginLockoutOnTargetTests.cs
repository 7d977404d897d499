using nanoFramework.TestFramework;
using PerfusionGuard.Hal;
using PerfusionGuard.Shell;

namespace PerfusionGuard.OnTarget
{
    /// <summary>
    /// The persisted login throttle (SAF-CON-013) and the PIN-masking echo (SAF-CON-014) on the
    /// target's runtime: the two-slot CRC record, string searching and building without the missing
    /// BCL members. A reboot is a new record and throttle over the same bytes.
    /// </summary>
    [TestClass]
    public class LoginLockoutOnTargetTests
    {
        /// <summary>Bytes in RAM standing in for the flash file (erased to 0xFF).</summary>
        private sealed class RamFlash : INonVolatileStore
        {
            private readonly byte[] _bytes;

            public RamFlash(int sizeBytes)
            {
                _bytes = new byte[sizeBytes];
                for (int i = 0; i < sizeBytes; i++)
                {
                    _bytes[i] = 0xFF;
                }
            }

            public int SizeBytes => _bytes.Length;

            public void Read(int address, byte[] buffer, int offset, int count)
            {
                System.Array.Copy(_bytes, address, buffer, offset, count);
            }

            public void Write(int address, byte[] buffer, int offset, int count)
            {
                System.Array.Copy(buffer, offset, _bytes, address, count);
            }

            public void Flush()
            {
            }
        }

        [TestMethod]
        public static void A_lockout_and_a_failure_count_survive_a_new_throttle_over_the_same_flash()
        {
            // SAF-CON-013
            RamFlash flash = new RamFlash(LoginAttemptRecord.RequiredBytes);
            LoginThrottle throttle = new LoginThrottle(new LoginAttemptRecord(flash, 0));
            long now = 1000000L;
            for (int i = 0; i < LoginThrottle.MaxFailures; i++)
            {
                now += 10000000L;
                LoginResult refusal;
                Assert.IsTrue(throttle.MayCheck(now, out refusal));
                throttle.CountAttempt(now);
                throttle.Fail(now);
            }

            Assert.IsTrue(throttle.IsLockedOut(now));
            throttle.Tick(now + LoginThrottle.LockoutCheckpointMicros);

            LoginThrottle afterReboot = new LoginThrottle(new LoginAttemptRecord(flash, 0));
            Assert.IsNull(afterReboot.Note);
            Assert.AreEqual(LoginThrottle.LockoutMicros - LoginThrottle.LockoutCheckpointMicros, afterReboot.WaitMicros(500000L));

            // The lockout runs out; one wrong PIN; a reboot waits one full step for it.
            afterReboot.Tick(500000L + LoginThrottle.LockoutMicros);
            afterReboot.CountAttempt(600000000L);
            afterReboot.Fail(600000000L);
            LoginThrottle again = new LoginThrottle(new LoginAttemptRecord(flash, 0));
            Assert.AreEqual(1, again.Failures);
            Assert.AreEqual(LoginThrottle.FirstDelayMicros, again.WaitMicros(700000L));
        }

        [TestMethod]
        public static void The_echo_of_a_login_line_masks_the_PIN()
        {
            // SAF-CON-014
            Assert.AreEqual("json LOGIN ****", LineEditor.EchoOf("json LOGIN 2468", SerialShell.SecretWord));
            Assert.AreEqual("log show 10", LineEditor.EchoOf("log show 10", SerialShell.SecretWord));
            Assert.AreEqual("login", LineEditor.EchoOf("login", SerialShell.SecretWord));
        }
    }
}
