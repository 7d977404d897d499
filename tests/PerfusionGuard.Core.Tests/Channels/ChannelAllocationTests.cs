using System;
using PerfusionGuard.Channels;
using PerfusionGuard.Safety;
using PerfusionGuard.Tests.Fakes;
using Xunit;

namespace PerfusionGuard.Tests.SensorChannels
{
    /// <summary>SAF-CHN-017: sampling allocates nothing (the safety cycle is allocation-free).</summary>
    public class ChannelAllocationTests
    {
        private static long AllocatedBytesOver(IChannel channel, Action<int> vary, int cycles = 10_000)
        {
            var inputs = new SafetyInputs();
            long now = 0;
            for (int i = 0; i < 200; i++)
            {
                vary(i);
                now += 10_000;
                channel.Sample(now, inputs);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < cycles; i++)
            {
                vary(i);
                now += 10_000;
                channel.Sample(now, inputs);
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-017")]
        public void Pressure_channel_sampling_allocates_nothing_over_10000_cycles()
        {
            // SAF-CHN-017: including cycles at the rails, noisy and out of range.
            var adc = new ScriptedAnalogInput(4095).WithTypicalAdcNoise();
            var channel = new PressureChannel(ChannelId.PArterial, adc, PressureChannelTests.TransducerCalibration(), PressureChannelConfig.Default(4095));
            Assert.Equal(0, AllocatedBytesOver(channel, i => adc.Counts = i % 500 == 0 ? 0 : 1000 + (i % 37) * 50));
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-017")]
        public void Air_channel_sampling_allocates_nothing_over_10000_cycles()
        {
            // SAF-CHN-017: air, latch, fault and microbubble ring all moving.
            var detector = new ScriptedDigitalInput(true);
            var latch = new ScriptedDigitalInput(true);
            var ready = new ScriptedDigitalInput(true);
            var counter = new ScriptedEdgeCounter();
            var channel = new AirDetectorChannel(ChannelId.BubbleArterial, detector, latch, counter, ready, AirDetectorConfig.Default());
            Assert.Equal(0, AllocatedBytesOver(channel, i =>
            {
                detector.High = i % 100 != 0;
                latch.High = i % 50 != 0;
                ready.High = i % 333 != 0;
                counter.Count += i % 7;
            }));
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-017")]
        public void Level_channels_sampling_allocates_nothing_over_10000_cycles()
        {
            // SAF-CHN-017
            var alert = new ScriptedDigitalInput(true);
            var low = new ScriptedDigitalInput(true);
            var pads = new ReservoirLevelChannel(alert, low, LevelSensorConfig.DefaultPads());
            Assert.Equal(0, AllocatedBytesOver(pads, i =>
            {
                alert.High = i % 40 < 20;
                low.High = i % 90 < 60;
            }));

            var adc = new ScriptedAnalogInput(4095).WithTypicalAdcNoise();
            var continuous = new ReservoirLevelChannel(adc, LevelSensorConfig.DefaultContinuous(4095));
            Assert.Equal(0, AllocatedBytesOver(continuous, i => adc.Counts = 300 + (i % 300) * 10));
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-017")]
        public void Flow_channel_sampling_allocates_nothing_over_10000_cycles()
        {
            // SAF-CHN-017
            var adc = new ScriptedAnalogInput(4095).WithTypicalAdcNoise();
            var channel = new FlowChannel(ChannelId.FlowArterial, adc, FlowChannelConfig.Default(4095));
            Assert.Equal(0, AllocatedBytesOver(channel, i => adc.Counts = i % 250 == 0 ? 4095 : 800 + (i % 91) * 20));
        }

        [Fact]
        [Trait("Requirement", "SAF-CHN-017")]
        public void Latch_step_allocates_nothing()
        {
            // SAF-CHN-017
            var circuit = new SimulatedAirLatchCircuit();
            var latch = new HardwareAirLatch(circuit.DetectorTest, circuit.LatchReset, circuit.SoftwareTrip, circuit.LatchReadback, AirDetectorConfig.Default());
            latch.Reset(0);
            latch.Step(1);
            long before = GC.GetAllocatedBytesForCurrentThread();
            bool any = false;
            for (long now = 0; now < 100_000_000; now += 10_000)
            {
                if (now % 1_000_000 == 0)
                {
                    latch.Reset(now);
                }

                latch.Step(now);
                any |= latch.IsTripped();
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.False(any);
        }
    }
}
