using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Assistant.Features.Records;
using Assistant.Features.Review;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests.Review;

/// <summary>An <see cref="IReviewEvents"/> that records what it is told, and fails on the first decision (a webhook down).</summary>
public sealed class RecordingReviewEvents : IReviewEvents
{
    private int decisions;

    public ConcurrentQueue<object> Told { get; } = new();

    public Task SubmittedAsync(SubmissionReceived submitted, CancellationToken cancellationToken)
    {
        Told.Enqueue(submitted);
        return Task.CompletedTask;
    }

    public Task DecidedAsync(ReviewDecided decided, CancellationToken cancellationToken)
    {
        Told.Enqueue(decided);
        return Interlocked.Increment(ref decisions) == 1 ? throw new HttpRequestException("the OA system is down") : Task.CompletedTask;
    }
}

public sealed class ReviewEventsFactory : ApiFactory
{
    public RecordingReviewEvents Events { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IReviewEvents>(Events));
    }
}

/// <summary>The seam other features listen on: told after each stored step; a failure there never undoes the step.</summary>
public sealed class ReviewEventsTests(ReviewEventsFactory factory) : IClassFixture<ReviewEventsFactory>
{
    [Fact]
    public async Task SubmittedAndDecided_AreTold_AfterTheyAreStored_EvenWhenTheListenerFails()
    {
        HttpClient drafter = factory.ClientFor(ApiRoles.Drafter, "事件单位");
        HttpClient reviewer = factory.ClientFor(ApiRoles.Reviewer, "事件单位");
        string evaluation = (string)(await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/evaluations", ReviewWorld.Table("事件", "800", "需求减少", 100m), HttpStatusCode.Created))["id"]!;
        string id = (string)(await ReviewWorld.SendAsync(drafter, HttpMethod.Post, "/api/v1/submissions", $$"""{"evaluationId":"{{evaluation}}"}""", HttpStatusCode.Created))["id"]!;

        // The listener throws on this decision: the decision is still stored and answered.
        await ReviewWorld.SendAsync(reviewer, HttpMethod.Post, $"/api/v1/submissions/{id}/decisions", """{"decision":"退回","comment":"补充原因"}""", HttpStatusCode.Created);
        await ReviewWorld.SendAsync(drafter, HttpMethod.Post, $"/api/v1/submissions/{id}/versions", "{}", HttpStatusCode.Created);
        await ReviewWorld.SendAsync(reviewer, HttpMethod.Post, $"/api/v1/submissions/{id}/decisions", """{"decision":"通过"}""", HttpStatusCode.Created);

        JsonNode all = await ReviewWorld.SendAsync(drafter, HttpMethod.Get, $"/api/v1/submissions/{id}", null, HttpStatusCode.OK);
        Assert.Equal(["returned", "approved"], all["decisions"]!.AsArray().Select(d => (string)d!["decision"]!));
        var told = factory.Events.Told.ToList();
        Assert.Equal([typeof(SubmissionReceived), typeof(ReviewDecided), typeof(SubmissionReceived), typeof(ReviewDecided)], told.Select(t => t.GetType()));
        var decided = told.OfType<ReviewDecided>().ToList();
        Assert.Equal([(1, "returned"), (2, "approved")], decided.Select(d => (d.Version, d.Decision)));
        Assert.All(decided, d => Assert.Equal(Guid.Parse(id), d.SubmissionId));
        Assert.All(decided, d => Assert.Equal("事件单位", d.Unit));
        Assert.Equal(["api", "api"], told.OfType<SubmissionReceived>().Select(s => s.Source));
    }
}
