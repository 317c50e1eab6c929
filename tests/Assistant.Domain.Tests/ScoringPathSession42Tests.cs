using System.Buffers;
using System.Text;
using System.Text.Json;
using Assistant.Domain.Cells;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;
using Assistant.Features.Evaluations;
using Assistant.Features.Importing;
using Assistant.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 42's scoring path keeps every answer: a cell of a common shape read by the plain scanner reads as the general path
/// reads it (every field, on every cell of the real tables and on generated ones), and a finding whose message is kept as its
/// parts is the same finding as one given its text (equality, hash, <c>with</c>, JSON, printing, the score answer's bytes).
/// </summary>
public class ScoringPathSession42Tests
{
    private static readonly string?[] OtherUnits = [null, "", "%", "万元", "人", "元/人", "（万人）", "公斤"];

    /// <summary>Every target and actual of the reference tables, the eval's tables, the test fixtures and the seeds, with its row's unit.</summary>
    private static List<(string? Text, string? Unit)> RealCells()
    {
        var cells = new List<(string?, string?)>();
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Shared, "reference"), "*.json")
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Repo, "eval"), "*.json", SearchOption.AllDirectories))
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "Fixtures"), "*.json"));
        foreach (string file in files)
        {
            try
            {
                Evaluation e = EvaluationJson.Parse(File.ReadAllText(file));
                cells.AddRange(e.Indicators.SelectMany(i => new[] { (i.Target, i.Unit), (i.Actual, i.Unit) }));
            }
            catch (Exception ex) when (ex is InputException or JsonException or InvalidOperationException or KeyNotFoundException)
            {
                // Not an evaluation (an eval case's expectations, a manifest): no cells.
            }
        }

        var imported = Directory.GetFiles(Path.Combine(RepoPaths.Repo, "tests", "Assistant.Domain.Tests", "Fixtures"))
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal))
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.Shared, "seeds")));
        foreach (string file in imported)
        {
            try
            {
                ImportResult result = DocumentImporter.Import(Path.GetFileName(file), File.ReadAllBytes(file));
                cells.AddRange(result.Tables.SelectMany(t => t.Indicators).SelectMany(i => new[] { (i.Target, i.Unit), (i.Actual, i.Unit) }));
            }
            catch (UnreadableDocumentException)
            {
                // A report without a table (the seeds' reports): no cells.
            }
        }

        return cells;
    }

    private static void AssertSameReading(string? text, string? unit)
    {
        Cell general = CellParser.ReadGeneral(text, unit);
        Cell read = CellParser.Read(text, unit);
        Assert.True(general.GetType() == read.GetType(), $"{text} | {unit}: {general} vs {read}");
        Assert.Equal(general.Text, read.Text);
        switch ((general, read))
        {
            case (CompoundCell g, CompoundCell r):
                // A compound cell's numbers are a new list each reading (its record equality compares the list's instance).
                Assert.Equal(g.Reason, r.Reason);
                Assert.Equal(g.Numbers.Select(x => (decimal.GetBits(x.Value), x.Decimals)), r.Numbers.Select(x => (decimal.GetBits(x.Value), x.Decimals)));
                return;

            case (QuantityCell g, QuantityCell r):
                Assert.Equal(decimal.GetBits(g.Number.Value), decimal.GetBits(r.Number.Value)); // the scale too (2.50 keeps its 0)
                Assert.Equal(g.Number.Decimals, r.Number.Decimals);
                Assert.Equal(g.Comparator, r.Comparator);
                Assert.Equal(g.CellUnit, r.CellUnit);
                Assert.Equal(g.EffectiveUnit, r.EffectiveUnit);
                Assert.Equal(g.EffectiveUnit.Multiplier, r.EffectiveUnit.Multiplier);
                Assert.Equal(g.Label, r.Label);
                break;
            case (QualitativeCell g, QualitativeCell r):
                Assert.Equal(g.Level, r.Level);
                break;
        }

        Assert.Equal(general, read);
    }

    [Fact]
    public void EveryRealCell_ReadsAsTheGeneralPathReadsIt_WithItsUnitAndOthers()
    {
        List<(string? Text, string? Unit)> cells = RealCells();
        Assert.True(cells.Count > 1_000, $"{cells.Count} cells"); // the tables are there: the test reads something
        int plain = 0;
        foreach ((string? text, string? unit) in cells)
        {
            AssertSameReading(text, unit);
            foreach (string? other in OtherUnits)
            {
                AssertSameReading(text, other);
            }

            if (text is not null && CellParser.TryReadPlain(text, unit) is not null)
            {
                plain++;
            }
        }

        // Most real cells are of the common shapes; the rest went the general way, and read the same either way.
        Assert.True(plain > cells.Count / 3, $"{plain} of {cells.Count} read plainly");
        Assert.True(plain < cells.Count, $"{plain} of {cells.Count} read plainly");
    }

    [Theory]
    [InlineData("≥95%", true)]
    [InlineData("≤15天", true)]
    [InlineData("100%", true)]
    [InlineData("1200人次", true)]
    [InlineData("100万元", true)]
    [InlineData("≥90分", true)]
    [InlineData(">=98.5%", true)]
    [InlineData("是", true)]
    [InlineData("达标", true)]
    [InlineData("效果显著", true)]
    [InlineData("12月底前", false)] // a date: the general path
    [InlineData("2025年底", false)]
    [InlineData("≥ 95%", false)] // white space
    [InlineData("＞９０％", false)] // full width
    [InlineData("95%。", false)] // closing punctuation
    [InlineData("1,200人", false)] // grouping
    [InlineData("-5", false)] // a minus sign
    [InlineData("≥-3%", false)]
    [InlineData("95.", false)]
    [InlineData("100取消", false)]
    [InlineData("12345678901234567", false)] // past what can be computed
    [InlineData("98.5%(抽查)", false)] // a remark: TryQuantity finds no unit, the general path reads it
    [InlineData("20/10万", false)]
    [InlineData("效果显著。", false)]
    [InlineData("无", false)] // a 未设定 word, not a grade word
    public void CommonShapes_ArePlain_OthersGoTheGeneralWay_AndAllReadAlike(string text, bool plain)
    {
        Assert.Equal(plain, CellParser.TryReadPlain(text, "%") is not null);
        AssertSameReading(text, "%");
        AssertSameReading(text, null);
    }

    [Fact]
    public void EveryGradeWord_ReadsAsTheGeneralPath_AloneAndSpaced()
    {
        Assert.True(CellParser.PlainWords.Levels.Count > 40);
        foreach (string word in CellParser.PlainWords.Levels.Keys)
        {
            foreach (string text in new[] { word, " " + word, word + "。", "\u3000" + word + " ", word + word, "不" + word, "未" + word })
            {
                AssertSameReading(text, null);
                AssertSameReading(text, "人");
            }
        }
    }

    private static readonly string[] Comparators = ["", "", "", .. QuantityText.Comparators, "≧", "＞", "﹥", "> =", "≥≥", "=>"];
    private static readonly string[] Numbers =
        ["0", "7", "95", "98.5", "2181.57", "2.50", "0.0001", "1,200", "12,345.678", "1234567890", "12345678901", "123456789012345",
         "1234567890123456", "0.12345678901", "95.", ".5", "９５", "٩٥"];
    private static readonly string[] Magnitudes = ["", "", .. QuantityText.Magnitudes];
    private static readonly string[] Units =
        ["", "", "%", "‰", "人", "人次", "元", "元/人", "天", "个工作日", "分", "家", "户", "公斤", "分比", "千分比", "年", "次/年", "月", "取消",
         "(抽查)", "（抽查）", "/10万", "每10万人", "人 次", "元／人", "以上", "以内", "及以下", "内", "；", "，", ".", "。", "-", "2"];
    private static readonly string[] Tails = ["", "", "", .. QuantityText.Tails];
    private static readonly string[] Around = ["", "", "", " ", "\u3000", "\t", "\u2000"];

    private static Gen<(string Text, string? Unit)> Cells() =>
        from label in Gen.Elements("", "", "", "帮扶就业率", "-")
        from cmp in Gen.Elements(Comparators)
        from number in Gen.Elements(Numbers)
        from magnitude in Gen.Elements(Magnitudes)
        from unit in Gen.Elements(Units)
        from tail in Gen.Elements(Tails)
        from before in Gen.Elements(Around)
        from inside in Gen.Elements(Around)
        from after in Gen.Elements(Around)
        from rowUnit in Gen.Elements(OtherUnits)
        select (before + label + cmp + inside + number + magnitude + unit + tail + after, rowUnit);

    [Fact]
    public void GeneratedCells_ComparatorNumberUnitSpacingAndWidth_ReadAsTheGeneralPath()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(20_000);
        Assert.Null(Record.Exception(() => Prop.ForAll(Cells().ToArbitrary(), c =>
        {
            AssertSameReading(c.Text, c.Unit);
            return true;
        }).Check(config)));
    }

    // ---- findings whose message is kept as its parts ----

    /// <summary>The reference tables, the eval's tables and generated ones of several sizes and seeds, scored.</summary>
    private static IEnumerable<ScoreReport> Reports()
    {
        foreach (string file in Directory.GetFiles(Path.Combine(RepoPaths.Shared, "reference"), "*.json"))
        {
            yield return Calculator.Score(EvaluationJson.Parse(File.ReadAllText(file)));
        }

        foreach (int size in new[] { 1, 20, 100, 500 })
        {
            foreach (int seed in new[] { 1, 2, 3 })
            {
                yield return Calculator.Score(SyntheticTables.Project(size, seed));
            }
        }
    }

    [Fact]
    public void KeptMessages_AreTheSameFindings_AsMessagesGivenAsText()
    {
        int kept = 0;
        Span<char> room = stackalloc char[512];
        foreach (ScoreReport report in Reports())
        {
            foreach (Finding f in report.Findings)
            {
                bool asParts = f.TryWriteMessage(room, out int written);
                string writtenText = room[..written].ToString();
                var text = new Finding(f.Code, f.Severity, f.Message, f.Path, f.Expected, f.Actual);
                if (asParts)
                {
                    kept++;
                    Assert.Equal(f.Message, writtenText);
                }

                Assert.False(text.TryWriteMessage(room, out _)); // a message given as text is written from its string
                Assert.False(f.TryWriteMessage(room, out _)); // once read, the message is its string
                Assert.Equal(text, f);
                Assert.Equal(f, text);
                Assert.Equal(text.GetHashCode(), f.GetHashCode());
                Assert.Equal(text.ToString(), f.ToString());
                Assert.Equal(JsonSerializer.Serialize(text), JsonSerializer.Serialize(f));
                Assert.Equal(text with { Path = "x" }, f with { Path = "x" });
                Assert.NotEqual(text, f with { Message = f.Message + "。" });
                Assert.Equal("改", (f with { Message = "改" }).Message);
                (string code, Severity severity, string message, string path, string? expected, string? actual) = f;
                Assert.Equal((text.Code, text.Severity, text.Message, text.Path, text.Expected, text.Actual), (code, severity, message, path, expected, actual));
                Assert.Equal(text, JsonSerializer.Deserialize<Finding>(JsonSerializer.Serialize(f)));
            }
        }

        Assert.True(kept > 100, $"{kept} messages kept as parts"); // the synthetic tables' shortfalls at least
    }

    [Fact]
    public void KeptMessages_ReadFromManyThreads_AreOneText()
    {
        ScoreReport report = Calculator.Score(SyntheticTables.Project(200, 7));
        var expected = Calculator.Score(SyntheticTables.Project(200, 7)).Findings.Select(f => f.Message).ToList();
        var seen = new string[8][];
        Parallel.For(0, 8, t => seen[t] = report.Findings.Select(f => f.Message).ToArray());
        foreach (string[] messages in seen)
        {
            Assert.Equal(expected, messages);
        }
    }

    [Theory]
    [InlineData(10)]
    [InlineData(200)]
    [InlineData(600)] // past the writer's room on the stack: written from its string
    public void TheScoreAnswer_WritesEachMessage_AsItReads(int nameLength)
    {
        // A shortfall (positive and reverse rows), a weaker word scored in full and a unit other than the column's, under names
        // short and long.
        string name = new('名', nameLength);
        Evaluation e = new()
        {
            Kind = EvaluationKind.Project,
            Title = "会话42",
            Funds = new FundSection(),
            Indicators =
            [
                new Indicator { Level1 = "产出指标", Name = name + "1", Unit = "人", Target = "≥100人", Actual = "90人", Weight = new PrintedNumber(10m, 0) },
                new Indicator { Level1 = "产出指标", Name = name + "2", Unit = "元", Target = "≤8000元/台", Actual = "9000元/台", Weight = new PrintedNumber(10m, 0) },
                new Indicator { Level1 = "效益指标", Name = name + "3", Target = "效果显著", Actual = "效果一般", Weight = new PrintedNumber(10m, 0), PrintedScore = new PrintedNumber(10m, 0) },
                new Indicator { Level1 = "效益指标", Name = name + "4", Target = "显著提升", Actual = "有所提升", Weight = new PrintedNumber(10m, 0) },
                new Indicator { Level1 = "效益指标", Name = name + "5", Target = " ≥95% ", Actual = "\u3000", Weight = new PrintedNumber(10m, 0) },
            ],
        };

        ScoreReport fresh = Calculator.Score(e);
        var output = new ArrayBufferWriter<byte>();
        ScoreAnswerWriter.Write(output, e, fresh, indented: false);
        using JsonDocument written = JsonDocument.Parse(output.WrittenMemory);
        var messages = written.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString()!).ToList();

        ScoreReport read = Calculator.Score(e);
        Assert.Equal(read.Findings.Select(f => f.Message).ToList(), messages);
        Assert.Contains(read.Findings, f => f.Code == FindingCodes.IndicatorShortfallUnexplained);
        Assert.Contains(read.Findings, f => f.Code == FindingCodes.IndicatorUnitColumn);
        Assert.True(messages.Count(m => m.StartsWith("“" + name, StringComparison.Ordinal)) >= 4, string.Join("\n", messages));

        var again = new ArrayBufferWriter<byte>();
        ScoreAnswerWriter.Write(again, e, read, indented: false); // messages read before: the same bytes
        Assert.Equal(Encoding.UTF8.GetString(output.WrittenSpan), Encoding.UTF8.GetString(again.WrittenSpan));
    }
}
