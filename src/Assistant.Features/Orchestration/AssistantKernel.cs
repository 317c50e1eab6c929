using Assistant.Features.Drafting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Assistant.Features.Orchestration;

/// <summary>
/// Makes the kernel of one operation (a draft, a conversation turn): the configured model (or the
/// offline drafter) as its chat client, the audit filters writing into that operation's
/// <see cref="AuditLog"/>, and a prompt render filter that returns the rendered prompt instead of
/// sending it: the caller sends it through the model pipeline, with its gate, repairs and fallback.
/// </summary>
public sealed class AssistantKernel
{
    private readonly IServiceProvider services;

    public AssistantKernel(DraftingModel model, OfflineDrafter offline)
    {
        ArgumentNullException.ThrowIfNull(model);
        services = new ServiceCollection().AddSingleton<IChatClient>(model.Client ?? offline).BuildServiceProvider();
    }

    public Kernel Create(AuditLog log)
    {
        var kernel = new Kernel(services);
        var audit = new AuditFilter(log);
        kernel.FunctionInvocationFilters.Add(audit);
        kernel.PromptRenderFilters.Add(audit);
        kernel.PromptRenderFilters.Add(new RenderOnly());
        return kernel;
    }

    /// <summary>Ends a prompt function at its rendering: the result is the prompt text.</summary>
    private sealed class RenderOnly : IPromptRenderFilter
    {
        public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
        {
            await next(context);
            context.Result = new FunctionResult(context.Function, context.RenderedPrompt);
        }
    }
}
