using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Assistant.Api.Infrastructure;

/// <summary>
/// Endpoints that read their body themselves (to name the field at fault and accept any content
/// type, so that a plain <c>curl --data-binary</c> works) still document it as an evaluation in JSON.
/// </summary>
internal static class OpenApiBodies
{
    private static readonly HashSet<string> ReadsEvaluation = new(StringComparer.Ordinal) { "ScoreEvaluation", "EvaluationFacts" };

    public static Task DescribeJsonBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (operation.OperationId is { } id && ReadsEvaluation.Contains(id))
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "自评表 assistant.evaluation/v1（见 CONTRACT.md §1）/ an evaluation as assistant.evaluation/v1",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
                },
            };
        }

        return Task.CompletedTask;
    }
}
