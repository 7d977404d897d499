// API shape of nanoFramework.System.Threading (assembly System.Threading): declarations only, for
// the host compile check of firmware/PerfusionGuard.Device (see ../README.md). Nothing here runs.
// nanoFramework's CancellationToken / CancellationTokenSource live in this package, not in
// mscorlib (nanoframework/CoreLibrary nanoFramework.CoreLibrary/System/Threading has neither), so
// they shadow the BCL's (CS0436, suppressed in this project only). Thread, AutoResetEvent,
// ManualResetEvent, WaitHandle and Timeout are mscorlib (CoreLibrary) and are taken from net10.0.
// Confirmed against nanoframework/System.Threading
//   nanoFramework.System.Threading/Threading/CancellationTokenSource.cs (commit 2ba518553182959cc63839260c592fd31f5817df; first 16,000 characters read)
// CancellationToken.cs was not read: IsCancellationRequested is confirmed by its use in
// nanoframework/System.Net NetworkHelper.cs; the rest of the struct is not declared.
using System;

namespace System.Threading
{
    /// <summary>CancellationToken (struct; `default` is a token that is never cancelled).</summary>
    public readonly struct CancellationToken
    {
        /// <summary>bool IsCancellationRequested { get; } — confirmed by use.</summary>
        public bool IsCancellationRequested { get { throw new NotSupportedException(); } }
    }

    /// <summary>CancellationTokenSource.cs.</summary>
    public class CancellationTokenSource : IDisposable
    {
        /// <summary>CancellationTokenSource() — confirmed.</summary>
        public CancellationTokenSource() { throw new NotSupportedException(); }

        /// <summary>CancellationTokenSource(int millisecondsDelay) — confirmed (a Timer cancels it).</summary>
        public CancellationTokenSource(int millisecondsDelay) { throw new NotSupportedException(); }

        /// <summary>CancellationTokenSource(TimeSpan delay) — confirmed.</summary>
        public CancellationTokenSource(TimeSpan delay) { throw new NotSupportedException(); }

        /// <summary>bool IsCancellationRequested { get; } — confirmed.</summary>
        public bool IsCancellationRequested { get { throw new NotSupportedException(); } }

        /// <summary>CancellationToken Token { get; } — confirmed.</summary>
        public CancellationToken Token { get { throw new NotSupportedException(); } }

        /// <summary>void Cancel() — confirmed.</summary>
        public void Cancel() { throw new NotSupportedException(); }

        /// <summary>void Cancel(bool throwOnFirstException) — confirmed.</summary>
        public void Cancel(bool throwOnFirstException) { throw new NotSupportedException(); }

        /// <summary>void CancelAfter(int millisecondsDelay) — confirmed.</summary>
        public void CancelAfter(int millisecondsDelay) { throw new NotSupportedException(); }

        /// <summary>void CancelAfter(TimeSpan delay) — confirmed.</summary>
        public void CancelAfter(TimeSpan delay) { throw new NotSupportedException(); }

        /// <summary>void Dispose() — named in the class remarks ("All members ... except Dispose()"); its declaration was past the part read.</summary>
        public void Dispose() { throw new NotSupportedException(); }
    }
}
