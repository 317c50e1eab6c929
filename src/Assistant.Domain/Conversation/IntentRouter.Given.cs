using System.Text.RegularExpressions;
using Assistant.Domain.Facts;

namespace Assistant.Domain.Conversation;

/// <summary>A reason the staff member types for a row: kept for the conversation, acknowledged, and — when asked — part 三 drafted again with it.</summary>
public static partial class IntentRouter
{
    /// <summary>
    /// The intent of a message that gives a row's reason (孕产妇死亡率没达标的原因：全县活产数少…; 补充一下X的原因：…; X的原因改为…): part 三
    /// drafted again when the message asks for it (重写第三部分, 加进去, 改一下, 太空了, 原因改为…), else the reason acknowledged
    /// (<see cref="Topics.GivenReason"/>, the reason in <see cref="Intent.Text"/>). Null when the message gives none.
    /// </summary>
    private static Intent? GivenReason(string message, string m, FactSheet sheet)
    {
        IReadOnlyDictionary<int, string> given = UserStatements.Reasons([message], sheet);
        if (given.Count == 0 || UserStatements.Around(message) is not { } around)
        {
            return null;
        }

        // 哪些单位的偏差原因是套话？ / 这项的原因是人员不足吗: a question about a reason, not one given.
        if (AsksAboutReason().IsMatch(around.Before) || QuestionAfter().IsMatch(TextNormalizerShim(message)))
        {
            return null;
        }

        var rows = given.Keys.Order().ToList();
        // 补充一下X的原因：… gives the reason (补充 is how it is given); 改一下/重写/加进去 around it ask for the text again.
        string asked = StatementVerb().Replace(Canonical(around.Before), " ") + " " + Canonical(around.After);
        // A request after the reason (加进去, 写进第三部分, 按这个重写) always asks for the text again.
        bool redraft = around.After.Length > 0 || ChangeAsk().IsMatch(asked) || RedraftPart().IsMatch(asked) || DraftVerb().IsMatch(Canonical(around.After)) || ChangeMarker().IsMatch(around.Marker);
        if (!redraft)
        {
            return new Intent(IntentKind.Define, null, rows, null, null) { Topic = Topics.GivenReason, Text = given[rows[0]] };
        }

        // The whole part 三 is drafted again (its reasons and measures): a reasons-only draft would leave the full text with the old reason.
        return new Intent(IntentKind.Draft, "deviation", rows, null, null) { Part = "三" };
    }

    /// <summary>
    /// A reason given without naming its row (原因是培训机构资质到期后复审周期长达3个月): kept for the row the conversation is about
    /// (named in <paramref name="previous"/>), else the table's only short row, and acknowledged with the row it went to
    /// (<see cref="Topics.GivenReason"/>, <see cref="Intent.Chosen"/> empty); with neither, the answer asks which row (no rows).
    /// Part 三 is drafted again when the message asks for it and the row is known. Null when the message gives no such reason.
    /// </summary>
    private static Intent? UnnamedReason(string message, FactSheet sheet, string? previous)
    {
        if (UserStatements.Unnamed(previous is null ? [] : [previous], message, sheet) is not { } unnamed || UserStatements.Around(message) is not { } around
            || AsksAboutReason().IsMatch(around.Before) || QuestionAfter().IsMatch(TextNormalizerShim(message)))
        {
            return null;
        }

        IReadOnlyList<int> rows = unnamed.Row is { } r ? [r] : [];
        string asked = StatementVerb().Replace(Canonical(around.Before), " ") + " " + Canonical(around.After);
        bool redraft = around.After.Length > 0 || ChangeAsk().IsMatch(asked) || RedraftPart().IsMatch(asked) || DraftVerb().IsMatch(Canonical(around.After)) || ChangeMarker().IsMatch(around.Marker);
        return redraft && rows.Count > 0
            ? new Intent(IntentKind.Draft, "deviation", rows, null, null) { Part = "三" }
            : new Intent(IntentKind.Define, null, rows, null, null) { Topic = Topics.GivenReason, Text = unnamed.Reason, Query = unnamed.AboutRow ? Unnamed : UnnamedOnlyShort };
    }

    /// <summary>Marks a <see cref="Topics.GivenReason"/> intent whose row the message did not name (in <see cref="Intent.Query"/>).</summary>
    public const string Unnamed = "unnamed";

    /// <summary>As <see cref="Unnamed"/>, kept for the table's only short row or the one short row its words fit (the conversation was about none).</summary>
    public const string UnnamedOnlyShort = "unnamed-only-short";

