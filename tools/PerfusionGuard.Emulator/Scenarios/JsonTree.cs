using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace PerfusionGuard.Emulator.Scenarios
{
    /// <summary>The kind of a JSON value in a <see cref="JsonTree"/>.</summary>
    public enum JsonKind
    {
        /// <summary>{ ... }</summary>
        Object,
        /// <summary>[ ... ]</summary>
        Array,
        /// <summary>"..."</summary>
        String,
        /// <summary>A number.</summary>
        Number,
        /// <summary>true or false.</summary>
        Bool,
        /// <summary>null</summary>
        Null,
    }

    /// <summary>
    /// A JSON value that remembers the line it started on, so that every scenario error can name its
    /// line. System.Text.Json's DOM forgets positions; this tree is built from Utf8JsonReader with
    /// comments and trailing commas allowed (SCENARIOS.md).
    /// </summary>
    public sealed class JsonTree
    {
        /// <summary>What this value is.</summary>
        public JsonKind Kind;
        /// <summary>1-based line of the value's first character.</summary>
        public int Line;
        /// <summary>String value (Kind String).</summary>
        public string Text;
        /// <summary>Number value (Kind Number).</summary>
        public double Number;
        /// <summary>True when a number was written without fraction or exponent.</summary>
        public bool IsInteger;
        /// <summary>Bool value.</summary>
        public bool Bool;
        /// <summary>Members of an object in file order: name, line of the name, value.</summary>
        public readonly List<JsonMember> Members = new List<JsonMember>();
        /// <summary>Items of an array.</summary>
        public readonly List<JsonTree> Items = new List<JsonTree>();
        /// <summary>The source text of this value (for echoing an expectation into the result).</summary>
        public string Raw;

        /// <summary>Member by name, or null.</summary>
        public JsonTree Get(string name)
        {
            foreach (JsonMember member in Members)
            {
                if (member.Name == name)
                {
                    return member.Value;
                }
            }

            return null;
        }

        /// <summary>Human name of a kind for error messages.</summary>
        public static string Describe(JsonKind kind) => kind switch
        {
            JsonKind.Object => "an object",
            JsonKind.Array => "an array",
            JsonKind.String => "a string",
            JsonKind.Number => "a number",
            JsonKind.Bool => "true/false",
            _ => "null",
        };

        /// <summary>Parses <paramref name="utf8"/>; throws <see cref="JsonTreeException"/> with the line on malformed JSON.</summary>
        public static JsonTree Parse(byte[] utf8)
        {
            var lineStarts = new List<int> { 0 };
            for (int i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    lineStarts.Add(i + 1);
                }
            }

            var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
            var reader = new Utf8JsonReader(utf8, options);
            try
            {
                if (!reader.Read())
                {
                    throw new JsonTreeException(1, "the file is empty; a scenario is one JSON object");
                }

                JsonTree root = ReadValue(ref reader, utf8, lineStarts);
                if (reader.Read())
                {
                    throw new JsonTreeException(LineOf(lineStarts, (int)reader.TokenStartIndex), "unexpected content after the end of the scenario object");
                }

                return root;
            }
            catch (JsonException e)
            {
                int line = (int)(e.LineNumber ?? 0) + 1;
                string message = e.Message;
                int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
                if (cut > 0)
                {
                    message = message.Substring(0, cut);
                }

                throw new JsonTreeException(line, "malformed JSON: " + message.TrimEnd('.', ' '));
            }
        }

        private static JsonTree ReadValue(ref Utf8JsonReader reader, byte[] utf8, List<int> lineStarts)
        {
            int start = (int)reader.TokenStartIndex;
            var node = new JsonTree { Line = LineOf(lineStarts, start) };
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    node.Kind = JsonKind.Object;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        string name = reader.GetString();
                        int nameLine = LineOf(lineStarts, (int)reader.TokenStartIndex);
                        reader.Read();
                        node.Members.Add(new JsonMember(name, nameLine, ReadValue(ref reader, utf8, lineStarts)));
                    }

                    break;
                case JsonTokenType.StartArray:
                    node.Kind = JsonKind.Array;
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        node.Items.Add(ReadValue(ref reader, utf8, lineStarts));
                    }

                    break;
                case JsonTokenType.String:
                    node.Kind = JsonKind.String;
                    node.Text = reader.GetString();
                    break;
                case JsonTokenType.Number:
                    node.Kind = JsonKind.Number;
                    node.Number = reader.GetDouble();
                    node.IsInteger = reader.ValueSpan.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
                    break;
                case JsonTokenType.True:
                case JsonTokenType.False:
                    node.Kind = JsonKind.Bool;
                    node.Bool = reader.TokenType == JsonTokenType.True;
                    break;
                default:
                    node.Kind = JsonKind.Null;
                    break;
            }

            int end = (int)reader.BytesConsumed;
            node.Raw = Encoding.UTF8.GetString(utf8, start, Math.Max(0, end - start));
            return node;
        }

        private static int LineOf(List<int> lineStarts, int offset)
        {
            int index = lineStarts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }

    /// <summary>One member of a JSON object with the line of its name.</summary>
    public readonly struct JsonMember
    {
        /// <summary>Creates a member.</summary>
        public JsonMember(string name, int line, JsonTree value)
        {
            Name = name;
            Line = line;
            Value = value;
        }

        /// <summary>Member name.</summary>
        public string Name { get; }
        /// <summary>1-based line of the name.</summary>
        public int Line { get; }
        /// <summary>The value.</summary>
        public JsonTree Value { get; }
    }

    /// <summary>Malformed JSON at a line.</summary>
    public sealed class JsonTreeException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public JsonTreeException(int line, string message) : base(message)
        {
            Line = line;
        }

        /// <summary>1-based line.</summary>
        public int Line { get; }
    }
}
