// API shape of nanoFramework.System.IO.FileSystem (assembly System.IO.FileSystem): declarations
// only, for the host compile check of firmware/PerfusionGuard.Device (see ../README.md). Nothing
// here runs. These shadow the BCL's System.IO.FileStream / File / FileMode / FileAccess (CS0436,
// suppressed in this project only): .NET's File has ReadAllText, ReadAllBytes, WriteAllText... and
// the version of nanoFramework's File.cs read here has none of them.
// Confirmed against nanoframework/System.IO.FileSystem:
//   System.IO.FileSystem/FileStream.cs (commit 0b4543a44fbe993cd1aec2311f1690d6760efe54; first 16,000 of 19,051 characters read)
//   System.IO.FileSystem/File.cs       (commit 05510a72dae6e0dd64d0c7e0e5f8aa7f0f79f5ef)
//   System.IO.FileSystem/FileMode.cs   (commit 0b4543a44fbe993cd1aec2311f1690d6760efe54)
//   System.IO.FileSystem/FileAccess.cs (commit cddbb0b2a5fbe5f7064661c4485bea9b408fcc5c)
// Behaviour worth knowing: FileStream.Flush() does nothing (every Write is synced), and setting
// Position (Seek) beyond Length throws ArgumentException, so a file grows only by writing at its end.
using System;

namespace System.IO
{
    /// <summary>FileStream.cs: a Stream over a file on a nanoFramework drive (I:\ internal flash on ESP32).</summary>
    public class FileStream : Stream
    {
        /// <summary>FileStream(string path, FileMode mode) — confirmed.</summary>
        public FileStream(string path, FileMode mode) { throw new NotSupportedException(); }

        /// <summary>FileStream(string path, FileMode mode, FileAccess access) — confirmed.</summary>
        public FileStream(string path, FileMode mode, FileAccess access) { throw new NotSupportedException(); }

        /// <inheritdoc />
        public override bool CanRead { get { throw new NotSupportedException(); } }

        /// <inheritdoc />
        public override bool CanSeek { get { throw new NotSupportedException(); } }

        /// <inheritdoc />
        public override bool CanWrite { get { throw new NotSupportedException(); } }

        /// <inheritdoc />
        public override long Length { get { throw new NotSupportedException(); } }

        /// <inheritdoc />
        public override long Position { get { throw new NotSupportedException(); } set { throw new NotSupportedException(); } }

        /// <summary>string Name { get; } — confirmed (file name with extension).</summary>
        public string Name { get { throw new NotSupportedException(); } }

        /// <summary>string FilePath { get; } — confirmed (directory).</summary>
        public string FilePath { get { throw new NotSupportedException(); } }

        /// <inheritdoc />
        public override void Close() { throw new NotSupportedException(); }

        /// <inheritdoc />
        protected override void Dispose(bool disposing) { throw new NotSupportedException(); }

        /// <inheritdoc />
        public override void Flush() { throw new NotSupportedException(); }

        /// <inheritdoc />
        public override int Read(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }

        /// <inheritdoc />
        public override int ReadByte() { throw new NotSupportedException(); }

        /// <inheritdoc />
        public override long Seek(long offset, SeekOrigin origin) { throw new NotSupportedException(); }

        /// <summary>SetLength: abstract in Stream, so FileStream overrides it (its body was past the part read).</summary>
        public override void SetLength(long value) { throw new NotSupportedException(); }

        /// <summary>Write: abstract in Stream, so FileStream overrides it (its body was past the part read).</summary>
        public override void Write(byte[] buffer, int offset, int count) { throw new NotSupportedException(); }
    }

    /// <summary>File.cs: static file helpers of the version read (no ReadAll*/WriteAll*).</summary>
    public static class File
    {
        /// <summary>static void Copy(string sourceFileName, string destFileName) — confirmed.</summary>
        public static void Copy(string sourceFileName, string destFileName) { throw new NotSupportedException(); }

        /// <summary>static void Copy(string sourceFileName, string destFileName, bool overwrite) — confirmed.</summary>
        public static void Copy(string sourceFileName, string destFileName, bool overwrite) { throw new NotSupportedException(); }

        /// <summary>static FileStream Create(string path) — confirmed.</summary>
        public static FileStream Create(string path) { throw new NotSupportedException(); }

        /// <summary>static void Delete(string path) — confirmed (no-op when the file does not exist).</summary>
        public static void Delete(string path) { throw new NotSupportedException(); }

        /// <summary>static bool Exists(string path) — confirmed.</summary>
        public static bool Exists(string path) { throw new NotSupportedException(); }

        /// <summary>static void Move(string sourceFileName, string destFileName) — confirmed.</summary>
        public static void Move(string sourceFileName, string destFileName) { throw new NotSupportedException(); }
    }

    /// <summary>FileMode.cs — every value confirmed.</summary>
    public enum FileMode
    {
        /// <summary>Create; fails when the file exists.</summary>
        CreateNew = 1,
        /// <summary>Create or overwrite.</summary>
        Create = 2,
        /// <summary>Open; fails when the file does not exist.</summary>
        Open = 3,
        /// <summary>Open or create.</summary>
        OpenOrCreate = 4,
        /// <summary>Open and truncate.</summary>
        Truncate = 5,
        /// <summary>Open and seek to the end (write only).</summary>
        Append = 6,
    }

    /// <summary>FileAccess.cs — every value confirmed ([Flags]).</summary>
    [Flags]
    public enum FileAccess
    {
        /// <summary>Read access.</summary>
        Read = 1,
        /// <summary>Write access.</summary>
        Write = 2,
        /// <summary>Read and write access.</summary>
        ReadWrite = 3,
    }
}
