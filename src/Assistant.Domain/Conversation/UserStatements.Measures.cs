using System.Globalization;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>One numbered item of a drafted part 三: in the reasons (（一）) or the measures (（二）), its number, and the rows and fund lines it is about.</summary>
public sealed record DraftOutlineItem(bool Measure, int Number, IReadOnlyList<int> Indicators, IReadOnlyList<int> Funds);

/// <summary>The numbered items of the last part 三 drafted in a conversation, so 第2条措施 names the rows of the second measure.</summary>
public sealed partial record DraftOutline(IReadOnlyList<DraftOutlineItem> Items)
{
    /// <summary>
    /// The outline of a draft's paragraphs (text, and the rows and fund lines each is about), in order: a heading with 措施 (and
    /// not 原因) opens the measures, one with 原因 (and not 措施) the reasons; a numbered paragraph (1. …) is an item of the
    /// part it is in (of the measures when it opens with 针对 and no heading said).
    /// </summary>
    public static DraftOutline From(IEnumerable<(string Text, IReadOnlyList<int> Indicators, IReadOnlyList<int> Funds)> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var items = new List<DraftOutlineItem>();
        bool? measures = null;
        foreach (var (text, indicators, funds) in paragraphs)
        {
            string t = (text ?? string.Empty).Trim();
            Match n = Numbered().Match(t);
            if (!n.Success)
            {
                bool reasonWord = t.Contains("原因", StringComparison.Ordinal), measureWord = t.Contains("措施", StringComparison.Ordinal);
                measures = reasonWord == measureWord ? measures : measureWord;
                continue;
            }

            int number = MatchedNumber.Int(n.Groups[1].ValueSpan) ?? 0;
            items.Add(new DraftOutlineItem(measures ?? t[n.Length..].TrimStart().StartsWith("针对", StringComparison.Ordinal), number, indicators, funds));
        }

        return new DraftOutline(items);
    }

    /// <summary>The item numbered <paramref name="number"/> among the measures (or the reasons); null when the draft has none.</summary>
    public DraftOutlineItem? Find(bool measure, int number) => Items.FirstOrDefault(i => i.Measure == measure && i.Number == number);

    [GeneratedRegex(@"^(\d{1,2})\s*[.．、]")]
    private static partial Regex Numbered();
}

/// <summary>
/// A measure the staff member gives in the conversation for a row or a fund line (第2条措施改成：…; 把X的措施换成…; X的措施写：…;
/// 加上…): the rows and lines it is for (empty with <see cref="Unresolved"/> saying why when none could be told), the measure,
/// and whether it is added to the one written (加上) or replaces it.
/// </summary>
public sealed record MeasureEdit(IReadOnlyList<int> Rows, IReadOnlyList<int> Funds, string Measure, bool Adds, string? Unresolved = null);

public static partial class UserStatements
{
    /// <summary>
    /// The measure a message gives and where it goes: the item numbered in <paramref name="outline"/> (第2条措施, 措施第3条), the
    /// row or fund line named before the measure, or else <paramref name="lastRow"/> (the row talked about before). Null when
    /// the message gives no measure.
    /// </summary>
    public static MeasureEdit? MeasureOf(string message, FactSheet sheet, DraftOutline? outline = null, int? lastRow = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sheet);
        string text = TextNormalizer.Normalize(message);
        Match m = GivenMeasure().Match(text);
        // 加上建立危重孕产妇救治绿色通道 / 再加上一条措施：…: a measure added to the row's, when the message names the row or one was talked about.
        Match add = AddMeasure().Match(text);
        bool adds = add.Success && (!m.Success || add.Index <= m.Index) && AskedMeasure(message) is not null;
        if (adds)
        {
            m = add;
        }
        else if (!m.Success)
        {
            return AimedMeasure(message, text, sheet, lastRow); // 措施重写一下，要针对…: drafted from the aim, or said not done
        }

        Group g = m.Groups["m"];
        string said = message.Length == text.Length ? message.Substring(g.Index, g.Length) : g.Value;
        if (RequestTail().Match(said) is { Success: true } tail)
        {
            said = said[..tail.Index];
        }

        string measure = said.Trim(' ', '，', ',', '：', ':', '“', '”', '"', '。', '；', ';', '！', '!');
        if (measure.Length < 4 || QuestionWord().IsMatch(measure[..Math.Min(4, measure.Length)]))
        {
            return null;
        }

