using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>An offline answer: text whose every number is a fact reference, and the facts computed for it.</summary>
public sealed record OfflineAnswer(string Text, IReadOnlyList<Fact> TurnFacts);

/// <summary>
/// Writes an offline answer. Numbers of the table go in as <c>{{fact:ID}}</c>; numbers that are not
/// in the table (a count of rows listed, a threshold of the policy in use) become facts of the turn
/// with a label saying where they come from, so the sentence gate renders and checks every one.
/// </summary>
public sealed partial class AnswerWriter(FactSheet sheet, string prefix = "turn.a")
{
    private readonly StringBuilder _text = new();
    private readonly List<Fact> _turn = [];

    public FactSheet Sheet => sheet;

    public bool Has(string id) => sheet.Find(id) is not null;

    /// <summary>The fact's reference, or <paramref name="fallback"/> (text without digits) when the table has no such fact.</summary>
    public string F(string id, string fallback = "") => Has(id) ? DraftText.Ref(id) : fallback;

    /// <summary>A number of this turn (a count, a policy's threshold), as a fact reference.</summary>
    public string N(decimal value, string unit, int decimals, string label)
    {
        string id = prefix + (_turn.Count + 1).ToString(CultureInfo.InvariantCulture);
        _turn.Add(new Fact(id, label, value, unit, decimals, FactKind.Derived));
        return DraftText.Ref(id);
    }

    /// <summary>
    /// An amount of money of this turn in the unit the answer's other amounts are written in: a table in 元 whose prose is in
    /// 万元 (<see cref="FactSheet.YuanInWan"/>) gets 万元 (two decimals, rounded half up), so one sentence never divides
    /// 6020000元 by 560.00万元.
    /// </summary>
    public string Money(decimal value, int decimals, string label)
    {
        string unit = sheet.Evaluation.Funds.Unit;
        if (unit == "元" && FactSheet.YuanInWan(sheet.Evaluation))
        {
            // Two decimals, as 万元 is read (session 39: never 3511.687152万元); more only when two would print a non-zero amount as 0.00.
            decimal wan = value / 10_000m;
            int places = 2;
            while (places < 6 && wan != 0m && PrintedNumber.RoundHalfUp(wan, places) == 0m)
            {
                places++;
            }

            return N(wan, "万元", places, label);
        }

        return N(value, unit, decimals, label);
    }

    /// <summary>
    /// A difference of two values of this turn: between two percentages it is in 个百分点 (86% against 90% is 4个百分点, not
    /// 4%), as the table's own gap facts are; any other unit stays.
    /// </summary>
    public string Gap(decimal value, string unit, int decimals, string label) => N(value, PointUnit(unit), decimals, label);

    /// <summary>The unit of a difference between two values in <paramref name="unit"/> (% → 个百分点).</summary>
    public static string PointUnit(string unit) => unit?.Trim() is "%" or "％" ? "个百分点" : unit ?? string.Empty;

    /// <summary>A count of this turn.</summary>
    public string Count(int value, string unit, string label) => N(value, unit, 0, label);

    /// <summary>A policy's share (0.90) as a percentage fact.</summary>
    public string Percent(decimal share, string label) => N(share * 100m, "%", 0, label);

    /// <summary>A cell's text quoted as printed; numbers inside it become facts of the turn (they are the table's).</summary>
    public string Quote(string cell, string label)
    {
        ArgumentNullException.ThrowIfNull(cell);
        return CellNumber().Replace(cell.Trim(), m =>
        {
            // 上升到23%: the percent sign belongs to the number (the gate reads 23% as a percentage).
            bool percent = m.Value.EndsWith('%');
            string digits = percent ? m.Value[..^1] : m.Value;
            int dot = digits.IndexOf('.', StringComparison.Ordinal);
            if (MatchedNumber.Decimal(digits) is not decimal v)
            {
                return m.Value; // a run of digits no decimal holds: not a figure, said as written
            }

            return N(v, percent ? "%" : string.Empty, dot < 0 ? 0 : digits.Length - dot - 1, label);
        });
    }

    public AnswerWriter Add(string text)
    {
        _text.Append(text);
        return this;
    }

    public AnswerWriter Line(string text)
    {
        _text.Append(text).Append('\n');
        return this;
    }

    /// <summary>Whether the answer so far already says <paramref name="text"/> (a note said once, referred to after).</summary>
    internal bool Says(string text) => _text.ToString().Contains(text, StringComparison.Ordinal);

    public OfflineAnswer Done() => new(_text.ToString(), _turn);

    /// <summary>
    /// A quotation that closes its sentence: “…” and a full stop, or no second stop when the quoted words end their own
    /// sentence (“…不及时。” — never “…不及时。”。).
    /// </summary>
    public static string Quoted(string words)
    {
        ArgumentNullException.ThrowIfNull(words);
        string w = words.TrimEnd();
        return w.Length > 0 && w[^1] is '。' or '！' or '？' or '!' or '?' ? $"“{w}”" : $"“{w}”。";
    }

    [GeneratedRegex(@"\d+(?:\.\d+)?%?")]
    private static partial Regex CellNumber();
}
