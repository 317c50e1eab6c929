using System.ComponentModel;
using System.Globalization;
using Assistant.Domain.Conversation;
using Assistant.Domain.Facts;
using Assistant.Features.Evaluations;
using Assistant.Features.Review;
using Assistant.Features.Units;
using Microsoft.SemanticKernel;

namespace Assistant.Features.Conversations;

/// <summary>
/// Questions across the units the caller's key reads (a reviewer's subtree; a unit key its own unit only),
/// answered by <see cref="ReviewInsights"/> from the latest submitted version of each unit's table. Every
/// number of a result becomes a fact of the turn, so the answer may state it and nothing else.
/// </summary>
public sealed partial class ChatTools
{
    private int acrossFacts;

    /// <summary>The cross-unit service; without it (no database) the questions are answered with why not.</summary>
    public ReviewInsights? Insights { get; init; }

    /// <summary>Tables a unit submitted more than once, left out of this turn's cross-unit answer (session 39): the reply says so.</summary>
    public IReadOnlyList<DuplicateSubmission> Duplicates { get; private set; } = [];

    /// <summary>Called once, before the first cross-unit result's facts are learned (the gate then stops checking against this table).</summary>
    public Action<IReadOnlyList<string>>? AcrossUnits { get; set; }

    /// <summary>False in a conversation about the units of a scope (no table): only cross-unit questions and search.</summary>
    public bool HasTable => caller.HasTable;

    /// <summary>The user's question of this turn: a 执行率 threshold it gives (低于80%) and the counts beyond it are facts of the execution view.</summary>
    public string? Question { get; set; }

    /// <summary>The 执行率 (in percent) below which a fund line must explain itself, by the conversation's policy.</summary>
    public decimal MustExplainBelow => policy.Review.ReasonRequiredBelow * 100m;

    /// <summary>The units this caller reads.</summary>
    public UnitScope Scope => caller.Scope ?? UnitScope.Own(caller.Unit);

    private string DraftRefusal => !caller.HasTable
        ? "这个对话没有选定自评表：起草要在某张表上进行（由填报单位自己的密钥）；这里可以就您可查看的各单位提问。"
        : caller.OwnsTable
        ? "您的密钥是审阅（reviewer）角色，只能查看和核对，不能起草。"
        : "这张表是下级单位的，起草只能由该单位自己的密钥进行；您可以在这里查看、核对，并就各单位提问（如 哪些单位某项指标没完成、各单位执行率）。";

    public Task<IndicatorAnswer> UnitsIndicatorAsync(string name, int? year) =>
        InvokeAsync<IndicatorAnswer>("units_indicator", new() { ["name"] = name, ["year"] = year });

    public Task<ExecutionAnswer> UnitsExecutionAsync(int? year) => InvokeAsync<ExecutionAnswer>("units_execution", new() { ["year"] = year });

    public Task<ReasonsAnswer> UnitsReasonsAsync(int? year) => InvokeAsync<ReasonsAnswer>("units_reasons", new() { ["year"] = year });

    [KernelFunction("units_indicator")]
    [Description("跨单位：在您的密钥可查看的各单位（最新提交的自评表）中查某项指标，哪些单位未完成、完成率、得分、扣分和填报的原因（未完成的在前）。单位密钥只看到本单位。")]
    private async Task<IndicatorAnswer> UnitsIndicatorToolAsync(
        [Description("指标名称，如 城镇新增就业人数")] string name,
        [Description("年度，如 2024；不限年度时留空")] int? year = null,
        CancellationToken cancellationToken = default)
    {
        var args = new Dictionary<string, object?> { ["name"] = name, ["year"] = year };
        IndicatorAnswer a = await RunInsightAsync("units_indicator", args, s => Insights!.IndicatorAsync(s, name, year, cancellationToken));
        LearnAcross(a.Rows.SelectMany(r => new[] { (r.Completion, "%", $"{r.UnitName}完成率"), (r.Gap, r.GapUnit ?? string.Empty, $"{r.UnitName}与指标值的差距"), (r.Score, "分", $"{r.UnitName}得分"), (r.LostPoints, "分", $"{r.UnitName}扣分"), (r.Weight, "分", $"{r.UnitName}分值") }),
            [a.Tables, a.Matched, a.Short, .. a.ShortReasons.SelectMany(k => new[] { k.Count, k.Units }), .. CrossUnitCounts.Indicator(a), .. CrossUnitCounts.Duplicates(a)],
            a.Rows.Select(r => r.UnitName));
        await ToolAsync("units_indicator", args, $"{a.Tables} 张表，{a.Matched} 个单位有此指标，{a.Short} 个未完成", false);
        return a;
    }

