using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>
/// A cell is read once per (exact text, unit) and kept in a bounded memory (<see cref="CellParser.Parse"/>);
/// the cell it gives must be the one reading afresh gives (<see cref="CellParser.Read"/>), and every score
/// answer the same bytes with the memory cold, warm, emptied by its bound, and not used at all.
/// </summary>
public class CellMemoryTests
{
    private static readonly string[] Units = ["人", "%", "万元", "元/人", "个", "", "万人次", "天", "亿元", "千分比", "万", "(人)", null!];

    [Fact]
    public void Remembered_IsTheCellReadAfresh_ForEveryTextAndUnit()
    {
        var texts = new List<string>(Texts());
        var random = new Random(29);
        for (int i = 0; i < 3000; i++)
        {
            texts.Add(Generated(random));
        }

        int compared = 0;
        foreach (string text in texts)
        {
            foreach (string unit in Units)
            {
                string expected = Describe(CellParser.Read(text, unit));
                Assert.Equal(expected, Describe(CellParser.Parse(text, unit))); // cold or kept by an earlier text
                Assert.Equal(expected, Describe(CellParser.Parse(text, unit))); // kept
                Assert.Equal(expected, Describe(CellParser.Parse(new string(text.AsSpan()), unit is null ? null : new string(unit.AsSpan())))); // the same text, another string
                compared++;
            }
        }

        Assert.True(compared > 30_000);
    }

    [Fact]
    public void SameTextOtherUnit_IsNotTheSameCell()
    {
        QuantityCell inPeople = Assert.IsType<QuantityCell>(CellParser.Parse("4.43万", "万人"));
        QuantityCell inYuan = Assert.IsType<QuantityCell>(CellParser.Parse("4.43万", "元"));
        Assert.Equal("人", inPeople.EffectiveUnit.Base);
        Assert.Equal("元", inYuan.EffectiveUnit.Base);
        Assert.IsType<QuantityCell>(CellParser.Parse("≥95", "%"));
        Assert.Equal("%", ((QuantityCell)CellParser.Parse("≥95", "%")).EffectiveUnit.Base);
        Assert.Equal(string.Empty, ((QuantityCell)CellParser.Parse("≥95", null)).EffectiveUnit.Base);
        Assert.Equal(string.Empty, ((QuantityCell)CellParser.Parse("≥95", string.Empty)).EffectiveUnit.Base);
    }

    [Fact]
    public void Answers_SameBytes_WithoutTheMemory_Cold_Warm_AndAfterItsBoundEmptiedIt()
    {
        var random = new Random(2129);
        var tables = new List<Evaluation> { SyntheticTables.Project(100) };
        for (int n = 0; n < 80; n++)
        {
            tables.Add(ScoreAnswerWriterTests.Table(random, n));
        }

        foreach (string name in new[] { "guangxi-2024-employment-transfer", "zhongwei-2024-employment-service-demo", "zhongwei-2024-internship-subsidy" })
        {
            tables.Add(EvaluationJson.Parse(File.ReadAllText(RepoPaths.Reference(name))));
        }

        for (int t = 0; t < tables.Count; t++)
        {
            Evaluation e = tables[t];
            foreach (ScoringPolicy policy in ScoringPolicy.All)
            {
                string without = WithoutMemory(() => Answer(e, policy));
                CellParser.ForgetReadCells();
                Assert.Equal(without, Answer(e, policy)); // cold
                Assert.Equal(without, Answer(e, policy)); // warm
                if (t % 10 == 0)
                {
                    FillPastTheBound();
                    Assert.Equal(without, Answer(e, policy)); // after the bound emptied the memory
                }
            }
        }
    }

    [Fact]
    public void Memory_StaysWithinItsBound()
    {
        int emptied = CellParser.Parsed.Emptied;
        FillPastTheBound();
        Assert.True(CellParser.Parsed.Emptied > emptied);
        // Other tests read cells at the same time; a key added while the memory is emptied may go uncounted once.
        Assert.True(CellParser.Parsed.Held <= CellParser.Parsed.Bound + 256, $"{CellParser.Parsed.Held} cells held");

        string longText = "≥" + new string('9', 3) + new string('人', CellParser.MaxKeptLength);
        CellParser.ForgetReadCells();
        CellParser.Parse(longText, "人");
        Assert.False(CellParser.Parsed.TryGet(new CellParser.CellKey(longText, "人"), out _));
        CellParser.Parse("≥95%", "%");
        Assert.True(CellParser.Parsed.TryGet(new CellParser.CellKey("≥95%", "%"), out _));
    }

