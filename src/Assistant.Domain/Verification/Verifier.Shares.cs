using System.Text.RegularExpressions;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// A part's share of its total (中央资金占全部执行数的54.90%, 省级资金占预算总额的27.59%, 县级资金占比13.79%):
/// the part's 执行数 ÷ the total's 执行数 when the words name the 执行数, its 预算数 (or, in a sentence about
/// what the part executed, its 执行数) ÷ the total's 预算数 when they name the 预算, the column the sentence
/// speaks of when they name neither. Verified when it prints as such a share (to its printed decimals),
/// contradicted otherwise, naming the share the words call for (and which base the printed figure is of, if any).
/// </summary>
public sealed partial class Verifier
{
    /// <summary>
    /// A share of a fund total (占全部执行数的…, 占比…): a percentage after 占 only, so most numbers pay one test; then (session 39) the
    /// gap between two lines' 执行率 in 个百分点 and a rate in a list after 执行率分别为.
    /// </summary>
    private CheckedMention? ShareOf(Mention m, PrintedNumber number, Clause clause, string before) =>
        (m.Unit.Base == "%" && before.Contains('占', StringComparison.Ordinal)
            ? FundShares.Check(_sheet, m, number, clause.SentenceBefore(m.Start), before, TotalLine(), id => _index.Find(id) is not null, Matches)
            : null)
        ?? RateGaps.Check(_sheet, m, number, before, Matches)
        ?? ListedParts.Rate(_sheet, m, number, clause.SentenceBefore(m.Start), Matches);
}

/// <summary>The share check of <see cref="Verifier"/>, shared with the reference verifier the tests keep.</summary>
internal static partial class FundShares
{
    /// <param name="sheet">The table's facts.</param>
    /// <param name="m">The percentage.</param>
    /// <param name="number">Its printed value.</param>
    /// <param name="sentenceBefore">The sentence up to the number.</param>
    /// <param name="before">The clause up to the number.</param>
    /// <param name="totalLine">The table's total fund line (the first without a parent), or −1.</param>
    /// <param name="hasFact">Whether the sheet has a fact of that id.</param>
    /// <param name="matches">Whether a value prints as the mention (the verifier's own test, rounding-aware).</param>
    public static CheckedMention? Check(Facts.FactSheet sheet, Mention m, PrintedNumber number, string sentenceBefore, string before, int totalLine,
        Func<string, bool> hasFact, Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        if (m.Unit.Base != "%")
        {
            return null;
        }

        Match w = ShareWords().Match(before);
        // 分别占55.17%、27.59%: a list of shares, each of its own part (the words do not say which is which here).
        if (!w.Success || before.Contains("分别", StringComparison.Ordinal))
        {
            return null;
        }

        if (LeftShare(sheet, m, number, sentenceBefore, w, totalLine, matches) is { } leftShare)
        {
            return leftShare;
        }

        var lines = sheet.Evaluation.Funds.Lines;
        string baseText = w.Groups["base"].Value;
        string sentence = sentenceBefore.Length >= w.Length ? sentenceBefore[..^w.Length] : string.Empty;
        // The part: the last fund line (not a total) the sentence names before the share words.
        int part = -1, at = -1;
        for (int i = 0; i < lines.Count; i++)
        {
            string core = SheetIndex.FundCore(lines[i].Name.Trim());
            if (lines[i].Parent is null || core.Length < 2)
            {
                continue;
            }

            if (baseText.Contains(core, StringComparison.Ordinal))
            {
                return null; // 占中央资金预算的99.50%: the part's own 执行率, checked as such.
            }

            int k = LastMention(sentence, lines[i].Name.Trim(), core);
            if (k > at)
            {
                (part, at) = (i, k);
            }
        }

        // A bare 占预算的 may be the part's own budget (结余96万元，占预算的80%); a share of the total says so
        // (全部, 全年, 总, 合计, 项目). A sentence about what is left (结余, 未执行) speaks of that, not of the part.
        if (part < 0 || baseText.Length > 0 && !(BaseWords().IsMatch(baseText) && TotalWords().IsMatch(baseText))
            || LeftWords().IsMatch(sentence[at..]))
        {
            return null;
        }

        int whole = lines.Select((l, k) => (l, k)).FirstOrDefault(x => x.l.Name.Trim() == lines[part].Parent!.Trim()) is { l: not null } p ? p.k : totalLine;
        if (whole < 0 || whole == part)
        {
            return null;
        }

        decimal? Ratio(PrintedNumber? top, PrintedNumber? bottom) => top is { } t && bottom is { Value: > 0 } b ? t.Value / b.Value * 100m : null;
        var (pl, wl) = (lines[part], lines[whole]);
        decimal? executedShare = Ratio(pl.Executed, wl.Executed), budgetShare = Ratio(pl.Budget, wl.Budget), executedOfBudget = Ratio(pl.Executed, wl.Budget);
        // What the sentence says of the part after naming it: the fund lines' own names are no such words (基本支出, 项目支出
        // hold 支出), and the last of 预算 and 执行/支出 is the amount the share follows (基本支出预算2210.40万元，占50.39%).
        bool executedWords = SaysExecuted(MaskNames(sentence[Math.Max(0, at)..], lines));
        string partName = pl.Name.Trim(), wholeName = wl.Name.Trim();
        string executedToExecuted = $"{partName}执行数占{wholeName}执行数的比例", budgetToBudget = $"{partName}预算数占{wholeName}预算数的比例",
            executedToBudget = $"{partName}执行数占{wholeName}预算数的比例";
        (decimal? Value, string Label)[] allowed = ExecutedWords().IsMatch(baseText)
            ? [(executedShare, executedToExecuted)]
            : baseText.Length > 0
                ? executedWords ? [(executedOfBudget, executedToBudget), (budgetShare, budgetToBudget)] : [(budgetShare, budgetToBudget), (executedOfBudget, executedToBudget)]
                : executedWords ? [(executedShare, executedToExecuted)] : [(budgetShare, budgetToBudget)];
        if (allowed[0].Value is null)
        {
            return null;
        }

        // The share's own fact when the sheet has it (a part under its parent line), else the part's amount it is of.
        string shareId = $"funds.lines[{part}].share.{(allowed[0].Label == executedToExecuted ? "executed" : "budget")}";
        string factId = hasFact(shareId) && allowed[0].Label != executedToBudget ? shareId
            : $"funds.lines[{part}].{(allowed[0].Label == budgetToBudget ? "budget" : "executed")}";
        foreach (var (value, label) in allowed)
        {
            if (value is { } v && matches(m, number, v))
            {
                return new CheckedMention(m, Verdict.Verified, factId, $"{label}为{Pct(v)}");
            }
        }

        (decimal? Value, string Label)[] others = [(executedShare, "执行数占执行数"), (budgetShare, "预算数占预算数"), (executedOfBudget, "执行数占预算数")];
        string? instead = others.FirstOrDefault(o => o.Value is { } ov && matches(m, number, ov)).Label;
        return new CheckedMention(m, Verdict.Contradicted, factId,
            $"{allowed[0].Label}为{Pct(allowed[0].Value!.Value)}{(instead is null ? string.Empty : $"（{number.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}%是{instead}的比例）")}");
    }

