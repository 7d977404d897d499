using System.Reflection;

[assembly: AssemblyTitle("PerfusionGuard.Core")]
[assembly: AssemblyDescription("PerfusionGuard portable firmware core, nanoFramework build")]
[assembly: AssemblyProduct("PerfusionGuard")]
[assembly: AssemblyVersion("0.1.0.0")]
