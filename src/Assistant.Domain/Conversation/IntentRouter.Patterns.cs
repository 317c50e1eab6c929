using System.Text.RegularExpressions;

namespace Assistant.Domain.Conversation;

/// <summary>The words staff use, one pattern per cue.</summary>
public static partial class IntentRouter
{
    [GeneratedRegex("正式一?点|正式些|更正式|改正式|改得正式|书面一?点|公文|润色|改写|改一改|改一下|重新表述|换个说法|精简|简洁|简练|精炼|压缩|缩短|太长|口语|通顺")]
    private static partial Regex Rewrite();

    [GeneratedRegex("精简|简洁|简练|精炼|压缩|缩短|太长")]
    private static partial Regex Concise();

    [GeneratedRegex("核对|核实|检查|校验|查一下|看看这段|看下这段|看一下这段|对不对|对吗|有没有错|有错吗|准不准|准确吗|verify|check")]
    private static partial Regex VerifyVerb();

    [GeneratedRegex("(导出|下载|输出|生成|存成|存为|保存为|保存成|另存|转成|做成|弄成|变成).{0,6}(word|docx|doc|pdf|文档|文件|成稿|excel|xlsx)|^(导出|下载)|word版|docx|xlsx|excel版|导出|下载")]
    private static partial Regex Export();

    [GeneratedRegex("excel|xlsx|表格|自评表|电子表")]
    private static partial Regex TableFile();

    [GeneratedRegex("word|docx|报告|文档|公文")]
    private static partial Regex ReportFile();

    [GeneratedRegex("低于多少.{0,6}(?:写|说明|解释)|多少.{0,4}(?:要|需要|需|就得|得)(?:写|说明|解释)原因|什么情况.{0,4}(?:要|需要|需)(?:写|说明)原因|要不要写|需不需要写|需要写.{0,4}吗|要写.{0,6}吗|用不用写|要说明吗|需要说明吗|(?:需要|要|用不用|必须)(?:说明|解释|写明)(?:偏差|超额)?原因吗|要不要说明|必须写|要补.{0,4}原因吗|需不需要说明")]
    private static partial Regex ReasonNeeded();

    [GeneratedRegex("说服力|站得住|站不住|站住|立得住|立不住|立住|能成立|成立吗|靠得住|经得住|说得通|说不通|说得过去|靠谱|有道理|合理吗|行不行|行吗|可以吗|能过吗|过得了|能不能过|通过审核|审核能过|有没有矛盾|矛盾吗|矛盾|自相矛盾|对得上吗|经得起|可信|充分吗|够不够")]
    private static partial Regex AssessWords();

    [GeneratedRegex("相似|类似|参考|案例|先例|往年|历年|其[他它](省|市|县|区|地区|地方|单位)|别的(省|市|县|区|地区|地方|单位)|外地|外省|兄弟|别人|同类|差不多的情况|借鉴|范例|范文|例子")]
    private static partial Regex Similar();

    [GeneratedRegex("是什么意思|什么意思|啥意思|啥叫|什么叫|何为|怎么划分|如何划分|怎么分档|划分|是啥|(?<!原因)是什么|怎么算|咋算|如何算|怎么计算|如何计算|计算公式|公式|怎么来的|咋来的|怎么得出|如何得出|怎么得来|算出来的|怎么算出|规则|规定|依据|口径|定义|指什么|按什么|标准是")]
    private static partial Regex Meaning();

    [GeneratedRegex("转移支付.{0,12}(得分|分数|打分|总分|计分|评分)|(没有|没|不)(得分|分数|打分|计分|评分)|不打分")]
    private static partial Regex Transfer();

    [GeneratedRegex("取消")]
    private static partial Regex Cancelled();

    [GeneratedRegex("还给|照样给|也给|仍给|还算|还计|计入|满分")]
    private static partial Regex StillScored();

    [GeneratedRegex("封顶|上限|不多给|不加分|多给分|多得分|不能多得|不能超过分值|超过满分|最多得|最高得|加分")]
    private static partial Regex Cap();

    [GeneratedRegex("效果良好|效果显著|效果较好|定性|达成|部分达成")]
    private static partial Regex Qualitative();

    [GeneratedRegex("合理|应该|对吗|该不该|能给|可以给|给满分|怎么给|凭什么|为啥给|为什么给|给的满分|算满分|按满分")]
    private static partial Regex Fair();

    [GeneratedRegex("扣了|扣分|扣多少|扣几|扣的|被扣|丢了|丢分|失分|少了几分|少得|差几分|差了几分|损失了?多少分|拖后腿|拖了后腿|短板|最拉分|拉低")]
    private static partial Regex Lost();

