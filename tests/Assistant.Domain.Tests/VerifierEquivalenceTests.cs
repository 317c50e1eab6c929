using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 21: random texts built from a table's facts — its numbers, their sums, gaps and ratios, the
/// same numbers with a digit changed, and numbers of no fact, in the phrasings the verifier reads
/// (完成率为, 结余, 低于目标, 约, 超过…) — get exactly the verdicts the pre-index verifier (kept as
/// <see cref="ReferenceVerifier.Verifier"/>) gives; correct numbers verify and a changed digit never
/// verifies as the fact it distorts.
/// </summary>
public class VerifierEquivalenceTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly FactSheet[] Sheets =
    [
        .. new[]
        {
            "guangxi-2024-employment-transfer", "zhongwei-2024-employment-operating-funds", "zhongwei-2024-employment-service-demo",
            "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-internship-subsidy",
        }.Select(VerifierCorpus.Reference),
        FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "reports", "zhalantun-2024.evaluation.json")))),
        FactSheet.Build(EvaluationJson.Parse(RealDocumentVerifierTests.CountyJson)),
        FactSheet.Build(SyntheticTables.Project(30)),
    ];

    private static readonly string[] Leads = ["", "实际完成", "完成值为", "指标值为", "完成率为", "执行率为", "结余", "低于目标", "超出目标", "比目标多", "合计", "共", "其中", "较上年增长", "全年支出"];

    private static readonly string[] Qualifiers = ["", "", "", "约", "近", "超过", "不超过"];

    private static readonly string[] Tails = ["", "", "左右", "以上", "以下"];

    private static readonly string[] Units = ["", "人", "万人", "人次", "万人次", "元", "万元", "亿元", "%", "个百分点", "项", "个", "家", "分", "元/人"];

    private static void Holds(Property property) =>
        Assert.Null(Record.Exception(() => property.Check(Config)));

    /// <summary>Whom a sentence is about: an indicator, a fund line, or nobody.</summary>
    private static string Subject(FactSheet sheet, Fact fact) =>
        fact.IndicatorIndex is { } i ? sheet.Evaluation.Indicators[i].Name
        : fact.FundLineIndex is { } l ? sheet.Evaluation.Funds.Lines[l].Name
        : string.Empty;

    private static Gen<string> Number(FactSheet sheet) =>
        Gen.OneOf(
            // A fact, at its own or a coarser precision, possibly with a digit changed.
            from fact in Gen.Elements(sheet.Facts.ToArray())
            from decimals in Gen.Choose(0, Math.Max(0, Math.Min(4, fact.Decimals)))
            from change in Gen.Choose(-3, 3)
            from lead in Gen.Elements(Leads)
            let value = PrintedNumber.RoundHalfUp(fact.Value, decimals) + (change == 0 ? 0 : change * PrintedNumber.Unit(decimals))
            where value >= 0
            select $"{Subject(sheet, fact)}{lead}{PrintedNumber.Format(value, decimals)}{fact.Unit}",

            // A sum, gap or ratio of two facts of one indicator or two fund lines.
            from a in Gen.Elements(sheet.Facts.ToArray())
            from b in Gen.Elements(sheet.Facts.Where(f => (f.IndicatorIndex is not null && f.IndicatorIndex == a.IndicatorIndex) || (f.FundLineIndex is not null && a.FundLineIndex is not null)).DefaultIfEmpty(a).ToArray())
            from op in Gen.Choose(0, 2)
            from decimals in Gen.Choose(0, 2)
            from lead in Gen.Elements(Leads)
            from qualifier in Gen.Elements(Qualifiers)
            let value = op switch
            {
                0 => a.Value + b.Value,
                1 => Math.Abs(a.Value - b.Value),
                _ => b.Value == 0 ? 0 : a.Value / b.Value * 100m,
            }
            let unit = op == 2 ? "%" : a.Unit == "%" ? "个百分点" : a.Unit
            select $"{Subject(sheet, a)}{lead}{qualifier}{PrintedNumber.Format(PrintedNumber.RoundHalfUp(value, decimals), decimals)}{unit}",

            // A number of no fact.
            from whole in Gen.Choose(0, 50000)
            from decimals in Gen.Choose(0, 2)
            from unit in Gen.Elements(Units)
            from qualifier in Gen.Elements(Qualifiers)
            from tail in Gen.Elements(Tails)
            from lead in Gen.Elements(Leads)
            select $"{lead}{qualifier}{PrintedNumber.Format(whole / 100m * (decimals + 1), decimals)}{unit}{tail}");

    private static Gen<(FactSheet Sheet, string Text)> Texts() =>
        from sheet in Gen.Elements(Sheets)
        from count in Gen.Choose(1, 8)
        from parts in Gen.ListOf(Number(sheet), count)
        from separators in Gen.ListOf(Gen.Elements("，", "。", "；", "、", "\n"), count)
        select (sheet, string.Concat(parts.Zip(separators, (p, s) => p + s)));

    /// <summary>Texts the random search once found the two verifiers disagreeing on (kept as fixed cases).</summary>
    [Theory]
    [InlineData("zhongwei-2024-entrepreneurship-fund", "当年财政拨款超出目标518.43万元，共超过0项。")]
    [InlineData("zhongwei-2024-entrepreneurship-fund", "完成值为不超过611.2万人次左右、市直属“学前教师”基层服务专项计划经费超出目标77万元，公益性岗位补贴其中43%，促进创业带动就业比目标多3分、共近193.2分；当年财政拨款超出目标518.43万元，共超过0项。补贴发放准确率执行率为6分；")]
    // Session 41: the product said contradicted (the two lines' sums are 270101万元 executed, 302354万元 budgeted), the reference unverified —
    // it lacked session 37's sum of named fund lines; the product is right, and the reference now asks the same rule.
    [InlineData("guangxi-2024-employment-transfer", "中央财政资金、其他资金合计3649万元")]
    [InlineData("guangxi-2024-employment-transfer", "地方资金超出目标30.13万元、中央财政资金、其他资金合计3649万元；")]
    public void TextsOnceFound_GetTheReferenceVerdicts(string table, string text)
    {
        FactSheet sheet = VerifierCorpus.Reference(table);
        string expected = VerifierCorpus.Render(ReferenceVerifier.Verifier.Verify(sheet, text));
        string actual = VerifierCorpus.Render(Verifier.Verify(sheet, text));
        Assert.True(expected == actual, text + "\n" + VerifierGoldenTests.FirstDifference(expected, actual));
    }

    [Fact]
    public void RandomTextsFromTheFacts_GetTheReferenceVerdicts()
    {
        Holds(Prop.ForAll(Texts().ToArbitrary(), x =>
        {
            string expected = VerifierCorpus.Render(ReferenceVerifier.Verifier.Verify(x.Sheet, x.Text));
            string actual = VerifierCorpus.Render(Verifier.Verify(x.Sheet, x.Text));
            Assert.True(expected == actual, x.Text + "\n" + VerifierGoldenTests.FirstDifference(expected, actual));
        }));
    }

    private static readonly (FactSheet Sheet, Fact Fact, string Name)[] Actuals = Sheets.Take(5)
        .SelectMany(sheet => sheet.Facts
            .Where(f => f.Id.EndsWith(".actual", StringComparison.Ordinal) && f.IndicatorIndex is not null && f.Value > 0
                && f.Unit is "人" or "万人" or "人次" or "万人次" or "万元" or "亿元" or "个" or "家" or "%")
            .Select(f => (sheet, f, sheet.Evaluation.Indicators[f.IndicatorIndex!.Value].Name)))
        .ToArray();

    [Fact]
    public void SeveralCorrectActuals_AllVerify_AndAChangedDigit_NeverVerifiesAsItsFact()
    {
        var gen =
            from sheet in Gen.Elements(Sheets.Take(5).ToArray())
            from picks in Gen.ListOf(Gen.Elements(Actuals.Where(a => a.Sheet == sheet).ToArray()), 4)
            from wrong in Gen.Choose(0, 3)
            from digit in Gen.Choose(1, 9)
            select (sheet, picks, wrong, digit);
        Holds(Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var written = x.picks.Select((p, k) =>
            {
                decimal value = p.Fact.Value;
                if (k == x.wrong)
                {
                    // The leading digit changed: far beyond any rounding of the fact.
                    string s = PrintedNumber.Format(value, p.Fact.Decimals);
                    int first = s.IndexOfAny("123456789".ToCharArray());
                    char d = (char)('0' + ((s[first] - '0' + x.digit) % 10));
                    value = d == '0' && first == 0 ? value * 3 : decimal.Parse(s[..first] + d + s[(first + 1)..], System.Globalization.CultureInfo.InvariantCulture);
                }

                return (p.Fact, p.Name, Text: PrintedNumber.Format(value, p.Fact.Decimals) + p.Fact.Unit);
            }).ToList();
            string text = string.Concat(written.Select(w => $"{w.Name}实际完成{w.Text}。"));
            VerificationReport report = Verifier.Verify(x.sheet, text);
            var mentions = report.Mentions.Where(m => m.Mention.Number is not null && !m.Mention.IsIdentifier).ToList();
            Assert.Equal(written.Count, mentions.Count);
            for (int k = 0; k < written.Count; k++)
            {
                if (k == x.wrong)
                {
                    Assert.False(mentions[k].Verdict is Verdict.Verified or Verdict.Derived && mentions[k].FactId == written[k].Fact.Id, text);
                }
                else
                {
                    Assert.True(mentions[k].Verdict is Verdict.Verified or Verdict.Derived, $"{text}: {mentions[k].Mention.Text} {mentions[k].Verdict}");
                }
            }

            Assert.Equal(VerifierCorpus.Render(ReferenceVerifier.Verifier.Verify(x.sheet, text)), VerifierCorpus.Render(report));
        }));
    }

    [Fact]
    public void ThePreparedIndex_IsBuiltOncePerSheet_AndBounded()
    {
        FactSheet sheet = FactSheet.Build(SyntheticTables.Project(100));
        SheetIndex index = SheetIndex.For(sheet);
        Assert.Same(index, SheetIndex.For(sheet));
        Assert.True(index.Derived.IsIndexed);
        Assert.InRange(index.Derived.Count, 1, DerivedIndex.MaxPairs * 4);
        Assert.NotSame(index, SheetIndex.For(sheet with { }));
    }
}
