using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using PerfusionGuard.Emulator.Runner;
using PerfusionGuard.Profiles;

namespace PerfusionGuard.Emulator.Report
{
    /// <summary>
    /// A self-contained HTML report of one run: inline SVG plots over time of every pressure, the
    /// reservoir level, flow, pump speed and enable line, and air in the line, with pump stops, alarms
    /// and air events marked; then expectations, outcomes and the event list. No script, no CDN.
    /// </summary>
    public static class HtmlReport
    {
        private const int Width = 1000;
        private const int PlotHeight = 180;
        private const int Left = 60;
        private const int Right = 20;
        private const int MaxPoints = 1500;
        private static readonly string[] s_colors = { "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22" };

        /// <summary>Writes the report to <paramref name="path"/>.</summary>
        public static void WriteFile(RunResult result, string path)
        {
            string dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }

            File.WriteAllText(path, Render(result));
        }

        /// <summary>The report as HTML text.</summary>
        public static string Render(RunResult r)
        {
            var html = new StringBuilder();
            string title = "PerfusionGuard run: " + r.Scenario.Name;
            html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(title)).Append("</title><style>")
                .Append("body{font-family:system-ui,sans-serif;margin:20px;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:24px}")
                .Append("table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left}")
                .Append(".pass{color:#187a18;font-weight:bold}.fail{color:#b00;font-weight:bold}svg{background:#fafafa;border:1px solid #ddd}")
                .Append(".legend span{margin-right:14px;font-size:13px}</style></head><body>");
            html.Append("<h1>").Append(E(title)).Append("</h1><p>").Append(E(r.Scenario.Description)).Append("</p>");
            html.Append("<p>Circuit <b>").Append(E(CircuitNames.NameOf(r.Scenario.Circuit))).Append("</b>, seed ").Append(r.Seed)
                .Append(", ").Append(F(r.Scenario.DurationS, "0.###")).Append(" s simulated in ").Append(F(r.WallS, "F2")).Append(" s (")
                .Append(F(r.SpeedRatio, "F0")).Append("× real time). Firmware: ").Append(E(r.Firmware)).Append(". Result: <span class=\"")
                .Append(r.Passed ? "pass\">PASSED" : "fail\">FAILED").Append("</span></p>");

            if (r.Trace != null && r.Trace.Count > 1)
            {
                RunTrace t = r.Trace;
                var pressures = new List<int>();
                for (int i = 0; i < t.Names.Count; i++)
                {
                    if (t.Units[i] == "mmHg")
                    {
                        pressures.Add(i);
                    }
                }

                Plot(html, r, "Pressures (mmHg)", pressures);
                Plot(html, r, "Reservoir level (ml)", Find(t, "reservoir"));
                Plot(html, r, "Flow (L/min)", Find(t, "flow"));
                Plot(html, r, "Pump speed (rpm)", Find(t, "pump_rpm"));
                Plot(html, r, "Pump-enable line (1 = enabled)", Find(t, "pump_enable"));
                Plot(html, r, "Speed-limit output (fraction of the set speed)", Find(t, "speed_limit"));
                Plot(html, r, "Air between detector and patient (ml)", Find(t, "air_in_line"));
                html.Append("<p class=\"legend\"><span style=\"color:#b00\">│ pump stop</span><span style=\"color:#e08000\">│ alarm raised</span><span style=\"color:#06c\">│ air at detector</span></p>");
            }

            html.Append("<h2>Expectations</h2><table><tr><th>expectation</th><th>held</th><th>detail</th></tr>");
            foreach (ExpectationResult e in r.Expectations)
            {
                html.Append("<tr><td><code>").Append(E(e.Expectation.Raw)).Append("</code></td><td class=\"").Append(e.Held ? "pass\">yes" : "fail\">NO")
                    .Append("</td><td>").Append(E(e.Detail)).Append("</td></tr>");
            }

            html.Append("</table>");
            RunOutcomes o = r.Outcomes;
            html.Append("<h2>Outcomes</h2><table>");
            Row(html, "air to patient", F(o.AirToPatientMl, "0.####") + " ml");
            Row(html, "air past detector", F(o.AirPastDetectorMl, "0.####") + " ml");
            foreach (KeyValuePair<string, double> p in o.MaxPressureMmHg)
            {
                Row(html, "max " + p.Key, F(p.Value, "F1") + " mmHg");
            }

            Row(html, "min reservoir", double.IsNaN(o.MinReservoirMl) ? "no reservoir" : F(o.MinReservoirMl, "F1") + " ml");
            Row(html, "pump stops", o.PumpStops.ToString(CultureInfo.InvariantCulture));
            Row(html, "spurious stops", o.SpuriousStops.ToString(CultureInfo.InvariantCulture));
            Row(html, "longest stop latency", double.IsNaN(o.MaxStopLatencyMs) ? "-" : F(o.MaxStopLatencyMs, "0.###") + " ms");
            Row(html, "blood lost", F(o.BloodLostMl, "F1") + " ml");
            Row(html, "high-priority alarms", o.AlarmsHigh.ToString(CultureInfo.InvariantCulture));
            Row(html, "speed-limit changes / output reversals", o.SpeedLimitChanges.ToString(CultureInfo.InvariantCulture)
                + " / " + o.SpeedLimitReversals.ToString(CultureInfo.InvariantCulture));
            html.Append("</table><h2>Events</h2><table><tr><th>t (s)</th><th>kind</th><th>fields</th></tr>");
            foreach (RunEvent e in r.Events)
            {
                var fields = new List<string>();
                foreach (KeyValuePair<string, object> f in e.Fields)
                {
                    fields.Add(f.Key + "=" + e.FieldText(f.Key));
                }

                html.Append("<tr><td>").Append(F(e.TMs / 1000.0, "F4")).Append("</td><td>").Append(E(e.Kind)).Append("</td><td>")
                    .Append(E(string.Join(", ", fields))).Append("</td></tr>");
            }