    [KernelFunction("units_execution")]
    [Description("跨单位：您的密钥可查看的各单位（最新提交的自评表）的预算执行率，由低到高；groups 按项目分别合计（Σ执行数÷Σ预算数，万元计），部门整体支出表单独合计，不混入项目。单位密钥只看到本单位。")]
    private async Task<ExecutionAnswer> UnitsExecutionToolAsync(
        [Description("年度，如 2024；不限年度时留空")] int? year = null, CancellationToken cancellationToken = default)
    {
        var args = new Dictionary<string, object?> { ["year"] = year };
        ExecutionAnswer a = await RunInsightAsync("units_execution", args, s => Insights!.ExecutionAsync(s, year, cancellationToken));
        // The reviewer's own threshold (低于80%) and the 90 % that must be explained are bounds of this view: they and the counts beyond them may be said.
        CrossUnitQuestion? asked = Question is { } q ? CrossUnitQuestions.Recognize(q, null, implied: true) : null;
        LearnAcross(
            a.Rows.SelectMany(r => new[] { (r.Budget, r.FundUnit, $"{r.UnitName}全年预算数"), (r.Executed, r.FundUnit, $"{r.UnitName}执行数"), (r.Rate, "%", $"{r.UnitName}执行率"), (r.Total, "分", $"{r.UnitName}总分"),
                    (CrossUnitCounts.Balance(r), r.FundUnit, $"{r.UnitName}结余（全年预算数 − 执行数）") }) // 武隆区的结余有多少: a figure of its own (session 43)
                .Append((a.OverallRate, "%", "合计执行率"))
                .Concat(a.Groups.SelectMany(g => new[] { (g.Budget, "万元", $"{g.Program}预算数合计"), (g.Executed, "万元", $"{g.Program}执行数合计"), (g.Rate, "%", $"{g.Program}合计执行率") }))
                .Append((Assistant.Domain.Numbers.PrintedNumber.FormatTrimmed(MustExplainBelow), "%", "须说明原因的界限执行率"))
                .Append((asked?.Threshold is { } t ? Assistant.Domain.Numbers.PrintedNumber.FormatTrimmed(t) : null, "%", "提问给出的界限执行率")),
            [a.Tables, .. a.Groups.Select(g => g.Tables), .. CrossUnitCounts.Execution(a, asked, MustExplainBelow), .. CrossUnitCounts.Duplicates(a)],
            a.Rows.Select(r => r.UnitName));
        await ToolAsync("units_execution", args, $"{a.Tables} 张表，合计执行率 " + (a.OverallRate is { } overall ? $"{overall}%" : $"无法计算（{a.OverallNote}）"), false);
        return a;
    }

    [KernelFunction("units_reasons")]
    [Description("跨单位：您的密钥可查看的各单位（最新提交的自评表）填报的偏差原因，按类别统计（最常见的在前），附例子；flags 列出套话（同一句用在多项上、与别的单位一字不差、只写措施、原因笼统、原因与年度不符），missing 列出未完成却没写原因的行。单位密钥只看到本单位。")]
    private async Task<ReasonsAnswer> UnitsReasonsToolAsync(
        [Description("年度，如 2024；不限年度时留空")] int? year = null, CancellationToken cancellationToken = default)
    {
        var args = new Dictionary<string, object?> { ["year"] = year };
        ReasonsAnswer a = await RunInsightAsync("units_reasons", args, s => Insights!.ReasonsAsync(s, year, cancellationToken));
        // The units the answer names (its examples, flags and rows without a reason) are its subjects, as for the other cross-unit answers (session 44).
        LearnAcross([], [a.Tables, a.Reasons, a.Missing.Count, a.Flags.Count, .. a.Kinds.SelectMany(k => new[] { k.Count, k.Units }), .. CrossUnitCounts.Reasons(a), .. CrossUnitCounts.Duplicates(a)],
            a.Kinds.SelectMany(k => k.Examples.Select(e => e.UnitName)).Concat(a.Flags.SelectMany(f => f.Uses.Select(u => u.UnitName))).Concat(a.Missing.Select(m => m.UnitName)));
        await ToolAsync("units_reasons", args, $"{a.Tables} 张表，{a.Reasons} 条原因，{a.Kinds.Count} 类", false);
        return a;
    }

