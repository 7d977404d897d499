using System;
using System.Threading;
using PerfusionGuard.Hal;

namespace PerfusionGuard.Device.Threads
{
    /// <summary>
    /// A background job below the safety loop's priority: the console (reads the UART, runs the
    /// shell), the telemetry link (drains the bounded outbox to MQTT), the log writer (drains the
    /// event ring to flash). Each step takes what is waiting in its bounded buffer and returns; the
    /// safety loop only ever writes into those buffers, never waits for these threads. An exception
    /// in a step is counted and the job goes on: losing the console must not stop the module.
    /// </summary>
    public sealed class PollingThread
    {
        private readonly PollStep _step;
        private readonly IMicrosClock _clock;
        private readonly int _periodMillis;
        private readonly ThreadPriority _priority;
        private Thread _thread;

        /// <summary>Runs <paramref name="step"/> every <paramref name="periodMillis"/> at <paramref name="priority"/>.</summary>
        public PollingThread(PollStep step, IMicrosClock clock, int periodMillis, ThreadPriority priority)
        {
            _step = step;
            _clock = clock;
            _periodMillis = periodMillis;
            _priority = priority;
        }

        /// <summary>Steps that threw.</summary>
        public long Failures { get; private set; }

        /// <summary>Starts the thread.</summary>
        public void Start()
        {
            _thread = new Thread(Run);
            _thread.Priority = _priority;
            _thread.Start();
        }

        private void Run()
        {
            while (true)
            {
                try
                {
                    _step(_clock.NowMicros);
                }
                catch (Exception)
                {
                    Failures++;
                }

                Thread.Sleep(_periodMillis);
            }
        }
    }
}
