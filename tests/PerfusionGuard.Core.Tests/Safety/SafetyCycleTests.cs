using System;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Tests.Fakes;
using Xunit;

namespace PerfusionGuard.Tests.Safety
{
    /// <summary>An adult-cpb module wired with fakes: channels, enable line with readback, pump status, speed-limit and clamp outputs, watchdog.</summary>
    public sealed class CycleRig
    {
        public readonly FakeChannel PArterial = new FakeChannel(ChannelId.PArterial) { PressureMmHg = 200 };
        public readonly FakeChannel PVenous = new FakeChannel(ChannelId.PVenous) { PressureMmHg = -30 };
        public readonly FakeChannel PPostOxy = new FakeChannel(ChannelId.PPostOxygenator) { PressureMmHg = 140 };
        public readonly FakeChannel Bubble = new FakeChannel(ChannelId.BubbleArterial);
        public readonly FakeChannel Level = new FakeChannel(ChannelId.LevelReservoir);
        public readonly FakeChannel Flow = new FakeChannel(ChannelId.FlowArterial) { FlowLPerMin = 4.5 };
        public readonly FakeEnableLine Enable = new FakeEnableLine();
        public readonly FakeDigitalInput PumpRunning = new FakeDigitalInput(true);
        public readonly FakeAnalogOutput SpeedLimit = new FakeAnalogOutput();
        public readonly FakeDigitalOutput ClampOpen = new FakeDigitalOutput();
        public readonly FakeWatchdog Watchdog = new FakeWatchdog();
        public readonly RecordingObserver Observer;
        public readonly SafetyCycle Cycle;
        public long Now = 5_000_000;

        public CycleRig(CircuitKind kind = CircuitKind.AdultCpb)
        {
            Observer = new RecordingObserver(Watchdog);
            var supervisor = new InterlockSupervisor(ProfileCatalog.Get(kind), new SafetyEventRing(256));
            Cycle = new SafetyCycle(
                new IChannel[] { PArterial, PVenous, PPostOxy, Bubble, Level, Flow },
                supervisor, new PumpInterlock(Enable, Enable), PumpRunning, null, SpeedLimit, ClampOpen, Watchdog,
                new ICycleObserver[] { Observer }, SafetyCycle.DevicePeriodMicros);
            Cycle.SelfTestPassed = true;
        }

        public SafetyDecision Tick()
        {
            Now += 10_000;
            return Cycle.RunOnce(Now);
        }

        public SafetyDecision Run(long micros)
        {
            long end = Now + micros;
            SafetyDecision d = default;
            while (Now < end)
            {
                d = Tick();
            }

            return d;
        }
    }

    public class SafetyCycleTests
    {
        [Fact]
        [Trait("Requirement", "SAF-CYC-001")]
        public void One_cycle_samples_every_channel_decides_drives_outputs_informs_observers_then_feeds_the_watchdog()
        {
            var rig = new CycleRig();

            SafetyDecision decision = rig.Tick();

            Assert.True(decision.PumpEnable);
            Assert.All(new[] { rig.PArterial, rig.PVenous, rig.PPostOxy, rig.Bubble, rig.Level, rig.Flow }, ch => Assert.Equal(1, ch.Samples));
            Assert.True(rig.Enable.Driven);
            Assert.Equal(1.0, rig.SpeedLimit.Fraction);
            Assert.True(rig.ClampOpen.Level);
            Assert.Equal(1, rig.Observer.Calls);
            Assert.Equal(0, rig.Observer.WatchdogFeedsSeen); // observers run before the feed
            Assert.Equal(1, rig.Watchdog.FeedCount);
            Assert.Equal(1, rig.Cycle.CycleCount);
            Assert.True(rig.Cycle.Inputs.ArterialPumpRunning); // no separate arterial status: the guarded pump is the arterial pump
        }

