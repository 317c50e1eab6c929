using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

public static partial class TableAnswers
{
    /// <summary>
    /// A yes/no on a fund line's 执行率 against a bound (session 44): 有没有到90% / 达到90%了吗 / 到没到60% ask whether the rate reached
    /// the bound (at least), 超过95%没有 / 超没超95% whether it went over it (more than). Null when the message asks no such bound.
    /// </summary>
    internal static (PrintedNumber Percent, bool Exceed)? RateBoundAsked(string? message)
    {
        if (string.IsNullOrEmpty(message) || RateBoundAsk().Match(IntentRouter.Canonical(message)) is not { Success: true } m
            || !PrintedNumber.TryParse(m.Groups["n"].Value, out PrintedNumber n) || n.Value is <= 0m or > 100m)
        {
            return null;
        }

        string verb = m.Groups["v"].Value;
        return (n, verb.Contains('超', StringComparison.Ordinal) || verb.Contains('过', StringComparison.Ordinal) || verb.Contains('高', StringComparison.Ordinal));
    }

    /// <summary>
    /// The plain answer first — 没有。/ 达到了。/ 超过了。/ 没有超过。— then the line's rate against the bound asked: of the line named
    /// (the first that is not the total), else of the total.
    /// </summary>
    internal static void RateBoundAnswer(AnswerWriter w, IReadOnlyList<int> funds, string message)
    {
        FactSheet s = w.Sheet;
        if (RateBoundAsked(message) is not { } bound)
        {
            return;
        }

        FundLineResult? line = s.Report.Funds.FirstOrDefault(l => !l.IsRoot && funds.Contains(l.Index))
            ?? s.Report.Funds.FirstOrDefault(l => funds.Contains(l.Index))
            ?? (RootFund(s) is { } root ? s.Report.Funds.FirstOrDefault(l => l.Index == root) : null);
        string p = line is null ? string.Empty : $"funds.lines[{line.Index}].rate";
        if (line is null || s.Find(p) is not { } rate)
        {
            return;
        }

        decimal b = bound.Percent.Value;
        string limit = w.N(b, "%", bound.Percent.Decimals, "问题中的执行率界限"); // as the question wrote it
        decimal v = PrintedNumber.RoundHalfUp(rate.Value, rate.Decimals);
        bool yes = bound.Exceed ? v > b : v >= b;
        string opening = (bound.Exceed, yes) switch
        {
            (false, true) => "达到了。",
            (false, false) => "没有。",
            (true, true) => "超过了。",
            (true, false) => "没有超过。",
        };
        string side = v == b ? "正好是" : v > b ? "高于" : "低于";
        w.Line($"{opening}{line.Name.Trim()}执行率{w.F(p)}，{side}{limit}。");
    }

    // 有没有到90% / 是否达到90% / 达到90%了吗 / 超过95%没有 / 到没到60% / 超没超95% (the message in its canonical form: ％ is %).
    [GeneratedRegex(@"(?:有没有|有无|是否|能否|能不能)(?<v>达到|到达|超过|高于|到|达|超|过)了?\s*(?<n>\d{1,3}(?:\.\d+)?)\s*%|(?<v>达到|到达|超过|高于|到|达|超|过)了?\s*(?<n>\d{1,3}(?:\.\d+)?)\s*%\s*(?:了吗|了没有?|了么|没有|吗|么|没)|(?<v>到没到|达没达到|达到没达到|到没有到|超没超过?|超过没超过|过没过|够不够|高没高于)\s*(?<n>\d{1,3}(?:\.\d+)?)\s*%")]
    private static partial Regex RateBoundAsk();
}
