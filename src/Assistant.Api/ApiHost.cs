using Assistant.Api.Batches;
using Assistant.Api.Conversations;
using Assistant.Api.Corpus;
using Assistant.Api.Drafts;
using Assistant.Api.Evaluations;
using Assistant.Api.Infrastructure;
using Assistant.Api.Page;
using Assistant.Api.Reporting;
using Assistant.Api.Review;
using Assistant.Features.Conversations;
using Assistant.Features.Corpus;
using Assistant.Features.Drafting;
using Assistant.Features.Evaluations;
using Assistant.Features.Jobs;
using Assistant.Features.Records;
using Assistant.Features.Reporting;
using Assistant.Features.Review;
using Assistant.Features.Storage;

namespace Assistant.Api;

/// <summary>Builds the web application; used by Program, by <c>assistant serve</c> and by the tests. This file is the table of contents.</summary>
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
        builder.AddWebDefaults();
        builder.AddHardening();
        builder.AddStorage();
        builder.AddEvaluations();
        builder.AddCorpus();
        builder.AddCorpusGraphBuilds();
        builder.AddRecords();
        builder.Services.AddAssistantDrafting(builder.Configuration);
        builder.AddConversations();
        builder.Services.AddAssistantReporting();
        builder.AddReview();
        builder.AddJobs();
        builder.AddApiSecurity();
        builder.AddApiDocument();
        builder.AddTelemetry();
        builder.AddHealth();
    }

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseHardening();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiSecurity();
        app.UseRouteValueProblems();
        app.MapApiDocument();
        app.MapHealth();
        app.MapStaffPage();
        app.MapEvaluationsApi();
        app.MapStoredEvaluationsApi();
        app.MapDraftsApi();
        app.MapCorpusApi();
        Importing.ImportApi.MapImportApi(app);
        app.MapConversationsApi();
        app.MapReportApi();
        app.MapUnitsApi();
        app.MapSubmissionsApi();
        app.MapReviewApi();
        app.MapBatchesApi();
        app.MapWebhooksApi();
        Jobs.JobsApi.MapJobsApi(app);
    }
}
