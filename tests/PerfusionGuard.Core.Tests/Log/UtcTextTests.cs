using System;
using PerfusionGuard.Log;
using Xunit;

namespace PerfusionGuard.Tests.Log
{
    public class UtcTextTests
    {
        [Fact]
        [Trait("Requirement", "SAF-LOG-006")]
        public void Utc_text_matches_the_host_calendar_across_leap_years_and_centuries()
        {
            var random = new Random(11);
            for (int i = 0; i < 20_000; i++)
            {
                long ms = (long)(random.NextDouble() * 7_258_118_400_000L) + 1; // 1970 .. 2200
                string expected = DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'");
                Assert.Equal(expected, UtcText.Format(ms));
            }

            Assert.Equal("2000-02-29T23:59:59.999Z", UtcText.Format(951_868_799_999));
            Assert.Equal("", UtcText.Format(0));
        }
    }
}
