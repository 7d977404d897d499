// API shape of nanoFramework.Runtime.Native (assembly nanoFramework.Runtime.Native): declarations
// only, for the host compile check of firmware/PerfusionGuard.Device (see ../README.md). Nothing
// here runs. Confirmed against nanoframework/nanoFramework.Runtime.Native:
//   nanoFramework.Runtime.Native/ExecutionConstraint.cs  (commit 17c93f5c72ef1ac48d5f61895609152ff288e89a)
//   nanoFramework.Runtime.Native/Power.cs                (commit 279c2de56c52fbd4cf2c05400c4d16ed84dc85e9)
//   nanoFramework.Runtime.Native/System/Environment.cs   (commit 17c93f5c72ef1ac48d5f61895609152ff288e89a)
// System.Environment is declared in this package on nanoFramework (with TickCount64 only), so it
// shadows the BCL's Environment here (CS0436, suppressed in this project only): any other
// Environment member (NewLine, TickCount, ProcessorCount...) used by the device layer is an error.
// Left out: GC, RTC, SystemInfo, RebootOption.
using System;

namespace nanoFramework.Runtime.Native
{
    /// <summary>ExecutionConstraint.cs: thrown when an installed constraint expires.</summary>
    public class ConstraintException : Exception
    {
    }

    /// <summary>ExecutionConstraint.cs.</summary>
    public static class ExecutionConstraint
    {
        /// <summary>static extern void Install(int timeoutMilliseconds, int priority) — confirmed; -1 uninstalls.</summary>
        public static void Install(int timeoutMilliseconds, int priority) { throw new NotSupportedException(); }
    }

    /// <summary>Power.cs: delegate void RebootEventHandler() — confirmed.</summary>
    public delegate void RebootEventHandler();

    /// <summary>Power.cs.</summary>
    public class Power
    {
        /// <summary>static event RebootEventHandler OnRebootEvent — confirmed.</summary>
        public static event RebootEventHandler OnRebootEvent;

        /// <summary>static void RebootDevice() — confirmed.</summary>
        public static void RebootDevice() { throw new NotSupportedException(); }

        /// <summary>static void RebootDevice(int exeConstraintTimeout) — confirmed.</summary>
        public static void RebootDevice(int exeConstraintTimeout) { throw new NotSupportedException(); }
    }
}

namespace System
{
    /// <summary>System/Environment.cs in nanoFramework.Runtime.Native: a static partial class with TickCount64 only.</summary>
    public static partial class Environment
    {
        /// <summary>static extern long TickCount64 { get; } — confirmed (milliseconds since start).</summary>
        public static long TickCount64 { get { throw new NotSupportedException(); } }
    }
}
