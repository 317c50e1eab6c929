using Assistant.Features.Drafting;
using FluentValidation;

namespace Assistant.Features.Records;

public sealed class DraftBodyValidator : AbstractValidator<DraftBody>
{
    public const int MaxSourcesPerItem = 10;

    public DraftBodyValidator()
    {
        RuleFor(b => b.Section).Must(s => s is null || DraftSections.TryParse(s, out _))
            .WithMessage(b => DraftSections.Problem(b.Section).Zh).WithState(b => DraftSections.Problem(b.Section).En);
        RuleFor(b => b.Provider).Must(p => p is null || p.Trim().ToLowerInvariant() is "default" or "offline" or "model" or "openai")
            .WithMessage("provider 只能是 default、offline 或 model").WithState(_ => "provider must be default, offline or model");
        RuleFor(b => b.SourcesPerItem).InclusiveBetween(0, MaxSourcesPerItem).When(b => b.SourcesPerItem is not null)
            .WithMessage($"sourcesPerItem 应在0到{MaxSourcesPerItem}之间").WithState(_ => $"sourcesPerItem must be between 0 and {MaxSourcesPerItem}");
        RuleFor(b => b.Policy).Must(p => p is null || Domain.Scoring.ScoringPolicy.Find(p) is not null)
            .WithMessage("未知的评分规则").WithState(_ => "unknown policy");
    }
}
