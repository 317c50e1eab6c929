using System.Text.RegularExpressions;

namespace Assistant.Domain.Drafting;

/// <summary>
/// The offline drafter's own sentences: a first analysis of a cause and the measure that answers it, by
/// whom the indicator serves (<see cref="FundLexicon"/>) and what it counts (<see cref="Nature"/>). Each
/// list is ordered; a drafter takes the first one not used yet, so no sentence repeats within a draft.
/// </summary>
public static partial class DraftPhrases
{
    /// <summary>A first analysis of a cause and the measure that answers it; <see cref="Money"/> when it explains money unspent.</summary>
    private sealed record Pair(string Cause, string Measure, bool Money = false);

    private static readonly Dictionary<string, Pair[]> ByGroup = new(StringComparer.Ordinal)
    {
        ["就业见习"] = [new("见习单位提供的岗位数量有限，岗位与见习人员专业和意愿的匹配度不高，参加见习的人数少于预期", "拓展见习基地和见习岗位，动员更多用人单位参与，提高岗位与见习人员的匹配度"),
                      new("参加见习的人数少于预期，按月发放的见习补贴相应减少", "按上年实际见习人数和补贴标准据实编制见习补贴预算", true)],
        ["实习"] = [new("可提供实习岗位的单位和岗位数量有限，实习人员参加实习的时间集中，实习人数少于预期", "扩大实习岗位供给，结合实习人员的课程和假期安排实习时间"),
                   new("实习人数少于预期，实习补助支出相应减少", "按实际实习人数据实编制实习补助预算", true)],
        ["职业技能培训"] = [new("培训项目与劳动者需求和企业用工结合不够紧密，部分培训班次开班延后，参训人数少于预期", "围绕本地产业和劳动者需求设置培训项目，督促培训机构按计划开班"),
                        new("部分培训班次结业较晚，培训补贴在年内未能完成审核拨付", "督促培训机构在结业后及时申报补贴，缩短审核拨付周期", true)],
        ["教师"] = [new("教师教学任务较重，工学矛盾突出，部分培训班次未能按计划开班", "合理安排师资培训时间，错开教学任务集中时段，提高教师到课率"),
                   new("部分培训班次未能按计划开班，培训经费支出相应减少", "按培训计划和实际到课教师人数编制培训经费预算", true)],
        ["公益性岗位"] = [new("部分岗位人员退出后补充不及时，在岗人数低于计划", "建立岗位动态补充机制，退岗与补岗同步办理，缩短岗位空缺时间"),
                       new("在岗人数低于计划，按月核发的岗位补贴相应减少", "按实际在岗人数和补贴标准据实编制岗位补贴预算", true)],
        ["创业担保贷款"] = [new("创业者投资趋于谨慎，贷款申请需求减少，部分申请人不符合担保条件", "加强与经办银行的对接，优化担保和审批流程，扩大创业担保贷款覆盖面"),
                        new("贷款发放和贴息申请少于预期，贴息支出相应减少", "按在贷规模和贴息标准测算贴息资金，按季度与经办银行清算", true)],
        ["社会保险补贴"] = [new("符合条件的人员中部分已实现单位就业或达到退休年龄，申领社保补贴的人数少于测算", "精准摸排符合条件的人员，简化社保补贴申领流程，做到应享尽享"),
                        new("申领社保补贴的人数少于测算，补贴支出相应减少", "以上年实际申领人数为基础测算社保补贴预算", true)],
        ["失业和就业困难人员"] = [new("受经济形势影响，企业用工需求减少，部分人员的就业技能和意愿与岗位要求不匹配，就业推进慢于预期", "加强与用人单位对接，开发适合就业困难人员的岗位，落实企业吸纳就业补贴，提高就业帮扶的精准度"),
                             new("部分人员就业意愿不强，对岗位待遇和工作地点要求较高，推荐就业的成功率不高", "开展有针对性的技能提升和岗位推荐，促进求职人员与岗位供需匹配")],
        ["农民工和农村劳动力"] = [new("外出务工需求和本地用工岗位发生变化，劳务输出组织推进慢于预期", "加强劳务协作和岗位信息推送，组织有序外出务工和就近就业")],
        ["零工市场"] = [new("零工市场建设涉及场地和运营主体落实，推进进度慢于计划", "加快零工市场场地和运营主体落实，完善供需对接服务")],
        ["农业"] = [new("受农时和天气影响，项目实施进度慢于计划", "结合农时倒排工作计划，加快项目实施和资金兑付"),
                   new("受农时和天气影响，项目验收和资金兑付推迟", "结合农时提前做好验收准备，验收合格后及时兑付资金", true)],
        ["医疗卫生"] = [new("服务需求和就诊人数发生变化，项目实施进度慢于计划", "加强需求摸底，合理安排项目实施进度"),
                     new("服务量低于预算测算，相关经费支出相应减少", "以上年实际服务量为基础测算经费预算", true)],
        ["创业"] = [new("创业者投资趋于谨慎，符合扶持条件的创业项目少于预期", "加强创业政策宣传和项目对接，提高创业扶持政策的覆盖面"),
                   new("符合扶持条件的创业项目少于预期，扶持资金支出相应减少", "结合创业项目储备情况据实编制扶持资金预算", true)],
    };

