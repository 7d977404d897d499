namespace PerfusionGuard.Integrity
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3, zlib and PNG (reflected polynomial 0xEDB88320, initial value and
    /// final XOR 0xFFFFFFFF; check value of "123456789" is 0xCBF43926). Frames persisted records
    /// (calibration, event log) so that a torn or corrupted write is recognised. Table-driven, the
    /// table built once at start-up; computing allocates nothing.
    /// </summary>
    public static class Crc32
    {
        /// <summary>Register value before the first byte (pass to <see cref="Update"/>).</summary>
        public const uint Initial = 0xFFFFFFFFu;

        private static readonly uint[] s_table = BuildTable();

        /// <summary>The CRC-32 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count) => Finish(Update(Initial, data, offset, count));

        /// <summary>Feeds bytes into a running register (start from <see cref="Initial"/>; end with <see cref="Finish"/>).</summary>
        public static uint Update(uint register, byte[] data, int offset, int count)
        {
            uint crc = register;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                crc = s_table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc;
        }

        /// <summary>The CRC of a running register (final XOR).</summary>
        public static uint Finish(uint register) => register ^ 0xFFFFFFFFu;

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
