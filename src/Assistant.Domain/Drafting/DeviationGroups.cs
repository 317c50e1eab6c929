using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Drafting;

/// <summary>Items that deviate for one reason and are explained in one paragraph.</summary>
/// <param name="Kind">The deviation they share.</param>
/// <param name="Items">Its items, heaviest first.</param>
/// <param name="PointsLost">Points the group lost (for a fund line, the 分值 of 执行率 not earned).</param>
/// <param name="Unspent">Money left unspent or short (in the table's unit), for ordering.</param>
/// <param name="StatedReason">The reason the unit gave for all of them, when it gave one.</param>
/// <param name="Money">Whether the items are money lines (成本指标 in 元/万元).</param>
public sealed record DeviationGroup(DeviationKind Kind, IReadOnlyList<DeviationItem> Items, decimal PointsLost, decimal Unspent, string? StatedReason, bool Money);

/// <summary>
/// Groups the items of section 三 the way reviewed reports do: every over-achievement with the same (or
/// no) stated reason together, under-spent cost lines with one stated cause together, shortfalls that
/// share a stated reason together; then orders the groups by the weight of the deviation (points lost,
/// then money unspent, then table order). Deterministic: ties fall back to the table order.
/// </summary>
public static class DeviationGroups
{
    public static IReadOnlyList<DeviationGroup> Build(FactSheet sheet, IReadOnlyList<DeviationItem> items)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(items);
        Evaluation e = sheet.Evaluation;
        var order = items.Select((item, n) => (item, n)).ToDictionary(x => x.item.Id, x => x.n, StringComparer.Ordinal);
        var groups = new List<(DeviationGroup Group, int First)>();

        string Key(DeviationItem i) => i.StatedReason is { } s ? Precedent.Key(s) : string.Empty;
        bool IsMoney(DeviationItem i) => PrecedentFit.NatureOf(i, e) == Nature.Money;

        foreach (var bucket in items.GroupBy(i => i.Kind switch
                 {
                     DeviationKind.LowExecution => "funds|" + i.Id,
                     DeviationKind.Overshoot => "over|" + Key(i),
                     DeviationKind.Cancelled => "cancel|" + Key(i),
                     DeviationKind.QualitativeWeaker => "quality|" + Key(i),
                     DeviationKind.Late => "late|" + Key(i),
                     // A reason that names no cause (工作推进不够到位 on 婴儿死亡率 and 高血压) joins nothing: each row is answered by its own kind.
                     _ when i.StatedReason is null || NamesNoCause(i.StatedReason) => "short|" + i.Id,
                     _ => "short|" + (IsMoney(i) ? "money|" : "count|") + Key(i),
                 }, StringComparer.Ordinal))
        {
            var members = bucket
                .OrderByDescending(i => Lost(sheet, i))
                .ThenByDescending(i => Unspent(sheet, i))
                .ThenByDescending(i => i.IndicatorIndex is { } x ? sheet.Report.Indicators[x].Completion ?? 0m : 0m)
                .ThenBy(i => order[i.Id])
                .ToList();
            DeviationItem head = members[0];
            groups.Add((new DeviationGroup(
                head.Kind,
                members,
                members.Sum(i => Lost(sheet, i)),
                members.Sum(i => Unspent(sheet, i)),
                head.StatedReason,
                members.All(IsMoney)), members.Min(i => order[i.Id])));
        }

        return groups
            .OrderBy(g => g.Group.Kind is DeviationKind.Cancelled ? 2 : g.Group.Kind is DeviationKind.Overshoot ? 1 : 0)
            .ThenByDescending(g => g.Group.PointsLost)
            .ThenByDescending(g => g.Group.Unspent)
            .ThenBy(g => g.First)
            .Select(g => g.Group)
            .ToList();
    }

    /// <summary>A stated reason that names no cause: only measures, a catch-all or a vague general cause.</summary>
    public static bool NamesNoCause(string reason) => Review.ReasonQuality.IsMeasureOnly(reason) || ReasonStrength.IsBoilerplate(reason);

    /// <summary>Points an item lost: an indicator's 扣分, a fund line's 分值 not earned.</summary>
    public static decimal Lost(FactSheet sheet, DeviationItem item)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(item);
        if (item.IndicatorIndex is { } i)
        {
            return sheet.Find($"indicators[{i}].lost")?.Value ?? 0m;
        }

        decimal weight = sheet.Find("funds.weight")?.Value ?? 0m;
        decimal? score = sheet.Find(item.Path + ".score")?.Value;
        return score is { } s && weight > s ? weight - s : 0m;
    }

    /// <summary>Money an item left unspent (a fund line's 结余, a money indicator's gap), else 0.</summary>
    public static decimal Unspent(FactSheet sheet, DeviationItem item)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(item);
        if (item.FundLineIndex is not null)
        {
            return sheet.Find(item.Path + ".balance")?.Value ?? 0m;
        }

        return item.Kind == DeviationKind.Shortfall && PrecedentFit.NatureOf(item, sheet.Evaluation) == Nature.Money
            ? sheet.Find(item.Path + ".gap")?.Value ?? 0m
            : 0m;
    }
}
