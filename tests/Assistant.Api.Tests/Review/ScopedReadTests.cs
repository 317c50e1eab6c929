using System.Net;
using Assistant.Features.Records;

namespace Assistant.Api.Tests.Review;

/// <summary>
/// Every endpoint that reads a stored evaluation (the table, its drafts, its report, the Word and Excel
/// exports, an indicator's explanation, a conversation started on it) applies one scope rule: the unit's
/// county and city reviewers and the city admin above read it (200), a sibling unit, a sibling county's
/// reviewer and another city's reviewer and admin do not (404). The probe found the explanation alone
/// answering 404 to the city reviewer while <c>GET /evaluations/{id}</c> answered 200.
/// </summary>
public sealed class ScopedReadTests(ReviewFactory factory) : IClassFixture<ReviewFactory>
{
    [Fact]
    public async Task EveryReadOfAStoredEvaluation_AnswersAboveAndRefusesBesideAlike()
    {
        ReviewWorld w = await factory.WorldAsync();
        const string victim = "gx.c1.k1.u2";
        string id = w.Evaluations[victim];
        HttpClient drafter = w.Drafters[victim];
        await ReviewWorld.SendAsync(drafter, HttpMethod.Post, $"/api/v1/evaluations/{id}/drafts", "{}", HttpStatusCode.Created);
        await ReviewWorld.SendAsync(drafter, HttpMethod.Post, $"/api/v1/evaluations/{id}/report", "{}", HttpStatusCode.Created);

        string[] reads =
        [
            $"/api/v1/evaluations/{id}",
            $"/api/v1/evaluations/{id}/drafts",
            $"/api/v1/evaluations/{id}/report",
            $"/api/v1/evaluations/{id}/report.docx",
            $"/api/v1/evaluations/{id}/table.xlsx",
            $"/api/v1/evaluations/{id}/indicators/0/explanation?cases=0",
            $"/api/v1/evaluations/{id}/indicators/1/explanation?cases=1",
        ];
        var above = new (string Who, HttpClient Client)[]
        {
            ("the unit itself", drafter),
            ("county reviewer", w.Reviewers["gx.c1.k1"]),
            ("city reviewer", w.Reviewers["gx.c1"]),
            ("city admin", factory.ClientFor(ApiRoles.Admin, "gx.c1")),
            ("province reviewer", w.Reviewers[ReviewWorld.Province]),
        };
        var beside = new (string Who, HttpClient Client)[]
        {
            ("sibling unit", w.Drafters["gx.c1.k1.u1"]),
            ("sibling unit's reviewer key", factory.ClientFor(ApiRoles.Reviewer, "gx.c1.k1.u1")),
            ("sibling county's reviewer", w.Reviewers["gx.c1.k2"]),
            ("other city's reviewer", w.Reviewers["gx.c2"]),
            ("other city's admin", factory.ClientFor(ApiRoles.Admin, "gx.c2")),
        };

        var failures = new List<string>();
        foreach (string path in reads)
        {
            foreach (var (who, client) in above)
            {
                var (status, body) = await ReviewWorld.TrySendAsync(client, HttpMethod.Get, path);
                if (status != HttpStatusCode.OK)
                {
                    failures.Add($"{who} GET {path} → {(int)status} (expected 200): {body[..Math.Min(body.Length, 200)]}");
                }
            }

            foreach (var (who, client) in beside)
            {
                var (status, _) = await ReviewWorld.TrySendAsync(client, HttpMethod.Get, path);
                if (status != HttpStatusCode.NotFound)
                {
                    failures.Add($"{who} GET {path} → {(int)status} (expected 404)");
                }
            }
        }

        // A conversation about the evaluation follows the same rule.
        string start = $$"""{"evaluationId":"{{id}}"}""";
        foreach (var (who, client) in above)
        {
            var (status, _) = await ReviewWorld.TrySendAsync(client, HttpMethod.Post, "/api/v1/conversations", start);
            if (status != HttpStatusCode.Created)
            {
                failures.Add($"{who} POST /conversations on the evaluation → {(int)status} (expected 201)");
            }
        }

        foreach (var (who, client) in beside)
        {
            var (status, _) = await ReviewWorld.TrySendAsync(client, HttpMethod.Post, "/api/v1/conversations", start);
            if (status != HttpStatusCode.NotFound)
            {
                failures.Add($"{who} POST /conversations on the evaluation → {(int)status} (expected 404)");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public async Task TheCityReviewersExplanation_IsTheOneTheUnitGets()
    {
        ReviewWorld w = await factory.WorldAsync();
        const string victim = "gx.c2.k2.u2";
        string path = $"/api/v1/evaluations/{w.Evaluations[victim]}/indicators/0/explanation?cases=0";
        var (own, ownBody) = await ReviewWorld.TrySendAsync(w.Drafters[victim], HttpMethod.Get, path);
        var (city, cityBody) = await ReviewWorld.TrySendAsync(w.Reviewers["gx.c2"], HttpMethod.Get, path);
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Equal(HttpStatusCode.OK, city);
        Assert.Equal(ownBody, cityBody);
        Assert.Contains("城镇新增就业人数", cityBody, StringComparison.Ordinal);
    }
}
