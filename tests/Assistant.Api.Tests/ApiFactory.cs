using Assistant.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Assistant.Api.Tests;

/// <summary>The web host in memory, as OA systems see it, on its own fresh PostgreSQL database.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase database = new("api");

    public string ConnectionString => database.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ConnectionStrings:Assistant", database.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
    }
}

public static class Shared
{
    public static string Reference(string name) => Assistant.Testing.RepoPaths.Reference(name);

    public static string Seed(string name) => Path.Combine(Assistant.Testing.RepoPaths.Shared, "seeds", name);

    public static readonly string[] Tables =
    [
        "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-employment-service-demo", "zhongwei-2024-internship-subsidy",
        "zhongwei-2024-employment-operating-funds", "guangxi-2024-employment-transfer",
    ];
}
