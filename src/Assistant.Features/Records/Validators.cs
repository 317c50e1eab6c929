using Assistant.Domain.Evaluations;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using FluentValidation;
using FluentValidation.Results;

namespace Assistant.Features.Records;

/// <summary>The body of <c>POST /api/v1/evaluations/{id}/drafts</c>; every field optional.</summary>
public sealed record DraftBody(string? Section = null, string? Policy = null, string? Provider = null, int? SourcesPerItem = null);

/// <summary>
/// FluentValidation rules for request bodies. Each message is Chinese, with the English in the rule's
/// state, so problem details name the field in both languages. Registered by hand (the DI package does
/// not restore here) and run through <see cref="Validation.Check{T}"/>.
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

public sealed class DraftBodyValidator : AbstractValidator<DraftBody>
{
    public DraftBodyValidator()
    {
        RuleFor(b => b.Section).Must(s => s is null || DraftSections.Names.Contains(s.Trim().ToLowerInvariant()))
            .WithMessage("section 只能是 deviation、deviation-reasons 或 improvement-measures").WithState(_ => "section must be deviation, deviation-reasons or improvement-measures");
        RuleFor(b => b.Provider).Must(p => p is null || p.Trim().ToLowerInvariant() is "default" or "offline" or "model" or "openai")
            .WithMessage("provider 只能是 default、offline 或 model").WithState(_ => "provider must be default, offline or model");
        RuleFor(b => b.SourcesPerItem).InclusiveBetween(0, 10).When(b => b.SourcesPerItem is not null)
            .WithMessage("sourcesPerItem 应在0到10之间").WithState(_ => "sourcesPerItem must be between 0 and 10");
        RuleFor(b => b.Policy).Must(p => p is null || Domain.Scoring.ScoringPolicy.Find(p) is not null)
            .WithMessage("未知的评分规则").WithState(_ => "unknown policy");
    }
}

public static class Validation
{
    public static readonly EvaluationValidator Evaluation = new();
    public static readonly DraftBodyValidator DraftBody = new();

    /// <summary>Runs a validator; every failure becomes an <see cref="InputError"/> naming its field (camelCase path).</summary>
    public static T Check<T>(IValidator<T> validator, T value)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ValidationResult result = validator.Validate(value);
        if (result.IsValid)
        {
            return value;
        }

        throw new InputException(result.Errors
            .Select(f => new InputError(Path(f.PropertyName), f.ErrorMessage, f.CustomState as string ?? f.ErrorMessage))
            .ToList());
    }

    /// <summary><c>Indicators[3].Name</c> → <c>indicators[3].name</c>.</summary>
    private static string Path(string property) =>
        string.Join('.', property.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