    /// <summary>
    /// The intent of a message that gives a measure (第2条措施改成：…; 把X的措施换成…; X的改进措施写：…): part 三 drafted again
    /// with it (<see cref="Topics.GivenMeasure"/>, the measure in <see cref="Intent.Text"/>, the rows named in it). Null when it gives none.
    /// </summary>
    private static Intent? GivenMeasure(string message, FactSheet sheet)
    {
        if (!UserStatements.ReplacesMeasure(message) || UserStatements.MeasureOf(message, sheet) is not { } edit)
        {
            return null;
        }

        return new Intent(IntentKind.Draft, "deviation", edit.Rows, null, null) { Part = "三", Topic = Topics.GivenMeasure, Text = edit.Measure };
    }

    /// <summary>现在第三部分的全文给我看看 / 把第三部分调出来: part 三 as last stored, shown (not drafted again).</summary>
    private static Intent? ShowStored(string m) =>
        ShowAsk().IsMatch(m) && !DraftVerb().IsMatch(m) && !ChangeAsk().IsMatch(m) && PartOf(m) == "三" && NamedPart(m)
            ? new Intent(IntentKind.Draft, "deviation", [], null, null) { Part = "三", Topic = Topics.ShowStored }
            : null;

    [GeneratedRegex("给我看|看看|看一下|看一看|瞧瞧|显示|展示|调出|拿出来|贴出来|贴一下|发给我|发我|列出来|再发一遍|再贴一遍")]
    private static partial Regex ShowAsk();


    /// <summary>The verb that gives a reason (补充一下孕产妇死亡率的原因), not a request to change a text.</summary>
    [GeneratedRegex("(?:补充|补上|说明|说一下|告诉你|交代)(?:一下|下)?")]
    private static partial Regex StatementVerb();

    /// <summary>Words introducing a reason that replaces the one written (原因改为, 原因改一下：, 原因换成, 原因更正为).</summary>
    [GeneratedRegex("改|换|更正")]
    private static partial Regex ChangeMarker();

    /// <summary>Full marks (拿满分, 得满分, 满分).</summary>
    [GeneratedRegex("满分")]
    private static partial Regex FullMarks();

    /// <summary>Money still missing (还差多少钱, 差多少万元, 还要花多少钱).</summary>
    [GeneratedRegex("差多少(?:钱|万元|元|资金)|还要(?:花|支出|执行)多少")]
    private static partial Regex MoneyShort();

    /// <summary>哪些是套话 / 有没有套话 / 这几条是不是空话: the reasons of this table checked (the same check as 有说服力吗).</summary>
    [GeneratedRegex(@"(?:哪些|哪几|哪条|哪句|哪项|哪个|哪一|有没有|是不是|算不算|像不像|有哪些|是否)[^，。？?]{0,8}?(?:套话|空话|官话|模板化|千篇一律|泛泛而谈)|(?:套话|空话|官话)(?:吗|么|有哪些|多不多|有几)")]
    private static partial Regex BoilerplateAsk();

    /// <summary>X那条不用写了，删掉后重新出一版 / 把X那段去掉: a row asked out of part 三.</summary>
    [GeneratedRegex("(?<![要用必需])不(?:用|必|需要|要)写|别写|不写了|删掉|删除|删去|去掉|拿掉|(?<!要)不要这一?[条项段]")]
    private static partial Regex DropAsk();

    /// <summary>Words that drop part of a paragraph, not the item (把那段里的套话删掉, 重复的那句去掉).</summary>
    [GeneratedRegex("套话|空话|这句|那句|一句|重复|啰嗦|多余|数字|措施")]
    private static partial Regex DropWithinText();

    /// <summary>X的原因改一下：… / X的原因：…: the text after the colon is the reason given, not a pasted text to check or rewrite.</summary>
    private static bool ReasonIsThePayload(string message) =>
        UserStatements.Around(message) is { } around && around.Marker.Length > 0 && around.Marker[^1] is '：' or ':'
        && !VerifyVerb().IsMatch(Canonical(around.Before)) && !AssessWords().IsMatch(Canonical(around.Before)) && !ThisText().IsMatch(Canonical(around.Before));

    private static string TextNormalizerShim(string message) => Numbers.TextNormalizer.Normalize(message).TrimEnd();

    /// <summary>Question words before the reason (哪些单位的偏差原因是…, 是不是…, 有没有…).</summary>
    [GeneratedRegex("哪些|哪个|哪几|哪家|什么|是否|是不是|有没有|为什么|为啥|多少")]
    private static partial Regex AsksAboutReason();

    /// <summary>A message that ends as a question (…吗？ / …呢? / …？).</summary>
    [GeneratedRegex(@"(?:[？?]|吗|么|呢)$")]
    private static partial Regex QuestionAfter();
}
