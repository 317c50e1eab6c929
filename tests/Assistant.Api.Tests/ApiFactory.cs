using Assistant.Features.Drafting;
using Assistant.Features.Models;
using Assistant.Features.Records;
using Assistant.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Api.Tests;

/// <summary>
/// The web host in memory, as OA systems see it, on its own fresh PostgreSQL database. Clients from
/// <see cref="WebApplicationFactory{T}.CreateClient()"/> carry an admin key of <see cref="Unit"/>;
/// <see cref="ClientFor"/> makes clients with other roles and units.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>
{
    public const string Unit = "测试单位";

    private readonly TestDatabase database = new("api");
    private string? defaultKey;

    public string ConnectionString => database.ConnectionString;

    /// <summary>A model client to draft with instead of the configured one (null: offline only).</summary>
    protected virtual IChatClient? Model => null;

    /// <summary>Extra settings (e.g. a low rate limit).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ConnectionStrings:Assistant", database.ConnectionString);
        foreach (var (k, v) in Settings)
        {
            builder.UseSetting(k, v);
        }

        if (Model is { } model)
        {
            // The scripted model sits where the provider's client would: inside the real pipeline.
            builder.ConfigureTestServices(s => s.AddSingleton(sp => new DraftingModel(ModelPipeline.Build(model, sp.GetService<ILoggerFactory>()))));
        }
    }

    protected override void ConfigureClient(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        base.ConfigureClient(client);
        defaultKey ??= IssueKey(ApiRoles.Admin, Unit);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", defaultKey);
    }

    /// <summary>A key issued the way <c>assistant keys create</c> issues one.</summary>
    public string IssueKey(string role, string unit)
    {
        var store = Services.GetRequiredService<ApiKeyStore>();
        return store.CreateAsync(role, unit, "test").GetAwaiter().GetResult().Key;
    }

    /// <summary>A client with a key of this role and unit.</summary>
    public HttpClient ClientFor(string role, string unit)
    {
        HttpClient client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", IssueKey(role, unit));
        return client;
    }

    /// <summary>A client with no key.</summary>
    public HttpClient AnonymousClient()
    {
        HttpClient client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
