namespace Assistant.Domain.Importing;

/// <summary>
/// One 自评表 laid out in two places — the 项目资金 block on one worksheet and the 绩效指标 on the
/// next (资金情况 / 绩效指标), or two Word tables — reads as two halves: one with fund lines and no
/// indicators, one with indicators and no fund lines. Two such neighbours join into one table when
/// nothing says they are different projects (one has no 项目名称 of its own, or both name the same).
/// </summary>
public static class TableJoin
{
    public static List<ImportedTable> Join(IReadOnlyList<ImportedTable> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var result = new List<ImportedTable>(tables.Count);
        for (int i = 0; i < tables.Count; i++)
        {
            ImportedTable a = tables[i];
            if (i + 1 < tables.Count && Halves(a, tables[i + 1]) is ({ } funds, { } indicators))
            {
                result.Add(Merge(a, funds, indicators));
                i++;
                continue;
            }

            result.Add(a);
        }

        return result;
    }

    private static (ImportedTable? Funds, ImportedTable? Indicators) Halves(ImportedTable a, ImportedTable b)
    {
        bool sameProject = a.TitleGuessed || b.TitleGuessed || string.Equals(CellText.Compact(a.Title), CellText.Compact(b.Title), StringComparison.Ordinal);
        if (!sameProject)
        {
            return (null, null);
        }

        if (a.FundLines.Count > 0 && a.Indicators.Count == 0 && b.Indicators.Count > 0 && b.FundLines.Count == 0)
        {
            return (a, b);
        }

        return b.FundLines.Count > 0 && b.Indicators.Count == 0 && a.Indicators.Count > 0 && a.FundLines.Count == 0 ? (b, a) : (null, null);
    }

    /// <summary>The funds half's lines and the indicators half's rows in one table (kept in <paramref name="into"/>, the first of the two); each field from the half that has it.</summary>
    private static ImportedTable Merge(ImportedTable into, ImportedTable funds, ImportedTable indicators)
    {
        ImportedTable other = ReferenceEquals(into, funds) ? indicators : funds;
        bool otherNamed = into.TitleGuessed && !other.TitleGuessed;
        if (otherNamed)
        {
            into.Title = other.Title;
            into.TitleGuessed = false;
            into.Warnings.RemoveAll(w => w.Path == "title");
        }

        into.Department ??= other.Department;
        into.Implementer ??= other.Implementer;
        into.Year ??= other.Year;
        into.Region ??= other.Region;
        into.PrintedWeightTotal ??= other.PrintedWeightTotal;
        into.PrintedTotal ??= other.PrintedTotal;
        if (ReferenceEquals(into, indicators))
        {
            into.FundUnit = funds.FundUnit;
            into.FundWeight = funds.FundWeight;
            into.FundLines.AddRange(funds.FundLines);
        }
        else
        {
            into.LevelWeights.AddRange(indicators.LevelWeights);
            into.Indicators.AddRange(indicators.Indicators);
        }

        foreach ((string path, string source) in other.Sources)
        {
            into.Sources.TryAdd(path, source);
        }

        into.Warnings.AddRange(other.Warnings.Where(w => w.Path != "title" || into.TitleGuessed));
        bool scored = indicators.Indicators.Any(x => x.Weight is not null || x.PrintedScore is not null) || funds.FundWeight is not null;
        into.Kind = scored ? indicators.Kind : "transfer";
        into.Warn("indicators", other.Source, $"项目资金（{funds.Source}）与绩效指标（{indicators.Source}）分在两处，已合并为一张表（推测）",
            $"the funds ({funds.Source}) and the indicators ({indicators.Source}) are in two places; joined into one table (guessed)");
        return into;
    }
}
