using System.Text.RegularExpressions;

namespace Assistant.Domain.Drafting;

/// <summary>What a row of its own kind needs answered whatever the cause, and the measures that hold when no cause is stated.</summary>
public static partial class DraftPhrases
{
    /// <summary>Kinds of row whose measure is fixed by what the row counts: an accident by safety, an overdue loan by loan risk control, money paid late by paying on time.</summary>
    public enum RowKind
    {
        None,
        Safety,
        LoanQuality,
        PaidOnTime,
        Satisfaction,

        /// <summary>Payments made or taken improperly (违规领取待遇人数, 冒领补贴金额): answered by checking eligibility and recovering the money.</summary>
        Improper,
    }

    /// <summary>The kind of a row by its name (and its 二级指标: 时效指标 of a payment is a matter of paying on time).</summary>
    public static RowKind KindOfRow(string name, string? level2 = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (ImproperRow().IsMatch(name))
        {
            return RowKind.Improper;
        }

        if (SafetyRow().IsMatch(name))
        {
            return RowKind.Safety;
        }

        if (LoanQualityRow().IsMatch(name))
        {
            return RowKind.LoanQuality;
        }

        if (TimeWords().IsMatch(name + "；" + level2) && PayoutWords().IsMatch(name))
        {
            return RowKind.PaidOnTime;
        }

        return Satisfaction().IsMatch(name) ? RowKind.Satisfaction : RowKind.None;
    }

    /// <summary>The measures that answer a row of <paramref name="kind"/> whatever its cause, in order of preference (one per row).</summary>
    /// <remarks>A road's accidents (道路交通安全事故起数) are answered on the road (隐患路段, 交管), not by a workplace's 劳动保护用品.</remarks>
    public static IReadOnlyList<string> RowKindMeasures(RowKind kind, string? name = null) => kind switch
    {
        RowKind.Safety when RoadRow().IsMatch(name ?? string.Empty) => [RoadSafetyMeasure, AccidentDeathMeasure],
        RowKind.Improper => [ImproperMeasure, "健全领取资格动态核查和停发机制，对资格发生变化的对象及时停发，违规领取的资金依规追回，并追究相关经办人员责任"],
        RowKind.Safety => [SafetyMeasure, "建立岗位安全风险清单，开展经常性安全教育和应急演练，落实用工单位安全管理责任，按季度组织安全检查和隐患排查"],
        RowKind.LoanQuality => [LoanRiskMeasure, LoanDifficultyMeasure],
        RowKind.PaidOnTime => [OnTimeMeasure, "压缩审核和拨付环节用时，年度发放计划提前分解到月，对临近时限仍未发放的逐笔督办，确保按时发放到位"],
        RowKind.Satisfaction => [SatisfactionPair.Measure, "对满意度调查中反映的问题逐项登记、查明原因并落实整改，定期回访服务对象，及时回应合理诉求"],
        _ => [],
    };

    /// <summary>Whether <paramref name="measure"/> already answers a row of <paramref name="kind"/>.</summary>
    public static bool AnswersRow(string measure, RowKind kind) => kind switch
    {
        RowKind.Safety => SafetyAnswer().IsMatch(measure),
        RowKind.LoanQuality => LoanAnswer().IsMatch(measure),
        RowKind.PaidOnTime => OnTimeAnswer().IsMatch(measure),
        RowKind.Satisfaction => SatisfactionAnswer().IsMatch(measure),
        RowKind.Improper => ImproperAnswer().IsMatch(measure),
        _ => true,
    };

    /// <summary>
    /// Measures for a row the unit gave no reason for, by what it counts: each holds whatever the cause turns out to be (find it,
    /// follow it monthly, budget by need), never one that presupposes a cause (上级资金下达晚, 宣传不够, 人员退出).
    /// </summary>
    public static IReadOnlyList<string> NeutralMeasures(Nature nature) => nature switch
    {
        Nature.Count => ["逐项核实未完成部分的原因，能继续实施的明确完成时限和责任人，按月调度完成进度", "建立完成进度台账，按月跟踪未完成部分的进展，逐项查明原因并落实整改"],
        Nature.Rate => ["对未达标的部分逐一查明原因，明确整改责任人和完成时限，按月跟踪该比率直至达标", "按季度监测该比率，对未达标的环节逐项分析原因并落实整改"],
        Nature.Quality => ["对照年度目标查找薄弱环节，制定分阶段推进计划，明确当年可衡量的工作要求，年末逐项评估成效", "将该项工作纳入年度重点工作督查，逐项明确责任人和时间节点，定期评估推进成效"],
        Nature.Money => ["按实际需求编制预算，加强支出进度监控", "以上年实际支出为基础测算预算，按季度分析支出进度"],
        Nature.Time => ["倒排工作时间表，明确责任人和完成时限", "逐项梳理未按期完成的环节，明确办理时限和责任人，按月跟踪直至完成"],
        _ => ["加强绩效运行监控，对进度滞后的事项及时分析原因并调整措施", "将该项工作列入月度调度重点，逐项明确责任人和时间节点"],
    };