    [Fact]
    public void BoundedMemory_EmptiesPastItsBound_AndHoldsAtMostItUnderContention()
    {
        var memory = new BoundedMemory<int, string>(4, capacity: 4);
        for (int i = 0; i < 4; i++)
        {
            memory.Keep(i, i.ToString(CultureInfo.InvariantCulture));
        }

        Assert.Equal(4, memory.Held);
        Assert.Equal(0, memory.Emptied);
        memory.Keep(4, "4");
        Assert.Equal(1, memory.Emptied);
        Assert.Equal(1, memory.Held);
        Assert.True(memory.TryGet(4, out string? four) && four == "4");
        Assert.False(memory.TryGet(0, out _));
        memory.Keep(4, "again"); // a key kept twice keeps its first value and is counted once
        Assert.True(memory.TryGet(4, out four) && four == "4");

        var shared = new BoundedMemory<int, int>(100, capacity: 16);
        Parallel.For(0, 200_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            shared.Keep(i, i);
            Assert.True(!shared.TryGet(i ^ 1, out int v) || v == (i ^ 1));
        });
        Assert.True(shared.Emptied > 0);
        Assert.True(shared.Held <= 100 + 8, $"{shared.Held} held");
    }

    private static void FillPastTheBound()
    {
        for (int i = 0; i <= CellParser.Parsed.Bound; i++)
        {
            CellParser.Parse("≥" + i.ToString(CultureInfo.InvariantCulture) + "人次", "人");
        }
    }

    private static string WithoutMemory(Func<string> answer)
    {
        CellParser.WithoutMemory = true;
        try
        {
            return answer();
        }
        finally
        {
            CellParser.WithoutMemory = false;
        }
    }

    private static string Answer(Evaluation e, ScoringPolicy policy)
    {
        ScoreReport report = Calculator.Score(e, policy);
        var output = new ArrayBufferWriter<byte>();
        ScoreAnswerWriter.Write(output, e, report);
        return Encoding.UTF8.GetString(output.WrittenSpan) + string.Join('\n', report.Indicators.Select(i => i.Trace));
    }

    /// <summary>Every field of a cell, the numbers of a compound cell included (a record's own text shows a list only by its type).</summary>
    private static string Describe(Cell cell) =>
        cell + (cell is CompoundCell c ? " [" + string.Join("; ", c.Numbers) + "]" : string.Empty)
        + (cell is QuantityCell q ? FormattableString.Invariant($" base {q.BaseValue} {q.BaseInterval} exact {q.IsExactCount}") : string.Empty);

    private static IEnumerable<string> Texts()
    {
        foreach (string file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Shared, "reference"), "*.json").Order(StringComparer.Ordinal))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            if (!doc.RootElement.TryGetProperty("indicators", out JsonElement rows))
            {
                continue;
            }

            foreach (JsonElement row in rows.EnumerateArray())
            {
                foreach (string field in new[] { "target", "actual" })
                {
                    if (row.TryGetProperty(field, out JsonElement v) && v.ValueKind == JsonValueKind.String)
                    {
                        yield return v.GetString()!;
                    }
                }
            }
        }

        foreach (Indicator row in SyntheticTables.Project(100).Indicators)
        {
            yield return row.Target ?? string.Empty;
            yield return row.Actual ?? string.Empty;
        }

        yield return string.Empty;
        yield return "≥" + new string('1', CellParser.MaxKeptLength); // longer than the memory keeps
        yield return "say \"hi\" \\ <b>&amp;</b>";
        yield return "\ud800孤";
        yield return "１,２００元／人";
        yield return "12,000,000.5";
        yield return "1234567890123456";
        yield return "2024年6月30日前";
        yield return "部分完成";
        yield return "无安全事故";
    }

    private static readonly string[] Pieces =
    [
        "≥", "≤", "＞", "<", "不低于", "不超过", "达到", "约", "=", " ", "\u3000", "。", "，", "%", "％", "万", "亿", "千分比", "人", "人次", "元/人",
        "个工作日", "以上", "以内", "年", "月", "底", "前", "日", "是", "否", "效果", "显著", "良好", "一般", "未", "取消", "无", "—", "部分", "完成",
        "1", "9", "0", ".", ",", "5", "12", "2024", "١٢", "９", "帮扶就业率",
    ];

    /// <summary>One to six pieces, one after another.</summary>
    private static string Generated(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(1, 7)).Select(_ => Pieces[random.Next(Pieces.Length)]));
}