    private static readonly Dictionary<Nature, Pair[]> ByNature = new()
    {
        [Nature.Money] = [new("实际符合条件的支出事项少于年初预算安排，资金未能全部支出", "按实际需求编制预算，加强支出进度监控", true),
                          new("年初预算测算偏高，实际支出需求低于预算", "以上年实际支出为基础测算预算，按季度分析支出进度", true)],
        [Nature.Count] = [new("实际符合条件的服务对象少于年初测算，指标值测算依据不够充分", "以上年实际完成数为基础测算指标值，执行中按月调度完成进度"),
                          new("政策宣传和对象摸排不够到位，部分符合条件的对象未及时申报", "加强政策宣传和对象摸排，拓宽申报渠道")],
        [Nature.Rate] = [new("过程管理和质量控制不够到位，相关比率未达到目标", "加强过程管理和质量控制，按月跟踪相关比率")],
        [Nature.Time] = [new("工作推进慢于计划，部分环节未能在规定时限内完成", "倒排工作时间表，明确责任人和完成时限")],
        [Nature.Quality] = [new("相关工作成效需要较长周期才能充分显现，当年效果尚未达到预期", "细化评价标准，补充佐证材料，按评价等级如实评分")],
        [Nature.Unknown] = [new("实际情况与年初测算存在差距，相关工作推进慢于预期", "加强绩效运行监控，对进度滞后的事项及时分析原因并调整措施")],
    };

    private static IEnumerable<Pair> Pairs(string ownWords, Nature nature)
    {
        bool money = nature == Nature.Money;
        foreach (SubjectGroup g in FundLexicon.Of(ownWords))
        {
            if (ByGroup.TryGetValue(g.Name, out var pairs))
            {
                foreach (Pair p in pairs.Where(p => p.Money == money))
                {
                    yield return p;
                }
            }
        }

        foreach (Pair p in ByNature[nature].Concat(ByNature[Nature.Unknown]))
        {
            yield return p;
        }
    }

    /// <summary>Measures that answer a stated or adapted cause, matched by its words.</summary>
    private static readonly (Regex Cause, string Measure)[] Answers =
    [
        (new Regex("优先使用|上级资金|中央资金|自治区资金|省级资金|本级资金|中央及"), "统筹安排上级资金和本级资金，年初据实确定本级资金规模，上级资金到位后同步使用本级资金，避免本级预算大量结余"),
        (new Regex("下达|拨付|到位|较晚|滞后|报账"), "加强与上级财政部门的沟通对接，资金到位后及时分解下达，按月调度拨付进度，年底前完成清算"),
        (new Regex("经营困难|经营压力|效益下滑|停工|停产|减产|关停|倒闭|裁员"), "加强与用人单位的对接，落实吸纳就业补贴、稳岗返还等扶持政策，帮助企业稳定岗位，提高吸纳就业的积极性"),
        (new Regex("死亡|迁出|户籍|自然减员|动态减少|对象减少|身故|外迁"), "以动态核定的在册对象为基础测算下一年度指标值，对象因死亡、迁出等发生变化的，执行中按程序调整指标值"),
        (new Regex("招生|生源|在校生|入学人数"), "依据招生计划和实际在校生人数测算资助对象和指标值，招生情况发生变化的按程序调整"),
        (new Regex("医疗费用|费用过高|大病|承受能力|因病"), "健全高额医疗费用预警和防止因病返贫监测机制，对高额费用患者及时落实倾斜救助和二次救助，减轻个人负担"),
        (new Regex("交通管制|施工期间|封闭施工|占道|施工影响"), "分路段、分时段组织施工，提前发布交通管制公告，设置便道和绕行指引，减少施工对群众出行的影响"),
        (new Regex("汛期|雨季|降雨|暴雨|天气|气候|冰冻|台风|施工窗口|农时"), "结合汛期和季节特点合理安排工作计划，提前做好准备，避开不利天气集中的时段组织实施"),
        (new Regex("设计变更|变更设计|方案调整"), "加强前期勘察设计，设计变更按程序及时审批，缩短变更周期"),
        (new Regex("审计|验收|结算"), "提前启动工程结算审计和交工验收，与审计机构明确审计时限，分标段及时组织验收"),
        (new Regex("核对|比对|核查|核验|学籍|信息核实|数据核实|复核|核定"), "提前开展信息比对和核查工作，与相关部门建立数据共享机制，缩短核对时间，确保按期完成"),
        (new Regex("客运|班线|通车"), "加快剩余路段提质改造，协调开通客运班线，明确完成时限"),
        (new Regex("未完工|尚未完工|未竣工|在建|未完成施工"), "加快剩余建设任务，明确完成时限，完工后及时组织验收"),
        (new Regex("政策调整|政策变化|政策变动|标准调整|口径调整"), "密切跟踪政策调整，及时测算对绩效目标和资金的影响，据实按程序调整绩效目标"),
        (new Regex("场地|选址|用地"), "提前落实场地和用地手续，明确责任单位和完成时限"),
        (new Regex("保守|谨慎|意愿|需求"), "加强政策宣传和服务对接，及时了解服务对象需求，提高政策的吸引力和覆盖面"),
        (new Regex("审核|材料|程序|手续|流程"), "优化经办流程，精简申报材料，压实审核责任，缩短资金兑付周期"),
        (new Regex("经济|市场|形势|行业|下行"), "密切跟踪经济形势和就业市场变化，及时调整工作重点和资金投向"),
        (new Regex("宣传|知晓|了解"), "加大政策宣传力度，利用线上线下渠道扩大政策知晓面"),
    ];

