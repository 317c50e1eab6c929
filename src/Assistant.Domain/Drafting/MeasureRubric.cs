using System.Text.RegularExpressions;
using Assistant.Domain.Evaluations;

namespace Assistant.Domain.Drafting;

/// <summary>
/// Session 38: the rubric's own test of whether each improvement measure answers its item — computed from keyword classes of
/// its own, never from the drafter's choice. A measure of a kind that presupposes a cause (与上级财政沟通对接 presupposes money
/// that came late, 退岗与补岗 people who left, 常住人口为基数 a population that moved, 复产后组织实施 production that stopped, 加强
/// 宣传 people who did not know) counts as mismatched unless the item's stated cause is of that kind; a row with no stated cause
/// takes only measures that hold whatever the cause (查明原因、按月跟踪、据实编制预算…); a measure about posts (按岗位…编制预算)
/// fits only a table or row about posts; and a row of a kind that needs its own answer (a safety accident, a loan overdue, money
/// paid late, satisfaction) must have a measure of that answer in its paragraph.
/// </summary>
public static partial class DraftQuality
{
    /// <summary>Kinds of measure that presuppose a cause, with the words a stated cause of that kind uses.</summary>
    private static readonly (string Kind, Regex Measure, Regex Cause)[] Presupposing =
    [
        ("late-money", new(@"(?:上级|省级|中央|自治区|市级)(?:财政|部门|资金)[^。；]{0,8}(?:沟通|对接)|争取[^。；]{0,8}(?:提前|及早|尽早)下达|提前下达|年底下达的资金|资金下达后立即|下达较晚"),
            new(@"(?:下达|到位|到账|下拨|拨付|分配)[^，。；]{0,6}(?:晚|迟|滞后|延迟|不及时)|(?:\d{1,2}|十一|十二)月[^，。；]{0,3}(?:下达|到位|拨付|下拨)|追加|才(?:下达|到位|拨付|到账)|未(?:能)?(?:及时|按时)?(?:下达|到位|到账)|年底|年末|四季度|1[12]月")),
        ("vacancy", new(@"退岗|补岗|岗位空缺|空缺时间|补聘|顶岗|岗位动态补充|退出与补"),
            new(@"退出|离岗|辞职|离职|空缺|空编|缺编|招聘未完成|补聘|外出务工|超龄|清退|退岗|调离|流失|缺员")),
        ("population", new(@"常住人口|人口为基数|流动管理"),
            new(@"常住|迁|外出|人口|户籍|户口|死亡|去世|离世|病故|身故|注销|流动|随迁|随子女|在外居住|异地|外地居住|投靠|长期在外|常年在外|转学|自然减员|减少")),
        ("stopped-production", new(@"复产|暂停生产|停产的主体"),
            new(@"停产|停工|关停|暂停|歇业|复产|停养|行情|价格")),
        ("publicity", new(@"政策宣传|宣传力度|加大[^。；]{0,6}宣传|加强[^。；]{0,4}宣传|知晓面"),
            new(@"需求|意愿|知晓|了解|宣传|积极性|参与|申请|申报|观望|保守|谨慎|不愿|对象|人数|不强|不高|意见|异议|同意|反对|协商")),
        ("staffing", new(@"招聘|配齐人员|充实[^。；]{0,6}力量|定向培养|补充[^。；]{0,6}(?:人员|医生|教师|村医)"),
            new(@"人员|人手|力量|编制|缺|医生|村医|教师|专业技术|人才|退出|离岗|空缺|流失")),
        ("weather", new(@"汛期|天气|雨季|农时"),
            new(@"汛|天气|雨|冰冻|台风|农时|季节|气候|低温|洪|旱")),
        ("procurement", new(@"招标|采购"),
            new(@"招标|采购|流标|供货|中标")),
        ("works", new(@"施工|未完工|工期"),
            new(@"施工|工程|工期|完工|建设|开工|动工|停工|复工|竣工|进度|改造|改建|路段")),
        ("prices", new(@"价格|造价|概算"),
            // Session 41: a fall in prices (猪价持续低迷, 收购价下跌) is a cause of prices too.
            new(@"价格|单价|涨|造价|概算|成本|费用|降价|猪价|粮价|收购价|行情|低迷|下跌|走低")),
    ];