    [GeneratedRegex("(?:这么|那么|太|很|偏|较)低|低了|咋这么|怎么这么|为啥这么")]
    private static partial Regex LowWord();

    [GeneratedRegex("执行率|支出进度|执行进度|花了|用了多少|花掉|支出了|执行了多少|预算执行|资金执行|执行情况|执行得|执行怎么样|执行如何|执行(?:的|得)?(?:这么|那么|太|很|偏|较)?(?:低|慢|差)")]
    private static partial Regex RateWord();

    [GeneratedRegex("等级|档次|优秀|优还是|良还是|算优|算良|评级|几档|哪一档|哪档|评优|评良|评上优|评为优|评得上|够优|够良|够得上优|拿优|拿到优|达到优(?!化)|到优(?![化先惠])|优等|优良中差")]
    private static partial Regex GradeWord();

    [GeneratedRegex(@"总分|总得分|一共.{0,3}分|加起来|合计|总共.{0,3}分|几分|多少分|得分|满分\s*\d")]
    private static partial Regex TotalWord();

    [GeneratedRegex("得分|分数|打分|计分|评分|给分|怎么扣")]
    private static partial Regex ScoreWord();

    /// <summary>The table's 总分 (not a row's 得分): 总分, 总得分, 自评总分, 合计得分.</summary>
    [GeneratedRegex("总分|总得分|合计得分|得分合计|一共.{0,3}分|总共.{0,3}分")]
    private static partial Regex TotalOnlyWord();

    [GeneratedRegex("完成率|完成度|完成比例|完成了百分之|完成得|完成情况|达标没|达标了吗|达到了吗|完成了吗|完成得怎|完成得咋")]
    private static partial Regex CompletionWord();

    /// <summary>What is left of the budget (还剩多少没花, 结余多少); not 结转, a source of funds.</summary>
    [GeneratedRegex("结余|剩余|剩下|还剩|剩了|各剩|剩多少|剩几|没花|没用完|没有用完|没支出|未支出|未使用|未执行|余额|没执行|用完没|花完没|用完了吗|花完了吗|用光了吗|用光没")]
    private static partial Regex BalanceWord();

    [GeneratedRegex("资金|钱|经费|预算|拨款")]
    private static partial Regex FundWord();

    [GeneratedRegex("分值|权重")]
    private static partial Regex WeightWord();

    [GeneratedRegex("(?:分值|权重)(?:的)?(?:合计|总和|之和|总计|共计|加起来|加总|相加|一共|总共|合起来)|总分值|满分是多少")]
    private static partial Regex WeightSum();

    [GeneratedRegex("差了|差多少|差几|差距|缺口|少了多少|还差|超了多少|超出多少|多了多少|超了几|超多少|超过多少")]
    private static partial Regex GapWord();

    [GeneratedRegex("多少|几个|几成|百分之几|是几|几分")]
    private static partial Regex HowMuch();

    [GeneratedRegex("哪些|哪几|哪个|哪项|有没有.{0,8}(没|未|超|不)|列一下|列出|列个|清单|都有|有几个|有几项|几项|多少项|有哪")]
    private static partial Regex ListWord();

    /// <summary>The money unit an amount is asked in (多少万元, 几亿元, 多少元): the answer's unit, never a word of a row's name.</summary>
    [GeneratedRegex("(?:多少|几)(?:千万元|百万元|万元|亿元|千元|元)")]
    private static partial Regex AskedMoneyUnitWords();

    [GeneratedRegex("问题|毛病|错误|风险|需要注意|要注意|检查结果|挑|疑点|不规范|勾稽|硬伤")]
    private static partial Regex Findings();

    [GeneratedRegex("没有?写.{0,4}原因|没有?填.{0,4}原因|缺.{0,4}原因|没填偏差|未填|没填|没有原因|未说明|没说明|缺原因|没有说明|没写偏差|漏填|没写理由|未写")]
    private static partial Regex NoReason();

    [GeneratedRegex("超额|超得|超了|超过|超出|超标|远超|大幅超")]
    private static partial Regex Over();

    [GeneratedRegex("没有完成|未完成|没完成|没达标|未达标|不达标|没达到|未达到|没有达到|没做到|差了|扣分|扣了分|没得满分|未得满分|不满分|偏低|短缺|落后")]
    private static partial Regex ShortWord();

    [GeneratedRegex("指标|项目|哪些|哪几")]
    private static partial Regex IndicatorWord();

    [GeneratedRegex("为什么|为何|为啥|什么原因|原因是|原因何在|怎么回事|咋回事|怎么没|咋没|怎么样|咋样|怎样|如何|情况|why|explain|解释")]
    private static partial Regex Why();