    /// <summary>
    /// Measures for a row with no stated cause: its sector's answer to what the row itself measures (管护主体 for a 管护机制, 参保状态
    /// for enrolment paid by medical aid) where that holds whatever the cause, then <see cref="NeutralMeasures"/>.
    /// </summary>
    public static IEnumerable<string> NoCauseMeasures(string ownWords, Nature nature, string? context = null) =>
        SectorPairs((ownWords ?? string.Empty) + "；" + context, nature).Select(p => p.Measure).Where(HoldsWhateverCause).Concat(NeutralMeasures(nature));

    /// <summary>Upper-level money left unspent with no reason given: followed and paid out, without presupposing that it came late.</summary>
    public const string UpperMoneyNeutral = "对上级资金建立分配、拨付和支出台账，按月调度支出进度，对执行缓慢的资金逐项查明原因、督促整改，年底前完成清算";

    /// <summary>
    /// Whether a measure (a precedent's, or a fund line's first analysis) presupposes a cause that <paramref name="cause"/> (the
    /// unit's stated reason; empty when none) does not give: money that came late, people who left, a population that moved,
    /// production that stopped, people who did not know.
    /// </summary>
    public static bool PresupposesOtherCause(string measure, string? cause)
    {
        ArgumentNullException.ThrowIfNull(measure);
        string c = cause ?? string.Empty;
        return Presumed.Any(p => p.Measure.IsMatch(measure) && !p.Cause.IsMatch(c));
    }

    /// <summary>Whether a measure holds whatever the cause (for a row without one: 查明原因、按月跟踪、据实编制预算).</summary>
    public static bool HoldsWhateverCause(string measure) => Neutral().IsMatch(measure ?? string.Empty) && !PresupposesOtherCause(measure ?? string.Empty, null);

    /// <summary>A measure about posts (按岗位…, 退岗补岗): only a table or row about posts.</summary>
    public static bool AboutPosts(string measure) => PostsMeasure_().IsMatch(measure ?? string.Empty);

    private static readonly (Regex Measure, Regex Cause)[] Presumed =
    [
        (new(@"(?:上级|省级|中央|自治区|市级)(?:财政|部门)[^。；]{0,8}(?:沟通|对接)|争取[^。；]{0,8}(?:提前|及早|尽早)下达|提前下达|年底下达的资金|资金下达后立即"),
            new(@"(?:下达|到位|到账|下拨|拨付|分配)[^，。；]{0,6}(?:晚|迟|滞后|延迟|不及时)|(?:\d{1,2}|十一|十二)月[^，。；]{0,3}(?:下达|到位|拨付|下拨)|追加|才(?:下达|到位|拨付|到账)|未(?:能)?(?:及时|按时)?(?:下达|到位|到账)|年底|年末|四季度|1[12]月")),
        (new(@"退岗|补岗|岗位空缺|补聘|顶岗|岗位动态补充"), new(@"退出|离岗|辞职|离职|空缺|空编|缺编|招聘未完成|补聘|外出务工|超龄|清退|退岗|调离|流失|缺员")),
        (new(@"常住人口|人口为基数|流动管理"), new(@"常住|迁|外出|人口|户籍|户口|死亡|去世|离世|病故|身故|注销|流动|随迁|随子女|在外居住|异地|外地居住|投靠|长期在外|常年在外|转学|减员")),
        (new(@"复产|暂停生产"), new(@"停产|停工|关停|暂停|歇业|复产|停养|行情")),
        (new(@"政策宣传|宣传力度|加大[^。；]{0,6}宣传|加强[^。；]{0,4}宣传|知晓面"), new(@"需求|意愿|知晓|了解|宣传|积极性|参与|申请|申报|观望|保守|谨慎|不愿|不强|不高|意见|异议|同意|反对|协商")),
        (new(@"招聘|配齐人员|定向培养"), new(@"人员|人手|力量|编制|缺|医生|村医|教师|人才|退出|离岗|离职|空缺|流失|变动")),
        (new(@"汛期|雨季|农时"), new(@"汛|天气|雨|冰冻|台风|农时|季节|气候|低温|洪|旱")),
        (new(@"招标|采购"), new(@"招标|采购|流标|供货|中标|降价|集采")),
        (new(@"施工|未完工|工期"), new(@"施工|工程|工期|完工|建设|开工|动工|停工|复工|竣工|改造|改建|地块|路段")),
    ];

