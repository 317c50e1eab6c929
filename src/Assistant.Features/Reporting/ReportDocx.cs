using System.Globalization;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Reporting;
using Assistant.Domain.Scoring;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Assistant.Features.Reporting;

/// <summary>
/// The report as a Word document in the layout of GB/T 9704 (党政机关公文格式): A4, margins 37/35/28/26 mm,
/// title in 方正小标宋简体 22 pt, body in 仿宋_GB2312 16 pt on exact 28 pt lines with a two-character first-line
/// indent, 一、 headings in 黑体, （一） headings in 楷体_GB2312, the page number in the footer, and the scored
/// 自评表 attached after a page break (<see cref="TableDocx"/>). The official font names are kept; a machine
/// without them maps them (scripts/office-up does it for LibreOffice).
/// </summary>
public static partial class ReportDocx
{
    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    public const string HeadingFont = "黑体";
    public const string SubheadingFont = "楷体_GB2312";
    public const string TableFont = "宋体";

    public static void Write(Stream output, Evaluation evaluation, ScoreReport score, ReportDraft report)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(score);
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (WordprocessingDocument doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            foreach (string line in TitleLines(evaluation))
            {
                body.Append(Paragraph(line, TitleFont, 44, Justification: JustificationValues.Center, indent: false, lineTwips: 700));
            }

            body.Append(Paragraph(string.Empty, BodyFont, 32, indent: false));
            foreach (ReportPartInfo info in ReportParts.All)
            {
                ReportPartDto? part = report.Part(info.Key);
                string text = part?.Text ?? info.Heading;
                foreach (string line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
                {
                    body.Append(BodyLine(line));
                }
            }

            // The annex starts a page by its own first paragraph (pageBreakBefore): a break in a paragraph of its
            // own would leave a blank page whenever the text fills its last page to the foot.
            TableDocx.Append(body, evaluation, score);
            body.Append(SectionProperties(main));
            main.Document = new Document(body);
            doc.PackageProperties.Title = string.Concat(TitleLines(evaluation));
            doc.PackageProperties.Language = "zh-CN";
        }

        stream.Position = 0;
        stream.CopyTo(output);
    }

    /// <summary>Characters of the 22-point title that fit on one line of the page.</summary>
    public const int TitleWidth = 20;

    /// <summary>
    /// The title: the fund (with region) on the first line, the year and 绩效自评报告 on the last. A fund
    /// name too long for one line is broken where a reader would break it (after the region, before
    /// 项目/资金/计划…), never inside a word by the page's wrapping.
    /// </summary>
    public static IReadOnlyList<string> TitleLines(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        // The region, and the implementer's own place below it where the table names one (黔南州 + 独山县).
        string region = Domain.Reporting.ReportPhrases.LeadingPlace(evaluation);
        if (DepartmentBudget.Is(evaluation))
        {
            return DepartmentTitleLines(evaluation, region);
        }

        string title = evaluation.Title.Trim();

        // The year goes on the last line, and the region says the place once: “2025年新邵县农村饮水…资金” of
        // 湖南省邵阳市新邵县 is titled “湖南省邵阳市新邵县 / 农村饮水…资金 / 2025年度绩效自评报告”.
        int? titleYear = ReportPhrases.TitleYear(title);
        int? year0 = evaluation.Year ?? titleYear;
        if (titleYear is null || titleYear == year0)
        {
            title = ReportPhrases.Bare(title, region);
        }

        string first = region.Length > 0 && !title.StartsWith(region, StringComparison.Ordinal) ? region + title : title;
        string year = year0 is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年度" : string.Empty;
        var lines = new List<string>();
        if (first.Length <= TitleWidth)
        {
            lines.Add(first);
        }
        else if (first.Length > title.Length && region.Length <= TitleWidth)
        {
            lines.Add(region);
            lines.AddRange(Break(title));
        }
        else
        {
            lines.AddRange(Break(first));
        }

        lines.Add(year + "绩效自评报告");
        return lines;
    }

    /// <summary>
    /// A department's whole budget: the department (after the region when its name holds no place of it), then
    /// “2024年度部门整体支出绩效自评报告” — never the table's title, whose year and 绩效自评表 would be said twice.
    /// </summary>
    private static List<string> DepartmentTitleLines(Evaluation evaluation, string region)
    {
        string unit = DepartmentBudget.Unit(evaluation);
        var lines = new List<string>();
        string own = LastPlace(region);
        if (region.Length > 0 && (unit.Length == 0 || own.Length > 0 && !unit.Contains(own, StringComparison.Ordinal)))
        {
            lines.AddRange(Break(region));
        }

        if (unit.Length > 0)
        {
            lines.AddRange(Break(unit));
        }

        int? year = DepartmentBudget.Year(evaluation);
        lines.Add((year is { } y ? y.ToString(CultureInfo.InvariantCulture) + "年度" : string.Empty) + DepartmentBudget.ReportName);
        return lines;
    }

    /// <summary>The last place a region names (福建省南平市武夷山市 → 武夷山市), or the region itself.</summary>
    private static string LastPlace(string region)
    {
        const string ends = "省市县区旗州盟";
        int end = region.Length - 1;
        while (end >= 0 && !ends.Contains(region[end], StringComparison.Ordinal))
        {
            end--;
        }

        if (end < 0)
        {
            return region;
        }

        int start = region.LastIndexOfAny(ends.ToCharArray(), Math.Max(0, end - 1));
        string place = region[(start < 0 || start >= end ? 0 : start + 1)..(end + 1)];
        return place.Length >= 2 ? place : region;
    }

