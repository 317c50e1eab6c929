using BenchmarkDotNet.Running;

// `corpus`: the bounded load run on the local PostgreSQL (see CorpusLoad); anything else: BenchmarkDotNet.
if (args.Length > 0 && args[0] == "corpus")
{
    return await Assistant.Benchmarks.CorpusLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "bulk")
{
    return await Assistant.Benchmarks.BulkLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "bulk-parts")
{
    return Assistant.Benchmarks.BulkParts.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "bulk-api")
{
    return await Assistant.Benchmarks.BulkLoad.ApiAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "search-scale")
{
    return await Assistant.Benchmarks.SearchScale.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "scan-kernel")
{
    return Assistant.Benchmarks.SearchScaleExact.Kernel(args[1..]);
}

if (args.Length > 0 && args[0] == "vector-index")
{
    return await Assistant.Benchmarks.VectorIndexes.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "draft")
{
    return await Assistant.Benchmarks.DraftLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "report")
{
    return await Assistant.Benchmarks.ReportLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "hot-parts")
{
    return Assistant.Benchmarks.FreshSheetParts.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "score-parts")
{
    return Assistant.Benchmarks.ScoreParts.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "ab")
{
    return Assistant.Benchmarks.AbCompare.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "hot")
{
    return Assistant.Benchmarks.HotPathRatios.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "batch")
{
    return await Assistant.Benchmarks.BatchLoad.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "http")
{
    return await Assistant.Benchmarks.HttpLoad.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Assistant.Benchmarks.ScoringBenchmarks).Assembly).Run(args);
return 0;
