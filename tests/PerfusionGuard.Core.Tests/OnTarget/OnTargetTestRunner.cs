using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Xunit;
using TF = nanoFramework.TestFramework;

namespace PerfusionGuard.Tests.OnTarget
{
    /// <summary>
    /// Runs the shared on-target tests (tests/NFUnitTest/OnTarget, compiled into this assembly)
    /// under xunit, one theory case per [TestMethod], invoking each without an instance as
    /// nanoFramework.TestFramework does; [Setup] methods of the class run first, [Cleanup] after.
    /// </summary>
    public class OnTargetTestRunner
    {
        private static IEnumerable<Type> TestClasses() =>
            typeof(OnTargetTestRunner).Assembly.GetTypes().Where(t => t.GetCustomAttribute<TF.TestClassAttribute>() != null);

        private static IEnumerable<MethodInfo> Marked<T>(Type type) where T : Attribute =>
            type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.GetCustomAttribute<T>() != null);

        public static IEnumerable<object[]> Methods() =>
            TestClasses().SelectMany(t => Marked<TF.TestMethodAttribute>(t).Select(m => new object[] { t.Name + "." + m.Name }));

        [Theory]
        [MemberData(nameof(Methods))]
        public void Runs(string testName)
        {
            string[] parts = testName.Split('.');
            Type type = TestClasses().Single(t => t.Name == parts[0]);
            MethodInfo method = Marked<TF.TestMethodAttribute>(type).Single(m => m.Name == parts[1]);
            Assert.True(method.IsStatic, testName + " must be static: nanoFramework.TestFramework calls test methods without an instance");
            try
            {
                foreach (MethodInfo setup in Marked<TF.SetupAttribute>(type))
                {
                    setup.Invoke(null, null);
                }

                method.Invoke(null, null);
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            }
            finally
            {
                foreach (MethodInfo cleanup in Marked<TF.CleanupAttribute>(type))
                {
                    cleanup.Invoke(null, null);
                }
            }
        }

        [Fact]
        public void The_shared_on_target_tests_are_compiled_in_and_all_static()
        {
            var methods = TestClasses().SelectMany(t => Marked<TF.TestMethodAttribute>(t)).ToList();
            Assert.True(methods.Count >= 7, "found only " + methods.Count + " on-target test methods");
            Assert.All(methods, m => Assert.True(m.IsStatic, m.DeclaringType!.Name + "." + m.Name + " is not static"));
        }
    }
}
