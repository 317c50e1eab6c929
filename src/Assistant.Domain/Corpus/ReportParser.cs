using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Domain.Corpus;

/// <summary>
/// Parses a 绩效自评报告 given as plain text or Markdown (tables as tab-separated or space-aligned
/// rows) into metadata, numbered sections, indicator statements, table rows and passages.
/// Headings are recognised by their numbering (一、 / （一） / 1. / （1） / ①), not by Markdown
/// levels, which OCR output gets wrong; nesting follows the order in which numbering styles appear.
/// </summary>
public static partial class ReportParser
{
    /// <summary>Passages aim at this many characters; one sentence longer than this stays whole.</summary>
    public const int TargetPassageChars = 240;

    /// <summary>Parses <paramref name="text"/>; never throws on odd input (an empty text gives an empty report).</summary>
    public static ParsedReport Parse(string text, ReportHints? hints = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        hints ??= new ReportHints();
        var blocks = ReadBlocks(text);
        var builder = new Builder();
        builder.Run(blocks);
        var metadata = Metadata(blocks, builder, hints);
        var passages = builder.Passages
            .Select((p, i) => p with { Ordinal = i, Fund = p.Fund ?? metadata.Fund })
            .ToArray();
        var statements = builder.Statements.Select(s => s with { Fund = s.Fund ?? metadata.Fund }).ToArray();
        return new ParsedReport(metadata, builder.Sections, statements, builder.Rows, passages);
    }

    // ---------------------------------------------------------------- blocks

    private enum BlockType { Heading, Paragraph, Row }

    private sealed record Block(BlockType Type, string Text, string Style = "", string Number = "", IReadOnlyList<string>? Cells = null, bool Markdown = false);

    private static List<Block> ReadBlocks(string text)
    {
        var blocks = new List<Block>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace("\uFEFF", string.Empty, StringComparison.Ordinal).Split('\n'))
        {
            var isMarkdownHeading = MarkdownHeading().IsMatch(raw);
            var line = CleanMarkdown(raw);
            if (line.Length == 0)
            {
                blocks.Add(new Block(BlockType.Paragraph, string.Empty));
                continue;
            }

            if (TryRow(raw, out var cells))
            {
                blocks.Add(new Block(BlockType.Row, string.Join('\t', cells), Cells: cells));
                continue;
            }

            if (Attachment().IsMatch(line.Trim()))
            {
                // 附表3: a table at the end of the report, its own top-level section.
                blocks.Add(new Block(BlockType.Heading, line.Trim(), "Z", line.Trim()));
                continue;
            }

            if (SubjectParagraph(line) is { } subjectHeading)
            {
                // （三）河池市…项目的…: a numbered paragraph naming its subject opens a section of that subject.
                blocks.Add(new Block(BlockType.Heading, subjectHeading.Heading, subjectHeading.Style, subjectHeading.Number));
                blocks.Add(new Block(BlockType.Paragraph, subjectHeading.Body));
                continue;
            }

            if (TryHeading(line, out var style, out var number, out var heading, out var rest))
            {
                blocks.Add(new Block(BlockType.Heading, heading, style, number, Markdown: isMarkdownHeading));
                if (rest.Length > 0)
                {
                    blocks.Add(new Block(BlockType.Paragraph, rest));
                }

                continue;
            }

            if (isMarkdownHeading && line.Length <= 40 && !EndsSentence(line))
            {
                blocks.Add(new Block(BlockType.Heading, line.TrimEnd('。', '.'), "md", string.Empty, Markdown: true));
                continue;
            }

            // A line that continues a paragraph broken mid-sentence (OCR, page breaks) joins it.
            var last = LastNonEmpty(blocks);
            // Short lines (titles, labels) never absorb the next one.
            if (last is { Block.Type: BlockType.Paragraph } && last.Value.Block.Text.Length >= 40
                && !EndsSentence(last.Value.Block.Text) && !StartsItem(line))
            {
                blocks[last.Value.Index] = last.Value.Block with { Text = last.Value.Block.Text + line };
                blocks.RemoveRange(last.Value.Index + 1, blocks.Count - last.Value.Index - 1);
                continue;
            }

            blocks.Add(new Block(BlockType.Paragraph, line));
        }

