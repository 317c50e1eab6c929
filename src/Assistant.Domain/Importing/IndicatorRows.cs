using System.Text.RegularExpressions;

namespace Assistant.Domain.Importing;

/// <summary>
/// Reads one row of a 绩效指标 block: the 一级/二级 cells (merged down, so empty rows take the ones
/// above), the 三级 name with its unit, target, actual, 分值, 得分 and the explanation. Rows from a
/// loose copy are matched by what the cells hold, not where they sit, and wrapped cells are joined.
/// </summary>
internal static partial class IndicatorRows
{
    public static void Read(ImportedTable t, List<GridCell> row, List<string> texts, List<IndicatorField> header, bool loose, ref string? level1, ref string? level2)
    {
        int n = texts.Count;
        while (n > 0 && CellText.IsBlank(texts[n - 1]))
        {
            n--;
        }

        if (n == 0)
        {
            return;
        }

        if (loose && t.Indicators.Count > 0 && Continuation(t, row, texts, n))
        {
            return;
        }

        var cells = new Dictionary<IndicatorField, int>();
        bool unsure = false;
        bool byHeader = true;
        if (!loose && texts.Count == header.Count)
        {
            for (int i = 0; i < n; i++)
            {
                if (header[i] is not IndicatorField.Unknown and not IndicatorField.Label && !cells.ContainsKey(header[i]))
                {
                    cells[header[i]] = i;
                }
            }
        }
        else if (!Positional(texts, n, header, cells))
        {
            cells.Clear();
            byHeader = false;
            unsure = !Semantic(texts, n, header, cells);
        }

        // 一级 / 二级: a filled cell sets the level; an empty one (merged down) keeps the one above.
        if (cells.TryGetValue(IndicatorField.Level1, out int l1) && !CellText.IsBlank(texts[l1]))
        {
            if (level1 is not null && BareWeight().Match(CellText.Compact(texts[l1])) is { Success: true } bare)
            {
                // （50分） beside the second row: the wrapped end of the 一级 label merged over the rows above.
                string wrapped = level1;
                if (!t.LevelWeights.Any(w => w.Key == wrapped))
                {
                    t.LevelWeights.Add(new(wrapped, bare.Groups["w"].Value));
                    t.Sources[$"levelWeights.{wrapped}"] = row[l1].Source;
                }
            }
            else
            {
                SetLevel1(t, texts[l1], row[l1], ref level1, ref level2);
            }
        }

        if (cells.TryGetValue(IndicatorField.Level2, out int l2) && !CellText.IsBlank(texts[l2]))
        {
            // 产出指标 / (45分) with the weight wrapped under the 二级 column: the 一级's weight when it has none.
            string l2Text = CellText.Compact(texts[l2]);
            string? own = level1;
            if (own is not null && l1 >= 0 && cells.ContainsKey(IndicatorField.Level1) && !CellText.IsBlank(texts[l1])
                && TrailingWeight().Match(l2Text) is { Success: true, Index: > 0 } tw && !t.LevelWeights.Any(w => w.Key == own))
            {
                t.LevelWeights.Add(new(own, tw.Groups["w"].Value));
                t.Sources[$"levelWeights.{own}"] = row[l2].Source;
                l2Text = l2Text[..tw.Index];
            }

            level2 = HeaderWords.IsLevel2(l2Text, out string l2Name) ? l2Name : l2Text;
        }

        if (!cells.TryGetValue(IndicatorField.Name, out int nameAt) || CellText.IsBlank(texts[nameAt]))
        {
            return;
        }

        string name = CellText.Clean(texts[nameAt]);
        if (loose)
        {
            while (HeaderWords.PeelLabel(name, out string label, out bool isLevel1) is { } rest)
            {
                if (isLevel1)
                {
                    SetLevel1(t, label, row[nameAt], ref level1, ref level2);
                }
                else
                {
                    level2 = label;
                }

                name = rest;
            }
        }

        name = NumberedPrefix().Replace(name, string.Empty);
        (name, string? unit) = CellText.SplitUnit(name);
        int index = t.Indicators.Count;
        string path = $"indicators[{index}]";
        var indicator = new ImportedIndicator { Name = name, Level1 = level1, Level2 = level2, Unit = unit };
        t.Sources[path + ".name"] = row[nameAt].Source;
        if (level1 is null)
        {
            t.Warn(path + ".level1", row[nameAt].Source, "未找到一级指标", "no 一级指标 for this row");
        }

        string? nature = null;
        foreach ((IndicatorField field, int at) in cells)
        {
            string text = texts[at];
            GridCell cell = row[at];
            string fieldPath = path + "." + field switch
            {
                IndicatorField.Target => "target",
                IndicatorField.Actual => "actual",
                IndicatorField.Weight => "weight",
                IndicatorField.Score => "printedScore",
                IndicatorField.Note => "deviationNote",
                IndicatorField.Unit => "unit",
                IndicatorField.Nature => "target",
                _ => field.ToString(),
            };
            switch (field)
            {
                case IndicatorField.Target:
                    indicator.Target = CellText.IsBlank(text) ? string.Empty : CellText.Comparators(text);
                    break;
                case IndicatorField.TargetActual or IndicatorField.ActualTarget:
                    Combined(t, indicator, path, text, cell, field == IndicatorField.TargetActual);
                    continue;
                case IndicatorField.Actual:
                    indicator.Actual = CellText.IsBlank(text) ? string.Empty : CellText.Comparators(text);
                    break;
                case IndicatorField.Nature:
                    nature = CellText.IsBlank(text) ? null : CellText.Compact(text);
                    break;
                case IndicatorField.Unit:
                    if (!CellText.IsBlank(text))
                    {
                        indicator.Unit = CellText.Compact(text);
                    }

                    break;
                case IndicatorField.Weight or IndicatorField.Score:
                    if (CellText.IsBlank(text))
                    {
                        // An empty cell that is a formula with no saved value (a file written by a script): said, naming the cell.
                        if (cell.Note is { } blankNote)
                        {
                            t.Warn(fieldPath, cell.Source, blankNote.Zh, blankNote.En);
                        }

                        continue;
                    }

                    string? number = CellText.Number(text, out bool pct, out _);
                    if (number is null || pct)
                    {
                        t.Warn(fieldPath, cell.Source, CellText.NotANumber(text).Zh, CellText.NotANumber(text).En);
                        continue;
                    }

                    if (CellText.Rounded(text, number) is { } rounded)
                    {
                        t.Warn(fieldPath, cell.Source, rounded.Zh, rounded.En);
                    }

                    if (field == IndicatorField.Weight)
                    {
                        indicator.Weight = number;
                    }
                    else
                    {
                        indicator.PrintedScore = number;
                    }

                    break;
                case IndicatorField.Note:
                    // 偏差原因 | 改进措施 (or a 备注) in columns of their own: each kept, in order.
                    string? note = Notes(texts, byHeader ? Enumerable.Range(0, n).Where(k => header[k] == IndicatorField.Note) : [at]);
                    if (note is null)
                    {
                        continue;
                    }

                    indicator.DeviationNote = note;
                    break;
                default:
                    continue;
            }

            t.Sources[fieldPath] = cell.Source;
            if (cell.Note is { } cellNote)
            {
                t.Warn(fieldPath, cell.Source, cellNote.Zh, cellNote.En);
            }
            else if (unsure && field is not IndicatorField.Note)
            {
                t.Warn(fieldPath, cell.Source, "本行的格数与表头不符，按内容对应（推测）", "this row's cells do not match the header; placed by content (guessed)");
            }
        }

        if (nature is not null)
        {
            indicator.Target = WithNature(nature, indicator.Target);
        }

        indicator.Unit ??= UnitFromValue(indicator.Target, name) ?? UnitFromValue(indicator.Actual, name);
        t.Indicators.Add(indicator);
    }

