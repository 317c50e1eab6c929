using FluentValidation;

namespace Assistant.Features.Conversations;

/// <summary>The body of <c>POST /api/v1/conversations</c>.</summary>
public sealed record ConversationBody(Guid? EvaluationId, string? Title);

public sealed class ConversationBodyValidator : AbstractValidator<ConversationBody>
{
    public ConversationBodyValidator()
    {
        // Without evaluationId the conversation is about the units the key reads (cross-unit questions).
        RuleFor(b => b.EvaluationId).Must(id => id != Guid.Empty)
            .WithMessage("自评表编号 evaluationId 不能全为零；不针对某张表提问时请省略它。").WithState(_ => "evaluationId must not be the empty GUID; omit it for a conversation about the units in your scope.");
        RuleFor(b => b.Title).Must(t => t is null || t.Trim().Length <= ConversationStore.MaxTitleLength)
            .WithMessage($"标题不能超过{ConversationStore.MaxTitleLength}字。").WithState(_ => $"title must be at most {ConversationStore.MaxTitleLength} characters.");
    }
}
