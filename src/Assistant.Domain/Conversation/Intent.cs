namespace Assistant.Domain.Conversation;

/// <summary>What a staff member or reviewer asks for, as the offline assistant understands it.</summary>
public enum IntentKind
{
    /// <summary>Draft a part of the report (<see cref="Intent.Part"/>), or in part 三 a section or one indicator's paragraph.</summary>
    Draft,

    /// <summary>Why an indicator stands where it does (or, without one named, every row that lost points).</summary>
    Explain,

    /// <summary>An overview of the table: 总分, grade, 执行率, rows that fell short.</summary>
    Summary,

    /// <summary>Similar past cases from the corpus.</summary>
    Similar,

    /// <summary>Check a pasted paragraph against the table.</summary>
    Verify,

    /// <summary>Not understood: say what the assistant can do.</summary>
    Help,

    /// <summary>A definition or rule (执行率, 得分, 总分, grades, caps), worked through on this table.</summary>
    Define,

    /// <summary>A figure worked out (points lost, what makes up 总分, gaps, completion and execution rates).</summary>
    Compute,

    /// <summary>A list of rows: short of target, far over it, without a reason, or the findings.</summary>
    List,

    /// <summary>Whether a stated reason convinces a reviewer: does it explain the gap, does it contradict the numbers.</summary>
    Assess,

    /// <summary>Rewrite a pasted paragraph (more formal, more concise): needs a model.</summary>
    Rewrite,

    /// <summary>Export the report (Word…).</summary>
    Export,

    /// <summary>Two rows match the name equally: ask which one.</summary>
    Clarify,

    /// <summary>A question across the units of the caller's scope (<see cref="Intent.Across"/>).</summary>
    CrossUnit,
}

/// <summary>
/// A routed message: the intent, the section of part 三 to draft (deviation | deviation-reasons |
/// improvement-measures), the indicators it names, the search query, the text to check or rewrite,
/// the report part (一 … 五, or 全文), the topic (what a definition, computation or list is about) and
/// the export format.
/// </summary>
public sealed record Intent(IntentKind Kind, string? Section, IReadOnlyList<int> Indicators, string? Query, string? Text)
{
    /// <summary>一 … 五, or 全文 (the whole report); for <see cref="IntentKind.Draft"/>.</summary>
    public string? Part { get; init; }

    /// <summary>What a Define / Compute / List / Rewrite intent is about (see <see cref="Topics"/>).</summary>
    public string? Topic { get; init; }

    /// <summary>docx | pdf, for <see cref="IntentKind.Export"/>.</summary>
    public string? Format { get; init; }

    /// <summary>The fund lines a question names (上年结转, 县级资金), by their index in the score report; empty when none.</summary>
    public IReadOnlyList<int> Funds { get; init; } = [];

    /// <summary>What a <see cref="IntentKind.CrossUnit"/> question asks.</summary>
    public CrossUnitQuestion? Across { get; init; }

    /// <summary>Rows the question's words fit better but whose kind it did not ask (<see cref="IndicatorMatch.SetAside"/>), with the words that decided.</summary>
    public IndicatorMatch? Chosen { get; init; }
}