    [GeneratedRegex("总体|整体|概况|概览|总结|汇总|summary|(?:看看|看下|看一下|瞧瞧)(?:这|那)?张表|表的情况|(?:这|那)?张表(?:怎么样|咋样|如何)")]
    private static partial Regex Overview();

    [GeneratedRegex("为什么|为何|为啥|什么原因|原因是|原因何在|怎么回事|咋回事|怎么没|咋没|why")]
    private static partial Regex StrongWhy();

    [GeneratedRegex("有的|有些|部分指标|一些指标")]
    private static partial Regex SomeRows();

    [GeneratedRegex("这段|这句|这一段|下面|以下|如下|这样写|我写的|这么写")]
    private static partial Regex ThisText();

    [GeneratedRegex("原因|理由|解释|说明")]
    private static partial Regex ReasonWord();

    [GeneratedRegex(@"\d分|几分|多少分")]
    private static partial Regex PointsWord();

    [GeneratedRegex("请|帮我|找一下|找找|查找|搜索|看看|有没有|相似的?|类似的?|案例|先例|参考|往年的?|[？?，,。！!]")]
    private static partial Regex AskWords();

    [GeneratedRegex("怎么改|咋改|如何改(?!写)|怎么整改|如何整改|怎么改进|如何改进|改进措施|整改措施|怎么提高|如何提高|怎么补救|如何补救|怎么弥补|下一步怎么办|下一步怎么做|该怎么办|怎么办")]
    private static partial Regex ImproveWord();

    [GeneratedRegex("去年|上一年|上年度(?!结转)|上年(?!结转|度结转)|前年|同比|跟去年|比去年|较上年|与上年|和上年")]
    private static partial Regex PriorYear();

    /// <summary>上年的钱 / 上年资金: money carried over from last year (a fund line), not last year's figures.</summary>
    [GeneratedRegex("上年(?:度)?的?(?:钱|资金|经费|结转|结余|预算)")]
    private static partial Regex CarryOver();

    [GeneratedRegex("是谁|是哪家|哪家单位|哪个公司|施工单位|承建|中标|名单|名称是|叫什么|哪几座|哪几所|哪几个(?:乡|镇|村|学校|水库|医院|企业|单位)|哪些(?:乡镇|村|学校|水库|医院|企业)|多少个(?:乡镇|乡|镇|村)|常住人口|人口多少|联系人|电话|地址")]
    private static partial Regex NotInTableAsk();

    /// <summary>A count asked (多少, 几个, 几家, 几张床位) — of something no row may name.</summary>
    [GeneratedRegex("多少|几个|几家|几所|几座|几张|几名|几位|几人|几处")]
    private static partial Regex CountAsk();

    // 万一 (in case), never the 万 of an amount and a following 一 (县级那200万一分没花).
    [GeneratedRegex(@"如果|假如|假设|要是|若是|倘若|(?<![\d.一二三四五六七八九十两百千])万一|what if")]
    private static partial Regex Hypothetical();

    [GeneratedRegex("呢|的话|会怎样|会怎么样")]
    private static partial Regex WhatIfCue();

    [GeneratedRegex("支出|花|执行|用完|用掉|拨付|到位|结算|付清")]
    private static partial Regex SpendWord();

    [GeneratedRegex("最低|最少|最差|最慢|最落后|最不好|垫底|倒数第一|排最后|最后一名")]
    private static partial Regex LowestWord();

    [GeneratedRegex("最高|最多|最好|最快|最大|排第一|第一名|超得最多|完成得最好")]
    private static partial Regex HighestWord();

    [GeneratedRegex(@"\d+(?:\.\d+)?\s*(?:%|个百分点|分|万元|亿元|元)")]
    private static partial Regex QuotedFigure();

    [GeneratedRegex("哪来|哪里来|哪儿来|怎么出来|咋出来|是什么数|是哪个数|从哪")]
    private static partial Regex WhereFrom();

    [GeneratedRegex("[“\"「『]([^”\"」』]+)[”\"」』]")]
    private static partial Regex Quoted();

    /// <summary>A list asked by its condition alone (完成率低于80%的, 超过目标值一倍的指标).</summary>
    [GeneratedRegex(@"的(?:指标|项目|有|是|呢)?[?？。!！\s]*$|的指标|是哪|有什么|都是")]
    private static partial Regex ThresholdAsk();

    /// <summary>The marker a held number leaves (【待核实】, 待核实, 待核对).</summary>
    [GeneratedRegex("待核实|待核对|待确认的数")]
    private static partial Regex PendingMark();

