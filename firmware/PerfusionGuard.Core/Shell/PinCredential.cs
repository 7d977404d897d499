using System;
using System.Text;
using PerfusionGuard.Integrity;

namespace PerfusionGuard.Shell
{
    /// <summary>
    /// The service PIN as stored: only a salt, an iteration count and PBKDF2-HMAC-SHA-256 of the
    /// PIN, never the PIN itself (SAF-CON-005). Text form for the settings store:
    /// "pbkdf2-sha256$ITERATIONS$SALT_HEX$HASH_HEX".
    /// </summary>
    public sealed class PinCredential
    {
        /// <summary>
        /// Iterations for a new credential. nanoFramework interprets IL on the ESP32: one SHA-256
        /// block costs an estimated 10-20 ms there (about 6 000 IL operations at a few µs each; an
        /// estimate, not measured on a board), and one PBKDF2 iteration is two blocks, so 64
        /// iterations make a login check take roughly 1-2.5 s on the device. That is as much as a
        /// person at the console will wait; the count is stored with the hash, so a faster target
        /// can raise it without invalidating old credentials.
        /// </summary>
        public const int DefaultIterations = 64;

        /// <summary>Salt length in bytes.</summary>
        public const int SaltBytes = 16;

        private const string Scheme = "pbkdf2-sha256";

        private readonly byte[] _salt;
        private readonly byte[] _hash;

        private PinCredential(byte[] salt, int iterations, byte[] hash)
        {
            _salt = salt;
            Iterations = iterations;
            _hash = hash;
        }

        /// <summary>PBKDF2 iterations of this credential.</summary>
        public int Iterations { get; }

        /// <summary>Creates a credential for <paramref name="pin"/> with <paramref name="salt"/> (random, <see cref="SaltBytes"/> long).</summary>
        public static PinCredential Create(string pin, byte[] salt, int iterations)
        {
            if (iterations < 1)
            {
                throw new ArgumentException("PIN credential: iterations must be at least 1");
            }

            byte[] saltCopy = new byte[salt.Length];
            Array.Copy(salt, saltCopy, salt.Length);
            return new PinCredential(saltCopy, iterations, Derive(pin, saltCopy, iterations));
        }

        /// <summary>True when <paramref name="pin"/> is the service PIN. Compares in constant time.</summary>
        public bool Verify(string pin)
        {
            if (pin == null)
            {
                return false;
            }

            byte[] candidate = Derive(pin, _salt, Iterations);
            int difference = 0;
            for (int i = 0; i < _hash.Length; i++)
            {
                difference |= candidate[i] ^ _hash[i];
            }

            return difference == 0;
        }

        /// <summary>The storable text form.</summary>
        public string ToText()
        {
            return Scheme + "$" + Iterations.ToString() + "$" + ToHex(_salt) + "$" + ToHex(_hash);
        }

        /// <summary>Parses the text form; false when it is malformed.</summary>
        public static bool TryParse(string text, out PinCredential credential)
        {
            credential = null;
            if (text == null)
            {
                return false;
            }

            string[] parts = text.Split('$');
            if (parts.Length != 4 || parts[0] != Scheme)
            {
                return false;
            }

            long iterations;
            if (!ShellNumbers.TryParseInteger(parts[1], 1, 10000000, out iterations))
            {
                return false;
            }

            byte[] salt = FromHex(parts[2]);
            byte[] hash = FromHex(parts[3]);
            if (salt == null || salt.Length == 0 || hash == null || hash.Length != Sha256.DigestBytes)
            {
                return false;
            }

            credential = new PinCredential(salt, (int)iterations, hash);
            return true;
        }

        private static byte[] Derive(string pin, byte[] salt, int iterations)
        {
            byte[] pinBytes = Encoding.UTF8.GetBytes(pin);
            byte[] output = new byte[Sha256.DigestBytes];
            new Pbkdf2Sha256().Derive(pinBytes, pinBytes.Length, salt, salt.Length, iterations, output);
            for (int i = 0; i < pinBytes.Length; i++)
            {
                pinBytes[i] = 0;
            }

            return output;
        }

        private static string ToHex(byte[] bytes)
        {
            const string digits = "0123456789abcdef";
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[i * 2] = digits[bytes[i] >> 4];
                chars[i * 2 + 1] = digits[bytes[i] & 0xF];
            }

            return new string(chars);
        }

        private static byte[] FromHex(string hex)
        {
            if (hex.Length % 2 != 0)
            {
                return null;
            }

            byte[] bytes = new byte[hex.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                int high = HexValue(hex[i * 2]);
                int low = HexValue(hex[i * 2 + 1]);
                if (high < 0 || low < 0)
                {
                    return null;
                }

                bytes[i] = (byte)((high << 4) | low);
            }

            return bytes;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
