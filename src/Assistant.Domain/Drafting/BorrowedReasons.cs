using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Drafting;

/// <summary>
/// The unit's own reasons a fund line with none of its own may be explained by (README, “How a draft is made”): the reasons it gave
/// for its cost lines short of their values (money the budget spends — never loans, income or output, which a budget does not spend),
/// and a reason about where the money came from (优先使用中央资金) or naming the part's own money, given anywhere in the table. Shared
/// by the drafter and the chat (session 40: the chat said no reason was given where the draft borrowed one), so the two agree.
/// </summary>
public static partial class BorrowedReasons
{
    /// <summary>A stated reason without its label (原因：, 偏差原因：) and its closing stop.</summary>
    public static string Clean(string stated)
    {
        ArgumentNullException.ThrowIfNull(stated);
        return StatedLabel().Replace(stated, string.Empty).Trim().TrimEnd('。', '；', ';', '.');
    }

    /// <summary>Money indicators short of their target that a budget spends, largest money gap first: where an unspent budget shows.</summary>
    public static List<DeviationItem> CostLines(FactSheet sheet, IEnumerable<DeviationItem> items)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(items);
        return items
            .Where(i => i.Kind == DeviationKind.Shortfall && !(i.IndicatorIndex is { } x && sheet.Report.Indicators[x].Rule == IndicatorRule.Reverse)
                && PrecedentFit.NatureOf(i, sheet.Evaluation) == Nature.Money && sheet.Find(i.Path + ".gap") is not null && !DraftPhrases.IsNotSpending(i.Name))
            .OrderByDescending(i => DeviationGroups.Unspent(sheet, i)).ThenBy(i => i.IndicatorIndex)
            .ToList();
    }

    /// <summary>
    /// The causes (cleaned, measures cut off, each once) a fund line named <paramref name="lineName"/> borrows from the unit's own reasons
    /// elsewhere in <paramref name="items"/>; empty when the unit gave none that may be borrowed.
    /// </summary>
    public static IReadOnlyList<string> For(FactSheet sheet, IReadOnlyList<DeviationItem> items, string lineName, bool isRoot) =>
        Sources(sheet, items, lineName, isRoot).Select(s => s.Cause).ToList();

    /// <summary>As <see cref="For"/>, each cause with the item (row) the unit gave it for, first such item per cause.</summary>
    public static IReadOnlyList<(DeviationItem Item, string Cause)> Sources(FactSheet sheet, IReadOnlyList<DeviationItem> items, string lineName, bool isRoot)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(lineName);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return CostLines(sheet, items).Where(c => c.StatedReason is not null)
            .Concat(items.Where(i => i.StatedReason is { } r && (DraftPhrases.IsFundingSource(r) || (!isRoot && DraftPhrases.NamesFundLine(r, lineName)))))
            .Select(i => (Item: i, Reason: Clean(i.StatedReason!))).Where(x => StatedText.LabelledMeasureOnly(x.Reason) is null)
            .Select(x => (x.Item, Cause: StatedText.Split(x.Reason).Cause)).Where(x => x.Cause.Length > 0) // the cause only: a measure written after it goes to the measures
            .Where(x => seen.Add(x.Cause))
            .ToList();
    }

    [GeneratedRegex(@"^(?:超额完成|未完成|偏差|未达标)?原因(?:分析)?[：:]")]
    private static partial Regex StatedLabel();
}
