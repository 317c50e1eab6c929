namespace Assistant.Domain.Drafting;

/// <summary>Who or what a kind of fund serves, by the words that name it.</summary>
/// <param name="Name">The group's name (就业见习, 公益性岗位, …).</param>
/// <param name="Terms">Words that belong to this group only: a sentence using one speaks of this group's people or business.</param>
public sealed record SubjectGroup(string Name, IReadOnlyList<string> Terms)
{
    public bool In(string text) => Terms.Any(t => text.Contains(t, StringComparison.Ordinal));
}

/// <summary>
/// A small lexicon of the people and business each kind of employment (and neighbouring) fund serves, so a
/// precedent written for interns is not used for the unemployed, nor a training measure for an internship.
/// A sentence is foreign to an item when it names a group the item's own words (or its table's) do not.
/// </summary>
public static class FundLexicon
{
    public static readonly IReadOnlyList<SubjectGroup> Groups =
    [
        new("就业见习", ["见习"]),
        new("实习", ["实习"]),
        new("学生和毕业生", ["毕业生", "学生", "离校", "高校"]),
        new("职业技能培训", ["技能培训", "职业培训", "培训机构", "参训", "学员", "以工代训", "学徒", "劳务品牌", "技能大师", "培训补贴"]),
        new("教师", ["教师", "师资", "教研", "学前"]),
        new("公益性岗位", ["公益性岗位", "公益岗", "岗位空缺", "退岗", "补岗", "岗位开发", "在岗人员"]),
        new("创业担保贷款", ["创业担保", "贷款", "贴息", "银行", "担保基金", "借款", "还款", "放贷", "农商行"]),
        new("社会保险补贴", ["社保补贴", "社会保险补贴", "参保", "缴费", "灵活就业"]),
        new("失业和就业困难人员", ["失业人员", "就业困难", "零就业家庭", "大龄", "困难人员", "再就业"]),
        new("农民工和农村劳动力", ["农民工", "脱贫劳动力", "农村劳动力", "劳务输出", "返乡", "转移就业"]),
        new("零工市场", ["零工", "驿站"]),
        new("农业", ["农户", "种植", "养殖", "农田", "农机", "耕地", "农业", "良种"]),
        new("医疗卫生", ["患者", "医疗", "医院", "诊疗", "医保", "卫生院", "疫苗"]),
        new("创业", ["创业"]),
    ];

    /// <summary>The groups a text names.</summary>
    public static IReadOnlyList<SubjectGroup> Of(string? text) =>
        string.IsNullOrEmpty(text) ? [] : Groups.Where(g => g.In(text)).ToList();

    /// <summary>The groups <paramref name="sentence"/> names that <paramref name="own"/> (an item's or a table's words) does not.</summary>
    public static IReadOnlyList<string> Foreign(string sentence, string own)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var mine = Of(own).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        return Of(sentence).Where(g => !mine.Contains(g.Name)).Select(g => g.Name).ToList();
    }
}
