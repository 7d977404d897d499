using System;

namespace PerfusionGuard.Telemetry
{
    /// <summary>
    /// The topic strings of one node, <c>pg/v1/&lt;site&gt;/&lt;node&gt;/{state,meta,data,alarm,event,log}</c>,
    /// built once at start-up so that publishing never concatenates strings.
    /// </summary>
    public sealed class TelemetryTopics
    {
        /// <summary>Root of every PerfusionGuard topic; the version lets the payload schema change without breaking old readers.</summary>
        public const string Root = "pg/v1/";

        /// <summary>Number of topics per node.</summary>
        public const int Count = 6;

        private static readonly string[] s_leaves = { "state", "meta", "data", "alarm", "event", "log" };

        private readonly string[] _topics = new string[Count];

        /// <summary>Builds the topics of node <paramref name="node"/> at site <paramref name="site"/>.</summary>
        /// <exception cref="ArgumentException">A name is empty, too long, or holds a character MQTT reserves or that is not plain ASCII.</exception>
        public TelemetryTopics(string site, string node)
        {
            CheckLevel(site, "site");
            CheckLevel(node, "node");
            Site = site;
            Node = node;
            string prefix = Root + site + "/" + node + "/";
            for (int i = 0; i < Count; i++)
            {
                _topics[i] = prefix + s_leaves[i];
            }
        }

        /// <summary>The site level of the topics.</summary>
        public string Site { get; }

        /// <summary>The node level of the topics.</summary>
        public string Node { get; }

        /// <summary>The full topic of <paramref name="topic"/>.</summary>
        public string TopicOf(TelemetryTopic topic) => _topics[(int)topic];

        /// <summary>The leaf name ("state", "data"...) of <paramref name="topic"/>.</summary>
        public static string LeafOf(TelemetryTopic topic) => s_leaves[(int)topic];

        /// <summary>Looks a leaf name up; false when it is not one of the six.</summary>
        public static bool TryParseLeaf(string leaf, out TelemetryTopic topic)
        {
            for (int i = 0; i < s_leaves.Length; i++)
            {
                if (s_leaves[i] == leaf)
                {
                    topic = (TelemetryTopic)i;
                    return true;
                }
            }

            topic = TelemetryTopic.State;
            return false;
        }

        private static void CheckLevel(string name, string what)
        {
            if (name == null || name.Length == 0)
            {
                throw new ArgumentException("telemetry " + what + " name is empty; give a name such as 'or3' (letters, digits, '-', '_', '.')");
            }

            if (name.Length > 64)
            {
                throw new ArgumentException("telemetry " + what + " name '" + name + "' is longer than 64 characters");
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.';
                if (!allowed)
                {
                    // '/', '+' and '#' would change the topic tree or act as wildcards (MQTT 3.1.1 §4.7).
                    throw new ArgumentException("telemetry " + what + " name '" + name + "' has the character '" + c
                        + "' at " + i.ToString() + "; use only letters, digits, '-', '_' and '.'");
                }
            }
        }
    }
}