    /// <summary>
    /// A section row across the whole table (<c>一、产出指标（50分）</c>, <c>（一）数量指标</c>) in a block with
    /// no 一级 column, or numbered as a section: it sets the 一级 (with its printed weight) or the 二级 of
    /// the rows under it and is no indicator. False for any other row.
    /// </summary>
    public static bool Section(ImportedTable t, List<GridCell> row, List<string> texts, List<IndicatorField> header, ref string? level1, ref string? level2)
    {
        var filled = Enumerable.Range(0, texts.Count).Where(i => !CellText.IsBlank(texts[i])).ToList();
        if (filled.Count == 0 || filled.Select(i => CellText.Compact(texts[i])).Distinct().Count() != 1)
        {
            return false;
        }

        string text = CellText.Compact(texts[filled[0]]);
        Match m = SectionNumber().Match(text);
        string rest = text[m.Length..];
        if (!m.Success && header.Contains(IndicatorField.Level1))
        {
            return false;
        }

        if (HeaderWords.IsLevel1(rest, out _, out _))
        {
            SetLevel1(t, rest, row[filled[0]], ref level1, ref level2);
            return true;
        }

        if (HeaderWords.IsLevel2(rest, out string name) && (m.Success || !header.Contains(IndicatorField.Level2)))
        {
            level2 = name;
            return true;
        }

        return false;
    }