    public Task<ShortfallsAnswer> UnitsShortfallsAsync(int? year) => InvokeAsync<ShortfallsAnswer>("units_shortfalls", new() { ["year"] = year });

    [KernelFunction("units_shortfalls")]
    [Description("跨单位：您的密钥可查看的各单位（最新提交的自评表）中，哪些指标未完成的单位最多（按未完成的单位数排列），每项列出未完成的单位和其中没写原因的数目。")]
    private async Task<ShortfallsAnswer> UnitsShortfallsToolAsync(
        [Description("年度，如 2024；不限年度时留空")] int? year = null, CancellationToken cancellationToken = default)
    {
        var args = new Dictionary<string, object?> { ["year"] = year };
        ShortfallsAnswer a = await RunInsightAsync("units_shortfalls", args, s => Insights!.ShortfallsAsync(s, year, cancellationToken));
        LearnAcross([], [a.Tables, .. a.Indicators.SelectMany(i => new[] { i.Tables, i.Short, i.Unexplained }), .. CrossUnitCounts.Shortfalls(a), .. CrossUnitCounts.Duplicates(a)],
            a.Indicators.SelectMany(i => i.ShortUnits)); // the units short of each indicator are the answer's subjects (session 44)
        await ToolAsync("units_shortfalls", args, $"{a.Tables} 张表，{a.Indicators.Count} 项指标有单位未完成", false);
        return a;
    }

    private async Task<T> RunInsightAsync<T>(string name, Dictionary<string, object?> args, Func<UnitScope, Task<T>> run)
    {
        if (Insights is null)
        {
            await ToolAsync(name, args, "没有连接数据库", true);
            throw new ToolException("这里没有连接数据库，跨单位的问题要从已提交的自评表中回答（请通过接口或页面提问）。");
        }

        try
        {
            T answer = await run(Scope);
            if (answer is ICrossUnitAnswer { Duplicates.Count: > 0 } across)
            {
                Duplicates = across.Duplicates;
            }

            return answer;
        }
        catch (InputException e)
        {
            await ToolAsync(name, args, e.Message, true);
            throw new ToolException(e.Message);
        }
    }

    /// <summary>The result's numbers (printed decimals and counts) become facts of the turn.</summary>
    private void LearnAcross(IEnumerable<(string? Text, string Unit, string Label)> numbers, IEnumerable<int> counts, IEnumerable<string>? units = null)
    {
        var facts = new List<Fact>();
        foreach (var (text, unit, label) in numbers)
        {
            if (text is not null && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out decimal v))
            {
                int decimals = text.Contains('.', StringComparison.Ordinal) ? text.Length - text.IndexOf('.', StringComparison.Ordinal) - 1 : 0;
                // A 结余 is checked as one (the verifier takes a figure after 结余 for a balance only): “.balance” (session 43).
                string measure = unit != "%" ? (label.Contains("结余", StringComparison.Ordinal) ? ".balance" : string.Empty)
                    : label.EndsWith("完成率", StringComparison.Ordinal) ? ".completion" : label.EndsWith("执行率", StringComparison.Ordinal) ? ".rate" : string.Empty;
                facts.Add(new Fact($"tool.units.n{acrossFacts + facts.Count + 1}{measure}", label, v, unit, decimals, FactKind.Derived) { FundLineIndex = measure == ".rate" ? -1 : null });
            }
        }

        foreach (int c in counts.Distinct())
        {
            facts.Add(new Fact($"tool.units.n{acrossFacts + facts.Count + 1}", "跨单位计数", c, string.Empty, 0, FactKind.Derived));
        }

        if (acrossFacts == 0)
        {
            AcrossUnits?.Invoke(units?.ToList() ?? []); // the units the answer speaks of are its subjects (session 43)
        }

        acrossFacts += facts.Count;
        if (facts.Count > 0)
        {
            FactsLearned?.Invoke(facts);
        }
    }
}
