using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/StdGraph.Benchmarks -- --filter '*' [--job short]
// Benchmarks over the whole snapshot read a built data directory from STDGRAPH_BENCH_DATA (default: data/).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
