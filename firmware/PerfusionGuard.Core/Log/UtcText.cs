namespace PerfusionGuard.Log
{
    /// <summary>
    /// ISO 8601 text of UTC milliseconds since the Unix epoch, computed by arithmetic (civil date from
    /// day count, H. Hinnant's "days_from_civil" inverse) rather than DateTime formatting, whose
    /// custom formats differ on nanoFramework. Off the safety path (allocates the string).
    /// </summary>
    public static class UtcText
    {
        /// <summary>"2026-11-21T12:34:56.789Z" for <paramref name="utcMillis"/>; "" when 0 (time unknown).</summary>
        public static string Format(long utcMillis)
        {
            if (utcMillis <= 0)
            {
                return "";
            }

            long days = utcMillis / 86400000;
            long msOfDay = utcMillis % 86400000;

            // civil_from_days (Hinnant), valid for the proleptic Gregorian calendar.
            long z = days + 719468;
            long era = z / 146097;
            long doe = z - era * 146097;
            long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
            long year = yoe + era * 400;
            long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
            long mp = (5 * doy + 2) / 153;
            long day = doy - (153 * mp + 2) / 5 + 1;
            long month = mp < 10 ? mp + 3 : mp - 9;
            if (month <= 2)
            {
                year++;
            }

            long hour = msOfDay / 3600000;
            long minute = msOfDay / 60000 % 60;
            long second = msOfDay / 1000 % 60;
            long millis = msOfDay % 1000;
            return year.ToString("D4") + "-" + month.ToString("D2") + "-" + day.ToString("D2") + "T"
                + hour.ToString("D2") + ":" + minute.ToString("D2") + ":" + second.ToString("D2") + "." + millis.ToString("D3") + "Z";
        }
    }
}
