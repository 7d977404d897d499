namespace PerfusionGuard.Integrity
{
    /// <summary>
    /// Little-endian integers in byte arrays: the one byte order of every record the firmware keeps
    /// in non-volatile memory (event log, calibration, login record), so a flash dump reads the same
    /// on any host. nanoFramework has no BinaryPrimitives (NANO-PLATFORM.md: no Span).
    /// </summary>
    public static class LittleEndian
    {
        /// <summary>The u16 at <paramref name="at"/>.</summary>
        public static ushort ReadU16(byte[] bytes, int at) => (ushort)(bytes[at] | (bytes[at + 1] << 8));

        /// <summary>The u32 at <paramref name="at"/>.</summary>
        public static uint ReadU32(byte[] bytes, int at) =>
            (uint)(bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24));

        /// <summary>The u64 at <paramref name="at"/>.</summary>
        public static ulong ReadU64(byte[] bytes, int at) => ReadU32(bytes, at) | ((ulong)ReadU32(bytes, at + 4) << 32);

        /// <summary>Writes the low 16 bits of <paramref name="value"/> at <paramref name="at"/>.</summary>
        public static void WriteU16(byte[] bytes, int at, int value)
        {
            bytes[at] = (byte)value;
            bytes[at + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes <paramref name="value"/> at <paramref name="at"/>.</summary>
        public static void WriteU32(byte[] bytes, int at, uint value)
        {
            bytes[at] = (byte)value;
            bytes[at + 1] = (byte)(value >> 8);
            bytes[at + 2] = (byte)(value >> 16);
            bytes[at + 3] = (byte)(value >> 24);
        }

        /// <summary>Writes <paramref name="value"/> at <paramref name="at"/>.</summary>
        public static void WriteU64(byte[] bytes, int at, ulong value)
        {
            WriteU32(bytes, at, (uint)value);
            WriteU32(bytes, at + 4, (uint)(value >> 32));
        }
    }
}
