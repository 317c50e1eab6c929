using System.Text.RegularExpressions;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>
/// 扣分最多的三项是哪几项？各扣多少 / 哪项扣分最多: every part of the table that lost points — the money (预算执行) as well
/// as the indicators — ranked by the points lost, most first, as many as asked; nothing before the ranking.
/// </summary>
public static partial class TableAnswers
{
    /// <summary>How many places a ranking question asks for: 三项 → 3, 哪项/哪个 → 1, 哪几项/哪些 → all (null).</summary>
    internal static int? RankAsked(string message)
    {
        string m = IntentRouter.Canonical(message ?? string.Empty);
        if (RankCount().Match(m) is { Success: true } c)
        {
            string n = c.Groups["n"].Value;
            int? count = int.TryParse(n, out int d) ? d : n == "两" ? 2 : IndicatorMatcher.ChineseNumber(n);
            if (count is > 0 and <= 50)
            {
                return count;
            }
        }

        return RankPlural().IsMatch(m) ? null : RankSingle().IsMatch(m) ? 1 : null;
    }

    internal static void MostLost(AnswerWriter w, string message)
    {
        var s = w.Sheet;
        var ranked = new List<(decimal Lost, int Order, Action Write)>();
        if (RootFund(s) is { } f && w.Has($"funds.lines[{f}].score") && w.Has("funds.weight"))
        {
            decimal weight = s.Find("funds.weight")!.Value;
            decimal score = s.Report.Funds.First(l => l.Index == f).Score ?? weight;
            if (weight - score > 0m)
            {
                string p = $"funds.lines[{f}]";
                ranked.Add((weight - score, -1, () => w.Add(
                    $"预算执行（“{s.Evaluation.Funds.Lines[f].Name.Trim()}”执行率{w.F(p + ".rate")}）：扣{w.N(weight - score, "分", 2, "资金扣分（分值减资金得分）")}（分值{w.F("funds.weight")}，得{w.F(p + ".score")}）")));
            }
        }

        foreach (IndicatorResult r in s.Report.Indicators)
        {
            string p = P(r.Index);
            if (s.Find(p + ".lost") is { } lost && lost.Value > 0m)
            {
                int i = r.Index;
                ranked.Add((lost.Value, i, () => w.Add($"“{Name(s, i)}”：扣{w.F(p + ".lost")}（分值{w.F(p + ".weight")}，得{w.F(p + ".score")}）")));
            }
        }

        if (ranked.Count == 0)
        {
            w.Line("各项都得了满分（含预算执行），没有扣分。");
            return;
        }

        ranked = ranked.OrderByDescending(x => x.Lost).ThenBy(x => x.Order).ToList();
        int? asked = RankAsked(message);
        int shown = Math.Min(asked ?? ranked.Count, ranked.Count);
        if (shown == 1 && asked == 1)
        {
            w.Add("扣分最多的是");
            ranked[0].Write();
            w.Line("。");
            if (ranked.Count > 1 && ranked[1].Lost == ranked[0].Lost)
            {
                w.Add("并列的还有");
                ranked[1].Write();
                w.Line("。");
            }

            return;
        }

        w.Line(asked is { } n && n > ranked.Count
            ? $"扣分的只有{w.Count(ranked.Count, "项", "扣分的项数（含预算执行）")}（含预算执行），按扣分从多到少："
            : $"按扣分从多到少（预算执行也计在内）：");
        for (int k = 0; k < shown; k++)
        {
            w.Add($"{k + 1}. ");
            ranked[k].Write();
            w.Line("。");
        }

        if (shown < ranked.Count && ranked[shown].Lost == ranked[shown - 1].Lost)
        {
            w.Line("下一项扣分与最后一项相同，并列。");
        }
    }

    /// <summary>扣分最多的三项 / 前两项 / 最多的3个: the number of places asked.</summary>
    [GeneratedRegex(@"(?:前|最多的|最多是|最大的|最狠的)\s*(?<n>\d{1,2}|[一二两三四五六七八九十])\s*(?:项|个|条|名|位)|(?<n>\d{1,2}|[一二两三四五六七八九十])\s*(?:项|个|条)\s*(?:扣分|扣得|扣的|失分|丢分)(?:最多|最大|最狠)")]
    private static partial Regex RankCount();

    [GeneratedRegex("哪几|哪些|几项|几个|排名|排序|排一下|排个序")]
    private static partial Regex RankPlural();

    [GeneratedRegex("哪项|哪一项|哪个|哪一个|哪条|是什么|是啥")]
    private static partial Regex RankSingle();
}
