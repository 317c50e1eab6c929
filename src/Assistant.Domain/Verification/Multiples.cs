using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Verification;

/// <summary>
/// A ratio stated in 倍 (session 36, files probe 35 #9): 中央衔接资金是州市级预算的9.04倍, 省级资金执行数是中央资金的1.15倍,
/// 执行数为预算数的0.875倍, 实际完成值是指标值的1.37倍. The words before 是/为/相当于 name one figure (a fund line and its column,
/// or a row's 完成值), the words before 的 the other; the number must be the first ÷ the second, rounded half-up at its own
/// decimals: derived when it is, contradicted naming the right multiple when it is not. A column named on one side only is the
/// other side's too (中央资金是州市级预算的 → both 预算); a side that names no line is the line the other names, else the total.
/// Shared by the verifier and its reference restatement.
/// </summary>
public static partial class Multiples
{
    public static CheckedMention? Check(FactSheet sheet, Mention m, PrintedNumber number, string before, IReadOnlyList<int> named,
        Func<string, IReadOnlyList<int>> linesNamed, Func<Mention, PrintedNumber, decimal, bool> matches)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(linesNamed);
        ArgumentNullException.ThrowIfNull(matches);
        if (m.Unit.Base != "倍" || m.Unit.Magnitude.Length > 0 || Ratio().Match(before) is not { Success: true } ratio)
        {
            return null;
        }

        string a = ratio.Groups["a"].Value, b = ratio.Groups["b"].Value;
        (Fact x, Fact y)? pair = FundPair(sheet, a, b, linesNamed) ?? RowPair(sheet, a, b, named);
        if (pair is not { } p || p.y.Value == 0m)
        {
            return null;
        }

        decimal value = p.x.Value / p.y.Value;
        string id = $"{p.x.Id} / {p.y.Id}";
        return matches(m, number, value)
            ? new CheckedMention(m, Verdict.Derived, id, $"{p.x.Text} ÷ {p.y.Text}")
            : new CheckedMention(m, Verdict.Contradicted, id,
                $"按表中数字，{p.x.Label}{p.x.Text} ÷ {p.y.Label}{p.y.Text} = {PrintedNumber.FormatTrimmed(PrintedNumber.RoundHalfUp(value, Math.Max(2, number.Decimals)))}倍，不是{m.Text.Trim()}");
    }

    private static (Fact, Fact)? FundPair(FactSheet sheet, string a, string b, Func<string, IReadOnlyList<int>> linesNamed)
    {
        var lines = sheet.Evaluation.Funds.Lines;
        string? colA = Column(a), colB = Column(b);
        IReadOnlyList<int> la = linesNamed(a), lb = linesNamed(b);
        if (la.Count > 1 || lb.Count > 1 || (la.Count == 0 && lb.Count == 0 && colA is null && colB is null))
        {
            return null;
        }

        int root = -1;
        for (int i = 0; i < lines.Count && root < 0; i++)
        {
            root = lines[i].Parent is null ? i : -1;
        }

        int lineA = la.Count == 1 ? la[0] : lb.Count == 1 ? lb[0] : root, lineB = lb.Count == 1 ? lb[0] : lineA;
        colA ??= colB ?? "budget";
        colB ??= colA;
        if (lineA < 0 || (lineA == lineB && colA == colB))
        {
            return null;
        }

        return sheet.Find($"funds.lines[{lineA}].{colA}") is { } x && sheet.Find($"funds.lines[{lineB}].{colB}") is { } y ? (x, y) : null;
    }

    private static (Fact, Fact)? RowPair(FactSheet sheet, string a, string b, IReadOnlyList<int> named)
    {
        // 覆盖学校86所，为目标值的2.15倍 (session 38): a side that names nothing is the row the sentence speaks of, its 完成值.
        if (named.Count != 1 || !(ActualWords().IsMatch(a) || a.Trim().Length == 0) || !TargetWords().IsMatch(b))
        {
            return null;
        }

        return sheet.Find($"indicators[{named[0]}].actual") is { } x && sheet.Find($"indicators[{named[0]}].target") is { } y ? (x, y) : null;
    }

    private static string? Column(string words) =>
        ExecutedWords().IsMatch(words) ? "executed" : BudgetWords().IsMatch(words) ? "budget" : null;

    // …A是B的 / A为B的 / A相当于B的, right before the number (约 and 近 allowed).
    [GeneratedRegex(@"(?<a>[^，。；,;：:]*?)(?:是|为|相当于|达到|达)(?<b>[^，。；,;：:是为]+?)的\s*(?:约|近|约为)?\s*$")]
    private static partial Regex Ratio();

    [GeneratedRegex(@"执行|支出|使用|拨付")]
    private static partial Regex ExecutedWords();

    [GeneratedRegex(@"预算")]
    private static partial Regex BudgetWords();

    [GeneratedRegex(@"完成|实际")]
    private static partial Regex ActualWords();

    [GeneratedRegex(@"指标值|目标|计划")]
    private static partial Regex TargetWords();
}
