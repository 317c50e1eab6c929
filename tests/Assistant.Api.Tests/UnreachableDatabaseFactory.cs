using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OpenTelemetry.Trace;

namespace Assistant.Api.Tests;

/// <summary>A host whose database cannot be reached (nothing listens on the port); it starts without migrating.</summary>
public sealed class UnreachableDatabaseFactory : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
{
    public HttpClient CreateClientWithoutKey() => CreateClient();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ConnectionStrings:Assistant", "Host=127.0.0.1;Port=1;Username=postgres;Database=none;Timeout=2");
        builder.ConfigureTestServices(s =>
        {
            foreach (var hosted in s.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                && d.ImplementationType?.Namespace?.StartsWith("Assistant.Features", StringComparison.Ordinal) == true).ToList())
            {
                s.Remove(hosted);
            }
        });
    }
}
