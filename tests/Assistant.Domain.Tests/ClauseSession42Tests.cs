using Assistant.Domain.Numbers;
using Assistant.Domain.Verification;
using Assistant.Testing;
using Reference = Assistant.Domain.Tests.ReferenceVerifier;

namespace Assistant.Domain.Tests;

/// <summary>
/// Session 42 (issue 21, i42-vperf): a clause no longer copies its text and its sentence when the text is split, and copies the
/// words before and after a number once per position, not once per question. Held equal to the frozen clause
/// (<see cref="Reference.Clause"/>, which copies everything) on every corpus text and on crafted ones, position by position and
/// in orders that move each remembered position back and forth. The verdicts themselves are held by the goldens.
/// </summary>
public class ClauseSession42Tests
{
    [Theory]
    [InlineData("")]
    [InlineData("。")]
    [InlineData("，，；：")]
    [InlineData("项目全年预算2700.00万元，执行2181.57万元，执行率80.80%。")]
    [InlineData("第一句没有标点")]
    [InlineData("甲，乙；丙：丁。\n戊！己？庚!辛?壬,癸;子:丑")]
    [InlineData("\n\n，\n。。")]
    [InlineData("2024年，项目全年预算2700.00万元\n执行率80.80%")]
    public void Split_IsTheFrozenSplit_EveryPositionInEveryOrder(string text) => AssertSameAsFrozen(text);

    [Fact]
    public void Split_OnEveryCorpusText_IsTheFrozenSplit()
    {
        int texts = 0;
        foreach (string body in VerifierCorpus.Groups().SelectMany(VerifierCorpus.Texts).Select(t => t.Body).Distinct(StringComparer.Ordinal))
        {
            AssertSameAsFrozen(TextNormalizer.Normalize(body), step: 7);
            texts++;
        }

        Assert.True(texts >= 20, $"only {texts} corpus texts");
    }

    [Fact]
    public void WordsAroundAPosition_AreCopiedOncePerPosition()
    {
        var clause = Clause.Split("前言。项目全年预算2700.00万元，执行2181.57万元")[2];
        int inside = clause.Start + 3;

        // The same position again: the same copy (a new one per question before session 42).
        Assert.Same(clause.Before(inside), clause.Before(inside));
        Assert.Same(clause.After(inside), clause.After(inside));
        Assert.Same(clause.SentenceBefore(inside), clause.SentenceBefore(inside));
        Assert.Same(clause.Text, clause.Text);
        Assert.Same(clause.Sentence, clause.Sentence);

        // Another position in between: a new copy, with that position's words, then the first position's words again.
        Assert.Equal("执行", clause.Before(clause.Start + 2));
        Assert.Equal("执行2", clause.Before(inside));
        Assert.Equal("181.57万元", clause.After(inside));
        Assert.Equal("项目全年预算2700.00万元，执行2", clause.SentenceBefore(inside));
    }

    [Fact]
    public void ClausesOfOneSentence_ShareTheSentencesCopy()
    {
        var clauses = Clause.Split("项目全年预算2700.00万元，执行2181.57万元；执行率80.80%。下一句");
        Assert.Same(clauses[0].Sentence, clauses[1].Sentence);
        Assert.Same(clauses[1].Sentence, clauses[2].Sentence);
        Assert.Equal("下一句", clauses[3].Sentence);
    }

    private static void AssertSameAsFrozen(string text, int step = 1)
    {
        List<Reference.Clause> expected = Reference.Clause.Split(text);
        List<Clause> actual = Clause.Split(text);
        Assert.Equal(expected.Count, actual.Count);
        for (int c = 0; c < expected.Count; c++)
        {
            Reference.Clause e = expected[c];
            Clause a = actual[c];
            Assert.Equal((e.Start, e.End, e.SentenceStart), (a.Start, a.End, a.SentenceStart));

            // Positions from before the sentence to past the clause, ascending, then descending, then alternating ends, then
            // each twice: the remembered position moves every way before the clause's own texts are read.
            var positions = new List<int>();
            for (int i = e.SentenceStart - 2; i <= e.End + 2; i += step)
            {
                positions.Add(i);
            }

            int[] order = [.. positions, .. Enumerable.Reverse(positions), .. Alternating(positions), .. positions.SelectMany(p => new[] { p, p })];
            foreach (int i in order)
            {
                Assert.Equal(e.Before(i), a.Before(i));
                Assert.Equal(e.After(i), a.After(i));
                Assert.Equal(e.SentenceBefore(i), a.SentenceBefore(i));
            }

            Assert.Equal(e.Text, a.Text);
            Assert.Equal(e.Sentence, a.Sentence);
        }

        for (int i = -1; i <= text.Length + 1; i += step)
        {
            Assert.Equal(Reference.Clause.IndexAt(expected, i), Clause.IndexAt(actual, i));
        }
    }

    private static IEnumerable<int> Alternating(List<int> positions)
    {
        for (int lo = 0, hi = positions.Count - 1; lo <= hi; lo++, hi--)
        {
            yield return positions[hi];
            if (lo != hi)
            {
                yield return positions[lo];
            }
        }
    }
}
