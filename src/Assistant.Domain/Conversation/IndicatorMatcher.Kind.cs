using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>
/// The kind of row a question asks about, when the words it names a row by fit another kind better: 取证人数那项为什么没完成 shares
/// 取证 with 培训后取证率 (a rate, met) but asks about a count that fell short — 取得职业资格证书或技能等级证书人数 (取…证 in order,
/// counted in 人, short). 人数 → a row counted in people, 钱/经费 → a money row, 率 → a rate; 没完成/没达标/扣 → a short row.
/// </summary>
public static partial class IndicatorMatcher
{
    /// <summary>
    /// The row of the kind asked when every best-matching row is of another kind (its unit does not fit 人数/钱/率, or it was met
    /// while the question asks why it fell short) and a row of that kind carries at least half as many of the question's words
    /// (its characters in order count, as staff shorten 取得…证书 to 取证); null when the best rows fit, or no other row does.
    /// A row whose whole name was written is never set aside.
    /// </summary>
    private static IndicatorMatch? Kinder(string m, FactSheet sheet, string[] names, string text, decimal[] scores, decimal best, List<int> top)
    {
        string cue = KindNoise().Replace(m, " ");
        bool unitCue = PeopleWords().IsMatch(cue) || MoneyWords().IsMatch(cue) || RateWords().IsMatch(cue);
        bool shortCue = ShortWords().IsMatch(m);
        if ((!unitCue && !shortCue) || best <= 0m || top.Any(i => WrittenOut(names, i, text)))
        {
            return null;
        }

        bool Unit(int i) => !unitCue || UnitFits(cue, sheet, i);
        bool Status(int i) => !shortCue || sheet.Report.Indicators[i].Status == IndicatorStatus.Short;
        if (top.Any(i => Unit(i) && Status(i)))
        {
            return null;
        }

        var near = Enumerable.Range(0, names.Length)
            .Where(i => !top.Contains(i) && Unit(i) && Status(i))
            .Select(i => (Row: i, Score: scores[i] + InOrder(names, i, text)))
            .Where(x => x.Score > 0m && x.Score * 2m >= best)
            .ToList();
        if (near.Count == 0)
        {
            return null;
        }

        decimal most = near.Max(x => x.Score);
        var chosen = near.Where(x => x.Score >= most - 0.0001m).Select(x => x.Row).ToList();
        var cues = new List<string>();
        if (unitCue && Cue(cue) is { } unitWord)
        {
            cues.Add(unitWord);
        }

        if (shortCue && !top.All(Status))
        {
            cues.Add(ShortWords().Match(m).Value);
        }

        return new IndicatorMatch(chosen, chosen.Count > 1) { SetAside = top, Cues = cues };
    }

    /// <summary>The question's word that names the kind of row (人数, 经费, 率).</summary>
    private static string? Cue(string cue) =>
        PeopleWords().Match(cue) is { Success: true } p ? p.Value.Trim()
        : MoneyWords().Match(cue) is { Success: true } mo ? mo.Value
        : RateWords().Match(cue) is { Success: true } r ? r.Value : null;

    /// <summary>
    /// The question's distinctive word pairs a row's name holds as characters in order, a few apart (取证 in 取得职业资格证书): half a
    /// word each, weighted by how many names hold them so.
    /// </summary>
    private static decimal InOrder(string[] names, int row, string text)
    {
        decimal score = 0m;
        foreach (string b in Bigrams(text).Distinct(StringComparer.Ordinal))
        {
            if (Generic.Contains(b) || names[row].Contains(b, StringComparison.Ordinal) || !Spread(names[row], b))
            {
                continue;
            }

            int holders = names.Count(n => n.Contains(b, StringComparison.Ordinal) || Spread(n, b));
            score += 0.5m / Math.Max(1, holders);
        }

        return score;
    }

    private static bool Spread(string name, string pair)
    {
        for (int at = name.IndexOf(pair[0], StringComparison.Ordinal); at >= 0; at = name.IndexOf(pair[0], at + 1))
        {
            int next = name.IndexOf(pair[1], at + 1);
            if (next > at && next - at <= 8)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Rates of the question itself (完成率, 执行率, 得分率), which say nothing of the kind of row asked about.</summary>
    [GeneratedRegex("完成率|执行率|得分率|完成情况|达标率")]
    private static partial Regex KindNoise();
}
