using System;
using System.Runtime.InteropServices;

namespace PerfusionGuard.Emulator.Terminal
{
    /// <summary>
    /// The few libc calls a pseudo-terminal and a raw terminal need (POSIX, Linux values of the
    /// flags; the same on x86-64 and arm64). termios is handled as an opaque buffer: only
    /// cfmakeraw / cfset*speed touch its fields, so its layout never matters here.
    /// </summary>
    internal static class LibC
    {
        public const int O_RDWR = 2;
        public const int O_NOCTTY = 0x100;
        public const int O_NONBLOCK = 0x800;
        public const int F_GETFL = 3;
        public const int F_SETFL = 4;
        public const int TCSANOW = 0;
        public const uint B115200 = 0x1002; // 0010002 octal
        public const int EAGAIN = 11;
        public const int EINTR = 4;

        /// <summary>Bytes reserved for a struct termios (60 on Linux glibc; generous).</summary>
        public const int TermiosBytes = 256;

        [DllImport("libc", SetLastError = true)]
        public static extern int posix_openpt(int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int grantpt(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int unlockpt(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern IntPtr ptsname(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPStr)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern int close(int fd);

        [DllImport("libc", SetLastError = true)]
        public static extern nint read(int fd, byte[] buffer, nint count);

        [DllImport("libc", SetLastError = true)]
        public static extern nint write(int fd, byte[] buffer, nint count);

        [DllImport("libc", SetLastError = true)]
        public static extern int fcntl(int fd, int command, int argument);

        [DllImport("libc", SetLastError = true)]
        public static extern int tcgetattr(int fd, byte[] termios);

        [DllImport("libc", SetLastError = true)]
        public static extern int tcsetattr(int fd, int actions, byte[] termios);

        [DllImport("libc", SetLastError = true)]
        public static extern void cfmakeraw(byte[] termios);

        [DllImport("libc", SetLastError = true)]
        public static extern int cfsetispeed(byte[] termios, uint speed);

        [DllImport("libc", SetLastError = true)]
        public static extern int cfsetospeed(byte[] termios, uint speed);

        [DllImport("libc", SetLastError = true)]
        public static extern int isatty(int fd);

        /// <summary>Puts the terminal on <paramref name="fd"/> in raw mode at 115200 Bd; returns the previous settings (null on failure).</summary>
        public static byte[] MakeRaw(int fd)
        {
            byte[] saved = new byte[TermiosBytes];
            if (tcgetattr(fd, saved) != 0)
            {
                return null;
            }

            byte[] raw = (byte[])saved.Clone();
            cfmakeraw(raw);
            cfsetispeed(raw, B115200);
            cfsetospeed(raw, B115200);
            return tcsetattr(fd, TCSANOW, raw) == 0 ? saved : null;
        }

        /// <summary>Sets O_NONBLOCK on <paramref name="fd"/>.</summary>
        public static void SetNonBlocking(int fd)
        {
            int flags = fcntl(fd, F_GETFL, 0);
            if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
            {
                throw new InvalidOperationException("fcntl O_NONBLOCK failed: errno " + Marshal.GetLastWin32Error());
            }
        }
    }
}
