using System.Threading;
using PerfusionGuard.Safety;

namespace PerfusionGuard.Shell.Bridge
{
    /// <summary>
    /// The one slot through which the console thread hands a request to the safety thread and gets
    /// the outcome back (SAF-BRD-017, SAF-CON-012). Its state is one int moved only with
    /// Interlocked.CompareExchange / Exchange (nanoFramework has both for int; no lock, no
    /// Monitor.Wait): Free → Writing (console fills the arguments) → Posted → Taken (safety thread
    /// carries it out) → Done (console reads the outcome) → Free. The arguments and the outcome are
    /// plain fields ordered by those transitions, so a long or a double is never read half written
    /// (they are not atomic on a 32-bit MCU). The safety thread never waits: <see cref="TryTake"/>
    /// and <see cref="Complete"/> either move the state or return. A console that stops waiting
    /// withdraws a request not yet taken (it is then never carried out) or abandons one being
    /// carried out (the safety thread frees the slot when it is done; the next request waits for it).
    /// Allocates nothing.
    /// </summary>
    public sealed class ConsoleMailbox
    {
        private const int Free = 0;
        private const int Writing = 1;
        private const int Posted = 2;
        private const int Taken = 3;
        private const int Done = 4;
        private const int Abandoned = 5;

        private int _state;
        private int _carriedOut;
        private int _withdrawn;
        private int _abandoned;

        /// <summary>The request (valid from Writing to Done).</summary>
        public ConsoleRequestKind Kind;
        /// <summary>Rule index, channel id, setting index or circuit, by <see cref="Kind"/>.</summary>
        public int Target;
        /// <summary>Whole-number argument (a setting's value).</summary>
        public int Number;
        /// <summary>Duration argument in microseconds (an override).</summary>
        public long Micros;
        /// <summary>Decimal argument (a span reference in mmHg).</summary>
        public double Value;
        /// <summary>Who asked (always the local console here, SAF-CON-008).</summary>
        public CommandSource Source;

        /// <summary>Outcome: the component accepted the request.</summary>
        public bool Ok;
        /// <summary>Outcome: the component's reason when it did not (may be null).</summary>
        public string Reason;
        /// <summary>Outcome: why the request was not carried out at all.</summary>
        public ConsoleRefusal Refusal;

        /// <summary>Requests the safety thread has carried out.</summary>
        public int CarriedOut => Interlocked.CompareExchange(ref _carriedOut, 0, 0);

        /// <summary>Requests withdrawn before the safety thread took them (never carried out).</summary>
        public int Withdrawn => Interlocked.CompareExchange(ref _withdrawn, 0, 0);

        /// <summary>Requests the console stopped waiting for while they were being carried out.</summary>
        public int AbandonedCount => Interlocked.CompareExchange(ref _abandoned, 0, 0);

        /// <summary>True when nothing is pending: a request can be posted.</summary>
        public bool IsFree => Interlocked.CompareExchange(ref _state, Free, Free) == Free;

        /// <summary>True when a posted request waits for the safety thread.</summary>
        public bool IsPending
        {
            get
            {
                int state = Interlocked.CompareExchange(ref _state, Free, Free);
                return state == Posted || state == Taken;
            }
        }

        /// <summary>True when the outcome of the posted request is ready.</summary>
        public bool IsDone => Interlocked.CompareExchange(ref _state, Done, Done) == Done;

        /// <summary>Console: claims the slot to fill in a request; false while another one is pending or being carried out.</summary>
        public bool TryBegin(ConsoleRequestKind kind)
        {
            if (Interlocked.CompareExchange(ref _state, Writing, Free) != Free)
            {
                return false;
            }

            Kind = kind;
            Target = -1;
            Number = 0;
            Micros = 0;
            Value = 0.0;
            Source = CommandSource.LocalConsole;
            Ok = false;
            Reason = null;
            Refusal = ConsoleRefusal.None;
            return true;
        }

        /// <summary>Console: hands the filled-in request to the safety thread.</summary>
        public void Post()
        {
            Interlocked.Exchange(ref _state, Posted);
        }

        /// <summary>Console: after reading the outcome of a done request, frees the slot.</summary>
        public void Release()
        {
            Interlocked.CompareExchange(ref _state, Free, Done);
        }

        /// <summary>
        /// Console: stops waiting. Returns <see cref="ConsoleWithdrawal.NotCarriedOut"/> when the
        /// request had not been taken (it never will be), <see cref="ConsoleWithdrawal.StillRunning"/>
        /// when the safety thread is carrying it out (it frees the slot itself), or
        /// <see cref="ConsoleWithdrawal.Completed"/> when it finished meanwhile (read the outcome, then Release).
        /// </summary>
        public ConsoleWithdrawal Withdraw()
        {
            if (Interlocked.CompareExchange(ref _state, Free, Posted) == Posted)
            {
                Interlocked.Increment(ref _withdrawn);
                return ConsoleWithdrawal.NotCarriedOut;
            }

            if (Interlocked.CompareExchange(ref _state, Abandoned, Taken) == Taken)
            {
                Interlocked.Increment(ref _abandoned);
                return ConsoleWithdrawal.StillRunning;
            }

            return IsDone ? ConsoleWithdrawal.Completed : ConsoleWithdrawal.NotCarriedOut;
        }

        /// <summary>Safety thread: takes the posted request, if any; false (at once) otherwise.</summary>
        public bool TryTake()
        {
            return Interlocked.CompareExchange(ref _state, Taken, Posted) == Posted;
        }

        /// <summary>Safety thread: publishes the outcome of the taken request (frees the slot when the console has gone).</summary>
        public void Complete()
        {
            Interlocked.Increment(ref _carriedOut);
            if (Interlocked.CompareExchange(ref _state, Done, Taken) != Taken)
            {
                // Abandoned: nobody reads this outcome; the slot is free for the next request.
                Interlocked.Exchange(ref _state, Free);
            }
        }
    }

    /// <summary>What became of a request the console stopped waiting for.</summary>
    public enum ConsoleWithdrawal
    {
        /// <summary>Withdrawn before the safety thread took it: nothing changed.</summary>
        NotCarriedOut = 0,
        /// <summary>The safety thread is carrying it out; its outcome will not be reported.</summary>
        StillRunning = 1,
        /// <summary>It finished after all: the outcome is there.</summary>
        Completed = 2,
    }
}
