using System.Reflection;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("PerfusionGuard portable core tests on nanoCLR or a board")]
[assembly: AssemblyProduct("PerfusionGuard")]
[assembly: AssemblyVersion("0.1.0.0")]
