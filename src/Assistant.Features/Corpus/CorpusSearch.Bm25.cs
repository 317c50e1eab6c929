namespace Assistant.Features.Corpus;

/// <summary>The lexical half's ranking: BM25 of the candidates for the plan's terms, moved here unchanged.</summary>
public sealed partial class CorpusSearch
{
    /// <summary>BM25 (k1 1.2; b 0.3, a mild length normalisation: a passage filed under a long heading path is not a worse match) of each candidate for the plan's terms; the best <paramref name="top"/>, ties by id.</summary>
    public static List<(long Id, double Score)> Bm25(LexicalPlan plan, IReadOnlyList<(long Id, string[] Terms)> rows, int top)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        var slot = Slots(plan);
        var tf = new int[plan.Terms.Length];
        var scored = new List<(long Id, double Score)>(rows.Count);
        foreach (var (id, terms) in rows)
        {
            Array.Clear(tf);
            foreach (string t in terms)
            {
                if (slot.TryGetValue(t, out int i))
                {
                    tf[i]++;
                }
            }

            Score(plan, scored, id, tf, terms.Length);
        }

        return Best(scored, top);
    }

    /// <summary>The same ranking over the terms as the lexical query sends them (<c>array_send(p.terms)</c>, read by <see cref="TermArray"/>): no string per term.</summary>
    public static List<(long Id, double Score)> Bm25(LexicalPlan plan, IReadOnlyList<(long Id, byte[] Terms)> rows, int top)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        var slot = Slots(plan).GetAlternateLookup<ReadOnlySpan<char>>();
        var tf = new int[plan.Terms.Length];
        var scored = new List<(long Id, double Score)>(rows.Count);
        foreach (var (id, terms) in rows)
        {
            Score(plan, scored, id, tf, TermArray.Count(terms, slot, tf));
        }

        return Best(scored, top);
    }

    private static Dictionary<string, int> Slots(LexicalPlan plan)
    {
        var slot = new Dictionary<string, int>(plan.Terms.Length, StringComparer.Ordinal);
        for (int i = 0; i < plan.Terms.Length; i++)
        {
            slot[plan.Terms[i]] = i;
        }

        return slot;
    }

    private static void Score(LexicalPlan plan, List<(long Id, double Score)> scored, long id, int[] tf, int length)
    {
        const double K1 = 1.2, B = 0.3;
        double norm = K1 * (1 - B + (B * length / plan.MeanLength));
        double score = 0;
        for (int i = 0; i < tf.Length; i++)
        {
            if (tf[i] > 0)
            {
                score += plan.Idf[i] * tf[i] * (K1 + 1) / (tf[i] + norm);
            }
        }

        if (score > 0)
        {
            scored.Add((id, score));
        }
    }

    private static List<(long Id, double Score)> Best(List<(long Id, double Score)> scored, int top)
    {
        scored.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Id.CompareTo(b.Id));
        return scored.Count > top ? scored.GetRange(0, top) : scored;
    }
}
