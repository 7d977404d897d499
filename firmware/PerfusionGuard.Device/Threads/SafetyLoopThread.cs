using System;
using System.Threading;
using nanoFramework.Runtime.Native;
using PerfusionGuard.Boards;
using PerfusionGuard.Hal;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Device.Threads
{
    /// <summary>
    /// The one deterministic safety loop (DESIGN.md safety concept 2): a thread at
    /// ThreadPriority.Highest that runs the module's safety step (self-test, then
    /// <see cref="SafetyCycle.RunOnce"/>) on the board's fixed period and nothing else. It never
    /// waits on the network, the console or the log: those run on lower-priority threads behind
    /// bounded lock-free buffers that the cycle only writes into (SAF-CYC-005). It takes no lock they
    /// can hold either: once it runs, the outputs are written by this thread only, and other threads
    /// ask it to drive them safe through <see cref="RequestFailSafeStop"/> (nanoFramework's
    /// GpioPin.Write takes the pin's lock). Each cycle runs under an ExecutionConstraint of two periods: a cycle that hangs
    /// (for example stuck in a driver) throws ConstraintException, the loop drops every
    /// energize-to-run output and stops, and the external watchdog, no longer fed, resets the board.
    /// Honest limits: Thread.Sleep has 10 ms granularity on ESP32 (NANO-PLATFORM.md), so with the
    /// 10 ms period the loop mostly runs back to back after a yield; managed threads are
    /// time-sliced (20 ms quantum) and GC is stop-the-world, so a cycle can start late. The
    /// hardware air latch does not depend on any of this. API: nanoframework/nanoFramework.Runtime.Native
    /// ExecutionConstraint.cs, Install(int timeoutMilliseconds, int priority), ConstraintException.
    /// </summary>
    public sealed class SafetyLoopThread
    {
        private readonly PollStep _step;
        private readonly IMicrosClock _clock;
        private readonly CyclePacer _pacer;
        private readonly FailSafeOutputs _failSafe;
        private readonly int _constraintMillis;
        private Thread _thread;
        private int _failSafeStopRequested;
        private int _stopped;

        /// <summary>A loop running <paramref name="step"/> every <paramref name="periodMicros"/>.</summary>
        public SafetyLoopThread(PollStep step, IMicrosClock clock, long periodMicros, FailSafeOutputs failSafe)
        {
            _step = step;
            _clock = clock;
            _pacer = new CyclePacer(periodMicros);
            _failSafe = failSafe;
            long twoPeriodsMillis = (2 * periodMicros) / 1000;
            _constraintMillis = twoPeriodsMillis < 20 ? 20 : (int)twoPeriodsMillis;
        }

        /// <summary>Overruns seen by the pacer (cycles that ended after the next deadline).</summary>
        public long Overruns => _pacer.Overruns;

        /// <summary>Longest cycle, deadline to end, in microseconds.</summary>
        public long LongestCycleMicros => _pacer.LongestCycleMicros;

        /// <summary>
        /// True once the loop stopped (a hung or failed cycle, or <see cref="RequestFailSafeStop"/>)
        /// and drove every output safe; the board then waits for the watchdog reset or a reboot.
        /// </summary>
        public bool Stopped => Interlocked.CompareExchange(ref _stopped, 0, 0) == 1;

        /// <summary>
        /// Any thread: asks the loop to drive every output safe and stop at the start of its next
        /// cycle (a reboot, a start-up failure after the loop started). Only the safety thread writes
        /// the outputs once it runs: nanoFramework's GpioPin.Write takes the pin's own lock, which
        /// another thread must not hold while the safety loop needs it (SAF-CYC-005).
        /// </summary>
        public void RequestFailSafeStop()
        {
            Interlocked.Exchange(ref _failSafeStopRequested, 1);
        }

        /// <summary>Starts the loop thread at the highest priority.</summary>
        public void Start()
        {
            _thread = new Thread(Run);
            _thread.Priority = ThreadPriority.Highest;
            _thread.Start();
        }

        private void Run()
        {
            while (true)
            {
                if (Interlocked.CompareExchange(ref _failSafeStopRequested, 0, 0) == 1)
                {
                    StopFailSafe();
                    return;
                }

                long startMicros = _clock.NowMicros;
                _pacer.CycleStarted(startMicros);
                try
                {
                    ExecutionConstraint.Install(_constraintMillis, 0);
                    _step(startMicros);
                    ExecutionConstraint.Install(-1, 0);
                }
                catch (Exception)
                {
                    // ConstraintException (hung cycle) or a defect: fail safe and stop feeding the
                    // watchdog, whose reset brings the board back through its start-up self-test.
                    StopFailSafe();
                    return;
                }

                long waitMicros = _pacer.CycleEnded(_clock.NowMicros);
                // Sleep(0) still yields, so the lower-priority threads get the processor between cycles.
                Thread.Sleep((int)(waitMicros / 1000));
            }
        }

        private void StopFailSafe()
        {
            try
            {
                ExecutionConstraint.Install(-1, 0);
            }
            catch (Exception)
            {
                // No constraint was installed: nothing to remove.
            }

            _failSafe.StopEverything();
            Interlocked.Exchange(ref _stopped, 1);
        }
    }
}
