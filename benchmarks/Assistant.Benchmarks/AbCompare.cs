using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;

namespace Assistant.Benchmarks;

/// <summary>
/// Two builds of the scoring path timed in one process (issue 21, session 45; session 44's scratch program made a mode).
/// Runs minutes apart on the shared machine moved their floors by up to 25 %, so a few per cent could not be read from
/// two <c>hot</c> runs. Here each build's <c>Assistant.*</c> assemblies are loaded into their own
/// <see cref="AssemblyLoadContext"/> (each with its own statics: the cell memory, the pools), this benchmark assembly is
/// loaded into both so that <see cref="AbStages"/> binds to that build, and every round times each stage of each build, the
/// order of the builds flipped every round. The floor (<c>JsonDocument.Parse</c>, the framework's code on both sides) shows
/// the method's noise. Thread-CPU medians.
/// <c>dotnet Assistant.Benchmarks.dll ab &lt;baseDir&gt; &lt;branchDir&gt; [--rounds 3000] [--stages floor,parse,report,write,inout,never,neverinout]</c>
/// </summary>
internal static class AbCompare
{
    public static int Run(string[] args)
    {
        if (args.Length < 2 || !Directory.Exists(args[0]) || !Directory.Exists(args[1]))
        {
            Console.Error.WriteLine("usage: ab <baseDir> <branchDir> [--rounds 3000] [--stages floor,parse,report,write,inout,never,neverinout]");
            return 2;
        }

        int rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(3000);
        string[] stages = (args.SkipWhile(a => a != "--stages").Skip(1).FirstOrDefault() ?? "floor,parse,report,write,inout,never,neverinout").Split(',');
        byte[] utf8 = AbStages.Request();
        var sides = new[] { Side(args[0], "base"), Side(args[1], "branch") };
        var runs = sides.Select(s => stages.Select(st => s.Invoke(st, utf8)).ToArray()).ToArray();
        var cpu = sides.Select(_ => stages.Select(_ => new List<double>(rounds)).ToArray()).ToArray();
        var allocated = new long[2, stages.Length];
        for (int r = 0; r < rounds; r++)
        {
            for (int k = 0; k < 2; k++)
            {
                int s = (r + k) % 2;
                for (int st = 0; st < stages.Length; st++)
                {
                    long before = GC.GetAllocatedBytesForCurrentThread();
                    double start = ThreadCpu.Microseconds();
                    runs[s][st]();
                    double us = ThreadCpu.Microseconds() - start;
                    if (r >= rounds / 5)
                    {
                        cpu[s][st].Add(us);
                        allocated[s, st] = GC.GetAllocatedBytesForCurrentThread() - before;
                    }
                }
            }
        }

        double Median(List<double> t) => t.Order().ElementAt(t.Count / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rounds} rounds (the first fifth warm-up), the builds alternated; base {args[0]}, branch {args[1]}; thread-CPU medians"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"assemblies: base {sides[0].Invoke(null, ["where", utf8])}; branch {sides[1].Invoke(null, ["where", utf8])}"));
        Console.WriteLine("| stage | base µs | branch µs | branch − base | allocated, base → branch |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        for (int st = 0; st < stages.Length; st++)
        {
            double b = Median(cpu[0][st]), n = Median(cpu[1][st]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {AbStages.Title(stages[st])} | {b:0.0} | {n:0.0} | {(n - b) / b * 100:+0.0;-0.0;0.0} % | {allocated[0, st] / 1024.0:0.0} → {allocated[1, st] / 1024.0:0.0} KB |"));
        }

        return 0;
    }

    private static MethodInfo Side(string dir, string name)
    {
        var context = new BuildContext(Path.GetFullPath(dir), name);
        Assembly benchmarks = context.LoadFromAssemblyPath(typeof(AbCompare).Assembly.Location);
        return benchmarks.GetType(typeof(AbStages).FullName!)!.GetMethod(nameof(AbStages.Make))!;
    }

    private static Action Invoke(this MethodInfo make, string stage, byte[] utf8) => (Action)make.Invoke(null, [stage, utf8])!;

    /// <summary>One build's <c>Assistant.*</c> assemblies, from its folder; everything else from the default context.</summary>
    private sealed class BuildContext(string dir, string name) : AssemblyLoadContext(name)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            string path = Path.Combine(dir, assemblyName.Name + ".dll");
            return assemblyName.Name!.StartsWith("Assistant.", StringComparison.Ordinal) && assemblyName.Name != "Assistant.Benchmarks" && File.Exists(path)
                ? LoadFromAssemblyPath(path)
                : null;
        }
    }
}

/// <summary>The stages <see cref="AbCompare"/> times, made inside one build's load context (public API only, so main's build loads them too).</summary>
public static class AbStages
{
    /// <summary>The 100-indicator request of <c>hot</c>, in UTF-8.</summary>
    public static byte[] Request()
    {
        var table = SyntheticTables.Project(100);
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            kind = "project",
            title = table.Title,
            funds = new { unit = "万元", weight = "5.00", lines = table.Funds.Lines.Select(l => new { name = l.Name, parent = l.Parent, budget = l.Budget.ToString(), executed = l.Executed.ToString() }) },
            indicators = table.Indicators.Select(i => new { level1 = i.Level1, level2 = i.Level2, name = i.Name, unit = i.Unit, target = i.Target, actual = i.Actual, weight = i.Weight.ToString() }),
        }));
    }

    public static string Title(string stage) => stage switch
    {
        "floor" => "floor `JsonDocument.Parse(UTF-8)`",
        "parse" => "`EvaluationJson.Parse(UTF-8)`",
        "report" => "`EvaluationService.Report`, warm",
        "write" => "`ScoreAnswerWriter.Write`, compact",
        "inout" => "UTF-8 in → score → UTF-8 out",
        "never" => "`Calculator.Score`, cells never seen (emptying included)",
        "neverinout" => "in → out, cells never seen (emptying included)",
        _ => stage,
    };

    /// <summary>The stage's action; for <c>"where"</c>, the folders this context's Domain and Features came from (a string).</summary>
    public static object Make(string stage, byte[] utf8)
    {
        if (stage == "where")
        {
            return $"{Path.GetDirectoryName(typeof(Calculator).Assembly.Location)} / {Path.GetDirectoryName(typeof(EvaluationJson).Assembly.Location)}";
        }

        var output = new ArrayBufferWriter<byte>(512 * 1024);
        var parsed = EvaluationJson.Parse(utf8);
        var report = EvaluationService.Report(parsed);
        void Write(Assistant.Domain.Evaluations.Evaluation e, ScoreReport r)
        {
            output.ResetWrittenCount();
            ScoreAnswerWriter.Write(output, e, r, false);
        }

        Action run = stage switch
        {
            "floor" => () => { using var d = JsonDocument.Parse(utf8); },
            "parse" => () => EvaluationJson.Parse(utf8),
            "report" => () => EvaluationService.Report(parsed),
            "write" => () => Write(parsed, report),
            "inout" => () =>
            {
                var e = EvaluationJson.Parse(utf8);
                Write(e, EvaluationService.Report(e));
            },
            "never" => () =>
            {
                Assistant.Domain.Cells.CellParser.ForgetReadCells();
                Calculator.Score(parsed);
            },
            "neverinout" => () =>
            {
                Assistant.Domain.Cells.CellParser.ForgetReadCells();
                var e = EvaluationJson.Parse(utf8);
                Write(e, EvaluationService.Report(e));
            },
            _ => throw new ArgumentException($"no stage \"{stage}\"", nameof(stage)),
        };
        return run;
    }
}
