using System.Collections.Frozen;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using Assistant.Features.Evaluations;
using Assistant.Testing;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 36 (issue 21, a fact sheet built for the call): the pairs' index is built per group (amounts, gaps of rates,
/// ratios) when a number of that group's unit is looked for; the fact sheet's columns are shared strings; the digit
/// names, unit labels, name units, name cores and the shortest name's run are computed by loops. Each against the plain
/// computation it replaces (kept here), on the reference tables, synthetic tables and random names.
/// </summary>
public class SheetIndexLazyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(3000);

    private static IEnumerable<FactSheet> Sheets()
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
    }

    /// <summary>Every meaningful pair as the whole index listed them before session 36 (one loop over every pair, every kind).</summary>
    private static List<(int A, int B, PairKind Kind)> PlainPairs(SheetIndex sheet)
    {
        Candidate[] all = sheet.Candidates;
        var pairs = new List<(int, int, PairKind)>();
        for (int i = 0; i < all.Length; i++)
        {
            Candidate a = all[i];
            foreach (int j in sheet.Derived.Partners[i])
            {
                Candidate b = all[j];
                if (a.Unit.Base == b.Unit.Base)
                {
                    if (j > i && a.Fact.FundLineIndex is not null && b.Fact.FundLineIndex is not null && a.Measure == b.Measure && a.Measure != "balance")
                    {
                        pairs.Add((i, j, PairKind.Sum));
                    }

                    if (Verifier.Balance(a, b) || Verifier.Gap(a, b))
                    {
                        pairs.Add((i, j, PairKind.Gap));
                    }

                    if (a.Unit.Base is not ("%" or "分" or "个百分点") && b.Fact.Value > 0 && Verifier.Ratio(a, b) && sheet.Printed(b, UnitSpec.None).Low > 0)
                    {
                        pairs.Add((i, j, PairKind.Ratio));
                    }
                }

                if (a.Unit.Base == "%" && b.Unit.Base == "%" && a.Fact.Value > b.Fact.Value && Verifier.RateGap(a, b))
                {
                    pairs.Add((i, j, PairKind.RateGap));
                }
            }
        }

        return pairs;
    }

    private static (int, int, PairKind) Key((int A, int B, PairKind Kind) p) => (p.A, p.B, p.Kind);

    [Fact]
    public void ThePairsGroups_HoldEveryPairThePlainLoopLists()
    {
        int pairs = 0, rateGaps = 0, ratios = 0;
        foreach (FactSheet sheet in Sheets())
        {
            var index = SheetIndex.For(FactSheet.Build(sheet.Evaluation));
            DerivedIndex derived = index.Derived;
            Assert.True(derived.IsIndexed);
            var expected = PlainPairs(index);
            Assert.Equal(expected.Count, derived.Count);
            Assert.Equal(expected.Select(Key).Order(), derived.Pairs().Select(Key).Order());
            pairs += expected.Count;
            rateGaps += expected.Count(p => p.Kind == PairKind.RateGap);
            ratios += expected.Count(p => p.Kind == PairKind.Ratio);
        }

        Assert.True(pairs > 1500, $"{pairs} pairs");
        Assert.True(rateGaps > 50 && ratios > 50, $"{rateGaps} gaps of rates, {ratios} ratios");
    }

    /// <summary>
    /// Each group is built when a number of its unit matches no single fact, and only then; the verdicts are those of
    /// a sheet whose groups were all built before any text. 人次 numbers (amounts), 个百分点 (gaps of rates) and an
    /// unmatched % (ratios), on synthetic tables of several sizes and seeds.
    /// </summary>
    [Theory]
    [InlineData(100, 1)]
    [InlineData(30, 4)]
    [InlineData(12, 9)]
    [InlineData(60, 11)]
    public void EachPairsGroup_IsBuiltOnlyForANumberOfItsUnit_WithTheSameVerdicts(int rows, int seed)
    {
        Evaluation table = SyntheticTables.Project(rows, seed);
        FactSheet probe = FactSheet.Build(table);
        // Two fund lines' 执行率 (84.08% and 71.43%): their gap in 个百分点 is no single fact, so it is looked for among the pairs.
        Fact first = probe.Find("funds.lines[1].rate")!, second = probe.Find("funds.lines[2].rate")!;
        decimal points = PrintedNumber.RoundHalfUp(first.Value, first.Decimals) - PrintedNumber.RoundHalfUp(second.Value, second.Decimals);
        string amounts = "项目全年预算2700.00万元，另有1037人次参与，培训2113人次。";
        string gaps = $"两项资金相差{PrintedNumber.FormatTrimmed(points)}个百分点。";
        string ratio = "参与人数占比37.21%，较上年提高。";

        var sheet = FactSheet.Build(table);
        var reports = new List<string> { VerifierCorpus.Render(Verifier.Verify(sheet, amounts)) };
        DerivedIndex derived = SheetIndex.For(sheet).Derived;
        Assert.True(derived.HasGroup(0));
        Assert.False(derived.HasGroup(1));
        Assert.False(derived.HasGroup(2));

        VerificationReport gapReport = Verifier.Verify(sheet, gaps);
        reports.Add(VerifierCorpus.Render(gapReport));
        Assert.True(derived.HasGroup(1));
        Assert.False(derived.HasGroup(2));
        Assert.Contains(gapReport.Mentions, m => m.Mention.Text.Contains("个百分点", StringComparison.Ordinal) && m.Verdict == Verdict.Derived);

        reports.Add(VerifierCorpus.Render(Verifier.Verify(sheet, ratio)));
        Assert.True(derived.HasGroup(2));

        // The same texts on a sheet whose groups were all built first: the same verdicts, word for word.
        var built = FactSheet.Build(table);
        Assert.Equal(derived.Count, SheetIndex.For(built).Derived.Count);
        Assert.Equal(reports, new[] { amounts, gaps, ratio }.Select(t => VerifierCorpus.Render(Verifier.Verify(built, t))));
    }

    // Names from characters that matter to the loops: brackets of both widths, white space of several kinds, digits,
    // units with a digit, CJK and quotes.
    private static readonly char[] NameAlphabet =
        ['合', '成', '指', '标', '率', '人', '万', '公', '斤', '（', '）', '(', ')', ' ', '\u3000', '\t', '\u00A0', '1', '0', '6', '/', '%', '‰', '“', '”', '"', '-', 'A'];

    private static Arbitrary<string> Names() =>
        Arb.From(Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Gen.Elements(NameAlphabet), n)).Select(cs => new string(cs)));

    private static Arbitrary<string[]> NameLists() =>
        Arb.From(Gen.Choose(0, 12).SelectMany(n => Gen.ArrayOf(Names().Generator, n)));

    private static List<Indicator> Rows(string[] names, string[]? units = null) =>
        [.. names.Select((n, k) => new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = n, Unit = units?[k % units.Length] ?? string.Empty, Target = "1", Actual = "1" })];

    private static IEnumerable<IReadOnlyList<Indicator>> TableRows() => Sheets().Select(s => s.Evaluation.Indicators);

    [Fact]
    public void DigitNames_AreWhatTheSplitAndLinqChainGave()
    {
        static string[] Plain(IReadOnlyList<Indicator> rows) => rows.Select(i => i.Name.Split('（', '(')[0].Trim())
            .Where(n => n.Length >= 4 && n.Any(char.IsAsciiDigit)).Distinct(StringComparer.Ordinal).ToArray();

        int named = 0;
        foreach (var rows in TableRows())
        {
            Assert.Equal(Plain(rows), SheetIndex.DigitNamesOf(rows));
            named += Plain(rows).Length;
        }

        Assert.True(named > 300, $"{named} digit names");
        Prop.ForAll(NameLists(), names => Assert.Equal(Plain(Rows(names)), SheetIndex.DigitNamesOf(Rows(names)))).Check(Config);
        // Repeats kept once, in first-seen order; heads trimmed; a bracket of either width ends the head.
        Assert.Equal(["合成指标12", "2型糖尿病率"], SheetIndex.DigitNamesOf(Rows([" 合成指标12（人）", "合成指标12(万人)", "2型糖尿病率", "合成1", "合成指标"])));
    }

    [Fact]
    public void UnitLabels_AreWhatTheLinqChainGave()
    {
        static string[] Plain(IReadOnlyList<Indicator> rows) => [.. rows
            .SelectMany(i => new[] { i.Unit, SheetIndex.BracketedEnd(i.Name) })
            .Where(u => !string.IsNullOrWhiteSpace(u) && u.Any(char.IsAsciiDigit))
            .Select(u => TextNormalizer.Normalize(u!.Trim()).Replace(" ", string.Empty, StringComparison.Ordinal))
            .ToFrozenSet(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

        foreach (var rows in TableRows())
        {
            Assert.Equal(Plain(rows), SheetIndex.UnitLabelsOf(rows).Order(StringComparer.Ordinal));
        }

        string[] units = ["1/10万", "%", "", "1/ 1000", "人", "万元"];
        Prop.ForAll(NameLists(), names => Assert.Equal(Plain(Rows(names, units)), SheetIndex.UnitLabelsOf(Rows(names, units)).Order(StringComparer.Ordinal))).Check(Config);
        Assert.Equal(["1/1000", "1/10万", "1/万"], SheetIndex.UnitLabelsOf(Rows(["孕产妇死亡率（1/10万）", "婴儿死亡率（1/1000） ", "发病率（1/万)"], ["‰", "1/10万"])).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NameUnit_IsWhatThePatternGave()
    {
        int units = 0;
        foreach (var rows in TableRows())
        {
            foreach (Indicator row in rows)
            {
                Assert.Equal(SheetIndex.NameUnitMatched(row.Name), SheetIndex.NameUnit(row.Name));
                units += SheetIndex.NameUnit(row.Name) is null ? 0 : 1;
            }
        }

        Prop.ForAll(Names(), name => Assert.Equal(SheetIndex.NameUnitMatched(name), SheetIndex.NameUnit(name))).Check(Config);
        foreach (string name in new[] { "新增粮食产能（万公斤）", "新增粮食产能（万公斤） ", "新增粮食产能（万公斤）\u3000", "孕产妇死亡率（1/10万）", "覆盖率(%)", "覆盖率（%）。", "培训人数", "（人）", "" })
        {
            Assert.Equal(SheetIndex.NameUnitMatched(name), SheetIndex.NameUnit(name));
        }

        Assert.Equal("万公斤", SheetIndex.NameUnit("新增粮食产能（万公斤） "));
        Assert.Null(SheetIndex.NameUnit("覆盖率（%）。"));
    }

    [Fact]
    public void NameCore_IsWhatTheLinqFilterGave()
    {
        static string Plain(string s) => new([.. TextNormalizer.Normalize(s).Where(c => !((c < '\u4E00' || c > '\u9FFF') && (char.IsWhiteSpace(c) || c is '(' or ')' or '（' or '）' or '“' or '”' or '"')))]);

        foreach (var rows in TableRows())
        {
            Assert.All(rows, r => Assert.Equal(Plain(r.Name), NameIndex.Core(r.Name)));
        }

        Prop.ForAll(Names(), name => Assert.Equal(Plain(name), NameIndex.Core(name))).Check(Config);
        Assert.Equal("合成指标1人", NameIndex.Core(" 合成指标1（人）"));
        Assert.Equal("合成指标1", NameIndex.Core("合成指标1"));
    }

    [Fact]
    public void MinRun_IsWhatTheLinqChainGave()
    {
        static int Plain(string[] cores) => Math.Min(3, cores.Where(c => c.Length > 0).Select(c => c.Length).DefaultIfEmpty(3).Min());

        Prop.ForAll(NameLists(), names => Assert.Equal(Plain(names), IndicatorNames.MinRun(names))).Check(Config);
        Assert.Equal(3, IndicatorNames.MinRun([]));
        Assert.Equal(3, IndicatorNames.MinRun(["", ""]));
        Assert.Equal(1, IndicatorNames.MinRun(["合成指标", "", "率"]));
    }

    [Fact]
    public void Measure_IsTheIdsTail_AndASharedStringForTheSheetsOwnColumns()
    {
        static string Plain(Fact f)
        {
            int bracket = f.Id.LastIndexOf(']');
            int from = bracket >= 0 && bracket + 1 < f.Id.Length && f.Id[bracket + 1] == '.' ? bracket + 2 : f.Id.LastIndexOf('.') + 1;
            return f.Id[from..];
        }

        int shared = 0, own = 0;
        foreach (FactSheet sheet in Sheets())
        {
            foreach (Candidate c in SheetIndex.For(sheet).Candidates)
            {
                Assert.Equal(Plain(c.Fact), c.Measure);
                bool known = Candidate.KnownMeasures.Contains(c.Measure);
                shared += known && ReferenceEquals(c.Measure, Candidate.KnownMeasures.First(k => k == c.Measure)) ? 1 : 0;
                own += known ? 0 : 1;
            }
        }

        Assert.True(shared > 3000, $"{shared} shared");
        Assert.True(own > 0, "the text cells' numbers (targetText[0]…) keep their own tail");
        foreach (string id in new[] { "indicators[3].actual", "funds.lines[1].share.budget", "levels[产出指标].score", "total", "count.met", "indicators[0].targetText[2]", "turn.n1", "x" })
        {
            var fact = new Fact(id, "标签", 1m, string.Empty, 0, FactKind.Input);
            Assert.Equal(Plain(fact), Candidate.MeasureOf(fact));
        }
    }
}
