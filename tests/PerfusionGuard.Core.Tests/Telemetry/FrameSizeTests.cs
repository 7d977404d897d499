using System;
using System.Text;
using System.Text.Json;
using PerfusionGuard.Channels;
using PerfusionGuard.Profiles;
using PerfusionGuard.Safety;
using PerfusionGuard.Telemetry;
using PerfusionGuard.Text;
using PerfusionGuard.Units;
using Xunit;

namespace PerfusionGuard.Tests.Telemetry
{
    /// <summary>
    /// The sampler's encode buffers are sized to the largest message a shipped profile can produce
    /// (TelemetrySampler.EncodeBufferBytes), not to a round number: every byte of them is heap on a
    /// module with about 100 KB for everything. These tests encode each profile's worst case.
    /// </summary>
    public class FrameSizeTests
    {
        private const SensorQuality AllFaults = (SensorQuality)0xFFFF;

        public static TheoryData<string> Profiles()
        {
            var data = new TheoryData<string>();
            foreach (CircuitProfile profile in ProfileCatalog.All())
            {
                data.Add(profile.Name);
            }

            return data;
        }

        [Theory]
        [MemberData(nameof(Profiles))]
        [Trait("Requirement", "SAF-TEL-004")]
        public void The_worst_case_data_frame_of_every_profile_fits_the_encode_buffer(string profileName)
        {
            Assert.True(ProfileCatalog.TryGet(profileName, out CircuitProfile profile));
            // Every field at its widest: 19-digit counters, negative values with decimals, every
            // quality a fault, a speed limit and a cause, the wall clock known.
            var session = new TelemetrySession(long.MaxValue, 0, new FixedUtcClock { UtcMillis = 9_999_999_999_999 });
            var supervisor = new InterlockSupervisor(profile, new SafetyEventRing(8));
            var encoder = new DataFrameEncoder(session, profile.Channels, supervisor);
            var inputs = new SafetyInputs();
            for (int c = 0; c < inputs.Pressures.Length; c++)
            {
                inputs.Pressures[c].Pressure = Pressure.FromMmHg(-1234.567);
                inputs.Pressures[c].Quality = AllFaults;
                inputs.Air[c].AirPresent = true;
                inputs.Air[c].LatchTripped = true;
                inputs.Air[c].MicrobubbleCount = long.MaxValue;
                inputs.Air[c].MicrobubblesPerMinute = int.MinValue;
                inputs.Air[c].Quality = AllFaults;
                inputs.Flows[c].Flow = Flow.FromLPerMin(-1234.567);
                inputs.Flows[c].Quality = AllFaults;
            }

            inputs.ReservoirLevel.HasVolume = true;
            inputs.ReservoirLevel.Volume = Volume.FromMl(-12345.678);
            inputs.ReservoirLevel.State = LevelState.Low;
            inputs.ReservoirLevel.Quality = AllFaults;
            var decision = new SafetyDecision(SafetyAction.LatchedStop, profile.Rules.Length - 1, 0.123456, true);
            var writer = new JsonByteWriter(TelemetrySampler.EncodeBufferBytes);

            encoder.Encode(writer, long.MaxValue / 2, inputs, decision, long.MaxValue, long.MaxValue);

            Assert.False(writer.Overflowed, profileName + ": worst-case data frame overflows " + TelemetrySampler.EncodeBufferBytes + " B");
            // Margin for a later field: a worst-case frame uses at most three quarters of the buffer.
            Assert.True(writer.Length <= TelemetrySampler.EncodeBufferBytes * 3 / 4,
                profileName + ": worst-case data frame is " + writer.Length + " B of " + TelemetrySampler.EncodeBufferBytes);
            JsonDocument.Parse(Encoding.ASCII.GetString(writer.Buffer, 0, writer.Length));
        }

        [Theory]
        [MemberData(nameof(Profiles))]
        public void Every_alarm_message_of_every_profile_fits_the_encode_buffer(string profileName)
        {
            Assert.True(ProfileCatalog.TryGet(profileName, out CircuitProfile profile));
            var session = new TelemetrySession(long.MaxValue, 0, new FixedUtcClock { UtcMillis = 9_999_999_999_999 });
            var encoder = new AlarmMessageEncoder(session);
            var writer = new JsonByteWriter(TelemetrySampler.EncodeBufferBytes);
            foreach (ConditionRule rule in profile.Rules)
            {
                encoder.Encode(writer, long.MaxValue / 2, long.MaxValue / 4, rule.AlarmId, "active_acknowledged", "active_acknowledged",
                    "escalated_after_persistence", PerfusionGuard.Alarms.AlarmPriority.High, true, rule.Message, SafetyAction.LatchedStop, "local_console");
                Assert.False(writer.Overflowed, rule.AlarmId + " overflows");
                Assert.True(writer.Length <= TelemetrySampler.EncodeBufferBytes * 3 / 4, rule.AlarmId + ": " + writer.Length + " B");
            }
        }

        [Fact]
        public void A_frame_too_large_for_the_buffer_is_refused_whole_and_counted_not_sent_truncated()
        {
            var writer = new JsonByteWriter(64);
            var session = new TelemetrySession(1, 0, null);
            var encoder = new DataFrameEncoder(session, TelemetryFixtures.AdultCpbChannels, null);
            encoder.Encode(writer, 1000, TelemetryFixtures.TypicalInputs(), default, 0, 0);
            Assert.True(writer.Overflowed);
        }
    }
}