    /// <summary>First analyses of a shortfall for an item, most specific first (its people, then what it counts).</summary>
    public static IEnumerable<string> Causes(string ownWords, Nature nature) => Pairs(ownWords, nature).Select(p => p.Cause);

    /// <summary>Measures for an item, most specific first.</summary>
    public static IEnumerable<string> Measures(string ownWords, Nature nature) => Pairs(ownWords, nature).Select(p => p.Measure);

    /// <summary>The measure that answers a cause, when one does.</summary>
    public static string? Answer(string cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return Paired.TryGetValue(cause, out string? paired) ? paired : Answers.FirstOrDefault(a => a.Cause.IsMatch(cause)).Measure;
    }

    /// <summary>
    /// The measures that answer a cause of several kinds (“2座因汛期推迟开工，1座因设计变更未完工”
    /// is weather and a design change), one per kind in order, at most <paramref name="max"/>.
    /// </summary>
    public static IReadOnlyList<string> AnswersFor(string cause, int max = 2)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return Paired.TryGetValue(cause, out string? paired)
            ? [paired]
            : Answers.Where(a => a.Cause.IsMatch(cause)).Select(a => a.Measure).Distinct(StringComparer.Ordinal).Take(max).ToList();
    }

    /// <summary>
    /// A first analysis of why a fund line was under-spent, by where its money comes from, and the measure
    /// that answers it: only upper-level money is 下达 late; a county's own money, carry-over and other
    /// money have causes of their own.
    /// </summary>
    public static (string Cause, string Measure) FundCause(string lineName)
    {
        ArgumentNullException.ThrowIfNull(lineName);
        Pair p = FundPairs.FirstOrDefault(f => f.Source.IsMatch(lineName)).Pair ?? ByNature[Nature.Money][0];
        return (p.Cause, p.Measure);
    }

    private static readonly (Regex Source, Pair Pair)[] FundPairs =
    [
        (new Regex("上年结转|结转"), new("上年结转资金对应的部分事项年内未完成实施和结算", "对上年结转资金逐项清理，加快结转事项实施和结算，年底仍未使用的按规定收回统筹", true)),
        (new Regex("中央|省级|省级补助|上级|转移支付"), new("部分上级资金下达时间较晚，项目实施和资金拨付进度滞后", "加强与上级财政部门的沟通对接，资金到位后及时分解下达，按月调度拨付进度，年底前完成清算", true)),
        (new Regex("县级|区级|旗级|本级|自有|配套|自筹|地方"), new("本级资金按实际支出需求安排使用，实际支出低于年初预算安排", "据实编制本级资金预算，按项目实施进度安排本级资金，对执行缓慢的资金及时调整用途或按规定收回统筹", true)),
        (new Regex("其他资金|其他"), new("其他资金实际到位和使用少于年初预算", "核实其他资金的来源和到位情况，据实编列预算，按进度使用", true)),
    ];

    private static readonly Dictionary<string, string> Paired = ByGroup.Values.Concat(ByNature.Values).SelectMany(p => p).Concat(FundPairs.Select(f => f.Pair))
        .GroupBy(p => p.Cause, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Measure, StringComparer.Ordinal);

    /// <summary>Whether a cause is about where the money came from (优先使用中央资金).</summary>
    public static bool IsFundingSource(string cause) => FundingSource().IsMatch(cause ?? string.Empty);

    [GeneratedRegex("优先使用|上级资金|中央资金|自治区资金|省级资金|本级资金|中央及")]
    private static partial Regex FundingSource();
}
