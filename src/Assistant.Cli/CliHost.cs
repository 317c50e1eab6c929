using Assistant.Features.Conversations;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Records;
using Assistant.Features.Reporting;
using Assistant.Features.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Cli;

/// <summary>
/// The command line's host: the same features, settings (appsettings.json beside the program, then
/// the environment) and start-up checks as the web host, without the web. Logs are off so stdout
/// carries only the command's JSON.
/// </summary>
internal static class CliHost
{
    public static IHost Build()
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.AddStorage();
        builder.AddEvaluations();
        builder.AddCorpus();
        builder.AddRecords();
        builder.Services.AddAssistantDrafting(builder.Configuration);
        builder.AddConversations();
        builder.Services.AddAssistantReporting();
        return builder.Build();
    }

    /// <summary>
    /// Builds and starts the host (settings validated, migrations applied, vectors brought to the
    /// configured generator); null, with the reason on stderr, when a setting or the database is wrong.
    /// </summary>
    public static async Task<IHost?> StartAsync(TextWriter stderr, CancellationToken ct)
    {
        IHost host;
        try
        {
            host = Build();
        }
        catch (InvalidOperationException e)
        {
            await stderr.WriteLineAsync("错误 / error: " + e.Message);
            return null;
        }

        try
        {
            await host.StartAsync(ct);
            host.Services.GetRequiredService<DraftingModel>();
            return host;
        }
        catch (Exception e) when (e is InvalidOperationException or OptionsValidationException)
        {
            await stderr.WriteLineAsync("错误 / error: " + e.Message);
            host.Dispose();
            return null;
        }
    }
}
