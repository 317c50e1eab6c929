using Assistant.Features.Evaluations;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Api.Infrastructure;

/// <summary>The expected outcomes every endpoint shares, as typed results (problem details in Chinese and English).</summary>
internal static class ApiResults
{
    public const string NotFoundTitle = "未找到 / Not found";

    /// <summary>404: the caller's unit has no such record (another unit's rows do not exist for it).</summary>
    public static NotFoundProblem NotFound(string what, object id) =>
        new(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = NotFoundTitle,
            Detail = $"本单位没有这条记录（{what} {id}）。 / This unit has no such record ({what} {id}).",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        });

    /// <summary>400 with every field at fault.</summary>
    public static ValidationProblem Invalid(IReadOnlyList<InputError> errors)
    {
        HttpValidationProblemDetails p = Problems.Invalid(errors);
        return TypedResults.ValidationProblem(p.Errors, p.Detail, p.Instance, p.Title, p.Type);
    }

    /// <summary>Runs the input's validator: null when valid, else the 400 to return.</summary>
    public static ValidationProblem? Validate<T>(IValidator<T> validator, T value)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ValidationResult result = validator.Validate(value);
        return result.IsValid ? null : Invalid(Validation.Errors(result));
    }

    /// <summary>422: an Idempotency-Key reused for a different request.</summary>
    public static ProblemHttpResult IdempotencyKeyReused() =>
        TypedResults.Problem(
            title: "Idempotency-Key 重复使用 / Idempotency-Key reused",
            detail: "同一个键只能用于同一个请求的重试；新请求请换一个键。 / A key may only be reused to retry the same request; use a new key for a new request.",
            statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]>
                {
                    [IdempotencyHeader.Header] = ["这个 Idempotency-Key 已用于另一个请求 / This Idempotency-Key was already used for a different request"],
                },
            });
}
