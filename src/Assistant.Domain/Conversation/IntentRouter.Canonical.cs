using Assistant.Domain.Numbers;

namespace Assistant.Domain.Conversation;

/// <summary>How a message is folded to one spelling before it is read: typos, traditional characters, English words.</summary>
public static partial class IntentRouter
{
    /// <summary>Misspellings seen in staff messages (same-sounding characters), and what was meant.</summary>
    private static readonly (string Typo, string Meant)[] Typos =
    [
        ("执形率", "执行率"), ("执行律", "执行率"), ("支行率", "执行率"), ("执率", "执行率"),
        ("完陈率", "完成率"), ("完程率", "完成率"), ("完城率", "完成率"), ("完成律", "完成率"),
        ("得份", "得分"), ("扣份", "扣分"), ("总份", "总分"), ("指表", "指标"), ("起早", "起草"),
        ("偏查", "偏差"), ("节余", "结余"), ("自冶", "自治"), ("原应", "原因"), ("措失", "措施"), ("导处", "导出"), ("倒出", "导出"), ("下栽", "下载"), ("沃德", "word"), ("world", "word"), ("wrod", "word"), ("exel", "excel"), ("excle", "excel"),
    ];

    /// <summary>The message folded to one spelling: full-width forms to ASCII, typos to the word meant, lower case.</summary>
    public static string Canonical(string message)
    {
        string m = Simplified(TextNormalizer.Normalize(message ?? string.Empty).ToLowerInvariant());
        foreach (var (typo, meant) in Typos)
        {
            m = m.Replace(typo, meant, StringComparison.Ordinal);
        }

        if (m.AsSpan().IndexOfAnyInRange('a', 'z') >= 0)
        {
            foreach (var (english, chinese) in EnglishWords)
            {
                m = m.Replace(english, chinese, StringComparison.Ordinal);
            }
        }

        return m;
    }

    /// <summary>Traditional characters staff type (總分, 執行率, 為什麼), folded to the simplified ones the cues are written in.</summary>
    private static string Simplified(string m)
    {
        if (!m.AsSpan().ContainsAny(TraditionalChars))
        {
            return m;
        }

        var chars = m.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            int k = Traditional.IndexOf(chars[i], StringComparison.Ordinal);
            if (k >= 0)
            {
                chars[i] = SimplifiedOf[k];
            }
        }

        return new string(chars);
    }

    private const string Traditional = "總執項標為麼資預績評價達優報寫說幾個們沒這嗎還與實際數據單導錢結餘轉離進滿務經費規則計樣問題請幫麽來讓給額應該層級縣區當後從專業構條產況點於將會發動過關門顯變";
    private const string SimplifiedOf = "总执项标为么资预绩评价达优报写说几个们没这吗还与实际数据单导钱结余转离进满务经费规则计样问题请帮么来让给额应该层级县区当后从专业构条产况点于将会发动过关门显变";
    private static readonly System.Buffers.SearchValues<char> TraditionalChars = System.Buffers.SearchValues.Create(Traditional);

    /// <summary>English words staff mix in (how is the budget execution, which indicators are not met), as the Chinese cue.</summary>
    private static readonly (string English, string Chinese)[] EnglishWords =
    [
        ("budget execution", "执行率"), ("execution rate", "执行率"), ("execution", "执行率"), ("spending rate", "执行率"),
        ("total score", "总分"), ("overall score", "总分"), ("grade", "等级"), ("rating", "等级"),
        ("lost points", "扣分"), ("deducted", "扣分"), ("deduction", "扣分"), ("deduct", "扣分"),
        ("which indicators", "哪些指标"), ("indicators", "指标"), ("indicator", "指标"),
        ("not met", "没完成"), ("unmet", "没完成"), ("missed", "没完成"), ("shortfall", "没完成"), ("fell short", "没完成"),
        ("unspent", "结余"), ("balance", "结余"), ("left over", "结余"),
        ("score", "得分"), ("cost", "成本"), ("satisfaction", "满意度"), ("coverage", "覆盖率"), ("reasons", "原因"), ("reason", "原因"), ("why", "为什么"), ("draft", "起草"),
    ];
}
