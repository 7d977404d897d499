using System.Collections;
using nanoFramework.TestFramework;
using PerfusionGuard.Text;

namespace PerfusionGuard.OnTarget
{
    /// <summary>
    /// The JSON reader on the target runtime: number reading and error positions must not depend
    /// on the runtime's double formatting or string support. One source for both runners: xunit on
    /// the host (through its TestFramework shim), nanoFramework.TestFramework on nanoCLR or a board.
    /// Written in the nanoFramework subset; methods are static (TestFramework calls them without an instance).
    /// </summary>
    [TestClass]
    public class JsonReaderOnTargetTests
    {
        [TestMethod]
        public static void Board_style_document_parses_to_hashtable_arraylist_and_doubles()
        {
            object value;
            string error;
            bool ok = JsonReader.TryParse("{ \"pins\": [ { \"pin\": 36, \"zero\": 1392.3 } ], \"wifi\": true }", out value, out error);
            Assert.IsTrue(ok, error);
            Hashtable root = (Hashtable)value;
            ArrayList pins = (ArrayList)root["pins"];
            Hashtable pin = (Hashtable)pins[0];
            Assert.AreEqual(36.0, (double)pin["pin"]);
            Assert.AreEqual("1392.30", ((double)pin["zero"]).ToString("F2"));
            Assert.IsTrue((bool)root["wifi"]);
        }

        [TestMethod]
        public static void A_missing_comma_is_reported_with_line_and_column()
        {
            object value;
            string error;
            bool ok = JsonReader.TryParse("{\n  \"a\": 1\n  \"b\": 2\n}", out value, out error);
            Assert.IsFalse(ok);
            Assert.IsNull(value);
            Assert.AreEqual("line 3, column 3: expected ',' or '}' after member \"a\", found '\"'", error);
        }
    }
}
