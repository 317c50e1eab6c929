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
}
