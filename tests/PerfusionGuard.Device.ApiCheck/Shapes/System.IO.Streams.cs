// API shape of nanoFramework.System.IO.Streams (assembly System.IO.Streams): declarations only, for
// the host compile check of firmware/PerfusionGuard.Device (see ../README.md). Nothing here runs.
// These shadow the BCL's System.IO.Stream / SeekOrigin (CS0436, suppressed in this project only),
// so FileStream below is checked against nanoFramework's Stream, not .NET's (which has many more
// members: async, Span, CopyToAsync...).
// Confirmed against nanoframework/System.IO.Streams System.IO.Streams/Stream.cs
// (commit 49dee4f51da2c939e7fb92d022e9586d56fa99fa). Left out: Read(Span<byte>) (abstract there in
// recent versions; Span is outside the firmware subset, NANO008), CopyTo.
// SeekOrigin: System.IO.Streams/SeekOrigin.cs was not read; Begin / Current / End are confirmed by
// their use in nanoframework/System.IO.FileSystem System.IO.FileSystem/FileStream.cs.
// IOException is not declared: IOException(string) exists on nanoFramework (System.IO.IOException
// with IOExceptionErrorCode, seen through find_string) and the BCL's is used here.
using System;

namespace System.IO
{
    /// <summary>Stream.cs: abstract, MarshalByRefObject, IDisposable.</summary>
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        /// <summary>abstract bool CanRead { get; } — confirmed.</summary>
        public abstract bool CanRead { get; }

        /// <summary>abstract bool CanSeek { get; } — confirmed.</summary>
        public abstract bool CanSeek { get; }

        /// <summary>virtual bool CanTimeout { get; } — confirmed.</summary>
        public virtual bool CanTimeout { get { throw new NotSupportedException(); } }

        /// <summary>abstract bool CanWrite { get; } — confirmed.</summary>
        public abstract bool CanWrite { get; }

        /// <summary>abstract long Length { get; } — confirmed.</summary>
        public abstract long Length { get; }

        /// <summary>abstract long Position { get; set; } — confirmed.</summary>
        public abstract long Position { get; set; }

        /// <summary>virtual int ReadTimeout { get; set; } — confirmed.</summary>
        public virtual int ReadTimeout { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>virtual int WriteTimeout { get; set; } — confirmed.</summary>
        public virtual int WriteTimeout { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>virtual void Close() — confirmed.</summary>
        public virtual void Close() { throw new NotSupportedException(); }

        /// <summary>void Dispose() — confirmed (non-virtual, calls Close).</summary>
        public void Dispose() { throw new NotSupportedException(); }

        /// <summary>protected virtual void Dispose(bool disposing) — confirmed.</summary>
        protected virtual void Dispose(bool disposing) { throw new NotSupportedException(); }

        /// <summary>abstract void Flush() — confirmed.</summary>
        public abstract void Flush();

        /// <summary>abstract long Seek(long offset, SeekOrigin origin) — confirmed.</summary>
        public abstract long Seek(long offset, SeekOrigin origin);

        /// <summary>abstract void SetLength(long value) — confirmed.</summary>
        public abstract void SetLength(long value);

        /// <summary>abstract int Read(byte[] buffer, int offset, int count) — confirmed.</summary>
        public abstract int Read(byte[] buffer, int offset, int count);

        /// <summary>virtual int ReadByte() — confirmed.</summary>
        public virtual int ReadByte() { throw new NotSupportedException(); }

        /// <summary>abstract void Write(byte[] buffer, int offset, int count) — confirmed.</summary>
        public abstract void Write(byte[] buffer, int offset, int count);

        /// <summary>virtual void WriteByte(byte value) — confirmed.</summary>
        public virtual void WriteByte(byte value) { throw new NotSupportedException(); }
    }

    /// <summary>SeekOrigin: values confirmed by their use in FileStream.Seek.</summary>
    public enum SeekOrigin
    {
        /// <summary>From the start of the stream.</summary>
        Begin,
        /// <summary>From the current position.</summary>
        Current,
        /// <summary>From the end of the stream.</summary>
        End,
    }
}
