using System.Collections.Generic;
using System.Globalization;

namespace PerfusionGuard.Emulator.Runner
{
    /// <summary>One entry of the result's "events" (SCENARIOS.md): time, kind and kind-specific fields in a fixed order.</summary>
    public sealed class RunEvent
    {
        /// <summary>Creates an event at <paramref name="tMs"/> of <paramref name="kind"/>.</summary>
        public RunEvent(double tMs, string kind)
        {
            TMs = tMs;
            Kind = kind;
        }

        /// <summary>"t_ms".</summary>
        public double TMs { get; }

        /// <summary>"kind".</summary>
        public string Kind { get; }

        /// <summary>Further fields in writing order; values are string, double, long, bool or null.</summary>
        public List<KeyValuePair<string, object>> Fields { get; } = new List<KeyValuePair<string, object>>();

        /// <summary>Adds a field; returns this for chaining.</summary>
        public RunEvent With(string name, object value)
        {
            Fields.Add(new KeyValuePair<string, object>(name, value));
            return this;
        }

        /// <summary>The value of a field as text (for expectation filters); null when absent.</summary>
        public string FieldText(string name)
        {
            foreach (KeyValuePair<string, object> field in Fields)
            {
                if (field.Key == name)
                {
                    return field.Value switch
                    {
                        null => null,
                        string s => s,
                        double d => d.ToString("0.###", CultureInfo.InvariantCulture),
                        bool b => b ? "true" : "false",
                        _ => System.Convert.ToString(field.Value, CultureInfo.InvariantCulture),
                    };
                }
            }

            return null;
        }

        /// <summary>A field's numeric value, NaN when absent.</summary>
        public double FieldNumber(string name)
        {
            foreach (KeyValuePair<string, object> field in Fields)
            {
                if (field.Key == name && field.Value is double d)
                {
                    return d;
                }
            }

            return double.NaN;
        }

        /// <summary>One line for the human summary.</summary>
        public override string ToString()
        {
            var parts = new List<string> { (TMs / 1000.0).ToString("F3", CultureInfo.InvariantCulture) + " s", Kind };
            foreach (KeyValuePair<string, object> field in Fields)
            {
                parts.Add(field.Key + "=" + FieldText(field.Key));
            }

            return string.Join(" ", parts);
        }
    }
}
