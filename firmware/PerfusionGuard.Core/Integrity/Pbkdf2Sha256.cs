namespace PerfusionGuard.Integrity
{
    /// <summary>
    /// PBKDF2 with HMAC-SHA-256 (RFC 8018 section 5.2, HMAC per RFC 2104), one 32-byte output
    /// block: stretches the console's service PIN so that a copy of the stored hash does not give
    /// the PIN away by a cheap search. Portable C# over <see cref="Sha256"/>.
    /// </summary>
    public sealed class Pbkdf2Sha256
    {
        private readonly Sha256 _sha = new Sha256();
        private readonly byte[] _innerPad = new byte[Sha256.BlockBytes];
        private readonly byte[] _outerPad = new byte[Sha256.BlockBytes];
        private readonly byte[] _u = new byte[Sha256.DigestBytes];
        private readonly byte[] _inner = new byte[Sha256.DigestBytes];
        private readonly byte[] _blockIndex = { 0, 0, 0, 1 };

        /// <summary>
        /// Derives 32 bytes from <paramref name="password"/> and <paramref name="salt"/> with
        /// <paramref name="iterations"/> rounds into <paramref name="output"/> (32 bytes at offset 0).
        /// </summary>
        public void Derive(byte[] password, int passwordLength, byte[] salt, int saltLength, int iterations, byte[] output)
        {
            SetKey(password, passwordLength);

            // U1 = HMAC(P, S || INT(1))
            _sha.Append(_innerPad, 0, Sha256.BlockBytes);
            _sha.Append(salt, 0, saltLength);
            _sha.Append(_blockIndex, 0, 4);
            FinishMac();
            for (int i = 0; i < Sha256.DigestBytes; i++)
            {
                output[i] = _u[i];
            }

            // U_c = HMAC(P, U_{c-1}); T = U1 xor U2 xor ... xor U_c
            for (int c = 1; c < iterations; c++)
            {
                _sha.Append(_innerPad, 0, Sha256.BlockBytes);
                _sha.Append(_u, 0, Sha256.DigestBytes);
                FinishMac();
                for (int i = 0; i < Sha256.DigestBytes; i++)
                {
                    output[i] ^= _u[i];
                }
            }
        }

        /// <summary>HMAC-SHA-256 of <paramref name="message"/> under <paramref name="key"/> into <paramref name="mac"/> (32 bytes).</summary>
        public void Mac(byte[] key, int keyLength, byte[] message, int messageLength, byte[] mac)
        {
            SetKey(key, keyLength);
            _sha.Append(_innerPad, 0, Sha256.BlockBytes);
            _sha.Append(message, 0, messageLength);
            FinishMac();
            for (int i = 0; i < Sha256.DigestBytes; i++)
            {
                mac[i] = _u[i];
            }
        }

        private void SetKey(byte[] key, int keyLength)
        {
            // RFC 2104: a key longer than the block is hashed first; shorter keys are zero-padded.
            byte[] keyBlock = new byte[Sha256.BlockBytes];
            if (keyLength > Sha256.BlockBytes)
            {
                _sha.Reset();
                _sha.Append(key, 0, keyLength);
                _sha.Finish(keyBlock, 0);
            }
            else
            {
                for (int i = 0; i < keyLength; i++)
                {
                    keyBlock[i] = key[i];
                }
            }

            for (int i = 0; i < Sha256.BlockBytes; i++)
            {
                _innerPad[i] = (byte)(keyBlock[i] ^ 0x36);
                _outerPad[i] = (byte)(keyBlock[i] ^ 0x5c);
                keyBlock[i] = 0;
            }

            _sha.Reset();
        }

        // Completes the inner hash already fed with ipad || message, then the outer hash, into _u.
        private void FinishMac()
        {
            _sha.Finish(_inner, 0);
            _sha.Append(_outerPad, 0, Sha256.BlockBytes);
            _sha.Append(_inner, 0, Sha256.DigestBytes);
            _sha.Finish(_u, 0);
        }
    }
}
