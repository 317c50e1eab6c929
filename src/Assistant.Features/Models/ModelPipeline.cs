using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace Assistant.Features.Models;

/// <summary>
/// The one chat pipeline every model goes through (outermost first): Semantic Kernel's function
/// invocation (kernel functions with their filters; at most <see cref="MaxToolRounds"/> rounds, then one
/// request without tools so the model must answer), OpenTelemetry (activity source <c>Assistant</c>),
/// logging, and the provider's client. Timeouts and retries sit in the HttpClient below the SDK.
/// </summary>
public static class ModelPipeline
{
    /// <summary>At most this many rounds of tool calls per request; then the model must answer.</summary>
    public const int MaxToolRounds = 4;

    public const string ActivitySource = "Assistant";

    public static IChatClient Build(IChatClient inner, ILoggerFactory? loggerFactory, string? providerName = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
#pragma warning disable SKEXP0001 // UseKernelFunctionInvocation is marked experimental
        IChatClient client = inner.AsBuilder()
            .UseKernelFunctionInvocation(loggerFactory)
            .UseOpenTelemetry(loggerFactory, ActivitySource)
            .UseLogging(loggerFactory)
            .Use(c => providerName is null ? c : new ProviderName(c, providerName))
            .Build();
#pragma warning restore SKEXP0001
        FunctionInvokingChatClient invoker = client.GetService<FunctionInvokingChatClient>()
            ?? throw new InvalidOperationException("The model pipeline has no function invocation.");
        invoker.MaximumIterationsPerRequest = MaxToolRounds;
        invoker.AllowConcurrentInvocation = false;

        // A tool's refusal (no such indicator, reviewer key) goes back to the model, which tells the user.
        invoker.IncludeDetailedErrors = true;
        invoker.MaximumConsecutiveErrorsPerRequest = MaxToolRounds;
        return client;
    }

    /// <summary>Names the provider as configured (<c>azure</c> is an OpenAI client underneath).</summary>
    private sealed class ProviderName(IChatClient inner, string name) : DelegatingChatClient(inner)
    {
        public override object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceKey is null && serviceType == typeof(ChatClientMetadata) && base.GetService(serviceType) is ChatClientMetadata m
                ? new ChatClientMetadata(name, m.ProviderUri, m.DefaultModelId)
                : base.GetService(serviceType, serviceKey);
    }
}
