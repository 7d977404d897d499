using System.Reflection;

[assembly: AssemblyTitle("PerfusionGuard.Device")]
[assembly: AssemblyDescription("PerfusionGuard nanoFramework device application: HAL adapters, threads, Main")]
[assembly: AssemblyProduct("PerfusionGuard")]
[assembly: AssemblyVersion("0.1.0.0")]