    /// <summary>Words of a measure that holds whatever the cause: find it, follow it, budget by need, set targets by the record.</summary>
    [GeneratedRegex(@"查明|逐项核实|核实|逐一|分析原因|按月|按季度|跟踪|调度|监控|监测|通报|台账|责任人|完成时限|时间节点|整改|薄弱环节|推进计划|评估|据实|测算|指标值|绩效目标|报批|程序|结余|收回|结转|统筹|编制[^。；]{0,6}预算|督促检查|督办|回访|梳理|进度|时限")]
    private static partial Regex HoldsWhateverCause();

    /// <summary>Rows of a kind that needs its own answer, with the words that answer it.</summary>
    private static readonly (string Kind, Regex Row, Regex Answer)[] RowKinds =
    [
        ("safety", new(@"事故|安全责任|伤亡|安全生产|安全隐患"), new(@"安全(?:培训|教育|检查|管理|防护|监管|责任)|隐患|劳动保护|应急演练")),
        ("loan-quality", new(@"逾期|不良贷款|不良率|代偿率|坏账"), new(@"贷前|贷后|风险补偿|催收|担保基金|代偿|追偿|风险预警|风险防控")),
        ("paid-on-time", new(@"^(?=.*(?:时限|及时率|及时性|按时|按期|时效|发放时间|拨付时间|到位时间))(?=.*(?:发放|拨付|兑付|支付|补贴|资金|补助|津贴))"), new(@"时限|按时|按期|限时|及时(?:发放|拨付|兑付|支付)|督办|提前分解")),
        ("satisfaction", new(@"满意度|满意率"), new(@"满意|回访|诉求|反馈|意见")),
    ];

    /// <summary>A table or row about posts (公益性岗位, 见习岗位): only there does a measure about posts fit.</summary>
    [GeneratedRegex(@"岗位")]
    private static partial Regex Posts();

    [GeneratedRegex(@"岗位(?:数|开发)|开发[^；]*岗位")]
    private static partial Regex PostsCounted();

    [GeneratedRegex(@"新建|建设|改造|改建|修建|工程|维修|购置|采购|配备")]
    private static partial Regex RowBuildsOrBuys();

    [GeneratedRegex(@"^\s*\d+[.、．]\s*针对[^，]*?的问题，")]
    private static partial Regex MeasureLead();

    [GeneratedRegex(@"^\s*(?:[（(]二[）)]\s*)?(?:下一步)?改进措施")]
    private static partial Regex MeasuresHeading();

    [GeneratedRegex(@"“[^”]*”")]
    private static partial Regex QuotedName();

    [GeneratedRegex(@"[；。;]")]
    private static partial Regex ClauseSplit();

