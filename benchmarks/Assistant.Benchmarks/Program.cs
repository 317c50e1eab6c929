using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Assistant.Benchmarks.ScoringBenchmarks).Assembly).Run(args);
