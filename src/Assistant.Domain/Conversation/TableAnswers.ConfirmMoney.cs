using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

/// <summary>
/// 县级资金结余是不是240.82万元 / 执行数是2891.63万元吗 / 预算数463.8万对不对: a yes or a no first, then the line's amount in the
/// unit asked (with the table's own figure when the unit differs) and how it is worked out.
/// </summary>
public static partial class TableAnswers
{
    /// <summary>The amount a yes/no question quotes (240.82 万元), its decimals and unit; null when none or no amount word.</summary>
    internal static (decimal Value, int Decimals, string Unit)? ConfirmAskedMoney(string message)
    {
        string m = IntentRouter.Canonical(message ?? string.Empty);
        if (!AmountWord().IsMatch(m) || AskedMoneyFigure().Match(m) is not { Success: true } a
            || !decimal.TryParse(a.Groups["n"].Value, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal value))
        {
            return null;
        }

        string n = a.Groups["n"].Value;
        int dot = n.IndexOf('.', StringComparison.Ordinal);
        string unit = a.Groups["u"].Value switch
        {
            "万" or "万元" => "万元",
            "亿" or "亿元" => "亿元",
            _ => "元",
        };
        return (value, dot < 0 ? 0 : n.Length - dot - 1, unit);
    }

    /// <summary>Whether a message asks yes or no of an amount (结余是240万吗, 执行数是不是2230079元).</summary>
    internal static bool AsksMoneyYesNo(string message) => MoneyYesNo().IsMatch(IntentRouter.Canonical(message ?? string.Empty));

    private static void ConfirmMoney(AnswerWriter w, string message, (decimal Value, int Decimals, string Unit) asked, IReadOnlyList<int> funds)
    {
        FactSheet s = w.Sheet;
        string m = IntentRouter.Canonical(message);
        if ((funds.Count > 0 ? funds[0] : RootFund(s)) is not { } f)
        {
            w.Line("表中没有资金行，无法回答是或不是。");
            return;
        }

        string p = $"funds.lines[{f}]";
        (string field, string word) = BalanceWord().IsMatch(m) ? ("balance", "结余")
            : m.Contains("预算", StringComparison.Ordinal) ? ("budget", "全年预算数") : ("executed", "全年执行数");
        string name = s.Evaluation.Funds.Lines[f].Name.Trim();
        if (s.Find(p + "." + field) is not { } fact || YuanPer(fact.Unit) is not { } from || YuanPer(asked.Unit) is not { } to)
        {
            w.Line($"表中算不出“{name}”的{word}（缺少全年预算数或全年执行数），无法回答是或不是。");
            return;
        }

        decimal exact = fact.Value * from / to;
        bool yes = Math.Round(exact, asked.Decimals, MidpointRounding.AwayFromZero) == asked.Value;
        string figure = fact.Unit == asked.Unit ? w.F(p + "." + field) : AmountAsked(w, p + "." + field, asked.Unit, word);
        string how = field == "balance" ? $"（全年预算数{w.F(p + ".budget")} − 全年执行数{w.F(p + ".executed")}）" : string.Empty;
        string askedText = w.N(asked.Value, asked.Unit, asked.Decimals, "问题中的金额（用户所问）");
        if (how.Length > 0 && figure.EndsWith('）'))
        {
            // 约为240.82万元（表中为2408209元；全年预算数… − 全年执行数…）: one bracket, not two in a row.
            figure = figure[..^1] + "；" + how[1..];
            how = string.Empty;
        }

        string be = figure.StartsWith('约') ? "约为" + figure[1..] : "为" + figure;
        w.Line(yes
            ? $"是的。“{name}”的{word}{be}{how}。"
            : $"不是。“{name}”的{word}{be}{how}，不是问题中的{askedText}。");
    }

    /// <summary>
    /// The check after a figure stated first (…对吗 / …行不行 / …可以吗 / …没问题吧 / 应该是…吧): the statement-then-check forms of a
    /// yes/no question (session 41: 全年执行1710.65万元对吗 had been read as nothing and answered with the help menu).
    /// </summary>
    internal const string CheckTail = @"行不行|行吗|可以吗|可不可以|没问题吧|没问题吗|对么|应该是[^，。？?]{0,24}?[吧吗]";

    /// <summary>结余/剩/执行数/预算数/花了/用了/支出: the question is about an amount (全年执行1710.65万元: 执行 before the amount).</summary>
    [GeneratedRegex(@"结余|剩|执行数|执行了|预算数|预算是|预算为|预算有|花了|用了|支出了|支出数|没花|(?:执行|支出|预算|花|用)(?:金额|资金)?(?:为|是|写成?|填成?|写的是|填的是)?\s*\d")]
    private static partial Regex AmountWord();

    [GeneratedRegex(@"结余|剩|没花|未执行")]
    private static partial Regex BalanceWord();

    /// <summary>An amount with its unit: 240.82万元, 240万, 2230079元.</summary>
    [GeneratedRegex(@"(?<![\d.])(?<n>\d+(?:\.\d+)?)\s*(?<u>万元|万|亿元|亿|元)")]
    private static partial Regex AskedMoneyFigure();

    [GeneratedRegex(@"是不是|是否|对不对|对吗|是吗|对吧|没错吧|没错吗|(?:是|为|有)\s*\d[\d.]*\s*(?:万元|万|亿元|亿|元)\s*(?:吗|么|嘛)|" + CheckTail)]
    private static partial Regex MoneyYesNo();
}
