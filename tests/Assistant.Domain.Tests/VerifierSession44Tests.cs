using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using FsCheck;
using FsCheck.Fluent;

namespace Assistant.Domain.Tests;

/// <summary>
/// Issue 21, session 44 (i44-vperf): each new shortcut of the verifier's hot path against what it replaces.
/// A clause's own-subject answer remembered by its text is <see cref="VerificationContext.HasOwnSubject"/> of that text;
/// <see cref="IndicatorNames"/> writing cores into one kept buffer answers as a fresh instance per text, short after long;
/// the reasons' character mask skips <see cref="Verifier.QuotedFromReason(Mention, string, Evaluations.Evaluation, string?[])"/>
/// only where it would find nothing.
/// </summary>
public class VerifierSession44Tests
{
    private static IEnumerable<VerifierCorpus.Text> Corpus() => VerifierCorpus.Groups().SelectMany(VerifierCorpus.Texts);

    [Fact]
    public void ClauseHasOwnSubject_RememberedByText_IsHasOwnSubjectOfEveryClause_InEitherOrder()
    {
        int asked = 0, own = 0, repeated = 0;
        foreach (VerifierCorpus.Text t in Corpus())
        {
            string normalized = TextNormalizer.Normalize(t.Body);
            foreach (bool reverse in new[] { false, true })
            {
                List<Clause> clauses = Clause.Split(normalized);
                var context = new VerificationContext(normalized, clauses, new SubjectScopes(normalized, t.Sheet.Evaluation), MentionExtractor.Extract(t.Body, normalized));
                var order = Enumerable.Range(0, clauses.Count).ToList();
                if (reverse)
                {
                    order.Reverse();
                }

                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (int k in order)
                {
                    bool expected = VerificationContext.HasOwnSubject(clauses[k].Text);
                    Assert.Equal(expected, context.ClauseHasOwnSubject(k));
                    Assert.Equal(expected, context.ClauseHasOwnSubject(k));
                    asked++;
                    own += expected ? 1 : 0;
                    repeated += seen.Add(clauses[k].Text) ? 0 : 1;
                }
            }
        }

        Assert.True(asked > 1000 && own > 100 && asked - own > 100 && repeated > 50, $"{asked} asked, {own} with a subject of their own, {repeated} worded as one before");
    }

    [Fact]
    public void ClauseHasOwnSubject_OfClausesWordedAlike_IsEachTheAnswerOfItsText()
    {
        const string text = "较上年有所提高，另有100人次参与。培训人员规模扩大，较上年有所提高，培训人员规模扩大。";
        string normalized = TextNormalizer.Normalize(text);
        List<Clause> clauses = Clause.Split(normalized);
        var sheet = FactSheet.Build(Assistant.Features.Evaluations.SyntheticTables.Project(10));
        var context = new VerificationContext(normalized, clauses, new SubjectScopes(normalized, sheet.Evaluation), MentionExtractor.Extract(text, normalized));
        for (int k = 0; k < clauses.Count; k++)
        {
            Assert.Equal(VerificationContext.HasOwnSubject(clauses[k].Text), context.ClauseHasOwnSubject(k));
        }

        // The two wordings differ in their answers, so a memory keyed wrongly would fail here.
        Assert.False(context.ClauseHasOwnSubject(0));
        Assert.True(context.ClauseHasOwnSubject(2));
        Assert.False(context.ClauseHasOwnSubject(3));
        Assert.True(context.ClauseHasOwnSubject(4));
    }

    private const string Alphabet = "就业人员培训补贴率数城镇新增失业再创合成指标12";

    private static Gen<(List<string> Names, List<string> Texts)> Cases() =>
        from count in Gen.Choose(1, 25)
        from names in Gen.ListOf(
            from length in Gen.Choose(1, 10)
            from chars in Gen.ListOf(Gen.Elements(Alphabet.ToCharArray()), length)
            select new string(chars.ToArray()),
            count)
        from texts in Gen.ListOf(
            from pieces in Gen.Choose(0, 8)
            from repeat in Gen.Elements(1, 1, 1, 40, 120)
            from parts in Gen.ListOf(Gen.OneOf(Gen.Elements(names.ToArray()), Gen.Elements("实现", "（", "）", " ", "的", "2", "，完成")), pieces)
            select string.Concat(Enumerable.Repeat(string.Concat(parts), repeat)),
            12)
        select (names.ToList(), texts.ToList());

