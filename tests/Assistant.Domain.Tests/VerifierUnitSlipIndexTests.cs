using System.Text.Json.Nodes;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 21, session 33: the unit-slip check (a named row's digits in another unit of its family) read every fact of
/// the sheet for every number that reached it, asking for each whether its row was named: a fifth of a verification
/// on the 100-indicator table. It now reads only the named rows' facts (<see cref="Verifier.UnitSlipOf"/>). The answer
/// must be the one the walk of every fact gave: the first such fact in the sheet's order, whatever the order of the
/// named rows and however many times one is named.
/// </summary>
public class VerifierUnitSlipIndexTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly string[] Units =
        ["万元", "元", "亿元", "元/人", "元/人次", "元/亩", "人", "人次", "万人", "万人次", "%", "‰", "个百分点", "个", "项", "亩", "万亩", "公里", "户", "天", "分"];

    /// <summary>Tables of several sectors and sizes: the synthetic projects, the reference tables, and a table of rows of one family each.</summary>
    public static TheoryData<string> Tables() =>
        ["synthetic-100", "synthetic-9", "guangxi-2024-employment-transfer", "zhongwei-2024-employment-operating-funds",
         "zhongwei-2024-employment-service-demo", "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-internship-subsidy", "families"];

    private static FactSheet Sheet(string table) => table switch
    {
        "synthetic-100" => FactSheet.Build(SyntheticTables.Project(100)),
        "synthetic-9" => FactSheet.Build(SyntheticTables.Project(9, seed: 7)),
        "families" => FactSheet.Build(Families()),
        _ => FactSheet.Build(SharedData.LoadReference(table)),
    };

    /// <summary>Rows whose targets and actuals share digits across units of one family (元/亩 and 万元, 人 and 人次, ‰ and %).</summary>
    private static Evaluation Families()
    {
        var rows = new JsonArray();
        void Row(string name, string unit, string target, string actual) =>
            rows.Add(new JsonObject { ["level1"] = "产出指标", ["level2"] = "数量指标", ["name"] = name, ["unit"] = unit, ["target"] = target, ["actual"] = actual, ["weight"] = "10" });
        Row("耕地地力保护补贴标准", "元/亩", "120", "120");
        Row("补贴发放金额", "万元", "120", "118.5");
        Row("农机作业服务人次", "人次", "≥800", "820");
        Row("农机手培训人数", "人", "≥800", "820");
        Row("乡村道路改造里程", "公里", "≥35", "36.2");
        Row("道路养护资金", "万元", "36.2", "35");
        Row("新生儿死亡率", "‰", "≤5", "3.2");
        Row("孕产妇系统管理率", "%", "≥90", "93.2");
        Row("满意度", "%", "≥90", "95");
        var e = new JsonObject
        {
            ["kind"] = "project", ["title"] = "乡村振兴衔接补助项目", ["year"] = 2024,
            ["funds"] = new JsonObject
            {
                ["unit"] = "万元", ["weight"] = "10",
                ["lines"] = new JsonArray(new JsonObject { ["name"] = "年度资金总额", ["budget"] = "820.00", ["executed"] = "795.60" }),
            },
            ["indicators"] = rows,
        };
        return EvaluationJson.Parse(e.ToJsonString());
    }

    /// <summary>Session 32's answer: every fact of the sheet read in order, its row asked against the named ones.</summary>
    private static Candidate? EveryFact(SheetIndex index, UnitSpec unit, PrintedNumber number, IReadOnlyList<int> named) =>
        index.Candidates.FirstOrDefault(c => c.Fact.IndicatorIndex is { } row && named.Contains(row) && c.Measure is "target" or "actual"
            && UnitSlip.Is(unit, number, c.Unit, c.Fact.Value));

    [Theory]
    [MemberData(nameof(Tables))]
    public void TheSlipFoundInTheNamedRows_IsTheFirstAWalkOfEveryFactFinds(string table)
    {
        SheetIndex index = SheetIndex.For(Sheet(table));
        int rows = index.Sheet.Evaluation.Indicators.Count;
        decimal[] values = index.Candidates.Select(c => c.Fact.Value).Distinct().ToArray();
        var cases =
            from named in Gen.ListOf(Gen.Choose(0, rows - 1)).Select(l => l.Take(6).ToList())
            from unit in Gen.Elements(Units.Concat(index.Candidates.Select(c => c.Unit.Magnitude + c.Unit.Base)).Distinct().ToArray())
            from value in Gen.Elements(values)
            select (named, unit, value);
        int found = 0;
        Assert.Null(Record.Exception(() => Prop.ForAll(cases.ToArbitrary(), x =>
        {
            UnitSpec unit = UnitSpec.Parse(x.unit);
            var number = new PrintedNumber(x.value, 0);
            Candidate? expected = EveryFact(index, unit, number, x.named);
            Assert.Same(expected, Verifier.UnitSlipOf(index, unit, number, x.named));

            // The same rows named in the other order, and one named twice: the same fact.
            var reversed = Enumerable.Reverse(x.named).Concat(x.named.Take(1)).ToList();
            Assert.Same(expected, Verifier.UnitSlipOf(index, unit, number, reversed));
            found += expected is null ? 0 : 1;
        }).Check(Config)));

        // Every row named, each fact's own value in each unit: the slips a walk of every fact finds are found.
        var all = Enumerable.Range(0, rows).Reverse().ToList();
        foreach (Candidate c in index.Candidates.Where(c => c.Fact.IndicatorIndex is not null))
        {
            foreach (string u in Units)
            {
                UnitSpec unit = UnitSpec.Parse(u);
                var number = new PrintedNumber(c.Fact.Value, 0);
                Candidate? expected = EveryFact(index, unit, number, all);
                Assert.Same(expected, Verifier.UnitSlipOf(index, unit, number, all));
                found += expected is null ? 0 : 1;
            }
        }

        Assert.True(found > 0, $"{table}: no slip was found, so nothing was compared");
    }

    [Fact]
    public void ANamedRowsFirstSlip_IsTheEarlierFact_WhenTwoNamedRowsShareTheDigits()
    {
        SheetIndex index = SheetIndex.For(Sheet("families"));

        // 120 is the 元/亩 row's target and actual and the 万元 row's target: in 元 or 亿元 (the money family), the first is row 0's target.
        // 120元/人 (a compound unit, session 37) is checked only against facts of its own unit: no slip of the 元/亩 row, left unverified.
        Assert.Null(Verifier.UnitSlipOf(index, UnitSpec.Parse("元/人"), new PrintedNumber(120m, 0), [1, 0]));
        foreach (string u in new[] { "元", "亿元" })
        {
            Candidate? slip = Verifier.UnitSlipOf(index, UnitSpec.Parse(u), new PrintedNumber(120m, 0), [1, 0]);
            Assert.NotNull(slip);
            Assert.Equal("indicators[0].target", slip!.Fact.Id);
        }

        // 820 in 万人 or 万人次: 人次 (row 2) before 人 (row 3), named either way round.
        foreach (IReadOnlyList<int> named in new[] { new[] { 3, 2 }, new[] { 2, 3 }, new[] { 3, 3, 2 } })
        {
            Candidate? slip = Verifier.UnitSlipOf(index, UnitSpec.Parse("万人"), new PrintedNumber(820m, 0), named);
            Assert.Equal("indicators[2].actual", slip?.Fact.Id);
        }

        // The row's own unit is no slip; a unit of another family is none either.
        Assert.Null(Verifier.UnitSlipOf(index, UnitSpec.Parse("元/亩"), new PrintedNumber(120m, 0), [0]));
        Assert.Null(Verifier.UnitSlipOf(index, UnitSpec.Parse("公里"), new PrintedNumber(120m, 0), [0, 1]));
    }

    [Theory]
    [InlineData("耕地地力保护补贴标准为120万元。", "120万元")]
    [InlineData("农机手培训人数达到820人次。", "820人次")]
    [InlineData("新生儿死亡率为3.2%。", "3.2%")]
    [InlineData("孕产妇系统管理率达到93.2‰。", "93.2‰")]
    [InlineData("乡村道路改造里程完成36.2万元。", "36.2万元")]
    [InlineData("耕地地力保护补贴标准120元/亩，补贴发放金额118.5元。", "118.5元")]
    public void InOtherSectors_ASlipIsJudgedAsTheReferenceVerifierJudgesIt(string text, string number)
    {
        FactSheet sheet = Sheet("families");
        var product = Verifier.Verify(sheet, text).Mentions.Last(m => m.Mention.Text.StartsWith(number, StringComparison.Ordinal));
        var reference = ReferenceVerifier.Verifier.Verify(sheet, text).Mentions.Last(m => m.Mention.Text.StartsWith(number, StringComparison.Ordinal));
        Assert.Equal((reference.Verdict, reference.FactId, reference.Note), (product.Verdict, product.FactId, product.Note));
    }
}
