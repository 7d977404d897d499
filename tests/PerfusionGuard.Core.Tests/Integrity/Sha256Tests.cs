using System;
using System.Security.Cryptography;
using System.Text;
using Xunit;
using PgSha256 = PerfusionGuard.Integrity.Sha256;
using PerfusionGuard.Integrity;

namespace PerfusionGuard.Tests.Integrity
{
    /// <summary>The portable SHA-256, HMAC and PBKDF2 behind the console's PIN hash (SAF-CON-005).</summary>
    public class Sha256Tests
    {
        private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

        private static string HashOf(byte[] data) => Hex(PgSha256.Hash(data, 0, data.Length));

        // FIPS 180-4 examples (NIST CSRC "SHA256.pdf" example values) and the long-message vector of FIPS 180-2 appendix B.3.
        [Theory]
        [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")]
        public void Digest_matches_the_FIPS_180_4_test_vectors(string message, string expected)
        {
            Assert.Equal(expected, HashOf(Encoding.ASCII.GetBytes(message)));
        }

        [Fact]
        public void Digest_of_one_million_a_matches_the_FIPS_vector_when_fed_in_uneven_pieces()
        {
            byte[] a = new byte[1000];
            Array.Fill(a, (byte)'a');
            var sha = new PgSha256();
            int fed = 0;
            int piece = 1;
            while (fed < 1_000_000)
            {
                int n = Math.Min(piece, 1_000_000 - fed);
                sha.Append(a, 0, Math.Min(n, a.Length));
                fed += Math.Min(n, a.Length);
                piece = piece % 997 + 13;
            }

            byte[] digest = new byte[32];
            sha.Finish(digest, 0);
            Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Hex(digest));
        }

        [Fact]
        public void Digest_agrees_with_the_platform_for_every_length_around_the_block_boundaries()
        {
            var random = new Random(180_4);
            for (int length = 0; length <= 300; length++)
            {
                byte[] data = new byte[length];
                random.NextBytes(data);
                Assert.Equal(Hex(SHA256.HashData(data)), HashOf(data));
            }
        }

        [Theory]
        [InlineData(3)]
        [InlineData(64)]
        [InlineData(100)]
        public void Hmac_agrees_with_the_platform_for_short_block_and_long_keys(int keyLength)
        {
            byte[] key = new byte[keyLength];
            new Random(keyLength).NextBytes(key);
            byte[] message = Encoding.ASCII.GetBytes("what do ya want for nothing?");
            byte[] mac = new byte[32];
            new Pbkdf2Sha256().Mac(key, key.Length, message, message.Length, mac);
            Assert.Equal(Hex(HMACSHA256.HashData(key, message)), Hex(mac));
        }

        [Theory]
        [InlineData("password", "salt", 1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")]
        [InlineData("password", "salt", 2, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43")]
        [InlineData("password", "salt", 4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a")]
        public void Pbkdf2_matches_published_PBKDF2_HMAC_SHA256_vectors(string password, string salt, int iterations, string expected)
        {
            byte[] p = Encoding.ASCII.GetBytes(password);
            byte[] s = Encoding.ASCII.GetBytes(salt);
            byte[] output = new byte[32];
            new Pbkdf2Sha256().Derive(p, p.Length, s, s.Length, iterations, output);
            Assert.Equal(expected, Hex(output));
            Assert.Equal(Hex(Rfc2898DeriveBytes.Pbkdf2(p, s, iterations, HashAlgorithmName.SHA256, 32)), Hex(output));
        }
    }
}
