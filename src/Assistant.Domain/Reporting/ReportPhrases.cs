using Assistant.Domain.Cells;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;
using Assistant.Domain.Verification;

namespace Assistant.Domain.Reporting;

/// <summary>
/// How a report states an indicator or a fund line, every number as a fact reference. A printed cell that
/// is not one quantity (效果显著, 12月底前) is quoted only when the verifier finds nothing in it it cannot check.
/// </summary>
public sealed class ReportPhrases(FactSheet sheet, ScoringPolicy? policy = null)
{
    public FactSheet Sheet { get; } = sheet;

    public ScoringPolicy Policy { get; } = policy ?? ScoringPolicy.Default;

    public decimal LowExecution => Policy.LowExecutionThreshold;

    public bool Scored => Sheet.Evaluation.Kind == EvaluationKind.Project;

    public string? Fact(string id) => Sheet.Find(id) is null ? null : DraftText.Ref(id);

    /// <summary>A target or actual cell: ≥{{fact}} for a quantity, the quoted words for the rest, null when it cannot be stated safely.</summary>
    public string? Cell(int index, Cell cell, string which)
    {
        if (cell is QuantityCell q && Fact($"indicators[{index}].{which}") is { } r)
        {
            return Symbol(q.Comparator) + r;
        }

        if (cell is QualitativeCell or DeadlineCell && Quotable(cell.Text))
        {
            return "“" + cell.Text.Trim().TrimEnd('。', '；', '，') + "”";
        }

        return null;
    }

    /// <summary>
    /// A row's name before its figures: a trailing bracket that only repeats the row's unit is left out, as the figure after it
    /// carries the unit (因病致贫返贫户数（户） → 因病致贫返贫户数 before “0户”; 重特大疾病医疗救助年度限额（元/人） before “≤50000元/人”).
    /// </summary>
    public string Named(int index)
    {
        Indicator ind = Sheet.Evaluation.Indicators[index];
        string name = ind.Name.Trim();
        (string bare, string? unit) = Importing.CellText.SplitUnit(name);
        return unit is not null && ind.Unit is { } own && string.Equals(unit, own.Trim(), StringComparison.Ordinal) && bare.Length > 0 ? bare : name;
    }

    /// <summary>One indicator's result as a clause (no closing mark).</summary>
    public string Indicator(int index)
    {
        IndicatorResult r = Sheet.Report.Indicators[index];
        string name = Named(index);
        string? t = Cell(index, r.Target, "target");
        string? a = Cell(index, r.Actual, "actual");
        // A qualitative row whose actual carries a number in words (较上年提升12%): the words are the result, quoted whole,
        // not the bare number (“访问量…实际完成情况为12%” would say the visits were 12 %).
        if (r.Rule == IndicatorRule.Qualitative && r.Actual is QuantityCell && HasWords(r.Actual.Text)
            && string.Concat(r.Actual.Text.Where(ch => !char.IsWhiteSpace(ch))).TrimEnd('。', '；', '，') is { Length: > 0 } words && Quotable(words))
        {
            a = "“" + words + "”"; // 创业带动就业 4208 人 → “创业带动就业4208人”
        }

        // A reverse row's 完成值 ÷ 指标值 (3.6 against ≤2 is 180 %) is no 完成率: it is stated by how far it is over its cap.
        string? c = CompletionWords.Shown(r) is { } ? Fact($"indicators[{index}].completion") : null;
        string? over = r.Rule == IndicatorRule.Reverse && Fact($"indicators[{index}].gap") is { } g ? $"，超出上限{g}" : null;

        if (r.Rule == IndicatorRule.Cancelled)
        {
            return $"{name}年度内已取消";
        }

        if (r.Target is MissingCell)
        {
            return a is null ? $"{name}未设定指标值" : $"{name}未设定指标值，全年实际完成{a}";
        }

        if (t is null && a is null)
        {
            return $"{name}的指标值和完成情况见附件自评表";
        }

        string target = t is null ? string.Empty : $"指标值{t}，";
        // A row whose target is 0 (因病致贫返贫户数 0户) counts what should not happen: its actual happened, it was not “completed”.
        string actual = a is null ? "实际完成情况见附件自评表" : r.Rule == IndicatorRule.Qualitative ? $"实际完成情况为{a}" : r.Rule == IndicatorRule.Zero ? $"实际为{a}" : $"实际完成{a}";
        string clause = $"{name}{target}{actual}";
        switch (r.Status)
        {
            case IndicatorStatus.Short when r.IsLate:
                clause += "，未按期完成";
                break;
            case IndicatorStatus.Short when r.Rule == IndicatorRule.Qualitative:
            case IndicatorStatus.Met when r.Rule == IndicatorRule.Qualitative && Calculator.IsWeaker(r.Target, r.Actual):
                clause += "，实际效果弱于年度指标值";
                break;
            case IndicatorStatus.Short when r.Rule == IndicatorRule.Zero:
                clause += "，超出年度指标值";
                break;
            case IndicatorStatus.Short:
                clause += (over ?? (c is null ? string.Empty : $"，完成率{c}")) + "，未完成年度指标值";
                break;
            case IndicatorStatus.Exceeded when r.Rule == IndicatorRule.Reverse:
                clause += "，优于年度指标值";
                break;
            case IndicatorStatus.Exceeded:
                clause += (c is null ? string.Empty : $"，完成率{c}") + "，超额完成年度指标值";
                break;
        }

        if (Scored && r.Status == IndicatorStatus.Short && Fact($"indicators[{index}].score") is { } s && Fact($"indicators[{index}].weight") is { } w)
        {
            clause += $"，得分{s}（分值{w}）";
        }

        return clause;
    }