    [Fact]
    public void IndicatorNames_WithItsKeptBuffer_AnswersAsAFreshInstancePerText_ShortAfterLong()
    {
        int longTexts = 0, namedAny = 0;
        Assert.Null(Record.Exception(() => Prop.ForAll(Cases().ToArbitrary(), x =>
        {
            var kept = new IndicatorNames(x.Names);
            for (int round = 0; round < 2; round++)
            {
                foreach (string text in round == 0 ? x.Texts : Enumerable.Reverse(x.Texts))
                {
                    var fresh = new IndicatorNames(x.Names);
                    Assert.Equal(fresh.Named(text), kept.Named(text));
                    Assert.Equal(fresh.Scored(text, out int freshBest).ToArray(), kept.Scored(text, out int keptBest).ToArray());
                    Assert.Equal(freshBest, keptBest);
                    longTexts += text.Length > 512 ? 1 : 0;
                    namedAny += fresh.Named(text).Count > 0 ? 1 : 0;
                    fresh.Release();
                }

                // As a verifier does between texts: the answers forgotten, the long text's buffer dropped.
                kept.Release();
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300))));
        Assert.True(longTexts > 100 && namedAny > 100, $"{longTexts} texts over 512 characters, {namedAny} naming some name");
    }

    [Fact]
    public void ReasonsMayQuote_SkipsOnlyNumbersNoReasonCanQuote_OnEveryCorpusText()
    {
        int skipped = 0, quoted = 0, asked = 0;
        foreach (VerifierCorpus.Text t in Corpus().Concat(NotedTexts()))
        {
            string normalized = TextNormalizer.Normalize(t.Body);
            string?[] reasons = Verifier.NormalizedReasons(t.Sheet.Evaluation);
            ulong mask = Verifier.ReasonMask(reasons);
            foreach (Mention m in MentionExtractor.Extract(t.Body, normalized))
            {
                CheckedMention? found = Verifier.QuotedFromReason(m, normalized, t.Sheet.Evaluation, reasons);
                asked++;
                quoted += found is null ? 0 : 1;
                if (!Verifier.ReasonsMayQuote(mask, m, normalized))
                {
                    skipped++;
                    Assert.Null(found);
                }
            }
        }

        Assert.True(asked > 1000 && skipped > 100 && quoted > 0, $"{asked} numbers, {skipped} skipped, {quoted} quoted from a reason");
    }

    [Fact]
    public void ReasonMask_HoldsEachCharacterBelow64OfTheReasons_AndNothingElse()
    {
        ulong mask = Verifier.ReasonMask(["完成95.5%，", null, "差-3", "无数字"]);
        foreach (char c in "0123456789.%-+,() ")
        {
            Assert.Equal("95.5%-3".Contains(c, StringComparison.Ordinal), (mask & (1UL << c)) != 0);
        }

        Assert.Equal(0UL, Verifier.ReasonMask([null, "资金下达时间较晚"]));
    }

    /// <summary>The synthetic table with 偏差原因 quoting its rows' figures, and a text quoting some of them.</summary>
    private static IEnumerable<VerifierCorpus.Text> NotedTexts()
    {
        var evaluation = Assistant.Features.Evaluations.SyntheticTables.Project(30);
        var rows = evaluation.Indicators.Select((r, i) => i % 3 == 0 ? r with { DeviationNote = $"受天气影响，完成{r.Actual}，较目标少{i + 3}人" } : r).ToList();
        var sheet = FactSheet.Build(evaluation with { Indicators = rows });
        var text = string.Concat(rows.Select((r, i) => $"{r.Name}完成{r.Actual}，较目标少{i + 3}人，另有{i * 7 + 1}人次参与。"));
        yield return new VerifierCorpus.Text("noted", sheet, text);
    }

    /// <summary>
    /// The names' characters in an open-addressed table (in place of a dictionary): on names drawn from up to 600 distinct
    /// characters (a table of up to 2,048 slots, many characters sharing a first slot), with texts mixing the names' characters
    /// and others no name holds, the matcher names as the longest-common-run table of the pre-index matcher.
    /// </summary>
    [Fact]
    public void TheNamesCharacterTable_OnManyDistinctCharacters_NamesAsTheLongestCommonRunTable()
    {
        int named = 0;
        Gen<(List<string> Names, List<string> Texts)> cases =
            from span in Gen.Choose(1, 600)
            from count in Gen.Choose(1, 40)
            from names in Gen.ListOf(
                from length in Gen.Choose(1, 12)
                from chars in Gen.ListOf(Gen.Choose(0, span - 1).Select(k => (char)(0x4E00 + k)), length)
                select new string(chars.ToArray()),
                count)
            from texts in Gen.ListOf(
                from n in Gen.Choose(0, 6)
                from pieces in Gen.ListOf(Gen.OneOf(Gen.Elements(names.ToArray()), Gen.Choose(0, 1200).Select(k => ((char)(0x4E00 + k)).ToString()), Gen.Elements("2", "的", "\uFFFF")), n)
                select string.Concat(pieces),
                10)
            select (names.ToList(), texts.ToList());
        Assert.Null(Record.Exception(() => Prop.ForAll(cases.ToArbitrary(), x =>
        {
            var reference = new ReferenceVerifier.IndicatorNames(x.Names);
            var indexed = new IndicatorNames(x.Names);
            foreach (string text in x.Texts.Concat(x.Names))
            {
                Assert.Equal(reference.Named(text).ToList(), indexed.Named(text).ToList());
                named += indexed.Named(text).Count > 0 ? 1 : 0;
            }
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(300))));
        Assert.True(named > 1000, $"{named} texts naming some name");
    }
}