    /// <summary>年度指标值/实际完成值 in one cell (<c>≥3000/2700</c>): both read, or the cell kept whole as the target with a warning.</summary>
    private static void Combined(ImportedTable t, ImportedIndicator indicator, string path, string text, GridCell cell, bool targetFirst)
    {
        if (CellText.IsBlank(text))
        {
            indicator.Target = string.Empty;
            indicator.Actual = string.Empty;
            return;
        }

        t.Sources[path + ".target"] = cell.Source;
        if (CombinedValues.Split(text, targetFirst) is { } pair)
        {
            indicator.Target = pair.Target;
            indicator.Actual = pair.Actual;
            t.Sources[path + ".actual"] = cell.Source;
            return;
        }

        indicator.Target = text;
        t.Warn(path + ".actual", cell.Source, $"“{text}”在“年度指标值/实际完成值”列中，未能分出指标值和完成值，整格按指标值读取，完成值未读取",
            $"\"{text}\" is in the combined target/actual column and could not be split; kept whole as the target, no actual read");
    }

    /// <summary>The explanation cells joined (<c>报名人数不足；扩大政策宣传覆盖面</c>), or null when none says anything.</summary>
    private static string? Notes(List<string> texts, IEnumerable<int> at)
    {
        string? joined = null;
        foreach (int k in at)
        {
            string text = texts[k];
            if (CellText.IsBlank(text) || CellText.Compact(text) is "无" or "无偏差" or "/")
            {
                continue;
            }

            joined = joined is null ? text : joined + ("。；;，,".Contains(joined[^1], StringComparison.Ordinal) ? string.Empty : "；") + text;
        }

        return joined;
    }

    private static void SetLevel1(ImportedTable t, string text, GridCell cell, ref string? level1, ref string? level2)
    {
        if (HeaderWords.IsLevel1(text, out string name, out string? weight))
        {
            level1 = name;
            if (weight is not null && !t.LevelWeights.Any(w => w.Key == name))
            {
                t.LevelWeights.Add(new(name, weight));
                t.Sources[$"levelWeights.{name}"] = cell.Source;
            }
        }
        else
        {
            level1 = CellText.Compact(text);
        }

        level2 = null;
    }

