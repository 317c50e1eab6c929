using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// The score and facts JSON, byte for byte, as they were before the hot-path work of issue 21: the five
/// reference tables and the 扎兰屯 table in full, and digests of synthetic tables (several sizes and
/// seeds) and of a table crossing every kind of cell the parser knows. Any change to a score, a trace,
/// a finding or a number format shows here. <c>UPDATE_GOLDEN=1</c> rewrites the files (review the diff).
/// </summary>
public class ScoringGoldenTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "golden", "scoring");

    public static TheoryData<string> Tables() =>
    [
        "guangxi-2024-employment-transfer", "zhongwei-2024-employment-operating-funds", "zhongwei-2024-employment-service-demo",
        "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-internship-subsidy", "zhalantun-2024",
    ];

    [Theory]
    [MemberData(nameof(Tables))]
    public void ReferenceTable_ScoresAndFactsAsBefore(string name)
    {
        string path = name == "zhalantun-2024"
            ? Path.Combine(RepoPaths.Repo, "eval", "cases", "reports", "zhalantun-2024.evaluation.json")
            : RepoPaths.Reference(name);
        string json = File.ReadAllText(path);
        Golden($"{name}.score.json", Score(json));
        Golden($"{name}.facts.json", Facts(json));
    }

    [Fact]
    public void SyntheticAndVariedTables_DigestsAsBefore()
    {
        var lines = new StringBuilder();
        foreach (int size in new[] { 1, 20, 100, 500 })
        {
            foreach (int seed in new[] { 1, 2, 3 })
            {
                string json = ToJson(SyntheticTables.Project(size, seed));
                Dump($"synthetic-{size}-{seed}", () => Score(json), () => Facts(json));
                lines.Append(FormattableString.Invariant($"synthetic {size} seed {seed} score {Digest(Score(json))} facts {Digest(Facts(json))}\n"));
            }
        }

        foreach (string kind in new[] { "project", "transfer" })
        {
            // Straight into the domain (cells past the computable range included), and through the JSON reader (which refuses those).
            Evaluation varied = Varied(kind == "project");
            string direct = Direct(varied, BothWriters(EvaluationService.Score(varied)));
            string directFacts = BothWriters(EvaluationService.Facts(varied));
            Dump($"varied-{kind}-direct", () => direct, () => directFacts);
            lines.Append(FormattableString.Invariant($"varied {kind} direct score {Digest(direct)} facts {Digest(directFacts)}\n"));
            string refused = Assert.Throws<InputException>(() => EvaluationJson.Parse(ToJson(varied))).Message;
            lines.Append(FormattableString.Invariant($"varied {kind} refused {Digest(refused)}\n"));
            string json = ToJson(varied with { Indicators = varied.Indicators.Where(i => !Big(i.Target) && !Big(i.Actual)).ToList() });
            Dump($"varied-{kind}-refused", () => refused, () => string.Empty);
            Dump($"varied-{kind}", () => Score(json), () => Facts(json));
            lines.Append(FormattableString.Invariant($"varied {kind} score {Digest(Score(json))} facts {Digest(Facts(json))}\n"));
        }

        Golden("digests.txt", lines.ToString());
    }

    /// <summary>Every pair of cells from the parser's own cases, in rows of several units, with printed scores and notes on some.</summary>
    private static Evaluation Varied(bool project)
    {
        string[] cells =
        [
            "≥1500", "≤1600元/人", "≥98%", "≥98", "0", "100", "30万", "4.43万", "40.55万人", "≥16万人次", "2.16", "765.4", "4个",
            "帮扶就业率93.27%", "帮扶就业率 93.27%", "创业带动就业 4208 人", "≥ 5.3", "＞９０％", "<5%", "不低于95%", "不超过1600元/人",
            "90%以上", "5个工作日以内", "1,200元/人", "500万元", "=0", "效果显著", "效果明显", "效果良好", "较好", "一般", "效果较差",
            "未达成", "提高服务水平", "保持稳定", "全日制专科以上", "12月底前", "2025年底", "8月1日", "2025年9月", "2024年", "年底前",
            "2024年6月30日前", "", "   ", "指标值未设定", "无", "—", "1月700元/人/月，2月开始1000元/人/月", "完成培训3期共计120人次",
            "约30家企业", "已取消", "≥90", "≤10%", "达到100%", "千分比3", "3千分比", "2亿元", "1.5亿", "≥0", "100%", "99.995%", "98.5",
            "12,000,000.5", "0.0001", "≥1000000000000", "1234567890123456", "3人及以上", "5天内", "不少于 12 场", "≧95％",
        ];
        string[] units = ["人", "%", "万元", "元/人", "个", "", "万人次", "天"];
        var rows = new List<Indicator>();
        int n = 0;
        for (int t = 0; t < cells.Length; t++)
        {
            for (int a = t % 5; a < cells.Length; a += 5)
            {
                n++;
                rows.Add(new Indicator
                {
                    Level1 = (n % 4) switch { 0 => "产出指标", 1 => "效益指标（30分）", 2 => "满意度指标", _ => "成本指标" },
                    Level2 = n % 7 == 0 ? "成本指标" : "数量指标",
                    Name = n % 6 == 0 ? $"指标{n}完成率" : $"指标{n}",
                    Unit = units[n % units.Length],
                    Target = cells[t],
                    Actual = cells[a],
                    Weight = new PrintedNumber(n % 3 == 0 ? 2.5m : 2m, n % 3 == 0 ? 1 : 0),
                    PrintedScore = n % 4 == 0 ? new PrintedNumber(1.87m, 2) : null,
                    DeviationNote = n % 5 == 0 ? "资金下达时间较晚" : null,
                    Grade = n % 11 == 0 ? QualitativeGrade.Partial : null,
                });
            }
        }

        return SyntheticTables.Project(1) with
        {
            Kind = project ? EvaluationKind.Project : EvaluationKind.Transfer,
            Indicators = rows,
            LevelWeights = [new LevelWeight("产出指标", new PrintedNumber(50m, 0)), new LevelWeight("效益指标", new PrintedNumber(30m, 0))],
        };
    }

    private static bool Big(string? cell) => cell is "1234567890123456" or "≥1000000000000";

    private static string Score(string json) =>
        AsReceived(json, e => Direct(e, BothWriters(EvaluationService.Score(e))));

    /// <summary>Checks the API's direct writer (<see cref="ScoreAnswerWriter"/>, from the report without the contract's records) writes <paramref name="expected"/>.</summary>
    internal static string Direct(Evaluation evaluation, string expected)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        var report = EvaluationService.Report(evaluation);
        ScoreAnswerWriter.Write(output, evaluation, report);
        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));

        // Since session 38 the API's default: the compact form, the contract writer's compact bytes and the same JSON as the golden.
        var compact = new System.Buffers.ArrayBufferWriter<byte>();
        ScoreAnswerWriter.Write(compact, evaluation, report, indented: false);
        var records = new System.Buffers.ArrayBufferWriter<byte>();
        ContractWriter.Write(records, ScoreContract.ToResponse(evaluation, report), indented: false);
        Assert.Equal(Encoding.UTF8.GetString(records.WrittenSpan), Encoding.UTF8.GetString(compact.WrittenSpan));
        ScoringCompactSession38Tests.AssertSameJson(expected, Encoding.UTF8.GetString(compact.WrittenSpan));
        return expected;
    }

    private static string Facts(string json) =>
        AsReceived(json, e => BothWriters(EvaluationService.Facts(e)));

    /// <summary>The answer to the table read from the string, checked equal to the answer to the table read from its UTF-8 bytes (as the API reads a body).</summary>
    private static string AsReceived(string json, Func<Evaluation, string> answer)
    {
        string fromText = answer(EvaluationJson.Parse(json));
        Assert.Equal(fromText, answer(EvaluationJson.Parse(Encoding.UTF8.GetBytes(json).AsMemory())));
        return fromText;
    }

    /// <summary>
    /// The answer as the serializer writes it, after checking the API's writer (<see cref="ContractWriter"/>,
    /// the source generator's handlers) writes the same bytes, and reads the body as received
    /// (<see cref="EvaluationJson.Parse(ReadOnlyMemory{byte})"/>) to the same answer.
    /// </summary>
    private static string BothWriters<T>(T answer)
        where T : class
    {
        string expected = JsonSerializer.Serialize(answer, ScoreContract.JsonOptions);
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        ContractWriter.Write(output, answer);
        Assert.Equal(expected, Encoding.UTF8.GetString(output.WrittenSpan));
        return expected;
    }

    /// <summary>The table through the public contract, numbers as strings with their printed decimals.</summary>
    internal static string ToJson(Evaluation e) => JsonSerializer.Serialize(new
    {
        kind = e.Kind == EvaluationKind.Project ? "project" : "transfer",
        title = e.Title,
        year = e.Year,
        funds = new
        {
            unit = e.Funds.Unit,
            weight = e.Funds.Weight?.ToString(),
            lines = e.Funds.Lines.Select(l => new { name = l.Name, parent = l.Parent, budget = l.Budget?.ToString(), executed = l.Executed?.ToString(), printedRate = l.PrintedRate?.ToString() }),
        },
        levelWeights = e.LevelWeights.ToDictionary(l => l.Level1, l => l.Weight.ToString()),
        indicators = e.Indicators.Select(i => new
        {
            level1 = i.Level1, level2 = i.Level2, name = i.Name, unit = i.Unit, target = i.Target, actual = i.Actual,
            weight = i.Weight?.ToString(), printedScore = i.PrintedScore?.ToString(), deviationNote = i.DeviationNote,
            grade = i.Grade?.ToChinese(),
        }),
        printedTotal = e.PrintedTotal?.ToString(),
    });

    /// <summary>
    /// With <c>GOLDEN_DUMP=&lt;folder&gt;</c>, writes what a digest line hashes (the score and facts JSON) to that folder,
    /// so a changed digest can be reviewed row by row against a dump from the commit before (session 37).
    /// </summary>
    private static void Dump(string name, Func<string> score, Func<string> facts)
    {
        string? folder = Environment.GetEnvironmentVariable("GOLDEN_DUMP");
        if (string.IsNullOrEmpty(folder))
        {
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name + ".score.json"), score());
        File.WriteAllText(Path.Combine(folder, name + ".facts.json"), facts());
    }

    private static string Digest(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private static void Golden(string file, string actual)
    {
        string path = Path.Combine(Folder, file);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"missing golden {path}; run with UPDATE_GOLDEN=1 once and review it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
