using System.Net;
using System.Text;
using Assistant.Api.Infrastructure;
using Assistant.Features.Records;
using Microsoft.AspNetCore.Http;

namespace Assistant.Api.Tests.Hostile;

/// <summary>A host with a per-key allowance of 60 permits a minute.</summary>
public sealed class SixtyFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["RateLimits:PermitsPerMinute"] = "60" };
}

/// <summary>The limiter counts cost, refills smoothly, limits unauthenticated callers, and fake keys cost no query after the first.</summary>
public sealed class OverloadTests(SixtyFactory factory) : IClassFixture<SixtyFactory>
{
    [Fact]
    public async Task ExpensiveRequestsTakeMorePermits_ThanCheapOnes()
    {
        using HttpClient client = factory.ClientFor(ApiRoles.Drafter, "成本单位");
        string table = await File.ReadAllTextAsync(Shared.Reference("zhongwei-2024-internship-subsidy"));
        string id = (string)System.Text.Json.Nodes.JsonNode.Parse(await (await client.PostAsync(new Uri("/api/v1/evaluations", UriKind.Relative),
            new StringContent(table, Encoding.UTF8, "application/json"))).Content.ReadAsStringAsync())!["id"]!;

        // 60 permits: drafts cost 10 each, so the sixth or seventh is refused, long before 60 requests.
        int drafts = 0;
        HttpResponseMessage? refused = null;
        for (int i = 0; i < 20 && refused is null; i++)
        {
            HttpResponseMessage r = await client.PostAsync(new Uri($"/api/v1/evaluations/{id}/drafts", UriKind.Relative),
                new StringContent("{\"section\":\"deviation\",\"provider\":\"offline\",\"sourcesPerItem\":0}", Encoding.UTF8, "application/json"));
            if (r.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused = r;
            }
            else
            {
                Assert.Equal(HttpStatusCode.Created, r.StatusCode);
                drafts++;
            }
        }

        Assert.NotNull(refused);
        Assert.InRange(drafts, 5, 7);
        Assert.True(refused!.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 });

        // A cheap read from another key is unaffected.
        using HttpClient other = factory.ClientFor(ApiRoles.Reviewer, "成本单位");
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync(new Uri("/api/v1/policies", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public void Costs_ByEndpoint()
    {
        int Cost(string name, long length = 0)
        {
            var http = new DefaultHttpContext();
            http.Request.ContentLength = length;
            http.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(new Microsoft.AspNetCore.Routing.EndpointNameMetadata(name)), name));
            return CostRateLimiter.Cost(http);
        }

        Assert.Equal(1, Cost("ListPolicies"));
        Assert.Equal(1, Cost("ScoreEvaluation", 10_000));
        Assert.Equal(10, Cost("DraftSection"));
        Assert.True(Cost("VerifyText", 200_000) > Cost("VerifyText", 1_000));
        Assert.True(Cost("UploadReport") > Cost("SearchCorpus"));
    }

    [Fact]
    public void Bucket_RefillsEverySecond_NotAWholeMinuteAtOnce()
    {
        var b = CostRateLimiter.Bucket(300);
        Assert.Equal(TimeSpan.FromSeconds(1), b.ReplenishmentPeriod);
        Assert.Equal(5, b.TokensPerPeriod);
        var small = CostRateLimiter.Bucket(3);
        Assert.Equal(TimeSpan.FromSeconds(20), small.ReplenishmentPeriod);
        Assert.Equal(1, small.TokensPerPeriod);
    }

    [Fact]
    public async Task Unauthenticated_AreLimitedPerAddress_AndFakeKeysAreCachedAsFailed()
    {
        using HttpClient anonymous = factory.AnonymousClient();
        var statuses = new List<HttpStatusCode>();
        for (int i = 0; i < 80; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/v1/policies", UriKind.Relative));
            request.Headers.TryAddWithoutValidation("X-Api-Key", $"ak_fake{i % 3}_abcdefghijklmnop");
            statuses.Add((await anonymous.SendAsync(request)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.Unauthorized, statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.DoesNotContain(HttpStatusCode.OK, statuses);

        var cache = (FailedKeyCache)factory.Services.GetService(typeof(FailedKeyCache))!;
        Assert.True(cache.ShouldRefuse("ak_fake0_abcdefghijklmnop", null));
        Assert.False(cache.ShouldRefuse("ak_never_seenbefore123", System.Net.IPAddress.Parse("10.9.9.9")));
    }

    [Fact]
    public void MalformedKeys_AreRefusedWithoutALookup()
    {
        Assert.False(ApiKeyFormat.IsWellFormed("ak_\0_x"));
        Assert.False(ApiKeyFormat.IsWellFormed("ak_abc_"));
        Assert.False(ApiKeyFormat.IsWellFormed("ak_ab'c_defgh"));
        Assert.False(ApiKeyFormat.IsWellFormed("bearer"));
        Assert.True(ApiKeyFormat.IsWellFormed("ak_abcDEF12_0123456789abcdefXYZ"));
    }
}