    /// <summary>A row holding only the wrapped ends of the previous row's cells (<c>元)</c> … <c>资金</c>).</summary>
    private static bool Continuation(ImportedTable t, List<GridCell> row, List<string> texts, int n)
    {
        var fragments = Enumerable.Range(0, n).Where(k => !CellText.IsBlank(texts[k])).ToList();
        if (fragments.Count is 0 or > 2 || fragments.Any(k => Regex.IsMatch(texts[k], @"\d") || HeaderWords.IsLevel1(texts[k], out _, out _) || HeaderWords.IsLevel2(texts[k], out _)))
        {
            return false;
        }

        ImportedIndicator prev = t.Indicators[^1];
        string path = $"indicators[{t.Indicators.Count - 1}]";
        string first = texts[fragments[0]];
        bool nameOpen = prev.Name.Count(c => c is '(' or '（') > prev.Name.Count(c => c is ')' or '）') || first.StartsWith(')') || first.StartsWith('）');
        if (fragments.Count == 1 && !nameOpen && prev.DeviationNote is null)
        {
            return false;
        }

        int next = 0;
        if (nameOpen || fragments.Count == 2)
        {
            string joined = CellText.Clean(prev.Name + texts[fragments[next]]);
            (string name, string? unit) = CellText.SplitUnit(joined);
            prev.Name = name;
            prev.Unit = unit ?? prev.Unit;
            t.Sources[path + ".name"] += "," + row[fragments[next]].Source;
            next++;
        }

        if (next < fragments.Count)
        {
            prev.DeviationNote = CellText.Clean((prev.DeviationNote ?? string.Empty) + texts[fragments[next]]);
            t.Sources[path + ".deviationNote"] = (t.Sources.TryGetValue(path + ".deviationNote", out string? s) ? s + "," : string.Empty) + row[fragments[next]].Source;
        }

        return true;
    }

    /// <summary>A 指标性质 column (≥, ≤, =, 定性) joined to the value: ≥ + 1500 → ≥1500.</summary>
    private static string? WithNature(string nature, string? target)
    {
        if (string.IsNullOrEmpty(target) || "≥≤><=＞＜≧≦".Contains(CellText.Compact(target)[0], StringComparison.Ordinal))
        {
            return target;
        }

        string op = nature switch
        {
            "≥" or ">=" or "大于等于" or "不低于" or "正向" or "正向指标" => "≥",
            "≤" or "<=" or "小于等于" or "不高于" or "反向" or "反向指标" => "≤",
            ">" or "＞" or "大于" => ">",
            "<" or "＜" or "小于" => "<",
            _ => string.Empty,
        };
        return op + target;
    }

    private static string? UnitFromValue(string? value, string name)
    {
        string? unit = CellText.UnitOfValue(value);
        if (unit is null or "" || Deadline().IsMatch(unit))
        {
            // 11月底前, 10月中旬, 6月末: a date, not a number with its unit.
            return null;
        }

        if (unit is "万" or "亿")
        {
            return name.EndsWith("人次数", StringComparison.Ordinal) ? unit + "人次" : name.EndsWith("人数", StringComparison.Ordinal) || name.Contains("人员", StringComparison.Ordinal) ? unit + "人" : null;
        }

        return unit;
    }

    [GeneratedRegex(@"^([≥≤><=＞＜≧≦]|>=|<=)?[+-]?\d[\d,]*(\.\d+)?%?")]
    private static partial Regex ValueCell();

    [GeneratedRegex(@"^[(（](?<w>\d+(\.\d+)?)分?[)）]$")]
    private static partial Regex BareWeight();

    [GeneratedRegex(@"[(（](?<w>\d+(\.\d+)?)分[)）]$")]
    private static partial Regex TrailingWeight();

    [GeneratedRegex(@"^(月|日|号)(底|末|初|中|上旬|中旬|下旬)?(前|后|内|止)$|^(月|日|号)(底|末|初|上旬|中旬|下旬)$")]
    private static partial Regex Deadline();

    [GeneratedRegex(@"^([(（][一二三四五六七八九十\d]{1,3}[)）][、.．]?|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[、．]|\d{1,2}\.(?!\d))")]
    private static partial Regex SectionNumber();

    [GeneratedRegex(@"^指标\s*\d+\s*[:：]\s*")]
    private static partial Regex NumberedPrefix();
}
