using System.Text.RegularExpressions;
using Assistant.Domain.Facts;
using Assistant.Domain.Numbers;
using Assistant.Domain.Scoring;

namespace Assistant.Domain.Conversation;

/// <summary>
/// The short row a reason given without naming one clearly speaks of, by its words (session 40): 随访不到位 is about
/// 高血压患者规范管理率 (follow-up visits are what 规范管理 counts), 部分老年人外出随子女居住 about 65岁及以上老年人健康管理人数 (a word of
/// its name). A row fits when the reason holds a word of its name that is not a common one (资金, 人数, 管理…), or a cue of a small
/// lexicon for the work the row counts. Only when exactly one short row fits is the reason kept for it; with none or several the
/// answer asks which. Money words (资金, 拨付, 财政) decide nothing: such a reason may be a fund line's.
/// </summary>
public static partial class ReasonRowFit
{
    /// <summary>What the row's name holds for each cue a reason may use (随访 → 规范管理, 随访, 高血压 …).</summary>
    private static readonly (Regex Cue, Regex Row)[] Lexicon =
    [
        (new Regex("随访|失访|慢病|慢性病"), new Regex("规范管理|随访|高血压|糖尿病|慢性病|慢病|精神障碍|肺结核")),
        (new Regex("体检|健康体检"), new Regex("健康管理|体检")),
        (new Regex("满意|服务态度|投诉|候诊|等候"), new Regex("满意")),
        (new Regex("孕产妇|产妇|分娩|产检|产前|转诊"), new Regex("孕产妇|产妇|孕")),
        (new Regex("婴儿|新生儿"), new Regex("婴儿|新生儿")),
        (new Regex("接种|疫苗"), new Regex("接种|疫苗|免疫")),
        (new Regex("建档|档案"), new Regex("建档|档案")),
        (new Regex("鉴定|考试|考点|取证|发证"), new Regex("证书|取证|鉴定|考试|考核合格")),
        (new Regex("贷款|信贷|放贷|授信"), new Regex("贷款|信贷")),
        (new Regex("见习"), new Regex("见习")),
        (new Regex("实习"), new Regex("实习")),
        (new Regex("公益性岗位|公益岗|护林员|保洁员"), new Regex("公益性岗位|公益岗|护林员|保洁员")),
        (new Regex("开工|施工|工期|竣工|完工|汛期|雨季"), new Regex("完工|竣工|开工|工期|工程|新建|建设面积|改造")),
        (new Regex("价格|收入|增收|销路|滞销"), new Regex("收入|增收|增幅")),
        (new Regex("事故|火灾|隐患"), new Regex("事故|火灾|受害率|安全")),
        (new Regex("肥胖|体质|近视"), new Regex("体质|健康达标|肥胖|近视")),
    ];

    /// <summary>Words of a row's name that tell no row apart (资金, 人数, 管理…): a reason holding one is not about that row for it.</summary>
    [GeneratedRegex("^(?:资金|补贴|补助|经费|人员|人数|人次|管理|服务|工作|项目|建设|完成|指标|部分|群众|数量|比例|年度|标准|情况|水平|提升|提高|增长|达到|计划|实施|发放|拨付|财政|及时|时限|时间|效果|效益|质量|覆盖|达标|合格|人均|平均|累计|全年|当年|群体|对象|居民|城乡|农村|社会|持续|影响|机制|健全|长效|支出|成本|费用|单位|机构|个数|户数)$")]
    private static partial Regex CommonWord();

    /// <summary>
    /// The one short row <paramref name="reason"/> fits, with the word that decided; null when none fits or several do.
    /// </summary>
    public static (int Row, string Word)? Fit(FactSheet sheet, string reason)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(reason);
        string r = TextNormalizer.Normalize(reason);
        var shortRows = Enumerable.Range(0, Math.Min(sheet.Report.Indicators.Count, sheet.Evaluation.Indicators.Count))
            .Where(i => sheet.Report.Indicators[i].Status == IndicatorStatus.Short)
            .Select(i => (Row: i, Name: TextNormalizer.Normalize(sheet.Evaluation.Indicators[i].Name))).ToList();
        // The lexicon first (贷款 → 小额信贷贷款额), then the words of the names: a word the table's rows share (脱贫 in 脱贫人口…)
        // would otherwise make two rows fit a reason that the lexicon tells apart.
        foreach (Func<string, string, string?> by in new Func<string, string, string?>[] { ByLexicon, ByName })
        {
            var fits = shortRows.Select(x => (x.Row, Word: by(r, x.Name))).Where(x => x.Word is not null).ToList();
            if (fits.Count == 1)
            {
                return (fits[0].Row, fits[0].Word!);
            }

            if (fits.Count > 1)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Why an unnamed reason went to its row, for the confirmation: the row talked about, the only short row, or the one its word fits.</summary>
    public static string Why(bool aboutRow, string? fitWord) => aboutRow ? "本次对话正在说的这项指标"
        : fitWord is { Length: > 0 } w ? $"原因中的“{w}”说的是这项指标，表中未完成的指标里只有它与之相符"
        : "表中唯一未完成的指标";

    /// <summary>A cue of the lexicon in the reason whose row words the name holds.</summary>
    private static string? ByLexicon(string reason, string name)
    {
        foreach (var (cue, row) in Lexicon)
        {
            if (cue.Match(reason) is { Success: true } said && row.IsMatch(name))
            {
                return said.Value;
            }
        }

        return null;
    }

    /// <summary>An uncommon word pair of the name that the reason holds, widened to the run both share (老年 → 老年人).</summary>
    private static string? ByName(string reason, string name) =>
        IndicatorMatcher.Bigrams(name).Distinct(StringComparer.Ordinal)
            .FirstOrDefault(b => !CommonWord().IsMatch(b) && reason.Contains(b, StringComparison.Ordinal)) is { } pair
            ? Widen(reason, name, pair)
            : null;

    /// <summary>The longest run of the name around <paramref name="pair"/> that the reason also holds (老年 → 老年人).</summary>
    private static string Widen(string reason, string name, string pair)
    {
        int at = name.IndexOf(pair, StringComparison.Ordinal);
        int start = at, end = at + pair.Length;
        while (end < name.Length && reason.Contains(name[start..(end + 1)], StringComparison.Ordinal))
        {
            end++;
        }

        while (start > 0 && reason.Contains(name[(start - 1)..end], StringComparison.Ordinal))
        {
            start--;
        }

        return name[start..end];
    }
}