        return blocks.Where(b => b.Text.Length > 0 || b.Type != BlockType.Paragraph).ToList();
    }

    private static (int Index, Block Block)? LastNonEmpty(List<Block> blocks)
    {
        for (int i = blocks.Count - 1; i >= 0; i--)
        {
            if (blocks[i].Type != BlockType.Paragraph || blocks[i].Text.Length > 0)
            {
                return (i, blocks[i]);
            }
        }

        return null;
    }

    private static string CleanMarkdown(string raw)
    {
        var s = raw.Trim();
        s = MarkdownHeading().Replace(s, string.Empty);
        s = s.Replace("**", string.Empty, StringComparison.Ordinal).Replace("__", string.Empty, StringComparison.Ordinal);
        s = LatexMath().Replace(s, m => m.Groups[1].Value
            .Replace("\\geq", "≥", StringComparison.Ordinal).Replace("\\ge", "≥", StringComparison.Ordinal)
            .Replace("\\leq", "≤", StringComparison.Ordinal).Replace("\\le", "≤", StringComparison.Ordinal)
            .Replace("\\%", "%", StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal));
        if (s.StartsWith("> ", StringComparison.Ordinal))
        {
            s = s[2..];
        }

        return s.Trim();
    }

    private static bool EndsSentence(string s) =>
        s.Length > 0 && "。！？；：:!?;”」）)…".Contains(s[^1], StringComparison.Ordinal);

    /// <summary>A （一）/一、 numbered paragraph too long for a title whose first clause names a place or project.</summary>
    private static (string Style, string Number, string Heading, string Body)? SubjectParagraph(string line)
    {
        Match m = ParenChineseNumber().Match(line);
        string style = "B";
        if (!m.Success)
        {
            m = PartNumber().Match(line);
            style = "A";
        }

        if (!m.Success || TryHeading(line, out _, out _, out _, out _))
        {
            return null;
        }

        string body = line[m.Length..].Trim();
        return ReportSubject.HeadingOf(body) is { } heading ? (style, m.Value.Trim(), heading, body) : null;
    }

    private static bool StartsItem(string line) =>
        ItemMarker().IsMatch(line) || line.StartsWith("目标", StringComparison.Ordinal);

    private static bool TryRow(string raw, out IReadOnlyList<string> cells)
    {
        cells = [];
        var trimmed = raw.Trim('\r', '\n');
        if (trimmed.Contains('\t', StringComparison.Ordinal))
        {
            var parts = trimmed.Split('\t').Select(c => c.Trim()).ToArray();
            if (parts.Count(c => c.Length > 0) >= 2)
            {
                cells = parts;
                return true;
            }

            return false;
        }

        // Space-aligned: three or more cells separated by runs of two or more spaces, all short.
        var aligned = SpaceColumns().Split(trimmed.Trim());
        if (aligned.Length >= 3 && aligned.All(c => c.Length <= 24) && !EndsSentence(trimmed.Trim()))
        {
            cells = aligned.Select(c => c.Trim()).ToArray();
            return true;
        }

        return false;
    }

    private static bool TryHeading(string line, out string style, out string number, out string heading, out string rest)
    {
        style = number = heading = rest = string.Empty;
        Match m;
        if ((m = PartNumber().Match(line)).Success)
        {
            style = "A";
        }
        else if ((m = ParenChineseNumber().Match(line)).Success)
        {
            style = "B";
        }
        else if ((m = ArabicNumber().Match(line)).Success)
        {
            style = "C";
        }
        else if ((m = ParenArabicNumber().Match(line)).Success)
        {
            style = "D";
        }
        else if ((m = CircledNumber().Match(line)).Success)
        {
            style = "E";
        }
        else
        {
            return false;
        }

        number = m.Value.Trim();
        var body = line[m.Length..].Trim();
        if (body.Length == 0)
        {
            return false;
        }

        // The heading is the first sentence when it is short and reads as a title; the rest is body.
        int end = body.IndexOfAny(['。', '！', '？']);
        var first = end < 0 ? body : body[..end];
        if (first.Length is 0 or > 32 || first.IndexOfAny(['，', ',', '：', ':', '；', ';']) >= 0)
        {
            // A numbered list item, e.g. ③享受就业见习补贴人数，指标值180，…: a paragraph.
            return false;
        }

        heading = first.Trim();
        rest = end < 0 ? string.Empty : body[(end + 1)..].Trim();
        return true;
    }

    internal static SectionKind Classify(string heading, SectionKind parent, bool inDeviationPart, bool topLevel)
    {
        if (inDeviationPart)
        {
            return MeasureHeading().IsMatch(heading) || parent == SectionKind.ImprovementMeasure
                ? SectionKind.ImprovementMeasure
                : SectionKind.DeviationReason;
        }

        if (heading.Contains("偏离", StringComparison.Ordinal) || heading.Contains("偏差原因", StringComparison.Ordinal))
        {
            return SectionKind.DeviationReason;
        }

        if (FundsHeading().IsMatch(heading))
        {
            return SectionKind.Funds;
        }

        if (ManagementHeading().IsMatch(heading))
        {
            return SectionKind.Management;
        }

        if (IndicatorHeading().IsMatch(heading))
        {
            return SectionKind.Indicator;
        }

        return topLevel ? SectionKind.Other : parent;
    }

    /// <summary>Splits text into sentences ending at 。！？； (the punctuation stays with its sentence).</summary>
    public static IEnumerable<string> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '！' or '？' or '；' or '!' or '?' or ';')
            {
                int end = i + 1;
                while (end < text.Length && text[end] is '”' or '」' or '』' or '）' or ')')
                {
                    end++;
                }

                var s = text[start..end].Trim();
                if (s.Length > 0)
                {
                    yield return s;
                }

                start = end;
                i = end - 1;
            }
        }

        if (start < text.Length)
        {
            var s = text[start..].Trim();
            if (s.Length > 0)
            {
                yield return s;
            }
        }
    }

    /// <summary>Table cells wrap: drops spaces between Chinese characters and a trailing unit like （人） or a broken （万.</summary>
    internal static string CompactName(string cell)
    {
        var name = CjkSpace().Replace(cell.Trim(), string.Empty);
        name = UnitSuffix().Replace(name, string.Empty);
        return OpenUnit().Replace(name, string.Empty).Trim();
    }

    /// <summary>
    /// A "sentence" far longer than a passage (no 。 for hundreds of characters) is cut at a space,
    /// 、 or ，, never inside a number.
    /// </summary>
    internal static IEnumerable<string> SplitLong(string text)
    {
        const int max = TargetPassageChars * 2;
        while (text.Length > max)
        {
            int cut = text.LastIndexOfAny([' ', '，', '、', '\t'], max - 1, max - TargetPassageChars / 2);
            if (cut <= 0)
            {
                cut = max;
                while (cut < text.Length && (char.IsAsciiDigit(text[cut]) || text[cut] is '.' or ',' or '%'))
                {
                    cut++;
                }
            }
            else
            {
                cut++;
            }

            yield return text[..cut].Trim();
            text = text[cut..];
        }

        if (text.Trim().Length > 0)
        {
            yield return text.Trim();
        }
    }

    private static bool IsReason(string clause) => ReasonWords().IsMatch(clause);

    private static bool IsMeasure(string clause) => MeasureWords().IsMatch(clause);

    private static bool IsValueCell(string cell) => ValueCell().IsMatch(cell.Trim());

    // ---------------------------------------------------------------- metadata

    private static ReportMetadata Metadata(List<Block> blocks, Builder builder, ReportHints hints)
    {
        var titleLines = new List<string>();
        foreach (var line in builder.Preamble)
        {
            if (Attachment().IsMatch(line))
            {
                continue;
            }

            if (line.Length > 60)
            {
                break;
            }

            titleLines.Add(line);
            if (titleLines.Count == 3)
            {
                break;
            }
        }

        var title = Whitespace().Replace(string.Concat(titleLines), string.Empty);
        if (title.Length == 0)
        {
            title = blocks.FirstOrDefault(b => b.Text.Length > 0)?.Text is { } first
                ? Whitespace().Replace(first, string.Empty)[..Math.Min(first.Length, 40)]
                : "未命名报告";
        }

        int? year = null;
        var y = Year().Match(title);
        if (y.Success && int.TryParse(y.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int parsedYear))
        {
            year = parsedYear;
        }

        string? region = RegionPrefix(title);
        if (region is null)
        {
            // Tables name their department: 主管部门 中卫市人力资源和社会保障局.
            foreach (var row in builder.Rows)
            {
                var cells = row.Cells.Where(c => c.Length > 0).ToArray();
                int at = Array.FindIndex(cells, c => c is "主管部门" or "实施单位");
                if (at >= 0 && at + 1 < cells.Length && RegionPrefix(cells[at + 1]) is { } r)
                {
                    region = r;
                    break;
                }
            }
        }

        var fund = title;
        if (region is not null && fund.StartsWith(region, StringComparison.Ordinal))
        {
            fund = fund[region.Length..];
        }

        fund = FundNoise().Replace(fund, string.Empty).Trim('（', '）', '(', ')', ' ', '、', '，');
        string? fundName = fund.Length >= 2 ? fund : null;

        return new ReportMetadata(
            hints.Title ?? title,
            hints.Region ?? region,
            hints.Year ?? year,
            hints.Fund ?? fundName);
    }

    /// <summary>The run of administrative names a text starts with (广西, 赤峰市红山区, …), or null.</summary>
    private static string? RegionPrefix(string text)
    {
        int pos = 0;
        var parts = new StringBuilder();
        while (pos < text.Length)
        {
            var m = Region().Match(text, pos);
            if (!m.Success || m.Index != pos)
            {
                break;
            }

            parts.Append(m.Value);
            pos += m.Length;
        }

        return parts.Length > 0 ? parts.ToString() : null;
    }

    // ---------------------------------------------------------------- patterns

    [GeneratedRegex(@"^\s*#{1,6}\s*")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"\$\s*([^$]{1,40}?)\s*\$")]
    private static partial Regex LatexMath();

    [GeneratedRegex(@" {2,}|\u3000{1,}")]
    private static partial Regex SpaceColumns();

    [GeneratedRegex(@"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3})\s*[、.．]\s*")]
    private static partial Regex PartNumber();

    [GeneratedRegex(@"^[（(]\s*[一二三四五六七八九十]{1,3}\s*[）)]\s*")]
    private static partial Regex ParenChineseNumber();

    [GeneratedRegex(@"^(?:\d{1,2}\s*[、.．](?!\d)|[\u2488-\u249B])\s*")]
    private static partial Regex ArabicNumber();

    [GeneratedRegex(@"^(?:[（(]\s*\d{1,2}\s*[）)]|[\u2474-\u2487])\s*")]
    private static partial Regex ParenArabicNumber();

    [GeneratedRegex(@"^[\u2460-\u2473]\s*")]
    private static partial Regex CircledNumber();

    [GeneratedRegex(@"^(?:[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[）)]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}\s*[、.．](?!\d)|[\u2460-\u249B])")]
    private static partial Regex ItemMarker();

    [GeneratedRegex(@"改进|措施|下一步|整改|建议")]
    private static partial Regex MeasureHeading();

    [GeneratedRegex(@"资金投入|资金筹集|资金支出|资金结余|结余情况|预算执行|预算安排|资金安排|资金到位|资金使用情况")]
    private static partial Regex FundsHeading();

    [GeneratedRegex(@"资金管理|管理情况|分配科学|下达及时|拨付合规|使用规范|监督管理")]
    private static partial Regex ManagementHeading();

    [GeneratedRegex(@"绩效指标|数量指标|质量指标|时效指标|成本指标|效益指标|满意度|产出指标")]
    private static partial Regex IndicatorHeading();

    [GeneratedRegex(@"原因|因为|由于|受[^，。；]{0,16}影响|^因[^，。；]{0,20}(?:未|没|不|无|较|受)|，因")]
    private static partial Regex ReasonWords();

    [GeneratedRegex(@"^(?:下一步|下步|今后|接下来|改进措施|整改措施|为进一步)|下一步|今后将|将进一步|以后加大")]
    private static partial Regex MeasureWords();

    [GeneratedRegex(@"[，,](?:以后|下一步|今后|下步)")]
    private static partial Regex MeasureInReason();

    [GeneratedRegex(@"^(?:[≥≤＞＜><]\s*)?[-−]?\d|^(?:效果显著|效果良好|效果一般|显著|良好|保持稳定|稳步提升|逐步提升|持续提升|有所提升|较高|高|达标|已完成|全日制)")]
    private static partial Regex ValueCell();

    [GeneratedRegex(@"^[-−]?\d[\d,]*(?:\.\d+)?%?$")]
    private static partial Regex NumberCell();

    [GeneratedRegex(@"^(?:年度资金总额|其中[:：]?.*|当年财政拨款|上年结转|其他资金|中央财政|自治区|省级|市级|县级)")]
    private static partial Regex FundRow();

    [GeneratedRegex(@"^(?:一级指标|二级指标|三级指标|产出指标|效益指标|满意度指标|数量指标|质量指标|时效指标|成本指标|社会效益指标|经济效益指标|生态效益指标|可持续影响指标|服务对象满意度指标).*$")]
    private static partial Regex LevelLabel();

    [GeneratedRegex(@"\s*[（(][^（()）]{1,6}[）)]\s*$")]
    private static partial Regex UnitSuffix();

    [GeneratedRegex(@"\s*[（(][^（()）]{0,3}$")]
    private static partial Regex OpenUnit();

    [GeneratedRegex(@"(?<=[\u4e00-\u9fff“”，、])\s+(?=[\u4e00-\u9fff“”（(])")]
    private static partial Regex CjkSpace();

    [GeneratedRegex(@"(?:资金|经费)$")]
    private static partial Regex FundName();

    [GeneratedRegex(@"^(?:未完成|超额完成|偏差|未达标|未达到)(?:的)?原因")]
    private static partial Regex ReasonCell();

    [GeneratedRegex(@"(?<label>[^\d\s][^\t]*?)\s+(?<t>[≥≤＞＜><]?\d[\d.,]*%?)\s+(?<a>[≥≤＞＜><]?\d[\d.,]*%?)\s*$")]
    private static partial Regex RowLabelPattern();

    [GeneratedRegex(@"^附[件表]\s*\d*$")]
    private static partial Regex Attachment();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"(20\d{2})\s*年")]
    private static partial Regex Year();

    [GeneratedRegex(@"(?:内蒙古|广西|宁夏|新疆|西藏|北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海)(?:壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)?|[\u4e00-\u9fff]{1,7}?(?:自治州|地区|市|盟|区|县|旗)")]
    private static partial Regex Region();

    [GeneratedRegex(@"[（(]?\s*20\d{2}\s*年度?\s*[）)]?|绩效自评报告|绩效自评表|自评报告|自评表|部门项目支出|项目支出|报告")]
    private static partial Regex FundNoise();
}
