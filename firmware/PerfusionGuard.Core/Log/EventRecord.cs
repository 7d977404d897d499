namespace PerfusionGuard.Log
{
    /// <summary>
    /// One black-box record, stored as <see cref="SizeBytes"/> bytes, little-endian:
    /// <code>
    ///  0  u32 sequence     (1, 2, 3 ... never reused; the ring slot is (sequence - 1) mod capacity)
    ///  4  u32 boot counter (incremented at every open of the log)
    ///  8  i64 uptime µs    (monotonic clock)
    /// 16  i64 UTC ms       (Unix epoch; 0 when the time is not known)
    /// 24  u8  kind         (EventKind)
    /// 25  u8  source       (CommandSource, 0xFF when none)
    /// 26  i16 subject      (rule / alarm index, channel id, check id; -1 when none)
    /// 28  i32 old value
    /// 32  i32 new value
    /// 36  i32 aux value
    /// 40  u32 format marker 0x31474C50 ("PLG1")
    /// 44  u32 CRC-32 of bytes 0..43, written last
    /// </code>
    /// A record is valid only when its CRC matches; the CRC is the last field written, so a torn
    /// write never looks valid (SAF-LOG-002).
    /// </summary>
    public struct EventRecord
    {
        /// <summary>Bytes per record on the store.</summary>
        public const int SizeBytes = 48;

        /// <summary>Source value meaning "no command source".</summary>
        public const byte NoSource = 0xFF;

        /// <summary>Sequence number, from 1; assigned by the log.</summary>
        public uint Sequence;
        /// <summary>Boot counter of the power-up that wrote the record; assigned by the log.</summary>
        public uint BootCounter;
        /// <summary>Monotonic microseconds since boot.</summary>
        public long UptimeMicros;
        /// <summary>UTC milliseconds since the Unix epoch, 0 when not known.</summary>
        public long UtcMillis;
        /// <summary>What happened.</summary>
        public EventKind Kind;
        /// <summary>Who asked (CommandSource) or <see cref="NoSource"/>.</summary>
        public byte Source;
        /// <summary>What it concerns: rule / alarm index, channel id, check id; -1 when none.</summary>
        public short Subject;
        /// <summary>Value before (meaning per <see cref="EventKind"/>).</summary>
        public int OldValue;
        /// <summary>Value after (meaning per <see cref="EventKind"/>).</summary>
        public int NewValue;
        /// <summary>Additional value (meaning per <see cref="EventKind"/>).</summary>
        public int AuxValue;
    }
}