    private const string SafetyMeasure = "逐起查明事故经过和原因，落实整改和责任追究，加强岗前安全教育和在岗安全培训，配齐劳动保护用品，定期开展安全检查和隐患排查";
    private const string LoanRiskMeasure = "严格贷前审查，加强贷后跟踪管理，对逾期贷款逐笔建立台账、落实催收责任，用好担保基金和风险补偿机制，防范和化解贷款风险";
    private const string LoanDifficultyMeasure = "与经办银行建立逾期贷款按月通报和联合催收机制，对经营困难的借款人提前预警、分类处置，依规办理代偿和追偿";
    private const string OnTimeMeasure = "梳理资金发放各环节，明确审核、拨付的办理时限和责任人，建立发放台账按月跟踪，确保资金在规定时限内发放到位";

    [GeneratedRegex("事故|安全责任|伤亡|安全生产|安全隐患")]
    private static partial Regex SafetyRow();

    private const string RoadSafetyMeasure = "逐起分析事故发生路段和成因，对急弯陡坡、临水临崖等隐患路段增设防护和警示设施，联合公安交管部门加强重点路段、重点时段的巡查和交通秩序整治，严格落实安全责任";

    [GeneratedRegex("道路|交通|公路|路段|车辆|驾驶")]
    private static partial Regex RoadRow();

    private const string ImproperMeasure = "加强与民政、卫健、公安等部门的信息比对，按月核查领取资格，对违规领取的资金逐笔登记、限期追回，落实经办审核责任";

    [GeneratedRegex("违规(?:领取|发放|享受)|冒领|骗取|套取|重复(?:领取|发放|享受)|多领|错发")]
    private static partial Regex ImproperRow();

    [GeneratedRegex("追回|领取资格|停发|冒领")]
    private static partial Regex ImproperAnswer();

    /// <summary>
    /// Whether a measure adjusts the row's target (测算下一年度指标值, 按程序调整指标值, 调整绩效目标): never an answer to a target of 0 exceeded,
    /// which counts what should not happen at all (违规领取待遇人数, 因病致贫返贫户数).
    /// </summary>
    public static bool AdjustsTarget(string measure) => AdjustsTargetWords().IsMatch(measure ?? string.Empty);

    [GeneratedRegex("指标值|绩效目标|目标值")]
    private static partial Regex AdjustsTargetWords();

    [GeneratedRegex("逾期|不良贷款|不良率|代偿率|坏账")]
    private static partial Regex LoanQualityRow();

    [GeneratedRegex("时限|及时率|及时性|按时|按期|时效|发放时间|拨付时间|到位时间")]
    private static partial Regex TimeWords();

    [GeneratedRegex("发放|拨付|兑付|支付|补贴|资金|补助|津贴")]
    private static partial Regex PayoutWords();

    [GeneratedRegex("安全(?:培训|教育|检查|管理|防护|监管|责任)|隐患|劳动保护|应急演练")]
    private static partial Regex SafetyAnswer();

    [GeneratedRegex("贷前|贷后|风险补偿|催收|担保基金|代偿|追偿|风险预警")]
    private static partial Regex LoanAnswer();

    [GeneratedRegex("时限|按时|按期|限时|及时(?:发放|拨付|兑付|支付)|督办")]
    private static partial Regex OnTimeAnswer();

    [GeneratedRegex("满意|回访|诉求|反馈|意见")]
    private static partial Regex SatisfactionAnswer();

    [GeneratedRegex("查明|核实|逐一|分析原因|按月|按季度|跟踪|调度|监控|监测|通报|台账|责任人|完成时限|时间节点|整改|薄弱环节|推进计划|评估|据实|测算|指标值|绩效目标|报批|程序|结余|收回|结转|统筹|编制[^。；]{0,6}预算|督办|回访|梳理|进度|时限")]
    private static partial Regex Neutral();

    [GeneratedRegex("按岗位|岗位补贴|在岗人数|退岗|补岗|岗位空缺|岗位动态")]
    private static partial Regex PostsMeasure_();

    [GeneratedRegex("逾期|不良贷款|不良率|代偿率|坏账")]
    private static partial Regex LoanRow();

    [GeneratedRegex("停产|停工|关停|暂停|歇业|停养|复产|行情")]
    private static partial Regex Stopped();
}