        [Fact]
        [Trait("Requirement", "SAF-CYC-001")]
        public void A_cycle_that_throws_does_not_feed_the_watchdog()
        {
            var supervisor = new InterlockSupervisor(ProfileCatalog.Get(CircuitKind.AdultCpb), new SafetyEventRing(16));
            var line = new FakeEnableLine();
            var watchdog = new FakeWatchdog();
            var cycle = new SafetyCycle(new IChannel[] { new ThrowingChannel() }, supervisor, new PumpInterlock(line, line),
                new FakeDigitalInput(true), null, null, null, watchdog, null, 10_000);

            Assert.Throws<InvalidOperationException>(() => cycle.RunOnce(10_000));

            Assert.Equal(0, watchdog.FeedCount);
            Assert.False(line.Driven);
        }

        private sealed class ThrowingChannel : IChannel
        {
            public ChannelId Id => ChannelId.PArterial;

            public void Sample(long nowMicros, SafetyInputs inputs) => throw new InvalidOperationException("ADC hung");
        }

        [Fact]
        [Trait("Requirement", "SAF-CYC-002")]
        public void A_late_cycle_counts_an_overrun_raises_the_technical_alarm_and_skips_the_watchdog_feed()
        {
            var rig = new CycleRig();
            rig.Run(100_000);
            long feeds = rig.Watchdog.FeedCount;

            rig.Now += 16_000; // 16 ms after the previous start: more than 1.5 periods
            SafetyDecision decision = rig.Cycle.RunOnce(rig.Now);

            Assert.Equal(1, rig.Cycle.OverrunCount);
            Assert.Equal(feeds, rig.Watchdog.FeedCount);
            Assert.True(rig.Cycle.Inputs.CycleOverrun);
            Assert.Equal(SafetyAction.Alarm, decision.Action);
            Assert.Equal(rig.Cycle.Supervisor.FindRule("CYCLE_OVERRUN"), decision.CauseRuleIndex);

            rig.Tick();
            Assert.Equal(feeds + 1, rig.Watchdog.FeedCount);
            Assert.False(rig.Cycle.Inputs.CycleOverrun);
            Assert.Equal(16_000, rig.Cycle.MaxIntervalMicros);
        }

        [Fact]
        [Trait("Requirement", "SAF-CYC-002")]
        public void A_cycle_14ms_after_the_previous_is_jitter_not_an_overrun()
        {
            var rig = new CycleRig();
            rig.Tick();
            rig.Now += 4_000;
            rig.Tick();

            Assert.Equal(0, rig.Cycle.OverrunCount);
            Assert.Equal(2, rig.Watchdog.FeedCount);
        }

        [Fact]
        [Trait("Requirement", "SAF-CYC-004")]
        [Trait("Requirement", "SAF-AIR-001")]
        public void Air_at_the_detector_drops_the_enable_output_in_the_same_cycle()
        {
            var rig = new CycleRig();
            rig.Run(1_000_000);
            Assert.True(rig.Enable.Driven);

            rig.Bubble.AirPresent = true;
            rig.Bubble.LatchTripped = true;
            rig.Enable.LatchOpen = true; // the hardware latch already dropped the line (< 1 ms)
            SafetyDecision decision = rig.Tick();

            Assert.Equal(SafetyAction.LatchedStop, decision.Action);
            Assert.False(rig.Enable.Driven); // software path: commanded off in this very cycle
            Assert.Equal(0.0, rig.SpeedLimit.Fraction);
        }

        [Fact]
        [Trait("Requirement", "SAF-CYC-004")]
        [Trait("Requirement", "SAF-OUT-002")]
        public void A_welded_enable_relay_is_caught_through_the_readback_and_latches_a_stop()
        {
            var rig = new CycleRig();
            rig.Run(1_000_000);
            rig.Enable.StuckOn = true;
            rig.Level.Level = LevelState.Low; // a stop is commanded, the relay stays closed

            rig.Run(70_000);

            Assert.False(rig.Enable.Driven);
            Assert.Equal(SafetyAction.LatchedStop, rig.Cycle.Supervisor.LastDecision.Action);
            Assert.True(rig.Cycle.Supervisor.StatusAt(rig.Cycle.Supervisor.FindRule("PUMP_OUTPUT_MISMATCH")).Active);
        }