    /// <summary>
    /// The measures of a draft that do not answer their item: each with the paragraph, the kind and the clause. Measure paragraphs
    /// are those after the heading of 改进措施 (or any paragraph written as 针对…的问题，…).
    /// </summary>
    public static IReadOnlyList<string> MismatchedMeasures(Evaluation evaluation, IReadOnlyList<DeviationItem> items, IReadOnlyList<ReviewedParagraph> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(paragraphs);
        var byId = items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var found = new List<string>();
        bool inMeasures = false;
        // A cause the draft gives from a cited source (经初步分析…[S2]…以单位核实情况为准) is a lead the measures may answer.
        var cited = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int p = 0; p < paragraphs.Count; p++)
        {
            ReviewedParagraph para = paragraphs[p];
            if (para.ItemIds.Count == 0)
            {
                inMeasures |= MeasuresHeading().IsMatch(para.Text);
                continue;
            }

            if (!inMeasures && !MeasureLead().IsMatch(para.Text))
            {
                if (para.Sources.Count > 0 && HedgedLead().IsMatch(para.Text))
                {
                    foreach (string id in para.ItemIds)
                    {
                        cited[id] = cited.TryGetValue(id, out string? before) ? before + "；" + para.Text : para.Text;
                    }
                }

                continue;
            }

            var mine = para.ItemIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            string cause = string.Join("；", new[] { CauseOf(evaluation, mine) }.Concat(mine.Select(i => cited.GetValueOrDefault(i.Id, string.Empty))).Where(c => c.Length > 0));
            string rows = string.Join("；", mine.Select(RowWords));
            string body = MeasureLead().Replace(para.Text, string.Empty);
            // A row's own name quoted in a measure (“组织专场招聘会”方面，…) is no measure word.
            foreach (string clause in ClauseSplit().Split(QuotedName().Replace(body, "X")).Select(c => c.Trim()).Where(c => c.Length >= 6))
            {
                var presumed = Presupposing.Where(k => k.Measure.IsMatch(clause)).ToList();
                string names = string.Join("；", mine.Select(i => i.Name));
                // Works and purchases may be the row itself (新建防火隔离带长度, 购置扑火装备): their measures then answer the row.
                foreach (var k in presumed.Where(k => (!k.Cause.IsMatch(cause) && !(k.Kind is "works" or "procurement" && RowBuildsOrBuys().IsMatch(names)))
                                                      || (k.Kind == "population" && PostsCounted().IsMatch(names))))
                {
                    found.Add($"mismatched-measure p{p} ({k.Kind}{(cause.Length == 0 ? ", no stated cause" : string.Empty)}): {clause}");
                }

                if (clause.Contains("按岗位", StringComparison.Ordinal) && !Posts().IsMatch(rows + "；" + evaluation.Title))
                {
                    found.Add($"mismatched-measure p{p} (posts in a fund without posts): {clause}");
                }

                // No stated cause: a measure must hold whatever the cause, or be the answer the row's own kind needs.
                if (cause.Length == 0 && presumed.Count == 0 && !HoldsWhateverCause().IsMatch(clause) && !RowKinds.Any(r => r.Row.IsMatch(rows) && r.Answer.IsMatch(clause)))
                {
                    found.Add($"mismatched-measure p{p} (no stated cause, measure presupposes one): {clause}");
                }
            }

            foreach (DeviationItem item in mine)
            {
                // Satisfaction short for a stated cause (候诊时间较长) is answered by that cause; without one, by asking the people served.
                foreach (var r in RowKinds.Where(r => r.Row.IsMatch(item.Name) && !r.Answer.IsMatch(body) && (r.Kind != "satisfaction" || cause.Length == 0)))
                {
                    found.Add($"mismatched-measure p{p} ({r.Kind} row without its answer) “{item.Name}”: {body}");
                }
            }
        }

        return found;
    }

    /// <summary>
    /// The causes the table gives for a paragraph's items: their stated reasons; for a fund line, also the reasons given for cost
    /// rows and any reason about money (资金) given in the table — never a precedent's or the draft's own.
    /// </summary>
    private static string CauseOf(Evaluation e, IReadOnlyList<DeviationItem> mine)
    {
        var causes = mine.Select(i => i.StatedReason).Where(r => Review.ReasonText.IsGiven(r)).Select(r => r!).ToList();
        if (mine.Any(i => i.IndicatorIndex is null))
        {
            causes.AddRange(e.Indicators.Where(i => Review.ReasonText.IsGiven(i.DeviationNote) && ((i.Level2 ?? string.Empty).Contains("成本", StringComparison.Ordinal) || i.DeviationNote!.Contains("资金", StringComparison.Ordinal)))
                .Select(i => i.DeviationNote!));
            causes.AddRange(e.Funds.Lines.Select(l => l.DeviationNote).Where(n => Review.ReasonText.IsGiven(n)).Select(n => n!));
        }

        return string.Join("；", causes.Distinct(StringComparer.Ordinal));
    }

    private static string RowWords(DeviationItem item) => $"{item.Name}；{item.Level2}";
}
