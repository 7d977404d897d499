using System.Collections.Generic;
using PerfusionGuard.Boards;
using PerfusionGuard.Safety;
using PerfusionGuard.Shell;
using Xunit;

namespace PerfusionGuard.Tests.Boards
{
    public class InterlockMailboxTests
    {
        private sealed class RecordingInterlock : IInterlockControl
        {
            public readonly List<string> Calls = new();
            public bool HasResetInput => true;
            public bool ResetInputActive => false;
            public int FindRule(string alarmId) => alarmId == "AIR_ARTERIAL" ? 4 : -1;
            public bool TryOperatorReset(long nowMicros, CommandSource source) { Calls.Add($"reset {source} at {nowMicros}"); return true; }
            public bool TrySetOverride(int ruleIndex, long durationMicros, long nowMicros, CommandSource source) { Calls.Add($"override {ruleIndex} for {durationMicros} at {nowMicros}"); return true; }
            public bool TryClearOverride(int ruleIndex, long nowMicros, CommandSource source) { Calls.Add($"clear {ruleIndex} at {nowMicros}"); return true; }
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-017")]
        public void A_console_reset_is_carried_out_by_the_safety_step_not_by_the_console_thread()
        {
            var target = new RecordingInterlock();
            var mailbox = new InterlockMailbox(target);
            Assert.True(mailbox.TryOperatorReset(1_000, CommandSource.LocalConsole));
            Assert.Empty(target.Calls);
            mailbox.Apply(10_000);
            Assert.Equal(new[] { "reset LocalConsole at 10000" }, target.Calls);
            mailbox.Apply(20_000);
            Assert.Single(target.Calls);
            Assert.Equal(1, mailbox.Applied);
        }

        [Fact]
        [Trait("Requirement", "SAF-BRD-017")]
        public void A_second_command_is_refused_while_one_is_pending_and_queries_go_straight_through()
        {
            var target = new RecordingInterlock();
            var mailbox = new InterlockMailbox(target);
            Assert.Equal(4, mailbox.FindRule("AIR_ARTERIAL"));
            Assert.True(mailbox.TrySetOverride(7, 60_000_000, 0, CommandSource.LocalConsole));
            Assert.False(mailbox.TryClearOverride(7, 0, CommandSource.LocalConsole));
            mailbox.Apply(10_000);
            Assert.True(mailbox.TryClearOverride(7, 0, CommandSource.LocalConsole));
            mailbox.Apply(20_000);
            Assert.Equal(new[] { "override 7 for 60000000 at 10000", "clear 7 at 20000" }, target.Calls);
        }
    }
}
