using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Assistant.Domain.Drafting;
using Assistant.Domain.Facts;
using Assistant.Features.Corpus;
using Assistant.Features.Evaluations;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Api.Tests;

/// <summary>A host whose corpus holds the demo reports and the four seed reports, as a unit's would after ingest.</summary>
public sealed class CorpusApiFactory : ApiFactory
{
    private bool seeded;

    public async Task SeedAsync()
    {
        if (!seeded)
        {
            await CorpusSeed.SeedAsync(Services);
            seeded = true;
        }
    }
}
