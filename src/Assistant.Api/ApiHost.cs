using Assistant.Api.Corpus;
using Assistant.Api.Evaluations;
using Assistant.Features.Corpus;
using Assistant.Api.Infrastructure;
using Assistant.Features.Evaluations;
using Assistant.Features.Drafting;
using Assistant.Api.Records;
using Assistant.Api.Conversations;
using Assistant.Api.Page;
using Assistant.Api.Reporting;
using Assistant.Features.Reporting;

namespace Assistant.Api;

/// <summary>Builds the web application; used by Program, by <c>assistant serve</c> and by the tests.</summary>
public static class ApiHost
{
    public static WebApplication Build(string[] args)
    {
        WebApplicationBuilder builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        Configure(builder);
        WebApplication app = builder.Build();
        Map(app);
        return app;
    }

    public static void Configure(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.IncludeScopes = false);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.AddHardening();
        builder.Services.ConfigureHttpJsonOptions(o => ScoreContract.Configure(o.SerializerOptions));
        builder.Services.AddOpenApi(o => o.AddOperationTransformer(OpenApiBodies.DescribeJsonBody));
        builder.Services.AddAssistantStorage(builder.Configuration);
        builder.Services.AddAssistantDrafting(builder.Configuration);
        builder.Services.AddAssistantReporting();
        builder.AddApiSecurity();
        builder.Services.AddHostedService<StorageInitializer>();
        builder.Services.AddHealthChecks().AddDbContextCheck<Assistant.Features.Storage.AssistantDb>("database");
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = 32L * 1024 * 1024);
    }

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHardening();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiSecurity();
        app.MapOpenApi();
        app.MapHealthChecks("/health");
        app.MapStaffPage();
        app.MapEvaluationsApi();
        app.MapCorpusApi();
        app.MapRecordsApi();
        Importing.ImportApi.MapImportApi(app);
        app.MapConversationsApi();
        app.MapReportApi();
    }
}
