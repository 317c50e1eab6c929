using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;

namespace Assistant.Domain.Tests;

/// <summary>Finds ../shared (beside the project root) from the test's bin folder.</summary>
public static class SharedData
{
    public static string Root { get; } = FindRoot();

    public static string Reference(string name) => Path.Combine(Root, "reference", name + ".json");

    public static Evaluation LoadReference(string name) => EvaluationJson.Parse(File.ReadAllText(Reference(name)));

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
                string shared = Path.GetFullPath(Path.Combine(d.FullName, "..", "shared"));
                return Directory.Exists(shared) ? shared : throw new DirectoryNotFoundException($"../shared not found beside {d.FullName}");
            }
        }

        throw new DirectoryNotFoundException("Assistant.sln not found above " + AppContext.BaseDirectory);
    }
}