    private static bool HasWords(string text)
    {
        int letters = 0;
        foreach (char ch in text)
        {
            letters += ch is >= '\u4e00' and <= '\u9fff' ? 1 : 0;
        }

        return letters >= 2;
    }

    /// <summary>Whether the clause of <see cref="Indicator"/> counts as met (grouped with others in a report).</summary>
    public bool IsMet(int index)
    {
        IndicatorResult r = Sheet.Report.Indicators[index];
        return r.Status == IndicatorStatus.Met && r.Rule != IndicatorRule.Cancelled && r.Target is not MissingCell
            && !(r.Rule == IndicatorRule.Qualitative && Calculator.IsWeaker(r.Target, r.Actual));
    }

    /// <summary>Whether a printed text can be quoted: every number in it is an identifier or verifies.</summary>
    public bool Quotable(string text)
    {
        VerificationReport report = Verifier.Verify(Sheet, "“" + text + "”");
        return report.IsClean;
    }

    /// <summary>The index of the fund line that is the total (no parent), or the first line.</summary>
    public int? RootLine()
    {
        var lines = Sheet.Evaluation.Funds.Lines;
        if (lines.Count == 0)
        {
            return null;
        }

        int root = lines.ToList().FindIndex(l => string.IsNullOrWhiteSpace(l.Parent));
        return root < 0 ? 0 : root;
    }

    /// <summary>The parts of a fund line that carry money (a zero budget and zero spending is left out).</summary>
    public IReadOnlyList<int> Parts(int root)
    {
        var lines = Sheet.Evaluation.Funds.Lines;
        string name = lines[root].Name.Trim();
        return Enumerable.Range(0, lines.Count)
            .Where(i => i != root && lines[i].Parent?.Trim() == name)
            .Where(i => (lines[i].Budget?.Value ?? 0m) != 0m || (lines[i].Executed?.Value ?? 0m) != 0m)
            .ToList();
    }

    /// <summary>The money columns of a fund line: its id, the label a table prints, in the order a report states them.</summary>
    public static readonly (string Column, string Label)[] FundColumns = [("budget", "全年预算数"), ("executed", "全年执行数"), ("initialBudget", "年初预算数")];

    /// <summary>Whether the parts of <paramref name="root"/> do not add up to it in <paramref name="column"/> (funds.parts-sum, an error).</summary>
    public bool PartsDiffer(int root, string column) => Fact($"funds.lines[{root}].partsGap.{column}") is not null;

    /// <summary>
    /// The sentences saying that the parts of the line do not add up to it, column by column (资金来源各部分的全年预算数合计
    /// 165.00万元，与全年预算数166.00万元不一致，相差1.00万元。), or null when they add up. The sum is stated only when it
    /// is the sum of the parts the text lists; no sum that is not true is ever written.
    /// </summary>
    public string? PartsMismatch(int root, IReadOnlyList<int> parts, params string[] columns)
    {
        var list = new List<string>();
        foreach ((string column, string label) in FundColumns.Where(c => columns.Length == 0 || columns.Contains(c.Column)))
        {
            // 年初预算数 is said only when 全年预算数 adds up (the same gap twice says nothing more; the annex lists both).
            if (column == "initialBudget" && PartsDiffer(root, "budget"))
            {
                continue;
            }

            if (Fact($"funds.lines[{root}].partsGap.{column}") is not { } gap)
            {
                continue;
            }

            string sum = ListedSum(root, column, parts) is { } s ? $"合计{s}，" : "之和";
            string total = Fact($"funds.lines[{root}].{column}") ?? string.Empty;
            // A department's parts are its expenditure categories (基本支出 / 项目支出), not sources of money (session 39).
            string partsLabel = DepartmentBudget.PartsLabel(Sheet.Evaluation, parts.Where(p => p < Sheet.Evaluation.Funds.Lines.Count).Select(p => Sheet.Evaluation.Funds.Lines[p].Name));
            list.Add($"{partsLabel}各部分的{label}{sum}与{label}{total}不一致，相差{gap}");
        }

        return list.Count == 0 ? null : string.Join("；", list) + "。";
    }

