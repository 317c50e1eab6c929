using System.Text.RegularExpressions;
using Assistant.Domain.Importing;
using Assistant.Features.Evaluations;

namespace Assistant.Features.Importing;

/// <summary>
/// Text copied from a printed page (a PDF a browser or a viewer made) carries lines that are no part of the table —
/// the date and time stamp and page title at the top of each page, the file's address and <c>1/2</c> at the bottom —
/// and, when its wrapped cells could not be put back in their rows, cells made of pieces of others. The page's
/// margin lines are dropped before the copy is read; after it is read, a fund line whose name holds a figure or is a
/// header word (<c>资金 48,600,000.00总额</c>, <c>分值</c>), or an indicator named by an address, a time stamp, a page
/// number or a header word, refuses the copy (422, each such field named, with what to do) rather than scoring it.
/// </summary>
public static partial class ImportSanity
{
    private static readonly HashSet<string> HeaderNames = new(StringComparer.Ordinal)
    {
        "分值", "得分", "执行率", "年初预算数", "全年预算数", "全年执行数", "预算数", "执行数", "调整后预算数",
        "一级指标", "二级指标", "三级指标", "指标值", "年度指标值", "实际完成值", "完成值", "偏差原因分析及改进措施", "总分",
    };

    /// <summary>
    /// <paramref name="lines"/> without the lines a browser prints in a page's margins (a time stamp line, an address
    /// line with its page number); each such line is left blank, and a page break (form feed) it began moves to the
    /// next line that has text, so line numbers and page breaks stay where they were.
    /// </summary>
    public static string[] WithoutPageMargins(string[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string[] result = [.. lines];
        bool carry = false;
        for (int i = 0; i < result.Length; i++)
        {
            string body = result[i].Replace('\f', ' ').Trim();
            if (IsMarginLine(body))
            {
                carry |= result[i].Contains('\f', StringComparison.Ordinal);
                result[i] = string.Empty;
                continue;
            }

            if (carry && body.Length > 0)
            {
                result[i] = "\f" + result[i].Replace("\f", string.Empty, StringComparison.Ordinal);
                carry = false;
            }
        }

        return result;
    }

    /// <summary>
    /// A copy pasted with a blank line after every line (as some viewers paste a PDF's text): no two lines with text
    /// side by side, and most gaps one blank line. Its lines are given back without the doubling (a single blank line
    /// dropped, a run of 2k+1 blank lines made k), so that it reads as the copy it was made from; null when the copy is
    /// not double-spaced.
    /// </summary>
    public static string[]? WithoutDoubleSpacing(string[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var runs = new List<int>();
        int texts = 0;
        int blank = 0;
        bool seen = false;
        foreach (string l in lines)
        {
            if (l.Replace('\f', ' ').Trim().Length == 0)
            {
                blank++;
                continue;
            }

            if (seen)
            {
                if (blank == 0)
                {
                    // Two lines with text side by side: not double-spaced.
                    return null;
                }

                runs.Add(blank);
            }

            seen = true;
            texts++;
            blank = 0;
        }

        if (texts < 12 || runs.Count(r => r == 1) * 5 < runs.Count * 4)
        {
            return null;
        }

        var result = new List<string>();
        int i = 0;
        while (i < lines.Length)
        {
            if (lines[i].Replace('\f', ' ').Trim().Length > 0)
            {
                result.Add(lines[i++]);
                continue;
            }

            int start = i;
            while (i < lines.Length && lines[i].Replace('\f', ' ').Trim().Length == 0)
            {
                i++;
            }

            int kept = (i - start) / 2;
            // A form feed on a blank line is a page break: it moves to the next line kept.
            bool feed = lines[start..i].Any(l => l.Contains('\f', StringComparison.Ordinal));
            result.AddRange(Enumerable.Repeat(string.Empty, kept));
            if (feed && i < lines.Length && !lines[i].Contains('\f', StringComparison.Ordinal))
            {
                lines[i] = "\f" + lines[i];
            }
        }

        return [.. result];
    }

    /// <summary>A page-margin line: a time stamp (with the page's title after it), or an address (with a page number after it).</summary>
    public static bool IsMarginLine(string text) =>
        text.Length > 0 && (Stamp().IsMatch(text) || Address().IsMatch(text));

    /// <summary>
    /// The fields of tables read from a text copy whose names cannot be names, each as an error naming its field and
    /// cell, led by what went wrong and what to do; empty when every name could be one.
    /// </summary>
    public static IReadOnlyList<InputError> Problems(IReadOnlyList<ImportedTable> tables, bool laidOut, string? text = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        // A laid-out copy read line by line: pieces of its wrapped cells left as fields of their own.
        var errors = laidOut && text is not null ? [.. CutCells(tables, text)] : new List<InputError>();
        foreach (ImportedTable t in tables)
        {
            for (int k = 0; k < t.FundLines.Count; k++)
            {
                string name = t.FundLines[k].Name.Trim();
                if (Figure().IsMatch(name) || HeaderNames.Contains(CellText.Compact(name)) || IsMarginLine(name))
                {
                    errors.Add(new InputError($"funds.lines[{k}].name", $"{Where(t, $"funds.lines[{k}]")}资金行的名称“{name}”不是资金名称（含有金额或表头文字）",
                        $"{WhereEn(t, $"funds.lines[{k}]")}the fund line name \"{name}\" is not a fund's name (it holds an amount or a header word)"));
                }
            }

            for (int k = 0; k < t.Indicators.Count; k++)
            {
                string name = t.Indicators[k].Name.Trim();
                if (IsMarginLine(name) || PageNumber().IsMatch(name) || HeaderNames.Contains(CellText.Compact(name)))
                {
                    errors.Add(new InputError($"indicators[{k}].name", $"{Where(t, $"indicators[{k}]")}指标名称“{name}”是页眉页脚、页码或表头文字，不是指标",
                        $"{WhereEn(t, $"indicators[{k}]")}the indicator name \"{name}\" is a page header or footer, a page number or a header word, not an indicator"));
                }
                else if (string.IsNullOrWhiteSpace(t.Indicators[k].Target) && !string.IsNullOrWhiteSpace(t.Indicators[k].Actual) && FigureInName().IsMatch(name))
                {
                    // A wrapped name with the row's 指标值 run into it (机关事业单位实习生数量 ≥100, 补贴资金在规定时间内支 100付到位率) and
                    // the 指标值 cell left empty: the copy's cells were not put back in their columns (session 37: LibreOffice copies).
                    errors.Add(new InputError($"indicators[{k}].name", $"{Where(t, $"indicators[{k}]")}指标名称“{name}”中混入了数字，而指标值为空：折行的单元格没有归回原列",
                        $"{WhereEn(t, $"indicators[{k}]")}the indicator name \"{name}\" holds a figure while its target is empty: wrapped cells were not put back in their columns"));
                }
            }
        }

        if (errors.Count == 0)
        {
            return errors;
        }

        errors.Insert(0, new InputError("file", Advice.Zh("这段文字中的表格没有读对（折行的单元格、页眉页脚混进了资金行或指标行）", laidOut), Advice.En("the table in this text was not read right (wrapped cells, page headers or footers ran into the fund lines or indicators)", laidOut)));
        return errors;
    }

    private static string Where(ImportedTable t, string prefix) =>
        t.Sources.FirstOrDefault(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Value is { } cell ? $"{cell}：" : string.Empty;

    private static string WhereEn(ImportedTable t, string prefix) =>
        t.Sources.FirstOrDefault(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).Value is { } cell ? $"{cell}: " : string.Empty;

    /// <summary>What to do when a copy of a printed table cannot be read: said the same way by every refusal of such a copy.</summary>
    /// <summary>
    /// A copy that already keeps the page's layout (as pdftotext -layout prints it): most lines indented and laid out
    /// with runs of spaces. Copying it that way again would not help, so its refusal says what else to do.
    /// </summary>
    public static bool LaidOut(string text)
    {
        string[] lines = [.. (text ?? string.Empty).Split('\n').Select(l => l.Replace('\f', ' ').TrimEnd()).Where(l => l.Trim().Length > 0)];
        return lines.Length >= 10
            && lines.Count(l => l.StartsWith(' ')) * 10 >= lines.Length * 3
            && lines.Count(l => l.TrimStart().Contains("  ", StringComparison.Ordinal)) * 10 >= lines.Length * 3;
    }

    public static class Advice
    {
        public static string Zh(string what, bool laidOut = false) => laidOut
            ? $"这段文字已是保留版式的复制（如 pdftotext -layout），但{what}，未计分。请改用以下任一方式：上传生成该 PDF 的 .xlsx / .docx 原件；在 Excel / Word 中选中表格复制后粘贴；或把表格的列调宽、使单元格不折行，重新生成 PDF 后再用 pdftotext -layout 复制。"
            : $"{what}，未计分。请改用以下任一方式：用 pdftotext -layout 保留版式复制并保留行首空格；上传生成该 PDF 的 .xlsx / .docx 原件；或在 Excel / Word 中选中表格复制后粘贴。";

        public static string En(string what, bool laidOut = false) => laidOut
            ? $"this text already keeps the page's layout (as pdftotext -layout prints it), but {what}; nothing was scored. Do one of these instead: upload the .xlsx / .docx the PDF was made from; select the table in Excel / Word, copy and paste it; or widen the table's columns so that no cell wraps, print the PDF again and copy it with pdftotext -layout."
            : $"{what}; nothing was scored. Do one of these instead: copy it keeping the layout and the leading spaces (pdftotext -layout); upload the .xlsx / .docx the PDF was made from; or select the table in Excel / Word, copy and paste it.";
    }

    // 12/5/26, 2:37 AM · 2026/12/5 02:37 · 2026-12-05 02:37:10 · 2026/12/5 上午2:37 — at the start of the line, a title may follow.
    [GeneratedRegex(@"^(\d{1,2}/\d{1,2}/\d{2,4},?\s*\d{1,2}:\d{2}(:\d{2})?(\s*[AaPp]\.?[Mm]\.?)?|\d{4}[/\-.]\d{1,2}[/\-.]\d{1,2}\s*(上午|下午)?\s*\d{1,2}:\d{2}(:\d{2})?)(\s|$)")]
    private static partial Regex Stamp();

    [GeneratedRegex(@"^(file|https?)://\S+(\s+\d{1,4}\s*/\s*\d{1,4})?$|^about:blank(\s+\d{1,4}\s*/\s*\d{1,4})?$", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    [GeneratedRegex(@"^(第\s*\d+\s*页.*|\d{1,4}\s*/\s*\d{1,4}|[-—－]\s*\d+\s*[-—－])$")]
    private static partial Regex PageNumber();

    /// <summary>A figure set off by a space inside or at the end of a name (实习生数量 ≥100, 时间内支 100付到位率, 就业 ≥92%).</summary>
    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}）)]\s+[≥≤＞＜><]?\s*\d+(?:\.\d+)?\s*%?(?:\s*[\p{IsCJKUnifiedIdeographs}]|\s*$)")]
    private static partial Regex FigureInName();

    // An amount inside a name: thousands separators, a decimal fraction, or five digits or more (2024年 stays a name).
    [GeneratedRegex(@"\d{1,3}(,\d{3})+|\d\.\d|\d{5,}")]
    private static partial Regex Figure();
}