    [GeneratedRegex("(?:执行率|支出进度|执行进度|资金执行)[^，。；？?]{0,8}?(?:多少|几成|百分之几|多高|什么程度|什么水平)")]
    private static partial Regex RateHowHigh();

    [GeneratedRegex(@"(?:才能|才可以|才够|才会|才|就能|能不能|能否|可以|能够|想|要)[^，。；？?]{0,10}?(?:\d+(?:\.\d+)?分|评优|评良|优|良|及格|等级)|(?:评上|评为|拿到|达到|上|过|够)\s*(?:\d+(?:\.\d+)?分|优|良|及格)")]
    private static partial Regex GradeAim();

    [GeneratedRegex("(?:多少|多高|多低|什么程度|哪个数)[^，。；？?]{0,6}?(?:就|才|会|开始|要)?[^，。；？?]{0,3}?(?:开始扣分|扣分|被扣|丢分|失分|不得满分|拿不到满分|没有满分)|从(?:多少|哪里|哪儿|什么时候)开始扣|什么时候(?:开始)?扣分|超过多少(?:就)?扣|低于多少(?:就)?扣|(?:降到|降低到|压到|控制到|控制在|提高到|提升到|升到|达到|做到|要到|到)(?:多少|多低|多高|什么程度|哪个数)[^，。；？?]{0,6}?(?:满分|不扣分)")]
    private static partial Regex DeductStart();

    [GeneratedRegex("满分|给分|打分|得分|计分|算分|评分|给了?\\d+分")]
    private static partial Regex MarkWord();

    [GeneratedRegex("在哪|哪里|哪儿|几处|多少处|列出|列一下|有哪")]
    private static partial Regex PendingWhere();

    [GeneratedRegex("(?:超出|超过|超了|突破|高于|超)(?:了)?上限.{0,6}(?:哪|几|有没有|什么)|(?:哪|几|有没有|什么)[^，。？?]{0,8}(?:超出|超过|超了|突破|高于|超)(?:了)?上限|(?:哪些|哪几|哪个|哪项|有没有)[^，。？?]{0,8}超标|超标的?(?:是|有)?(?:哪|几)")]
    private static partial Regex OverCapAsk();

    /// <summary>A ranking by points lost: 扣分最多的三项, 哪项扣得最多, 失分最多的, 扣分前三, 扣分排个序.</summary>
    [GeneratedRegex(@"(?:扣分|扣的分|扣得|扣的|扣了|被扣|丢分|丢的分|失分|减分)(?:最多|最大|最狠|最严重|排名|排序|排一下|排个序|前\s*(?:\d|[一二两三四五]))|(?:最多|最大)的?(?:扣分|失分|丢分)|哪(?:项|个|几项|几个|些|一项|一个)(?:指标)?(?:扣分|扣得|扣的|丢分|失分)(?:最多|最大|最狠|多)")]
    private static partial Regex MostLostAsk();

    /// <summary>
    /// A yes/no question about a figure (是不是, 是…吗, 对不对, 没错吧), also a statement then its check (全年执行1710.65万元对吗,
    /// 执行率写91.7%行不行, 总分为95.99没错吧, 得分应该是8.2分吧: session 41).
    /// </summary>
    [GeneratedRegex(@"是不是|是否|对不对|对吗|是吗|对吧|没错吧|没错吗|真的是|确定是|(?:是|为)\s*\d[\d.]*\s*(?:%|分)?\s*吗|" + TableAnswers.CheckTail)]
    private static partial Regex YesNo();

    /// <summary>How to write something in the report (报告里咋写, 三里面怎么写, 怎么说明, 如何表述).</summary>
    [GeneratedRegex("(?:咋|怎么|怎样|如何|该怎么|应该怎么|要怎么)(?:写|说明|解释|表述|描述|交代)|写(?:啥|什么)|(?:报告|自评报告|第三部分|三里)[^，。？?]{0,6}(?:写法|怎么弄|咋弄)")]
    private static partial Regex WriteHow();

    /// <summary>
    /// Money not spent, or only partly (一分没花, 全没执行, 没花出去, 还有49万没花, 结余, 执行率只有72%; 120万只花了70万, 才用了一半, 仅支出164万,
    /// 没花完, 不到六成).
    /// </summary>
    [GeneratedRegex("没花|没用|没执行|未执行|没支出|未支出|没拨付|未拨付|没动|结余|剩|执行率|零执行|执行不了|花不出去|没有花|没有执行|没有支出"
        + "|(?:只|才|仅|就)(?:花|用|执行|支出|拨付|到位|使用)|花了不到|不到(?:一半|[一二两三四五六七八九]成)")]
    private static partial Regex Unspent();
}
