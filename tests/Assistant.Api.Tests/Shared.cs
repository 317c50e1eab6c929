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
