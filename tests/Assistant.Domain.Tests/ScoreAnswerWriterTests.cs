using System.Buffers;
using System.Globalization;
using System.Text;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>
/// The API's score writer (<see cref="ScoreAnswerWriter"/>: straight from the report, decimals as UTF-8,
/// fixed words pre-encoded) writes the bytes the contract's records give through <see cref="ContractWriter"/>
/// — over random tables of every kind of cell, hostile texts (quotes, backslashes, control characters,
/// emoji, a lone surrogate, HTML), numbers of every scale, both kinds and every policy. The golden tables
/// are held by <c>ScoringGoldenTests</c>.
/// </summary>
public class ScoreAnswerWriterTests
{
    private static readonly string[] Cells =
    [
        "≥1500", "≤1600元/人", "≥98%", "0", "100", "30万", "4.43万", "40.55万人", "≥16万人次", "2.16", "765.4", "4个",
        "帮扶就业率93.27%", "＞９０％", "<5%", "不低于95%", "90%以上", "5个工作日以内", "1,200元/人", "=0", "效果显著",
        "效果良好", "一般", "效果较差", "未达成", "提高服务水平", "12月底前", "2025年底", "8月1日", "2024年6月30日前", "年底前",
        "", "   ", "指标值未设定", "无", "—", "1月700元/人/月，2月开始1000元/人/月", "约30家企业", "已取消", "千分比3", "2亿元",
        "99.995%", "12,000,000.5", "0.0001", "3人及以上", "不少于 12 场", "≧95％", "say \"hi\" \\ <b>&amp;</b>", "tab\tnew\nline\u0001",
        "😀≥5人", "\ud800孤", "\u2028\u2029", "'单引号'+`", "١٢٣", "≥0.5%", "100.000", "0.00",
    ];

    private static readonly string[] Units = ["人", "%", "万元", "元/人", "个", "", "万人次", "天", "亿元", "千分比", null!];

