using PerfusionGuard.Channels;
using PerfusionGuard.Log;
using PerfusionGuard.Profiles;
using PerfusionGuard.Units;

namespace PerfusionGuard.Shell
{
    /// <summary>cal show|zero|span|commit|revert. Changes need service level and a stopped pump (SAF-CON-004) and are logged with old and new value (SAF-CON-006).</summary>
    internal static class CalibrationCommands
    {
        /// <summary>Span references below this are too close to zero to give a usable slope.</summary>
        private const double MinSpanMmHg = 20.0;
        private const double MaxSpanMmHg = 1000.0;

        public static void Show(ShellContext c)
        {
            ICalibrationControl cal = RequireCalibration(c);
            IModuleStatus status = StatusCommands.RequireStatus(c);
            if (cal == null || status == null)
            {
                return;
            }

            ShellReply r = c.Reply;
            r.Flag("uncommitted", cal.HasUncommittedChanges, "yes (cal commit stores, cal revert discards)", "no");
            r.BeginList("channels", "pressure channels");
            CircuitProfile profile = status.Profile;
            for (int i = 0; profile != null && profile.Channels != null && i < profile.Channels.Length; i++)
            {
                ChannelId id = profile.Channels[i];
                CalibrationView view;
                if (!cal.IsCalibratable(id) || !cal.TryGetCalibration(id, out view))
                {
                    continue;
                }

                r.BeginItem();
                r.Cell("name", ChannelNames.NameOf(id), 20);
                r.QuantityCell("zero", view.ZeroCounts, "F1", "counts", 14);
                r.QuantityCell("span", view.SpanCountsPerMmHg, "F3", "counts/mmHg", 20);
                r.Flag("valid", view.Valid, "valid", "INVALID");
                r.EndItem();
            }

            r.EndList();
        }

        public static void Zero(ShellContext c)
        {
            ChannelId id;
            CalibrationView before;
            ICalibrationControl cal = Prepare(c, out id, out before);
            if (cal == null)
            {
                return;
            }

            string reason;
            if (!cal.TryZero(id, out reason))
            {
                c.Reply.Fail(ShellErrors.Failed, "zero of " + ChannelNames.NameOf(id) + " refused: " + reason);
                return;
            }

            Report(c, cal, id, before, "zero");
        }

        public static void Span(ShellContext c)
        {
            double referenceMmHg;
            if (!ShellNumbers.TryParseDecimal(c.Arg(1), MinSpanMmHg, MaxSpanMmHg, out referenceMmHg))
            {
                c.Reply.Fail(ShellErrors.Args, "MMHG must be a reference pressure from " + MinSpanMmHg.ToString("F0") + " to " + MaxSpanMmHg.ToString("F0") + " mmHg");
                return;
            }

            ChannelId id;
            CalibrationView before;
            ICalibrationControl cal = Prepare(c, out id, out before);
            if (cal == null)
            {
                return;
            }

            string reason;
            if (!cal.TrySpan(id, Pressure.FromMmHg(referenceMmHg), out reason))
            {
                c.Reply.Fail(ShellErrors.Failed, "span of " + ChannelNames.NameOf(id) + " refused: " + reason);
                return;
            }

            c.Reply.Quantity("reference", referenceMmHg, "F1", "mmHg");
            Report(c, cal, id, before, "span");
        }

        public static void Commit(ShellContext c)
        {
            ICalibrationControl cal = RequireCalibration(c);
            if (cal == null)
            {
                return;
            }

            if (!cal.HasUncommittedChanges)
            {
                c.Reply.Fail(ShellErrors.State, "nothing to commit: the working calibration is the stored one");
                return;
            }

            string reason;
            if (!cal.Commit(out reason))
            {
                c.Reply.Fail(ShellErrors.Failed, "calibration not stored: " + reason);
                return;
            }

            c.Log(EventKind.Calibration, -1, 0, 0, ShellLogCodes.CalibrationCommit);
            c.Reply.Text("calibration", "committed");
        }

        public static void Revert(ShellContext c)
        {
            ICalibrationControl cal = RequireCalibration(c);
            if (cal == null)
            {
                return;
            }

            if (!cal.HasUncommittedChanges)
            {
                c.Reply.Fail(ShellErrors.State, "nothing to revert: the working calibration is the stored one");
                return;
            }

            cal.Revert();
            c.Log(EventKind.Calibration, -1, 0, 0, ShellLogCodes.CalibrationRevert);
            c.Reply.Text("calibration", "reverted");
        }

        private static ICalibrationControl Prepare(ShellContext c, out ChannelId id, out CalibrationView before)
        {
            id = ChannelId.PArterial;
            before = default;
            ICalibrationControl cal = RequireCalibration(c);
            IModuleStatus status = StatusCommands.RequireStatus(c);
            if (cal == null || status == null || !StatusCommands.TryChannel(c, status, c.Arg(0), out id))
            {
                return null;
            }

            if (!cal.IsCalibratable(id))
            {
                c.Reply.Fail(ShellErrors.Args, ChannelNames.NameOf(id) + " is not calibrated from the console (pressure channels only)");
                return null;
            }

            cal.TryGetCalibration(id, out before);
            return cal;
        }

        private static void Report(ShellContext c, ICalibrationControl cal, ChannelId id, CalibrationView before, string what)
        {
            CalibrationView after;
            cal.TryGetCalibration(id, out after);
            string name = ChannelNames.NameOf(id);
            if (what == "zero")
            {
                c.Log(EventKind.Calibration, (int)id, Scaled(before.ZeroCounts, 10.0), Scaled(after.ZeroCounts, 10.0), ShellLogCodes.CalibrationZero);
            }
            else
            {
                c.Log(EventKind.Calibration, (int)id, Scaled(before.SpanCountsPerMmHg, 1000.0), Scaled(after.SpanCountsPerMmHg, 1000.0), ShellLogCodes.CalibrationSpan);
            }

            ShellReply r = c.Reply;
            r.Text("name", name);
            r.Quantity("zero_before", before.ZeroCounts, "F1", "counts");
            r.Quantity("zero", after.ZeroCounts, "F1", "counts");
            r.Quantity("span_before", before.SpanCountsPerMmHg, "F3", "counts/mmHg");
            r.Quantity("span", after.SpanCountsPerMmHg, "F3", "counts/mmHg");
            r.Message(what + " applied to " + name + "; cal commit stores it, cal revert discards it");
        }

        // Event records hold 32-bit integers (ShellLogCodes); out-of-range values saturate.
        private static int Scaled(double value, double scale)
        {
            double scaled = value * scale;
            if (double.IsNaN(scaled))
            {
                return 0;
            }

            if (scaled >= int.MaxValue)
            {
                return int.MaxValue;
            }

            if (scaled <= int.MinValue)
            {
                return int.MinValue;
            }

            return (int)(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
        }

        private static ICalibrationControl RequireCalibration(ShellContext c)
        {
            if (c.Services.Calibration == null)
            {
                c.Reply.Fail(ShellErrors.Unavailable, "no calibratable channel on this module");
            }

            return c.Services.Calibration;
        }
    }
}