    /// <summary>The parts' sum fact of a column, when it is the sum of exactly the parts listed.</summary>
    private string? ListedSum(int root, string column, IReadOnlyList<int> parts)
    {
        if (Sheet.Find($"funds.lines[{root}].partsSum.{column}") is not { } sum)
        {
            return null;
        }

        var lines = Sheet.Evaluation.Funds.Lines;
        Func<FundLine, Numbers.PrintedNumber?> get = column switch { "initialBudget" => l => l.InitialBudget, "budget" => l => l.Budget, _ => l => l.Executed };
        string name = lines[root].Name.Trim();
        var all = Enumerable.Range(0, lines.Count).Where(i => i != root && lines[i].Parent?.Trim() == name).ToList();
        decimal listed = all.Sum(i => get(lines[i])?.Value ?? 0m);
        return listed == sum.Value && all.All(i => parts.Contains(i) || (get(lines[i])?.Value ?? 0m) == 0m) ? Fact(sum.Id) : null;
    }

    /// <summary>
    /// “2024年度” before a title, or nothing when the title already starts with its year
    /// (“2024年农村公路养护专项资金”): a report never says “2024年度2024年”.
    /// </summary>
    public static string YearBefore(Evaluation e, string? between = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        string title = e.Title.Trim();
        if (!string.IsNullOrEmpty(between))
        {
            // 新邵县水利局 + 2025年新邵县农村饮水…资金 reads “2025年度新邵县水利局农村饮水…资金”: the year first,
            // the place the department already names said once.
            int? y0 = e.Year ?? TitleYear(title);
            return (y0 is { } yy ? $"{yy}年度" : "本年度") + between + Bare(title, between + (e.Region ?? string.Empty));
        }

        string year = TitleYear(title) is not null ? string.Empty : e.Year is { } y ? $"{y}年度" : "本年度";
        return year + title;
    }

    /// <summary>
    /// The place of the unit that carries the money out when the table names one below the region and the 主管部门:
    /// 黔南州医疗保障局 (department) with 独山县医疗保障局 (implementer) in 黔南州 is 独山县's report, so 独山县 leads its
    /// title and first sentence. Null when the implementer names no place, or the same place as the region or the department.
    /// </summary>
    public static string? ImplementerPlace(Evaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string implementer = e.Implementer?.Trim() ?? string.Empty;
        if (implementer.Length == 0)
        {
            return null;
        }

        // The places the implementer's name starts with (黔南州独山县医疗保障局 → 黔南州, 独山县), less those the region or the
        // department already names.
        string region = e.Region?.Trim() ?? string.Empty;
        string department = e.Department?.Trim() ?? string.Empty;
        // A place of at least two characters before its suffix (独山县, 利川市): 市县 in 市县人力资源和社会保障局 is no place.
        var own = Review.ProgramNames.KnownPlaces([], [implementer]).Where(p => p.Length >= 3).ToList();
        string lead = string.Concat(own);
        if (own.Count == 0 || !implementer.StartsWith(lead, StringComparison.Ordinal))
        {
            return null;
        }

        string place = string.Concat(own.Where(p => !region.Contains(p, StringComparison.Ordinal) && !department.StartsWith(p, StringComparison.Ordinal)
            && !department.Contains(p, StringComparison.Ordinal)));
        return place.Length >= 2 && lead.EndsWith(place, StringComparison.Ordinal) ? place : null;
    }

    /// <summary>The place a report names first: the region, then the implementer's own place below it (黔南州 + 独山县 → 黔南州独山县).</summary>
    public static string LeadingPlace(Evaluation e)
    {
        ArgumentNullException.ThrowIfNull(e);
        string region = e.Region?.Trim() ?? string.Empty;
        return ImplementerPlace(e) is { } own && !region.Contains(own, StringComparison.Ordinal) ? region + own : region;
    }

    /// <summary>The year a title starts with (“2025年…”, “2025年度…”), if any.</summary>
    public static int? TitleYear(string title) =>
        title.Length > 5 && title[..4].All(char.IsAsciiDigit) && title[4] == '年'
            ? int.Parse(title.AsSpan(0, 4), System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// A title without its leading year (2025年 / 2025年度) and without the leading places <paramref name="context"/>
    /// already names (the region 湖南省邵阳市新邵县, or the department 新邵县水利局): “2025年新邵县农村饮水安全工程维修养护资金”
    /// in the context of 新邵县 is “农村饮水安全工程维修养护资金”. A title that would be left with fewer than
    /// four characters is kept whole.
    /// </summary>
    public static string Bare(string title, string context)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(context);
        string t = title.Trim();
        if (TitleYear(t) is not null)
        {
            t = t[5..].TrimStart('度', ' ', '　');
        }

        bool cut = true;
        while (cut)
        {
            cut = false;
            for (int n = Math.Min(12, t.Length - 4); n >= 2; n--)
            {
                if (PlaceEnd.Contains(t[n - 1], StringComparison.Ordinal) && context.Contains(t[..n], StringComparison.Ordinal))
                {
                    t = t[n..];
                    cut = true;
                    break;
                }
            }
        }

        return t.Length >= 4 ? t : title.Trim();
    }

    private const string PlaceEnd = "省市县区旗州盟镇乡";

    public static string Symbol(Comparator comparator) => comparator switch
    {
        Comparator.AtLeast => "≥",
        Comparator.Above => ">",
        Comparator.AtMost => "≤",
        Comparator.Below => "<",
        _ => string.Empty,
    };
}
