using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>
/// Facts a staff member gives in the conversation (孕产妇死亡率那段原因太空了，原因是辖区高龄高危孕产妇比例上升…; 加上建立危重孕产妇救治
/// 绿色通道): the reason stated for a row is kept for the rest of the conversation — the row's 偏差原因 in every later answer
/// and draft of it (the stored table is not changed) — and a measure asked for is written into the answer that asked.
/// </summary>
public static partial class UserStatements
{
    /// <summary>
    /// The reason each row was given in <paramref name="userMessages"/> (in order; a later one replaces an earlier one). A reason that
    /// names no row (原因是培训机构资质到期…) is the row's the conversation was last about, else the table's only short row; with
    /// neither it is not kept (the answer asks which row it is).
    /// </summary>
    public static IReadOnlyDictionary<int, string> Reasons(IEnumerable<string?> userMessages, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(userMessages);
        ArgumentNullException.ThrowIfNull(sheet);
        var found = new Dictionary<int, string>();
        int? last = null;
        foreach (string? message in userMessages)
        {
            if (Read(message, sheet, ref last) is { Row: { } r } given)
            {
                found[r] = given.Reason;
            }
        }

        return found;
    }

    /// <summary>
    /// The reason <paramref name="message"/> gives without naming a row, after <paramref name="earlier"/> (the user's messages before
    /// it): the row it is kept for (the one the conversation was last about, else the only short row), or null with the rows it
    /// may be for (the short rows) when neither. Null when the message gives no reason, or names its row.
    /// </summary>
    public static UnnamedReason? Unnamed(IEnumerable<string?> earlier, string message, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sheet);
        int? none = null;
        if (Read(message, sheet, ref none) is not { Named: false } given)
        {
            return null;
        }

        int? last = null;
        foreach (string? m in earlier)
        {
            Read(m, sheet, ref last);
        }

