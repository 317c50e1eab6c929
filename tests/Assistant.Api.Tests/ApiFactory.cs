using Microsoft.AspNetCore.Mvc.Testing;

namespace Assistant.Api.Tests;

/// <summary>The web host in memory, as OA systems see it.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>;

public static class Shared
{
    public static string Reference(string name) => Assistant.Testing.RepoPaths.Reference(name);

    public static readonly string[] Tables =
    [
        "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-employment-service-demo", "zhongwei-2024-internship-subsidy",
        "zhongwei-2024-employment-operating-funds", "guangxi-2024-employment-transfer",
    ];
}
