using System.Diagnostics;
using System.Text.Json;
using Assistant.Features.Drafting;
using Microsoft.SemanticKernel;

namespace Assistant.Features.Orchestration;

/// <summary>
/// Kernel filters that write the audit: every kernel function invoked (a tool, whether the model or the
/// offline assistant called it) and every prompt rendered, into the operation's <see cref="AuditLog"/>.
/// </summary>
public sealed class AuditFilter(AuditLog log) : IFunctionInvocationFilter, IPromptRenderFilter
{
    private static readonly JsonSerializerOptions ArgumentJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Function.PluginName is null)
        {
            // A prompt function: audited once, as a rendered prompt.
            await next(context);
            return;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            await next(context);
            log.Add(AuditEntry.Tool, context.Function.Name, null, clock.ElapsedMilliseconds, Arguments(context.Arguments), null);
        }
        catch (Exception e)
        {
            log.Add(AuditEntry.Tool, context.Function.Name, null, clock.ElapsedMilliseconds, Arguments(context.Arguments), e);
            throw;
        }
    }

    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var clock = Stopwatch.StartNew();
        try
        {
            await next(context);
            log.Add(AuditEntry.Prompt, context.Function.Name, PromptLibrary.Embedded.VersionOf(context.Function.Name), clock.ElapsedMilliseconds, null, null);
        }
        catch (Exception e)
        {
            log.Add(AuditEntry.Prompt, context.Function.Name, PromptLibrary.Embedded.VersionOf(context.Function.Name), clock.ElapsedMilliseconds, null, e);
            throw;
        }
    }

    private static string? Arguments(KernelArguments arguments)
    {
        if (arguments.Count == 0)
        {
            return null;
        }

        var plain = arguments.Where(a => a.Value is null or string or int or long or bool or decimal or JsonElement)
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
        string json = JsonSerializer.Serialize(plain, ArgumentJson);
        return json.Length > 500 ? json[..500] + "…" : json;
    }
}
