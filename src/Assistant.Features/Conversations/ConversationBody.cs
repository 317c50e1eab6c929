using FluentValidation;

namespace Assistant.Features.Conversations;

/// <summary>The body of <c>POST /api/v1/conversations</c>.</summary>
public sealed record ConversationBody(Guid? EvaluationId, string? Title);

public sealed class ConversationBodyValidator : AbstractValidator<ConversationBody>
{
    public ConversationBodyValidator()
    {
        RuleFor(b => b.EvaluationId).Must(id => id is { } g && g != Guid.Empty)
            .WithMessage("请给出要讨论的自评表编号 evaluationId。").WithState(_ => "evaluationId is required.");
        RuleFor(b => b.Title).Must(t => t is null || t.Trim().Length <= ConversationStore.MaxTitleLength)
            .WithMessage($"标题不能超过{ConversationStore.MaxTitleLength}字。").WithState(_ => $"title must be at most {ConversationStore.MaxTitleLength} characters.");
    }
}
