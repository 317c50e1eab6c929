using Assistant.Domain.Corpus;
using Assistant.Features.Corpus;

namespace Assistant.Domain.Tests;

/// <summary>
/// The bulk load's term tally (<see cref="TermTally"/>, BM25's <c>corpus_terms</c> added once at the end of a large load)
/// counts a term once per passage however often the passage repeats it (session 39: by a stamp, no set per passage), and
/// merged tallies add up, also when the merged tally goes on counting. Compared with counting by LINQ.
/// </summary>
public class TermTallyTests
{
    private static List<(string Term, long Passages, long Occurrences)> Naive(IEnumerable<string[]> passages)
    {
        var all = passages.ToList();
        var rows = new List<(string, long, long)> { (CorpusTermCounts.Totals, all.Count, all.Sum(p => (long)p.Length)) };
        rows.AddRange(all.SelectMany(p => p).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(t => (t, (long)all.Count(p => p.Contains(t, StringComparer.Ordinal)), all.Sum(p => (long)p.Count(x => x == t)))));
        return rows;
    }

    public static TheoryData<string[][]> Tables() => new()
    {
        new[] { new[] { "就业", "就业", "补贴" }, new[] { "补贴" }, new[] { "就业", "见习", "就业", "见习", "就业" } },
        new[] { Array.Empty<string>(), new[] { "a" }, new[] { "a", "a", "a" }, Array.Empty<string>() },
        new[] { new[] { "资金", "" , "资金" }, new[] { "", "" } },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void OnePassageCountsATermOnce_HoweverOftenItRepeats(string[][] passages)
    {
        var tally = new TermTally();
        foreach (var p in passages)
        {
            tally.Add(p);
        }

        Assert.Equal(Naive(passages), tally.Rows());
    }

    [Fact]
    public void MergedTallies_AddUp_AndGoOnCountingAfterTheMerge_OnRealAndSyntheticReports()
    {
        var passages = new List<string[]>();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(Assistant.Testing.RepoPaths.Shared, "seeds")).Order(StringComparer.Ordinal))
        {
            passages.AddRange(CorpusRows.Prepare(Path.GetFileName(file), File.ReadAllText(file), null, "t", null).Report!.PassageTerms);
        }

        for (int i = 0; i < 12; i++)
        {
            var (name, text) = SyntheticCorpus.Report(i);
            passages.AddRange(CorpusRows.Prepare(name, text, null, "t", null).Report!.PassageTerms);
        }

        // Three batch tallies merged into the load's, which then counts the rest itself.
        var load = new TermTally();
        int third = passages.Count / 4;
        for (int b = 0; b < 3; b++)
        {
            var batch = new TermTally();
            foreach (var p in passages.Skip(b * third).Take(third))
            {
                batch.Add(p);
            }

            load.Add(batch);
        }

        foreach (var p in passages.Skip(3 * third))
        {
            load.Add(p);
        }

        Assert.Equal(Naive(passages), load.Rows());
    }
}