    /// <summary>
    /// Where the sentence last names the line: its whole name, or its core followed by 资金/财政 (中央资金 for
    /// 中央财政资金) — not a core inside another word (其他就业补助支出 is no 其他资金); −1 when it does not.
    /// </summary>
    private static int LastMention(string sentence, string name, string core)
    {
        int k = sentence.LastIndexOf(name, StringComparison.Ordinal);
        if (k >= 0)
        {
            return k;
        }

        for (int j = sentence.LastIndexOf(core, StringComparison.Ordinal); j >= 0; j = j > 0 ? sentence.LastIndexOf(core, j - 1, StringComparison.Ordinal) : -1)
        {
            int after = j + core.Length;
            if (after < sentence.Length && sentence[after] is '资' or '财')
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>The text with every fund line's name blanked out (its length kept).</summary>
    private static string MaskNames(string text, IReadOnlyList<Evaluations.FundLine> lines)
    {
        foreach (string name in lines.Select(l => l.Name.Trim()).Where(n => n.Length >= 2).OrderByDescending(n => n.Length))
        {
            text = text.Replace(name, new string('　', name.Length), StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Whether the words speak of what was executed: an 执行/支出 word, and no 预算 after the last of them.</summary>
    private static bool SaysExecuted(string text)
    {
        Match last = ExecutedWords().Matches(text).LastOrDefault() ?? Match.Empty;
        return last.Success && text.LastIndexOf("预算", StringComparison.Ordinal) < last.Index;
    }

    private static string Pct(decimal v) => PrintedNumber.Format(v, 2) + "%";

    /// <summary>The share words right before the number: 占(全部执行数|预算总额|…)的(比例)?(为)?, 占比, 所占比重为.</summary>
    [GeneratedRegex(@"(?:占比|(?:所占|占)(?:比例|比重)|占(?<base>[^，。；：、\d]{0,14}?)的?(?:比例|比重|份额)?)(?:为|是|达到?|约为?|仅为?)?\s*$")]
    private static partial Regex ShareWords();

    /// <summary>A base that is a fund total: 全部执行数, 执行总额, 总支出, 全年预算, 预算总额, 资金总额, 总投资.</summary>
    [GeneratedRegex(@"^(?:全部|全年|年度|项目|总|全)?(?:资金)?(?:执行数|执行额|执行金额|支出|实际支出|预算数?|资金|投资|资金总额)(?:总额|总数|合计|总量|数)?$|^(?:全部|全年|年度|项目)?(?:资金)?(?:执行|预算|支出|投资)?(?:总额|总数|合计)$|^(?:项目|全年|年度)?总(?:预算|投资|支出|执行数?)(?:数|额)?$")]
    private static partial Regex BaseWords();

    [GeneratedRegex(@"全|总|合计|年度|项目")]
    private static partial Regex TotalWords();

    [GeneratedRegex(@"结余|未执行|未支出|剩余|结转")]
    private static partial Regex LeftWords();

    [GeneratedRegex(@"执行|支出|使用|拨付")]
    private static partial Regex ExecutedWords();
}
