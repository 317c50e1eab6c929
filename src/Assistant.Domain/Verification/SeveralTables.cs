using Assistant.Domain.Facts;

namespace Assistant.Domain.Verification;

/// <summary>
/// A report checked against every table it carries (its 附表): each number and claim is checked
/// against each table, and the best verdict wins — verified, then derived, then identifier; a number
/// no table verifies is contradicted when some table refutes it, else unverified. Fact ids are
/// prefixed with the table (<c>tables[1].indicators[0].actual</c>) when there are several.
/// </summary>
public static class SeveralTables
{
    public static VerificationReport Verify(IReadOnlyList<FactSheet> sheets, string text)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentNullException.ThrowIfNull(text);
        if (sheets.Count == 0)
        {
            throw new ArgumentException("at least one table is needed", nameof(sheets));
        }

        if (sheets.Count == 1)
        {
            return Verifier.Verify(sheets[0], text);
        }

        var mentions = new Dictionary<(int, int), (CheckedMention Mention, int Table)>();
        var claims = new Dictionary<(int, int, ClaimKind), (CheckedClaim Claim, int Table)>();
        for (int k = 0; k < sheets.Count; k++)
        {
            VerificationReport r = Verifier.Verify(sheets[k], text);
            foreach (CheckedMention m in r.Mentions)
            {
                var key = (m.Mention.Start, m.Mention.Length);
                if (!mentions.TryGetValue(key, out var best) || Rank(m.Verdict) > Rank(best.Mention.Verdict))
                {
                    mentions[key] = (m, k);
                }
            }

            foreach (CheckedClaim c in r.Claims)
            {
                var key = (c.Start, c.Length, c.Kind);
                if (!claims.TryGetValue(key, out var best) || Rank(c.Verdict) > Rank(best.Claim.Verdict))
                {
                    claims[key] = (c, k);
                }
            }
        }

        var mentionList = mentions.Values.OrderBy(m => m.Mention.Mention.Start)
            .Select(m => m.Mention with { FactId = Prefix(m.Mention.FactId, m.Table) }).ToList();
        var claimList = claims.Values.OrderBy(c => c.Claim.Start)
            .Select(c => c.Claim with { FactId = Prefix(c.Claim.FactId, c.Table) }).ToList();
        var summary = new VerificationSummary(
            mentionList.Count,
            mentionList.Count(m => m.Verdict is Verdict.Verified or Verdict.Derived),
            mentionList.Count(m => m.Verdict == Verdict.Derived),
            mentionList.Count(m => m.Verdict == Verdict.Identifier),
            mentionList.Count(m => m.Verdict == Verdict.Unverified),
            mentionList.Count(m => m.Verdict == Verdict.Contradicted),
            claimList.Count,
            claimList.Count(c => c.Verdict == Verdict.Contradicted));
        return new VerificationReport(mentionList, claimList, summary);
    }

    private static int Rank(Verdict v) => v switch
    {
        Verdict.Verified => 5,
        Verdict.Derived => 4,
        Verdict.Identifier => 3,
        Verdict.Contradicted => 2,
        _ => 1,
    };

    private static string? Prefix(string? factId, int table) => factId is null ? null : $"tables[{table}].{factId}";
}