    /// <summary>A long name in lines of at most <see cref="TitleWidth"/>, broken after a place or before a word of kind.</summary>
    internal static IEnumerable<string> Break(string name, int width = TitleWidth)
    {
        while (name.Length > width)
        {
            // Two lines when it fits in two, balanced; otherwise as full a first line as a good break allows.
            bool two = name.Length <= 2 * width;
            int lo = two ? Math.Max(2, name.Length - width) : 2;
            int aim = two ? name.Length / 2 : width;
            int at = Enumerable.Range(lo, Math.Max(0, width - lo + 1))
                .Where(i => i < name.Length - 1 && GoodBreak(name, i))
                .OrderBy(i => Math.Abs(i - aim)).Cast<int?>().FirstOrDefault()
                ?? (two ? (name.Length + 1) / 2 : width);
            yield return name[..at];
            name = name[at..];
        }

        yield return name;
    }

    private static bool GoodBreak(string s, int i) =>
        "省市县区州旗镇乡局委）".Contains(s[i - 1], StringComparison.Ordinal)
        || new[] { "项目", "资金", "计划", "工程", "专项", "补助", "建设", "服务", "改造", "转移支付" }.Any(w => string.CompareOrdinal(s, i, w, 0, w.Length) == 0);

    /// <summary>A line of a part: 一、 headings in 黑体, （一） headings in 楷体, the rest as body text.</summary>
    private static Paragraph BodyLine(string line)
    {
        if (line.Length > 1 && "一二三四五六七八九十".Contains(line[0], StringComparison.Ordinal) && line[1] == '、')
        {
            return KeepWithNext(Paragraph(line, HeadingFont, 32));
        }

        if (line.StartsWith('（') && line.Length > 2 && "一二三四五六七八九十".Contains(line[1], StringComparison.Ordinal))
        {
            int close = line.IndexOf('）', StringComparison.Ordinal);
            int end = line.IndexOfAny(['。', '：'], close > 0 ? close : 0);
            if (end < 0 || end == line.Length - 1)
            {
                return KeepWithNext(Paragraph(line, SubheadingFont, 32));
            }

            // （一）资金投入情况分析。正文……: the heading in 楷体, the text after it in 仿宋.
            Paragraph p = Paragraph(line[..(end + 1)], SubheadingFont, 32);
            p.Append(Run(line[(end + 1)..], BodyFont, 32));
            return p;
        }

        // 1.产出指标完成情况。(with or without its score after it) heads the items below it: kept with them too.
        Paragraph body = Paragraph(line, BodyFont, 32);
        return NumberedHeading().IsMatch(line) ? KeepWithNext(body) : body;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,2}[.．、]\s*[^。，]{1,20}完成情况。")]
    private static partial System.Text.RegularExpressions.Regex NumberedHeading();

    /// <summary>
    /// A heading stays on the page of the paragraph after it (keepNext, first in the paragraph's properties as the
    /// schema orders them): no 二、绩效情况分析 stranded at the foot of a page.
    /// </summary>
    internal static Paragraph KeepWithNext(Paragraph p)
    {
        ArgumentNullException.ThrowIfNull(p);
        ParagraphProperties props = p.ParagraphProperties ?? p.PrependChild(new ParagraphProperties());
        props.PrependChild(new KeepNext());
        return p;
    }

    internal static Paragraph Paragraph(string text, string font, int halfPoints, JustificationValues? Justification = null, bool indent = true, int lineTwips = 560)
    {
        var props = new ParagraphProperties(
            new SnapToGrid { Val = lineTwips == 560 },
            new SpacingBetweenLines { Line = lineTwips.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" });
        if (indent)
        {
            props.Append(new Indentation { FirstLineChars = 200, FirstLine = "640" });
        }

        props.Append(new Justification { Val = Justification ?? JustificationValues.Both });
        var p = new Paragraph(props);
        if (text.Length > 0)
        {
            p.Append(Run(text, font, halfPoints));
        }

        return p;
    }

    internal static Run Run(string text, string font, int halfPoints, bool bold = false)
    {
        var rp = new RunProperties(new RunFonts { Ascii = font, HighAnsi = font, EastAsia = font, ComplexScript = font });
        if (bold)
        {
            rp.Append(new Bold());
        }

        rp.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });

        return new Run(rp, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static void AddStyles(MainDocumentPart main)
    {
        StyleDefinitionsPart styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = BodyFont, HighAnsi = BodyFont, EastAsia = BodyFont, ComplexScript = BodyFont },
                    new FontSize { Val = "32" },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }))));
    }

    private static SectionProperties SectionProperties(MainDocumentPart main)
    {
        FooterPart footer = main.AddNewPart<FooterPart>();
        var fp = new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }));
        fp.Append(Run("— ", TableFont, 28));
        fp.Append(new Run(new RunProperties(new RunFonts { Ascii = TableFont, HighAnsi = TableFont, EastAsia = TableFont }, new FontSize { Val = "28" }), new FieldChar { FieldCharType = FieldCharValues.Begin }));
        fp.Append(new Run(new RunProperties(new FontSize { Val = "28" }), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }));
        fp.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
        fp.Append(Run("1", TableFont, 28));
        fp.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
        fp.Append(Run(" —", TableFont, 28));
        footer.Footer = new Footer(fp);
        string footerId = main.GetIdOfPart(footer);

        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
            new PageSize { Width = 11906U, Height = 16838U },
            new PageMargin { Top = 2098, Bottom = 1984, Left = 1587U, Right = 1474U, Header = 851U, Footer = 992U, Gutter = 0U },
            new DocGrid { Type = DocGridValues.LinesAndChars, LinePitch = 560, CharacterSpace = 0 });
    }
}