        string before = text[..m.Index];
        // 第2条措施 / 措施第2条 / 第二项措施: an item of the last draft's measures (第2项指标 / 第2行 is a row of the table).
        string head = text[..g.Index];
        Match numbered = ItemNumber().Match(head);
        if (numbered.Success && !TableRowWord().IsMatch(head[numbered.Index..]))
        {
            string n = numbered.Groups["n"].Value;
            int number = int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out int k) ? k : IndicatorMatcher.ChineseNumber(n) ?? 0;
            string after = numbered.Index < before.Length ? before[numbered.Index..] : string.Empty;
            bool reasonItem = ReasonItem().IsMatch(after) && !after.Contains("措施", StringComparison.Ordinal);
            if (outline is null || outline.Items.Count == 0)
            {
                return new MeasureEdit([], [], measure, adds, "这次对话里还没有起草过第三部分，不知道第几条指的是哪一项");
            }

            // 第3条原因的措施: the measure of the item the reason numbered, found by its rows.
            DraftOutlineItem? item = outline.Find(!reasonItem, number);
            return item is null || (item.Indicators.Count == 0 && item.Funds.Count == 0)
                ? new MeasureEdit([], [], measure, adds, $"上一版第三部分的{(reasonItem ? "原因" : "改进措施")}里没有您说的这一条")
                : new MeasureEdit(item.Indicators, item.Funds, measure, adds);
        }

        string named = IntentRouter.Canonical(ReasonInside().Replace(before, " "));
        if (FundNamed(before, sheet) is { } line)
        {
            return new MeasureEdit([], [line], measure, adds);
        }

        IndicatorMatch rows = IndicatorMatcher.Match(named, sheet);
        if (!rows.Ambiguous && rows.Indicators.Count >= 1)
        {
            return new MeasureEdit(rows.Indicators.Order().ToList(), [], measure, adds);
        }

        return lastRow is { } last
            ? new MeasureEdit([last], [], measure, adds)
            : new MeasureEdit([], [], measure, adds, rows.Ambiguous ? "您说的指标对应表中不止一项" : "没有看出这条措施是哪一项的");
    }

    /// <summary>Whether the message gives a measure (措施改成…, 把X的措施换成…, X的措施写：…), not one only asked to be added.</summary>
    public static bool ReplacesMeasure(string message)
    {
        string text = TextNormalizer.Normalize(message ?? string.Empty);
        Match m = GivenMeasure().Match(text);
        return (m.Success && !(AddMeasure().Match(text) is { Success: true } add && add.Index <= m.Index)) || (!m.Success && MeasureAim(message ?? string.Empty) is not null);
    }

    /// <summary>
    /// The measures each row and fund line was given in <paramref name="messages"/> (each with the outline of the part 三 last
    /// drafted before it): a later one replaces an earlier one, a measure added (加上…) joins the one given before it.
    /// </summary>
    /// <returns>The measures by row and by fund line, and what the last message gave (null when it gave no measure).</returns>
    public static (IReadOnlyDictionary<int, string> Rows, IReadOnlyDictionary<int, string> Funds, MeasureEdit? LastEdit) Measures(
        IEnumerable<(string? Message, DraftOutline? Outline)> messages, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(sheet);
        var rows = new Dictionary<int, string>();
        var funds = new Dictionary<int, string>();
        int? last = null;
        MeasureEdit? lastEdit = null;
        foreach (var (message, outline) in messages)
        {
            lastEdit = null;
            if (string.IsNullOrWhiteSpace(message))
            {
                continue;
            }

            lastEdit = MeasureOf(message, sheet, outline, last);
            if (lastEdit is { Unresolved: null } edit)
            {
                foreach (int r in edit.Rows)
                {
                    rows[r] = edit.Adds && rows.TryGetValue(r, out string? before) ? before + "；" + edit.Measure : edit.Measure;
                }

                foreach (int f in edit.Funds)
                {
                    funds[f] = edit.Adds && funds.TryGetValue(f, out string? before) ? before + "；" + edit.Measure : edit.Measure;
                }

                last = edit.Rows.Count == 1 ? edit.Rows[0] : last;
                continue;
            }

            IndicatorMatch named = IndicatorMatcher.Match(IntentRouter.Canonical(TextNormalizer.Normalize(message)), sheet);
            if (!named.Ambiguous && named.Indicators.Count == 1)
            {
                last = named.Indicators[0];
            }
        }

        return (rows, funds, lastEdit);
    }

    /// <summary>
    /// The table with each row and fund line given a measure in the conversation carrying it after its cause (原因。下一步改进措施：…),
    /// as a unit writes it in the 偏差原因分析及改进措施 cell: the cause is kept; a measure added (加上…) follows the cell's own.
    /// </summary>
    public static Evaluation ApplyMeasures(Evaluation evaluation, IReadOnlyDictionary<int, string> rows, IReadOnlyDictionary<int, string> funds)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(funds);
        if (rows.Count == 0 && funds.Count == 0)
        {
            return evaluation;
        }

        var indicators = evaluation.Indicators.ToArray();
        foreach (var (i, measure) in rows)
        {
            if (i >= 0 && i < indicators.Length)
            {
                indicators[i] = indicators[i] with { DeviationNote = WithMeasure(indicators[i].DeviationNote, measure) };
            }
        }

        var lines = evaluation.Funds.Lines.ToArray();
        foreach (var (i, measure) in funds)
        {
            if (i >= 0 && i < lines.Length)
            {
                lines[i] = lines[i] with { DeviationNote = WithMeasure(lines[i].DeviationNote, measure) };
            }
        }

        return evaluation with { Indicators = indicators, Funds = evaluation.Funds with { Lines = lines } };
    }

    /// <summary>A note's cause with <paramref name="measure"/> as its measure (下一步改进措施：…); the measure alone when the note has no cause.</summary>
    public static string WithMeasure(string? note, string measure)
    {
        ArgumentNullException.ThrowIfNull(measure);
        string m = measure.Trim().TrimEnd('。', '；', ';') + "。";
        if (string.IsNullOrWhiteSpace(note) || StatedText.LabelledMeasureOnly(note) is not null)
        {
            return MeasureLabel + m;
        }

        // A placeholder cause (/, 无, 暂无) is no cause: the note keeps the measure alone, never "/。下一步改进措施：…".
        string cause = StatedText.Split(note).Cause.TrimEnd('。', '；', ';', '，', ',');
        return cause.Length == 0 || Review.ReasonText.IsPlaceholder(cause) ? MeasureLabel + m : cause + "。" + MeasureLabel + m;
    }

    /// <summary>The label a measure is carried under in a row's note (read back by <see cref="StatedText"/>).</summary>
    public const string MeasureLabel = "下一步改进措施：";

    // 措施改成：… / 改进措施改为… / 把X的措施换成… / 措施写：… / 措施：…: a measure after the words that replace the one written.
    [GeneratedRegex(@"(?:(?:下一步|下步)?(?:的)?(?:改进|整改|工作)?措施(?:的?第\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[条项点])?)(?:(?:就|要|应该|应)?(?:改成|改为|换成|换为|改写成|改写为|写成|写为|应为|应该是|更正为|替换为|替换成|调整为)[：:，,]?|(?:就写|要写|就用|改用)[：:，,]?|(?:改一下|改下|换一下|写|用)[：:]|[：:])\s*(?!什么|啥|哪|怎|如何)(?<m>[^？?\n]{4,200})")]
    private static partial Regex GivenMeasure();

    // 第2条措施 / 措施的第2条 / 第二项: an item's number (arabic or Chinese).
    [GeneratedRegex(@"第\s*(?<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:条|项|点|个|段)")]
    private static partial Regex ItemNumber();

    // 第2项指标 / 第2行 / 第2个指标: a row of the table, not an item of the draft.
    [GeneratedRegex(@"^第\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:行|(?:项|个)指标)")]
    private static partial Regex TableRowWord();

    [GeneratedRegex(@"^第\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:条|项|点|个|段)\s*(?:的)?(?:偏差|偏离)?原因")]
    private static partial Regex ReasonItem();

    // 实习生少是因为岗位减少: what the staff member says about the measure, not a row's name.
    [GeneratedRegex(@"(?:是因为|因为|原因是|原因在于)[^，,。；;]*")]
    private static partial Regex ReasonInside();

    [GeneratedRegex("什么|啥|哪|怎|如何|是否")]
    private static partial Regex QuestionWord();
}
