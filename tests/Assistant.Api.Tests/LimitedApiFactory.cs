using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Features.Drafting;
using Assistant.Features.Records;
using Microsoft.Extensions.AI;
using Npgsql;

namespace Assistant.Api.Tests;

public sealed class LimitedApiFactory : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["RateLimits:PermitsPerMinute"] = "3" };
}
