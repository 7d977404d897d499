namespace PerfusionGuard.Shell
{
    /// <summary>
    /// Culture-free number parsing for console arguments: nanoFramework has no CultureInfo, and a
    /// host with a decimal comma must not read "12.5" differently (NANO-PLATFORM.md).
    /// </summary>
    public static class ShellNumbers
    {
        /// <summary>Parses an optionally signed whole number within [min, max]; false otherwise.</summary>
        public static bool TryParseInteger(string text, long min, long max, out long value)
        {
            value = 0;
            if (text == null || text.Length == 0 || text.Length > 18)
            {
                return false;
            }

            int i = 0;
            bool negative = false;
            if (text[0] == '-' || text[0] == '+')
            {
                negative = text[0] == '-';
                i = 1;
                if (text.Length == 1)
                {
                    return false;
                }
            }

            long result = 0;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return false;
                }

                result = result * 10 + (c - '0');
            }

            if (negative)
            {
                result = -result;
            }

            if (result < min || result > max)
            {
                return false;
            }

            value = result;
            return true;
        }

        /// <summary>Parses "-12", "12.5", "+0.25" (at most 15 digits, no exponent) within [min, max]; false otherwise.</summary>
        public static bool TryParseDecimal(string text, double min, double max, out double value)
        {
            value = 0;
            if (text == null || text.Length == 0 || text.Length > 16)
            {
                return false;
            }

            int i = 0;
            bool negative = false;
            if (text[0] == '-' || text[0] == '+')
            {
                negative = text[0] == '-';
                i = 1;
            }

            long mantissa = 0;
            long divisor = 1;
            bool seenPoint = false;
            int digits = 0;
            for (; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '.' && !seenPoint)
                {
                    seenPoint = true;
                    continue;
                }

                if (c < '0' || c > '9')
                {
                    return false;
                }

                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (seenPoint)
                {
                    divisor *= 10;
                }
            }

            if (digits == 0)
            {
                return false;
            }

            double result = (double)mantissa / divisor;
            if (negative)
            {
                result = -result;
            }

            if (result < min || result > max)
            {
                return false;
            }

            value = result;
            return true;
        }
    }
}
