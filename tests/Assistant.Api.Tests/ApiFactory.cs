using Microsoft.AspNetCore.Mvc.Testing;

namespace Assistant.Api.Tests;

/// <summary>The web host in memory, as OA systems see it.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>;

public static class Shared
{
    public static string Root { get; } = FindRoot();

    public static string Reference(string name) => Path.Combine(Root, "reference", name + ".json");

    public static readonly string[] Tables =
    [
        "zhongwei-2024-entrepreneurship-fund", "zhongwei-2024-employment-service-demo", "zhongwei-2024-internship-subsidy",
        "zhongwei-2024-employment-operating-funds", "guangxi-2024-employment-transfer",
    ];

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("ASSISTANT_SHARED") is { Length: > 0 } env)
        {
            return env;
        }

        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Assistant.sln")))
            {
                return Path.GetFullPath(Path.Combine(d.FullName, "..", "shared"));
            }
        }

        throw new DirectoryNotFoundException("Assistant.sln not found above " + AppContext.BaseDirectory);
    }
}
