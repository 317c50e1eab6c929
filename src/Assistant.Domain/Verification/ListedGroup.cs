using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Verification;

/// <summary>
/// Session 42: a group claim over a list of rows written the way staff shorten them — 改造数量、完工率和资金执行率均未达到目标
/// for 改造老旧小区数量（个）, 年度完工率 and the total's 执行率. Each item of the list is read as one row (its whole name, else the
/// short-name readings of <see cref="ShortNames"/>: the longest run of a name no other row holds, every character of one row's
/// name, a verb and a noun of one row) or as the fund's 执行率 (资金执行率, 预算执行率, 执行率). Only a list every item of which is
/// read this way is a group; one item naming nothing keeps the claim unverified (未能确定所指的指标), as before. Shared by the
/// verifier and the reference the tests keep.
/// </summary>
internal static partial class ListedGroup
{
    /// <summary>The rows a list before a group claim names (<paramref name="named"/>: the rows a text names whole, the verifier's own reading), and whether it names the fund's 执行率; null when it is no list or an item names nothing.</summary>
    public static (IReadOnlyList<int> Rows, bool Funds)? Resolve(FactSheet sheet, Func<string, IReadOnlyList<int>> named, string before)
    {
        string list = Tail().Replace(before.Trim(), string.Empty);
        list = Lead().Replace(list, string.Empty);
        if (!Words().IsMatch(list))
        {
            return null;
        }

        string[] items = Separators().Split(list);
        if (items.Length < 2)
        {
            return null;
        }

        var rows = new List<int>();
        bool funds = false;
        foreach (string raw in items)
        {
            string item = ItemTail().Replace(raw.Trim(), string.Empty);
            if (item.Length < 2)
            {
                return null;
            }

            if (FundRate().IsMatch(item))
            {
                funds = true;
                continue;
            }

            IReadOnlyList<int> whole = named(item);
            int? row = whole.Count == 1 ? whole[0]
                : whole.Count > 1 ? null
                : ShortNames.RowOf(sheet, item) ?? ShortNames.AllCharacters(sheet, item, _ => true) ?? ShortNames.VerbAndNoun(sheet, item, _ => true);
            if (row is not { } r)
            {
                return null;
            }

            if (!rows.Contains(r))
            {
                rows.Add(r);
            }
        }

        return rows.Count > 0 ? (rows, funds) : null;
    }

    /// <summary>
    /// The note when the fund's 执行率 is listed among what fell short (均未达到目标) but the money was all spent (the total line's
    /// 执行数 at or above its 预算数); null otherwise. A claim that the listed items were met says nothing the table can hold the
    /// 执行率 to (no line has a target), so it is not judged on the money.
    /// </summary>
    public static (string Id, string Note)? FundsDisagree(FactSheet sheet, ClaimKind kind, bool funds)
    {
        if (!funds || kind != ClaimKind.Short || sheet.Report.Funds.FirstOrDefault(f => f.IsRoot) is not { Rate: { } rate } root || rate < 1m)
        {
            return null;
        }

        return ($"funds.lines[{root.Index}].rate",
            $"“{root.Name}”执行率为{(rate * 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}%，资金已全部执行");
    }

    /// <summary>The group words that close the list (均, 都, 全部, 均已, 各项).</summary>
    [GeneratedRegex(@"(?:等(?:\d+|[二两三四五六七八九十])?项?(?:指标)?)?(?:均|都|全部|全都|均已|都已|各项)(?:已|已经|能|如期)?\s*$")]
    private static partial Regex Tail();

    /// <summary>The opening words before the list: time, 其中, 但, 项目的.</summary>
    [GeneratedRegex(@"^(?:但是?|然而|同时|此外|另外|其中|全年|年度|本年度?|当年|截至年底|截至目前)*[，,]?(?:(?:本|该)?项目的?)?")]
    private static partial Regex Lead();

    /// <summary>Chinese words joined by 、 和 与 及 以及 — a list and nothing else.</summary>
    [GeneratedRegex(@"^[\u4e00-\u9fff]{2,}(?:(?:、|和|与|及|以及)[\u4e00-\u9fff]{2,})+$")]
    private static partial Regex Words();

    [GeneratedRegex(@"、|以及|和|(?<!参)与|(?<![惠普涉顾波])及(?!时)")]
    private static partial Regex Separators();

    /// <summary>What an item may end with that names no row: 指标, 的完成情况.</summary>
    [GeneratedRegex(@"(?:的?完成情况|指标|两项|三项)$")]
    private static partial Regex ItemTail();

    /// <summary>The fund's rate: 资金执行率, 预算执行率, 执行率, 资金支出进度.</summary>
    [GeneratedRegex(@"^(?:(?:项目|预算|资金|财政资金|预算资金)(?:执行率|执行进度|支出进度|支出率)|执行率|支出进度)$")]
    private static partial Regex FundRate();
}