        [Fact]
        [Trait("Requirement", "SAF-OUT-003")]
        public void Speed_limit_output_follows_the_servo_and_is_zero_while_stopped()
        {
            var rig = new CycleRig();
            rig.PArterial.PressureMmHg = 300; // servo 250→350

            rig.Tick();
            Assert.Equal(0.5, rig.SpeedLimit.Fraction, 6);

            rig.Level.Level = LevelState.Low;
            rig.Tick();
            Assert.Equal(0.0, rig.SpeedLimit.Fraction);
        }

        [Fact]
        [Trait("Requirement", "SAF-OUT-003")]
        public void Clamp_output_is_energize_to_open_and_drops_when_a_rule_closes_the_clamp()
        {
            var rig = new CycleRig(CircuitKind.Ecmo);
            // The first cycle enables the pump; from the next, the running pump's outlet pressure
            // shows forward delivery and the start hold opens the clamp (SAF-BKF-004).
            rig.Tick();
            rig.Tick();
            Assert.True(rig.ClampOpen.Level);

            rig.Bubble.AirPresent = true;
            rig.Tick();
            Assert.False(rig.ClampOpen.Level);
        }

        [Fact]
        [Trait("Requirement", "SAF-SUP-008")]
        public void The_cycle_blocks_the_pump_until_the_self_test_flag_is_set()
        {
            var rig = new CycleRig();
            rig.Cycle.SelfTestPassed = false;

            Assert.False(rig.Tick().PumpEnable);
            Assert.False(rig.Enable.Driven);

            rig.Cycle.SelfTestPassed = true;
            Assert.True(rig.Tick().PumpEnable);
            Assert.True(rig.Enable.Driven);
        }

        [Fact]
        [Trait("Requirement", "SAF-XPM-001")]
        public void A_separate_arterial_pump_status_input_feeds_the_cross_pump_rules()
        {
            var supervisor = new InterlockSupervisor(ProfileCatalog.Get(CircuitKind.CardioplegiaAntegrade), new SafetyEventRing(64));
            var line = new FakeEnableLine();
            var arterial = new FakeDigitalInput(false);
            var cycle = new SafetyCycle(
                new IChannel[]
                {
                    new FakeChannel(ChannelId.PCardioplegia) { PressureMmHg = 150 }, new FakeChannel(ChannelId.BubbleCardioplegia),
                    new FakeChannel(ChannelId.FlowCardioplegia) { FlowLPerMin = 0.3 }, new FakeChannel(ChannelId.FlowArterial) { FlowLPerMin = 4.5 },
                },
                supervisor, new PumpInterlock(line, line), new FakeDigitalInput(true), arterial, null, null, new FakeWatchdog(), null, 10_000);
            cycle.SelfTestPassed = true;

            long now = 0;
            SafetyDecision decision = default;
            for (int i = 0; i < 60; i++)
            {
                now += 10_000;
                decision = cycle.RunOnce(now);
            }

            Assert.False(cycle.Inputs.ArterialPumpRunning);
            Assert.Equal(SafetyAction.LatchedStop, decision.Action);
        }

        [Fact]
        [Trait("Requirement", "SAF-CYC-001")]
        public void The_cycle_refuses_missing_parts_and_a_non_positive_period()
        {
            var supervisor = new InterlockSupervisor(ProfileCatalog.Get(CircuitKind.AdultCpb), new SafetyEventRing(16));
            var line = new FakeEnableLine();
            var interlock = new PumpInterlock(line, line);

            Assert.Throws<ArgumentException>(() => new SafetyCycle(new IChannel[0], supervisor, interlock, new FakeDigitalInput(), null, null, null, null, null, 10_000));
            Assert.Throws<ArgumentException>(() => new SafetyCycle(new IChannel[0], supervisor, interlock, new FakeDigitalInput(), null, null, null, new FakeWatchdog(), null, 0));
        }
    }
}
