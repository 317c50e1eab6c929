using Assistant.Domain.Evaluations;
using FluentValidation;

namespace Assistant.Features.Evaluations;

/// <summary>
/// The one set of limits on an evaluation, run by the API and the command line alike. Each message is
/// Chinese, with the English in the rule's state, so problem details name the field in both languages.
/// </summary>
public sealed class EvaluationValidator : AbstractValidator<Evaluation>
{
    public const int MaxIndicators = 500;
    public const int MaxFundLines = 100;
    public const int MaxNameLength = 300;

    public EvaluationValidator()
    {
        RuleFor(e => e.Title).NotEmpty().MaximumLength(MaxNameLength)
            .WithMessage($"项目名称（title）不能为空，且不超过{MaxNameLength}字").WithState(_ => $"title is required, at most {MaxNameLength} characters");
        RuleFor(e => e.Year).InclusiveBetween(1990, 2100).When(e => e.Year is not null)
            .WithMessage("年度应在1990到2100之间").WithState(_ => "year must be between 1990 and 2100");
        RuleFor(e => e.Region).MaximumLength(100).WithMessage("地区不超过100字").WithState(_ => "region is at most 100 characters");
        RuleFor(e => e.Indicators.Count).LessThanOrEqualTo(MaxIndicators).OverridePropertyName("indicators")
            .WithMessage($"绩效指标不超过{MaxIndicators}项").WithState(_ => $"at most {MaxIndicators} indicators");
        RuleFor(e => e.Funds.Lines.Count).LessThanOrEqualTo(MaxFundLines).OverridePropertyName("funds.lines")
            .WithMessage($"资金行不超过{MaxFundLines}行").WithState(_ => $"at most {MaxFundLines} fund lines");
        RuleForEach(e => e.Indicators).ChildRules(i =>
        {
            i.RuleFor(x => x.Name).NotEmpty().MaximumLength(MaxNameLength)
                .WithMessage($"指标名称不能为空，且不超过{MaxNameLength}字").WithState(_ => $"the indicator name is required, at most {MaxNameLength} characters");
        }).OverridePropertyName("indicators");
        RuleForEach(e => e.Funds.Lines).ChildRules(l =>
        {
            l.RuleFor(x => x.Name).NotEmpty().MaximumLength(MaxNameLength)
                .WithMessage($"资金行名称不能为空，且不超过{MaxNameLength}字").WithState(_ => $"the fund line name is required, at most {MaxNameLength} characters");
        }).OverridePropertyName("funds.lines");
    }

    /// <summary>
    /// Whether the rules are skipped for an evaluation that <see cref="PlainlyValid"/> passes (the
    /// default). The rules' run costs as much as scoring a small table (a context and a property chain
    /// per row); an evaluation that fails any check is run through the rules, which name every failure.
    /// Off only to compare the two (tests).
    /// </summary>
    public bool Precheck { get; init; } = true;

    protected override bool PreValidate(ValidationContext<Evaluation> context, FluentValidation.Results.ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        return !(Precheck && context.InstanceToValidate is { } e && PlainlyValid(e));
    }

    /// <summary>
    /// Every rule above, checked directly: true only when none of them can fail (NotEmpty: not null and
    /// not white space only; MaximumLength: at most that many characters, null passing).
    /// </summary>
    public static bool PlainlyValid(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        if (!Name(evaluation.Title) || evaluation.Year is < 1990 or > 2100 || evaluation.Region is { Length: > 100 }
            || evaluation.Indicators.Count > MaxIndicators || evaluation.Funds.Lines.Count > MaxFundLines)
        {
            return false;
        }

        foreach (Indicator indicator in evaluation.Indicators)
        {
            if (indicator is null || !Name(indicator.Name))
            {
                return false;
            }
        }

        foreach (FundLine line in evaluation.Funds.Lines)
        {
            if (line is null || !Name(line.Name))
            {
                return false;
            }
        }

        return true;

        static bool Name(string? name) => !string.IsNullOrWhiteSpace(name) && name.Length <= MaxNameLength;
    }
}
