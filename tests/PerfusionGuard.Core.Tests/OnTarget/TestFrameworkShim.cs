using System;

// Host stand-ins for the nanoFramework.TestFramework types the shared on-target tests use
// (tests/NFUnitTest/OnTarget). Same names and shapes as the real package, so the same source
// compiles against either; OnTargetTestRunner runs every [TestMethod] under xunit.
namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class)]
    public sealed class TestClassAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class TestMethodAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class SetupAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class CleanupAttribute : Attribute { }

    /// <summary>Thrown by the shim's <see cref="Assert"/>; xunit reports it as the test's failure.</summary>
    public sealed class AssertFailedException : Exception
    {
        public AssertFailedException(string message) : base(message) { }
    }

    public static class Assert
    {
        private static void Check(bool ok, string what, string message)
        {
            if (!ok)
            {
                throw new AssertFailedException(what + (string.IsNullOrEmpty(message) ? "" : ": " + message));
            }
        }

        public static void AreEqual(int expected, int actual, string message = "") => Check(expected == actual, $"expected {expected}, got {actual}", message);
        public static void AreEqual(long expected, long actual, string message = "") => Check(expected == actual, $"expected {expected}, got {actual}", message);
        public static void AreEqual(double expected, double actual, string message = "") => Check(expected.Equals(actual), $"expected {expected:R}, got {actual:R}", message);
        public static void AreEqual(bool expected, bool actual, string message = "") => Check(expected == actual, $"expected {expected}, got {actual}", message);
        public static void AreEqual(string expected, string actual, string message = "") => Check(expected == actual, $"expected \"{expected}\", got \"{actual}\"", message);
        public static void AreEqual(object expected, object actual, string message = "") => Check(Equals(expected, actual), $"expected {expected}, got {actual}", message);
        public static void IsTrue(bool condition, string message = "") => Check(condition, "expected true", message);
        public static void IsFalse(bool condition, string message = "") => Check(!condition, "expected false", message);
        public static void IsNull(object value, string message = "") => Check(value == null, "expected null, got " + value, message);
        public static void IsNotNull(object value, string message = "") => Check(value != null, "expected a value, got null", message);

        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                Check(exceptionType.IsInstanceOfType(e), $"expected {exceptionType.Name}, got {e.GetType().Name}", message);
                return;
            }

            Check(false, $"expected {exceptionType.Name}, nothing was thrown", message);
        }
    }

    public static class OutputHelper
    {
        public static void WriteLine(string text) => Console.WriteLine(text);
    }
}
