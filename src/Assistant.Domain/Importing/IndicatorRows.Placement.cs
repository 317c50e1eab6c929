namespace Assistant.Domain.Importing;

/// <summary>Where the cells of a loose indicator row go: by what they hold, or where the header puts them when they fit there.</summary>
internal static partial class IndicatorRows
{
    /// <summary>
    /// Places the cells of a loose row by what they hold: leading 一级/二级 labels, the name, then the
    /// fields the header lists after the name, anchoring 分值 and 得分 from the right. False when the
    /// row had more or fewer cells than the header and the placement is a guess.
    /// </summary>
    private static bool Semantic(List<string> texts, int n, List<IndicatorField> header, Dictionary<IndicatorField, int> cells)
    {
        int i = 0;
        while (i < n)
        {
            string s = texts[i];
            if (CellText.IsBlank(s) || CellText.Compact(s) == "绩效指标")
            {
                i++;
                continue;
            }

            if (HeaderWords.IsLevel1(s, out string l1, out _))
            {
                bool nextIsLevel2 = Enumerable.Range(i + 1, n - i - 1).Select(k => texts[k]).FirstOrDefault(x => !CellText.IsBlank(x)) is { } next && HeaderWords.IsLevel2(next, out _);
                if (l1 == "成本指标" && !nextIsLevel2)
                {
                    cells[IndicatorField.Level2] = i;
                }
                else
                {
                    cells[IndicatorField.Level1] = i;
                }

                i++;
                continue;
            }

            if (HeaderWords.IsLevel2(s, out _))
            {
                cells[IndicatorField.Level2] = i;
                i++;
                continue;
            }

            break;
        }

        if (i >= n)
        {
            return true;
        }

        cells[IndicatorField.Name] = i;
        int nameCol = header.IndexOf(IndicatorField.Name);
        var after = (nameCol >= 0 ? header.Skip(nameCol + 1) : header.Where(f => f is IndicatorField.Target or IndicatorField.Actual or IndicatorField.TargetActual or IndicatorField.ActualTarget or IndicatorField.Weight or IndicatorField.Score or IndicatorField.Note or IndicatorField.Nature or IndicatorField.Unit))
            .Where(f => f is not IndicatorField.Label and not IndicatorField.Name).ToList();
        var rest = Enumerable.Range(i + 1, n - i - 1).ToList();
        int wIdx = after.IndexOf(IndicatorField.Weight);
        int sIdx = after.IndexOf(IndicatorField.Score);
        if (wIdx >= 0 && sIdx == wIdx + 1)
        {
            // 分值 and 得分 are the last two plain numbers; what follows them is the explanation.
            int j = rest.Count - 1;
            var tail = new List<(IndicatorField, int)>();
            if (after.Contains(IndicatorField.Note) && j >= 0 && !CellText.IsPlainNumber(texts[rest[j]]))
            {
                tail.Add((IndicatorField.Note, rest[j]));
                j--;
            }

            while (j >= 0 && CellText.IsBlank(texts[rest[j]]))
            {
                j--;
            }

            if (j >= 1 && CellText.IsPlainNumber(texts[rest[j]]) && CellText.IsPlainNumber(texts[rest[j - 1]])
                && AtMostHundred(texts[rest[j]]) && AtMostHundred(texts[rest[j - 1]]))
            {
                tail.Add((IndicatorField.Score, rest[j]));
                tail.Add((IndicatorField.Weight, rest[j - 1]));
                foreach ((IndicatorField f, int at) in tail)
                {
                    cells[f] = at;
                }

                var before = after.Take(wIdx).ToList();
                var pre = rest.Take(j - 1).ToList();
                return Fit(before, pre, texts, cells);
            }
        }

        if (rest.Count == after.Count)
        {
            Assign(after, rest, cells);
            return true;
        }

        return Fit(after, rest, texts, cells);
    }

    /// <summary>
    /// Places the cells of a loose row where the header puts them when they fit there: no cell beyond the
    /// header, every column up to the actual present, the name a word (not a value, not a 一级/二级 label),
    /// the 一级/二级 cells no values (whatever their wording: 数量, 履职效益), 分值/得分 plain numbers. A
    /// PDF copy that lost a cell shifts the row and fails these checks; it is then placed by content.
    /// </summary>
    private static bool Positional(List<string> texts, int n, List<IndicatorField> header, Dictionary<IndicatorField, int> cells)
    {
        int nameAt = header.IndexOf(IndicatorField.Name);
        int actualAt = header.FindIndex(f => f is IndicatorField.Actual or IndicatorField.TargetActual or IndicatorField.ActualTarget);
        if (nameAt < 0 || actualAt < 0 || n > header.Count || n <= actualAt || n <= nameAt)
        {
            return false;
        }

        for (int i = 0; i < n; i++)
        {
            string s = texts[i];
            if (CellText.IsBlank(s))
            {
                continue;
            }

            bool label1 = HeaderWords.IsLevel1(s, out _, out _);
            bool label2 = HeaderWords.IsLevel2(s, out _);
            bool value = CellText.Number(s, out _, out _) is not null || ValueCell().IsMatch(CellText.Compact(s));
            bool fits = header[i] switch
            {
                IndicatorField.Label => CellText.Compact(s) == "绩效指标",
                IndicatorField.Level1 => !value && (label1 || !label2),
                IndicatorField.Level2 => !value && (label2 || !label1),
                IndicatorField.Name => !value && !label1 && !label2,
                IndicatorField.Weight or IndicatorField.Score => CellText.IsPlainNumber(s) && AtMostHundred(s),
                IndicatorField.Target or IndicatorField.Actual or IndicatorField.Unit or IndicatorField.Nature or IndicatorField.TargetActual or IndicatorField.ActualTarget => !label1 && !label2,
                _ => true,
            };
            if (!fits)
            {
                return false;
            }
        }

        if (CellText.IsBlank(texts[nameAt]) && Enumerable.Range(nameAt + 1, n - nameAt - 1).Any(k => !CellText.IsBlank(texts[k])))
        {
            return false;
        }

        for (int i = 0; i < n; i++)
        {
            if (header[i] is not IndicatorField.Unknown and not IndicatorField.Label)
            {
                cells.TryAdd(header[i], i);
            }
        }

        return true;
    }

    /// <summary>分值 and 得分 never exceed 100; a larger number is a target or an actual.</summary>
    private static bool AtMostHundred(string text) =>
        decimal.TryParse(CellText.Number(text, out _, out _), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out decimal v) && v <= 100m;

    /// <summary>Fits cells to fields: drops empty cells from the left when there are too many, assigns from the left when too few.</summary>
    private static bool Fit(List<IndicatorField> fields, List<int> at, List<string> texts, Dictionary<IndicatorField, int> cells)
    {
        if (at.Count == fields.Count)
        {
            Assign(fields, at, cells);
            return true;
        }

        var list = at.ToList();
        while (list.Count > fields.Count && list.FindIndex(k => CellText.IsBlank(texts[k])) is int e and >= 0)
        {
            list.RemoveAt(e);
        }

        if (list.Count > fields.Count)
        {
            list = list.Take(fields.Count).ToList();
        }

        Assign(fields, list, cells);
        return list.Count == fields.Count && at.Count > fields.Count;
    }

    private static void Assign(List<IndicatorField> fields, List<int> at, Dictionary<IndicatorField, int> cells)
    {
        for (int k = 0; k < Math.Min(fields.Count, at.Count); k++)
        {
            if (fields[k] is not IndicatorField.Unknown and not IndicatorField.Label)
            {
                cells.TryAdd(fields[k], at[k]);
            }
        }
    }
}