            html.Append("</table></body></html>\n");
            return html.ToString();
        }

        private static List<int> Find(RunTrace t, string name)
        {
            var list = new List<int>();
            for (int i = 0; i < t.Names.Count; i++)
            {
                if (t.Names[i] == name)
                {
                    list.Add(i);
                }
            }

            return list;
        }

        private static void Plot(StringBuilder html, RunResult r, string title, List<int> series)
        {
            if (series.Count == 0)
            {
                return;
            }

            RunTrace t = r.Trace;
            int n = t.Count;
            double t0 = 0;
            double t1 = Math.Max(r.Scenario.DurationS, t.TimesS[n - 1]);
            double lo = double.PositiveInfinity;
            double hi = double.NegativeInfinity;
            foreach (int s in series)
            {
                for (int k = 0; k < n; k++)
                {
                    lo = Math.Min(lo, t.Values[s][k]);
                    hi = Math.Max(hi, t.Values[s][k]);
                }
            }

            if (hi - lo < 1e-9)
            {
                hi = lo + 1;
            }

            double pad = (hi - lo) * 0.05;
            lo -= pad;
            hi += pad;
            int plotW = Width - Left - Right;
            double X(double time) => Left + (time - t0) / (t1 - t0) * plotW;
            double Y(double v) => 10 + (hi - v) / (hi - lo) * PlotHeight;
            html.Append("<h2>").Append(E(title)).Append("</h2><svg width=\"").Append(Width).Append("\" height=\"").Append(PlotHeight + 40)
                .Append("\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(PlotHeight + 40).Append("\" xmlns=\"http://www.w3.org/2000/svg\">");
            for (int g = 0; g <= 4; g++)
            {
                double v = lo + (hi - lo) * g / 4;
                html.Append("<line x1=\"").Append(Left).Append("\" x2=\"").Append(Width - Right).Append("\" y1=\"").Append(F(Y(v), "F1")).Append("\" y2=\"").Append(F(Y(v), "F1"))
                    .Append("\" stroke=\"#e3e3e3\"/><text x=\"4\" y=\"").Append(F(Y(v) + 4, "F1")).Append("\" font-size=\"11\">").Append(F(v, Math.Abs(hi - lo) < 10 ? "F2" : "F0")).Append("</text>");
            }

            for (int g = 0; g <= 10; g++)
            {
                double time = t0 + (t1 - t0) * g / 10;
                html.Append("<text x=\"").Append(F(X(time) - 10, "F1")).Append("\" y=\"").Append(PlotHeight + 32).Append("\" font-size=\"11\">").Append(F(time, time >= 100 ? "F0" : "0.#")).Append(" s</text>");
            }

            foreach (RunEvent e in r.Events)
            {
                string color = e.Kind == "pump_stop" ? "#b00" : (e.Kind == "alarm" && e.FieldText("state") == "active" ? "#e08000" : (e.Kind == "air_at_detector" ? "#06c" : null));
                if (color != null)
                {
                    double x = X(e.TMs / 1000.0);
                    html.Append("<line x1=\"").Append(F(x, "F1")).Append("\" x2=\"").Append(F(x, "F1")).Append("\" y1=\"10\" y2=\"").Append(PlotHeight + 10)
                        .Append("\" stroke=\"").Append(color).Append("\" stroke-opacity=\"0.5\"><title>").Append(E(e.ToString())).Append("</title></line>");
                }
            }

            int bucket = Math.Max(1, (n + MaxPoints - 1) / MaxPoints);
            var legend = new StringBuilder("<p class=\"legend\">");
            for (int si = 0; si < series.Count; si++)
            {
                int s = series[si];
                string color = s_colors[si % s_colors.Length];
                var points = new StringBuilder();
                for (int k = 0; k < n; k += bucket)
                {
                    int end = Math.Min(n, k + bucket);
                    int kMin = k;
                    int kMax = k;
                    for (int j = k; j < end; j++)
                    {
                        if (t.Values[s][j] < t.Values[s][kMin]) kMin = j;
                        if (t.Values[s][j] > t.Values[s][kMax]) kMax = j;
                    }

                    int first = Math.Min(kMin, kMax);
                    int second = Math.Max(kMin, kMax);
                    points.Append(F(X(t.TimesS[first]), "F1")).Append(',').Append(F(Y(t.Values[s][first]), "F1")).Append(' ');
                    if (second != first)
                    {
                        points.Append(F(X(t.TimesS[second]), "F1")).Append(',').Append(F(Y(t.Values[s][second]), "F1")).Append(' ');
                    }
                }

                html.Append("<polyline fill=\"none\" stroke=\"").Append(color).Append("\" stroke-width=\"1.3\" points=\"").Append(points).Append("\"/>");
                legend.Append("<span style=\"color:").Append(color).Append("\">━ ").Append(E(t.Names[s])).Append(" (").Append(E(t.Units[s])).Append(")</span>");
            }

            html.Append("</svg>").Append(legend).Append("</p>");
        }

        private static void Row(StringBuilder html, string name, string value)
            => html.Append("<tr><td>").Append(E(name)).Append("</td><td>").Append(E(value)).Append("</td></tr>");

        private static string E(string s) => WebUtility.HtmlEncode(s ?? "");

        private static string F(double v, string format) => v.ToString(format, CultureInfo.InvariantCulture);
    }
}