        bool about = last is not null;
        int? row = Read(message, sheet, ref last)?.Row;
        var shortRows = Enumerable.Range(0, sheet.Report.Indicators.Count).Where(i => sheet.Report.Indicators[i].Status == IndicatorStatus.Short).ToList();
        string? fit = !about && row is { } kept && OnlyShortRow(sheet) is null && ReasonRowFit.Fit(sheet, given.Reason) is { } f && f.Row == kept ? f.Word : null;
        return new UnnamedReason(given.Reason, row, row is null ? shortRows : []) { AboutRow = about, FitWord = fit };
    }

    /// <summary>
    /// One message read: the reason it gives (null when none) and the row it is kept for — the row named before it, else
    /// <paramref name="last"/> (the row the conversation is about; updated by any message naming one row), else the only short row.
    /// </summary>
    private static (string Reason, int? Row, bool Named)? Read(string? message, FactSheet sheet, ref int? last)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        string text = TextNormalizer.Normalize(message);
        Match m = StatedReason().Match(text);
        // 县级资金执行率低的原因是…: a fund part's reason belongs to that fund line (FundReasons), never to an indicator
        // whose name shares 资金 (资金发放及时率), and it leaves the row talked about before.
        if (FundNamed(m.Success ? text[..m.Index] : text, sheet) is not null)
        {
            last = null;
            return null;
        }

        IndicatorMatch rows = IndicatorMatcher.Match(IntentRouter.Canonical(m.Success ? text[..m.Index] : text), sheet);
        bool named = !rows.Ambiguous && rows.Indicators.Count == 1;
        if (named)
        {
            last = rows.Indicators[0];
        }

        if (!m.Success)
        {
            return null;
        }

        // The reason in the staff member's own characters (the normalised text only finds it: ， stays ，).
        Group g = m.Groups["r"];
        string said = message.Length == text.Length ? message.Substring(g.Index, g.Length) : g.Value;
        // 实习生少是因为岗位减少，措施改成：…: a measure given is never part of a reason, and a 是因为 said about it is no reason given.
        if (GivenMeasure().Match(text) is { Success: true } measure)
        {
            if (measure.Index <= m.Index || WeakMarker().IsMatch(text.Substring(m.Index, g.Index - m.Index)))
            {
                return null;
            }

            said = said[..Math.Min(said.Length, Math.Max(0, measure.Index - g.Index))];
        }

        // 请把这个原因加进去，重写第三部分 after the reason is the request, not the reason.
        if (RequestTail().Match(said) is { Success: true } tail)
        {
            said = said[..tail.Index];
        }

        string reason = said.Trim(' ', '，', ',', '：', ':', '“', '”', '"', '。', '；', ';');
        if (reason.Length < 4)
        {
            return null;
        }

        // Named nowhere in the message, nor before it: the table's only short row, if it has exactly one; else the one short row
        // the reason's words clearly speak of (随访不到位 → 高血压患者规范管理率), if exactly one does (session 40).
        int? row = named ? rows.Indicators[0] : last ?? OnlyShortRow(sheet) ?? ReasonRowFit.Fit(sheet, reason)?.Row;
        return (reason.TrimEnd('。') + "。", row, named);
    }

    private static int? OnlyShortRow(FactSheet sheet) =>
        Enumerable.Range(0, sheet.Report.Indicators.Count).Where(i => sheet.Report.Indicators[i].Status == IndicatorStatus.Short).ToList() is [int only] ? only : null;

    /// <summary>The reason each fund line was given in <paramref name="userMessages"/> (县级资金执行率低的原因是…; a later one replaces an earlier one).</summary>
    public static IReadOnlyDictionary<int, string> FundReasons(IEnumerable<string?> userMessages, FactSheet sheet)
    {
        ArgumentNullException.ThrowIfNull(userMessages);
        ArgumentNullException.ThrowIfNull(sheet);
        var found = new Dictionary<int, string>();
        foreach (string? message in userMessages)
        {
            if (string.IsNullOrWhiteSpace(message))
            {
                continue;
            }

            string text = TextNormalizer.Normalize(message);
            Match m = StatedReason().Match(text);
            if (!m.Success || FundNamed(text[..m.Index], sheet) is not { } line)
            {
                continue;
            }

            Group g = m.Groups["r"];
            string said = message.Length == text.Length ? message.Substring(g.Index, g.Length) : g.Value;
            if (RequestTail().Match(said) is { Success: true } tail)
            {
                said = said[..tail.Index];
            }

            string reason = said.Trim(' ', '，', ',', '：', ':', '“', '”', '"', '。', '；', ';');
            if (reason.Length >= 4)
            {
                found[line] = reason.TrimEnd('。') + "。";
            }
        }

        return found;
    }

    /// <summary>The table with each fund line given a reason in the conversation carrying it as its 偏差原因.</summary>
    public static Evaluation ApplyFunds(Evaluation evaluation, IReadOnlyDictionary<int, string> reasons)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(reasons);
        if (reasons.Count == 0)
        {
            return evaluation;
        }

        var lines = evaluation.Funds.Lines.ToArray();
        foreach (var (i, reason) in reasons)
        {
            if (i >= 0 && i < lines.Length)
            {
                lines[i] = lines[i] with { DeviationNote = KeepMeasure(lines[i].DeviationNote, reason) };
            }
        }

        return evaluation with { Funds = evaluation.Funds with { Lines = lines } };
    }

    /// <summary>A new reason for a note: the note's own measure (…；下一步加强…) stays after it unless the reason brings its own.</summary>
    private static string KeepMeasure(string? note, string reason)
    {
        if (string.IsNullOrWhiteSpace(note) || Drafting.StatedText.Split(reason).Measure is not null)
        {
            return reason;
        }

        string? measure = Drafting.StatedText.LabelledMeasureOnly(note) ?? Drafting.StatedText.Split(note).Measure;
        return measure is null ? reason : WithMeasure(reason, measure);
    }

    /// <summary>The one fund line a text names by its part (中央/省级/市级/县级/本级资金, 其他资金, 年度资金总额); null when none or several.</summary>
    private static int? FundNamed(string text, FactSheet sheet)
    {
        if (!FundPartWord().IsMatch(text))
        {
            return null;
        }

        IReadOnlyList<int> funds = FundMatcher.Match(IntentRouter.Canonical(text), sheet);
        return funds.Count == 1 ? funds[0] : null;
    }

    // 县级资金 / 省级配套资金 / 中央财政资金 / 其他资金 / 年度资金总额: a fund part by its level, not 资金发放及时率.
    [GeneratedRegex(@"(?:中央|省级|市级|州级|县级|区级|旗级|乡级|本级|地方|配套|其他|自筹|上级|(?:省|市|县|区)(?:财政|本级|配套))[^，,。；;？?\n]{0,6}?资金|资金总额")]
    private static partial Regex FundPartWord();

    /// <summary>The measure a message asks to add (加上建立危重孕产妇救治绿色通道 → 建立危重孕产妇救治绿色通道); null when it asks none.</summary>
    public static string? AskedMeasure(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string text = TextNormalizer.Normalize(message);
        Match m = AddMeasure().Match(text);
        if (!m.Success || !MeasureWord().IsMatch(text))
        {
            return null;
        }

        string measure = (message.Length == text.Length ? message.Substring(m.Groups["m"].Index, m.Groups["m"].Length) : m.Groups["m"].Value).Trim(' ', '，', ',', '：', ':', '“', '”', '"', '。');
        return measure.Length >= 4 ? measure : null;
    }

    /// <summary>
    /// What the message says besides the reason it gives (孕产妇死亡率超标的原因是：…。请把这个原因加进去，重写第三部分 → 孕产妇死亡率超标的
    /// + 请把这个原因加进去，重写第三部分), with the words that introduce the reason (原因改为, 原因：); null when it gives none.
    /// </summary>
    public static (string Before, string Marker, string After)? Around(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        string text = TextNormalizer.Normalize(message);
        Match m = StatedReason().Match(text);
        if (!m.Success)
        {
            return null;
        }

        Group g = m.Groups["r"];
        string after = RequestTail().Match(g.Value) is { Success: true } tail ? g.Value[tail.Index..] : string.Empty;
        return (text[..m.Index], text.Substring(m.Index, g.Index - m.Index), after);
    }

    /// <summary>Whether the message itself gives a reason for a row (so the answer says it was kept).</summary>
    public static bool GivesReason(string message, FactSheet sheet) => Reasons([message], sheet).Count > 0;

    /// <summary>The table as this conversation reads it: each row given a reason in it carries that reason as its 偏差原因.</summary>
    public static Evaluation Apply(Evaluation evaluation, IReadOnlyDictionary<int, string> reasons)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(reasons);
        if (reasons.Count == 0)
        {
            return evaluation;
        }

        var rows = evaluation.Indicators.ToArray();
        foreach (var (i, reason) in reasons)
        {
            if (i >= 0 && i < rows.Length)
            {
                rows[i] = rows[i] with { DeviationNote = KeepMeasure(rows[i].DeviationNote, reason) };
            }
        }

        return evaluation with { Indicators = rows };
    }

    // 原因写：… / 原因改一下：… / 原因改为… / 原因应该是…: a new reason after the words that replace the old one.
    [GeneratedRegex(@"(?:原因是|原因在于|原因为|原因[：:]|原因(?:写|改一下|改下|改|修改|更正|补充|换)[：:]|原因(?:改成|改为|换成|换为|应为|应该是|写成|写为|补充为|更正为)|真实原因是|实际原因是|主要是因为|其实是因为|是因为)(?!什么|啥|哪|否|怎|如何|不是)(?<r>[^？?\n]{4,200})")]
    private static partial Regex StatedReason();

    /// <summary>A reason introduced only by 是因为 (an explanation in passing, not a row's reason given).</summary>
    [GeneratedRegex("^(?:主要是因为|其实是因为|是因为)$")]
    private static partial Regex WeakMarker();

    /// <summary>A request after the reason (，请把这个原因加进去，重写第三部分 / 。按这个重新起草): where the reason ends.</summary>
    [GeneratedRegex(@"[，,。；;！!]\s*[^，,。；;！!]{0,10}?(?:加进|加到|加入|写进|写入|写到|补进|放进|放到|重写|重新起草|重新写|重新生成|重新出|再起草|起草|再出一版|更新到|替换掉?原|按这个|按这条|按此|据此|用这个|用这条)")]
    private static partial Regex RequestTail();

    [GeneratedRegex(@"(?:再加上|加上|加入|加进|补充|补上|写上|写进|再加|添加|加一条)(?:一条|一项|一句)?(?:措施)?[：:]?(?<m>[^，,。；;！!？?\n]{4,80})")]
    private static partial Regex AddMeasure();

    [GeneratedRegex("措施|改进|整改|下一步|通道|机制|制度")]
    private static partial Regex MeasureWord();
}

/// <summary>A reason given without naming its row: the row it was kept for, or (none) the rows it may be for.</summary>
public sealed record UnnamedReason(string Reason, int? Row, IReadOnlyList<int> Candidates)
{
    /// <summary>Whether the row is the one the conversation was about (else the table's only short row, or the one its words fit).</summary>
    public bool AboutRow { get; init; }

    /// <summary>The reason's word that fits the row it was kept for (随访), when neither the conversation nor a single short row decided it.</summary>
    public string? FitWord { get; init; }

    /// <summary>Why the reason went to its row, in the words the confirmation uses.</summary>
    public string Why => ReasonRowFit.Why(AboutRow, FitWord);
}
