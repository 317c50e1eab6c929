using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;
using FsCheck;
using FsCheck.Fluent;
using Interval = Assistant.Domain.Numbers.Interval;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 35 (issue 21, a fact sheet built for the call): the verifier's per-sheet preparation takes shorter
/// paths: nesting names through a character mask and one containment test, pair hulls from values computed once
/// per fact, candidates grouped by a loop, interval arrays sorted in place. Each fast path against the plain
/// computation it replaces, on many inputs: the reference tables, synthetic tables of several seeds and sizes,
/// tables with numbers near decimal's limit, and random strings.
/// </summary>
public class SheetIndexFastPathTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(2000);

    internal static IEnumerable<FactSheet> Sheets()
    {
        foreach (string table in new[]
        {
            "guangxi-2024-employment-transfer", "zhongwei-2024-employment-operating-funds", "zhongwei-2024-employment-service-demo",
            "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-internship-subsidy",
        })
        {
            yield return VerifierCorpus.Reference(table);
        }

        yield return FactSheet.Build(EvaluationJson.Parse(File.ReadAllText(Path.Combine(RepoPaths.Repo, "eval", "cases", "reports", "zhalantun-2024.evaluation.json"))));
        yield return FactSheet.Build(EvaluationJson.Parse(RealDocumentVerifierTests.CountyJson));
        foreach ((int rows, int seed) in new[] { (5, 1), (30, 2), (100, 1), (100, 7), (150, 3) })
        {
            yield return FactSheet.Build(SyntheticTables.Project(rows, seed));
        }

        yield return FactSheet.Build(Extreme());
    }

    /// <summary>Fund lines in 亿元 and rows near decimal's limit: products and sums that overflow, so pairs whose hull cannot be computed.</summary>
    private static Evaluation Extreme()
    {
        var big = new PrintedNumber(79_000_000_000_000_000_000_000_000m, 0);
        var table = SyntheticTables.Project(12, 5);
        return table with
        {
            Funds = new FundSection
            {
                Unit = "亿元",
                Weight = new PrintedNumber(10m, 2),
                Lines =
                [
                    new FundLine { Name = "年度资金总额", Budget = big, Executed = new PrintedNumber(3.25m, 2) },
                    new FundLine { Name = "中央财政资金", Parent = "年度资金总额", Budget = big, Executed = new PrintedNumber(0.000001m, 6) },
                    new FundLine { Name = "其他资金", Parent = "年度资金总额", Budget = new PrintedNumber(0m, 0), Executed = new PrintedNumber(0.5m, 1) },
                ],
            },
            Indicators = [.. table.Indicators.Select((r, k) => k % 4 == 0 ? r with { Target = "79000000000000000000000000", Actual = "78000000000000000000000000.5", Unit = "万人" } : r)],
        };
    }

    [Fact]
    public void NamesNest_IsEitherNameHoldingTheOther_ForEveryPairOfEveryTable()
    {
        int pairs = 0, nesting = 0, selves = 0;
        foreach (FactSheet sheet in Sheets())
        {
            var index = SheetIndex.For(sheet);
            var rows = sheet.Evaluation.Indicators;
            selves += rows.Count;
            for (int a = 0; a < rows.Count; a++)
            {
                int[] list = index.NestListOf(a);
                var expected = new List<int>();
                for (int b = 0; b < rows.Count; b++)
                {
                    bool plain = rows[a].Name.Contains(rows[b].Name, StringComparison.Ordinal) || rows[b].Name.Contains(rows[a].Name, StringComparison.Ordinal);
                    Assert.Equal(plain, index.NamesNest(a, b));
                    if (plain)
                    {
                        expected.Add(b);
                        nesting++;
                    }

                    pairs++;
                }

                Assert.Equal(expected, list);
            }
        }

        // Every name nests with itself; the synthetic names nest with others too (合成指标1 in 合成指标10…19 and 100), and most pairs do not.
        Assert.InRange(nesting, selves + 100, pairs / 2);
    }

    /// <summary>
    /// A table whose budget in 亿元 is too large for decimal in 元 (before session 35 the ratio check of the pairs threw
    /// and the whole verification failed): its pairs are kept for every query, and a text against it is verified.
    /// </summary>
    [Theory]
    [InlineData("年度资金总额79000000000000000000000000亿元，执行3.25亿元。")]
    [InlineData("中央财政资金执行0.000001亿元，其他资金执行0.5亿元，合计0.500001亿元。")]
    [InlineData("合成指标1完成值为78000000000000000000000000.5万人，另有1037人次参与。")]
    public void ATableTooLargeForDecimalInBaseUnits_IsVerifiedWithoutFailing(string text)
    {
        var report = Verifier.Verify(FactSheet.Build(Extreme()), text);
        Assert.NotEmpty(report.Mentions);
        Assert.Equal(report.Mentions.Count, report.Summary.Numbers);
    }

    /// <summary>The pairs' index is built when a number no single fact gives is looked for, and only then; the verdicts are the same either way.</summary>
    [Theory]
    [InlineData(100, 1)]
    [InlineData(30, 4)]
    [InlineData(12, 9)]
    public void ThePairsIndex_IsBuiltOnlyForANumberNoFactGives_WithTheSameVerdicts(int rows, int seed)
    {
        Evaluation table = SyntheticTables.Project(rows, seed);
        var sheet = FactSheet.Build(table);
        var row = sheet.Report.Indicators[2];
        string factsOnly = $"{row.Name}完成值为{row.Actual.Text}。项目全年预算2700.00万元，执行2181.57万元。";
        // 518.43万元 is the balance (a fact); 1037人次 is no fact's, so it is looked for among the pairs.
        string withPairs = factsOnly + "结余518.43万元，另有1037人次参与。";

        VerificationReport first = Verifier.Verify(sheet, factsOnly);
        Assert.False(SheetIndex.For(sheet).HasDerived);
        // 合成指标3's 3 is part of a name; the other numbers are the row's and the funds' own.
        Assert.All(first.Mentions, m => Assert.Contains(m.Verdict, new[] { Verdict.Verified, Verdict.Identifier }));
        Assert.Equal(3, first.Mentions.Count(m => m.Verdict == Verdict.Verified));

        VerificationReport second = Verifier.Verify(sheet, withPairs);
        Assert.True(SheetIndex.For(sheet).HasDerived);
        Assert.Contains(second.Mentions, m => m.Mention.Text.StartsWith("518.43", StringComparison.Ordinal) && m.FactId == "funds.lines[0].balance");

        // The same texts on a sheet whose pairs were built before any text: the same verdicts.
        var built = FactSheet.Build(table);
        _ = SheetIndex.For(built).Derived;
        Assert.Equal(VerifierCorpus.Render(first), VerifierCorpus.Render(Verifier.Verify(built, factsOnly)));
        Assert.Equal(VerifierCorpus.Render(second), VerifierCorpus.Render(Verifier.Verify(built, withPairs)));
    }

    [Fact]
    public void Nest_AgreesWithContainment_OnRandomStrings()
    {
        // A small alphabet (Chinese, digits, brackets, one character 64 codes from another) so that containment is common.
        char[] alphabet = ['合', '成', '指', '标', '1', '0', '（', '）', '人', '数', '率', 'A', (char)('A' + 64), ' '];
        var word = Gen.Choose(0, 7).SelectMany(n => Gen.ArrayOf(Gen.Elements(alphabet), n)).Select(cs => new string(cs));
        Prop.ForAll(Arb.From(word), Arb.From(word), (x, y) =>
        {
            bool plain = x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal);
            Assert.Equal(plain, SheetIndex.Nest(x, SheetIndex.CharMask(x), y, SheetIndex.CharMask(y)));
            Assert.Equal(plain, SheetIndex.Nest(y, SheetIndex.CharMask(y), x, SheetIndex.CharMask(x)));
        }).Check(Config);
    }

    [Fact]
    public void PairHull_FromValuesComputedOnce_IsTheHullComputedPerPair_OrFailsAsItDoes()
    {
        int compared = 0, failed = 0;
        foreach (FactSheet sheet in Sheets())
        {
            var index = SheetIndex.For(sheet);
            Candidate[] all = index.Candidates;
            var own = new DerivedIndex.Own?[all.Length];
            for (int a = 0; a < all.Length; a++)
            {
                foreach (int b in index.Derived.Partners[a])
                {
                    for (var kind = PairKind.Sum; kind <= PairKind.Ratio; kind++)
                    {
                        Interval? plain = Hull(() => DerivedIndex.HullOf(index, all[a], all[b], kind));
                        Interval? fast = Hull(() => DerivedIndex.PairHull(index, all, own, a, b, kind));
                        Assert.Equal(plain, fast);
                        compared++;
                        failed += plain is null ? 1 : 0;
                    }
                }
            }
        }

        Assert.True(compared > 10_000, $"{compared} hulls compared");
        Assert.True(failed > 0, "the extreme table gives pairs whose hull overflows");
    }

    private static Interval? Hull(Func<Interval> hull)
    {
        try
        {
            return hull();
        }
        catch (Exception e) when (e is OverflowException or ArgumentOutOfRangeException or DivideByZeroException)
        {
            return null;
        }
    }

    [Fact]
    public void Candidates_AreTheFactsThenTheTextNumbers_GroupedByIndicatorAndFundLineInOrder()
    {
        int deductions = 0;
        foreach (FactSheet sheet in Sheets())
        {
            var index = SheetIndex.For(sheet);
            Candidate[] all = index.Candidates;
            // The facts in order, less the fund line's deduction (read only after 扣/失分, never by value), then the text's numbers.
            Fact[] facts = sheet.Facts.Where(f => !Deductions.IsFundLost(f)).ToArray();
            deductions += sheet.Facts.Count - facts.Length;
            Assert.Equal(facts, all.Take(facts.Length).Select(c => c.Fact));
            Assert.Equal(Enumerable.Range(0, all.Length), all.Select(c => c.Position));
            Assert.All(all.Skip(facts.Length), c => Assert.Contains("Text[", c.Fact.Id, StringComparison.Ordinal));
            var groups = all.Where(c => c.Fact.IndicatorIndex is not null).GroupBy(c => c.Fact.IndicatorIndex!.Value).ToDictionary(g => g.Key, g => g.ToArray());
            for (int i = -1; i <= sheet.Evaluation.Indicators.Count; i++)
            {
                Assert.Equal(groups.TryGetValue(i, out Candidate[]? g) ? g : [], index.OfIndicator(i));
            }

            Assert.Equal(all.Where(c => c.Fact.FundLineIndex is not null), index.FundCandidates);
        }

        Assert.True(deductions > 0, "some sheet carries the fund line's deduction fact, so leaving it out is exercised");
    }

    [Fact]
    public void IntervalIndex_ReturnsEveryIntervalMeetingTheQuery_AndOnlyThoseWithinItsMargin()
    {
        var interval = from low in Gen.Choose(-1000, 1000)
                       from width in Gen.Choose(0, 300)
                       select ((double)low / 8, ((double)low + width) / 8);
        var cases = from items in Gen.ListOf(interval)
                    from low in Gen.Choose(-1100, 1100)
                    from width in Gen.Choose(0, 400)
                    select (items.ToList(), (double)low / 8, ((double)low + width) / 8);
        Prop.ForAll(Arb.From(cases), c =>
        {
            (List<(double Low, double High)> items, double low, double high) = c;
            var index = new IntervalIndex([.. items.Select((it, k) => (it.Low, it.High, k + 100))], [7]);
            var hits = new List<int>();
            index.Query(low, high, hits);
            var expected = items.Select((it, k) => (it, k)).Where(p => p.it.Low <= high && p.it.High >= low).Select(p => p.k + 100).Append(7);
            Assert.Equal(expected.Order(), hits.Order());
            Assert.Equal(items.Count + 1, index.Count);
        }).Check(Config);
    }
}