    [Fact]
    public void RandomTables_SameBytesAsTheContractRecords()
    {
        var random = new Random(2126);
        int compared = 0;
        for (int table = 0; table < 120; table++)
        {
            Evaluation e = Table(random, table);
            foreach (ScoringPolicy policy in ScoringPolicy.All)
            {
                ScoreReport report = Calculator.Score(e, policy);
                var expected = new ArrayBufferWriter<byte>();
                ContractWriter.Write(expected, ScoreContract.ToResponse(e, report));
                var actual = new ArrayBufferWriter<byte>();
                ScoreAnswerWriter.Write(actual, e, report);
                Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan), Encoding.UTF8.GetString(actual.WrittenSpan));
                Assert.True(expected.WrittenSpan.SequenceEqual(actual.WrittenSpan));
                compared++;
            }
        }

        Assert.Equal(360, compared);
    }

    /// <summary>
    /// The answer written from a report whose traces nobody has read (as the API does: the quantity rows'
    /// traces go out from their arguments, never as strings) is the same bytes as the records of another
    /// report of the same table, and writing it does not make the traces (they are still built when read).
    /// </summary>
    [Fact]
    public void RandomTables_TracesWrittenBeforeRead_SameBytesAsTheContractRecords()
    {
        var random = new Random(3131);
        int fromArguments = 0;
        for (int table = 0; table < 120; table++)
        {
            Evaluation e = Table(random, table);
            foreach (ScoringPolicy policy in ScoringPolicy.All)
            {
                ScoreReport fresh = Calculator.Score(e, policy);
                int kept = fresh.Indicators.Count(r => r.TryWriteTrace(new char[512], out _));
                fromArguments += kept;
                var actual = new ArrayBufferWriter<byte>();
                ScoreAnswerWriter.Write(actual, e, fresh);
                var expected = new ArrayBufferWriter<byte>();
                ContractWriter.Write(expected, ScoreContract.ToResponse(e, Calculator.Score(e, policy)));
                Assert.Equal(Encoding.UTF8.GetString(expected.WrittenSpan), Encoding.UTF8.GetString(actual.WrittenSpan));
                Assert.True(expected.WrittenSpan.SequenceEqual(actual.WrittenSpan));
                Assert.Equal(kept, fresh.Indicators.Count(r => r.TryWriteTrace(new char[512], out _)));
                Assert.All(fresh.Indicators, r => Assert.False(r.Trace.Length == 0 || r.TryWriteTrace(new char[512], out _)));
            }
        }

        Assert.True(fromArguments > 300, $"only {fromArguments} traces were written from their arguments");
    }

    [Fact]
    public void SyntheticTable_SameBytes_AndAnswersTheScoreItStates()
    {
        Evaluation e = SyntheticTables.Project(100);
        ScoreReport report = Calculator.Score(e);
        var actual = new ArrayBufferWriter<byte>();
        ScoreAnswerWriter.Write(actual, e, report);
        var expected = new ArrayBufferWriter<byte>();
        ContractWriter.Write(expected, ScoreContract.ToResponse(e, report));
        Assert.True(expected.WrittenSpan.SequenceEqual(actual.WrittenSpan));
        using var doc = System.Text.Json.JsonDocument.Parse(actual.WrittenMemory);
        Assert.Equal(PrintedNumber.Format(report.TotalRounded!.Value, 2), doc.RootElement.GetProperty("total").GetString());
        Assert.Equal(100, doc.RootElement.GetProperty("indicators").GetArrayLength());
    }

    internal static Evaluation Table(Random random, int n)
    {
        var rows = new List<Indicator>();
        int count = random.Next(0, 40);
        for (int i = 0; i < count; i++)
        {
            rows.Add(new Indicator
            {
                Id = random.Next(4) == 0 ? "id-" + i.ToString(CultureInfo.InvariantCulture) : null,
                Level1 = random.Next(6) switch { 0 => null, 1 => "效益指标（30分）", 2 => "满意度指标", 3 => "产出 指标", _ => "产出指标" },
                Level2 = random.Next(3) == 0 ? "成本指标" : random.Next(2) == 0 ? null : "数量指标",
                Name = random.Next(5) == 0 ? Pick(random, Cells) + "率" : $"指标{i}",
                Unit = Units[random.Next(Units.Length)],
                Target = random.Next(8) == 0 ? null : random.Next(3) == 0 ? Number(random) : Pick(random, Cells),
                Actual = random.Next(8) == 0 ? null : random.Next(3) == 0 ? Number(random) : Pick(random, Cells),
                Weight = random.Next(6) == 0 ? null : new PrintedNumber(random.Next(0, 2000) / 100m, 2),
                PrintedScore = random.Next(3) == 0 ? new PrintedNumber(random.Next(0, 2000) / 100m, random.Next(0, 3)) : null,
                DeviationNote = random.Next(4) == 0 ? "取消" : random.Next(3) == 0 ? "资金下达较晚" : null,
                Grade = random.Next(7) == 0 ? (QualitativeGrade)random.Next(3) : null,
            });
        }

        var lines = new List<FundLine>
        {
            new() { Name = "年度资金总额", Budget = Printed(random), Executed = Printed(random), PrintedRate = random.Next(2) == 0 ? Printed(random) : null, PrintedScore = random.Next(3) == 0 ? Printed(random) : null },
        };
        if (random.Next(2) == 0)
        {
            lines.Add(new FundLine { Name = "当年财政拨款", Parent = "年度资金总额", Budget = Printed(random), Executed = Printed(random) });
            lines.Add(new FundLine { Name = "其他\"资金\"", Parent = "年度资金总额", Budget = random.Next(4) == 0 ? null : Printed(random), Executed = Printed(random) });
        }

        return new Evaluation
        {
            Kind = n % 4 == 3 ? EvaluationKind.Transfer : EvaluationKind.Project,
            Title = n % 5 == 0 ? "标题 \"引号\" \\ 😀" : $"随机表{n}",
            Year = 2024,
            Funds = new FundSection { Weight = random.Next(4) == 0 ? null : new PrintedNumber(random.Next(0, 20), 0), Lines = lines },
            Indicators = rows,
            LevelWeights = random.Next(2) == 0 ? [] : [new LevelWeight("产出指标", new PrintedNumber(50m, 0)), new LevelWeight("效益指标", new PrintedNumber(30m, 0))],
            PrintedTotal = random.Next(2) == 0 ? new PrintedNumber(random.Next(0, 10000) / 100m, 2) : null,
            PrintedWeightTotal = random.Next(5) == 0 ? new PrintedNumber(100m, 0) : null,
        };
    }

    private static string Pick(Random random, string[] items) => items[random.Next(items.Length)];

    private static string Number(Random random)
    {
        decimal v = new(random.Next(0, 1_000_000), 0, 0, false, (byte)random.Next(0, 6));
        string prefix = random.Next(4) switch { 0 => "≥", 1 => "≤", _ => string.Empty };
        string suffix = random.Next(5) switch { 0 => "%", 1 => "万", 2 => "人", _ => string.Empty };
        return prefix + v.ToString(CultureInfo.InvariantCulture) + suffix;
    }

    private static PrintedNumber Printed(Random random) => new(random.Next(0, 1_000_000) / 100m, 2);
}
