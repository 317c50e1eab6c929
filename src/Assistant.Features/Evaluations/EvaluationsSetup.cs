using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Assistant.Features.Evaluations;

public static class EvaluationsSetup
{
    /// <summary>The validators of every input (one per input type), for both hosts.</summary>
    public static IHostApplicationBuilder AddEvaluations(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatorsFromAssemblyContaining<EvaluationValidator>(ServiceLifetime.Singleton, includeInternalTypes: true);
        return builder;
    }
}
