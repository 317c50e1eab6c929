using Assistant.Domain.Evaluations;
using Assistant.Features.Evaluations;
using Assistant.Testing;

namespace Assistant.Domain.Tests;

/// <summary>The reference tables in ../shared, read through the public contract.</summary>
public static class SharedData
{
    public static string Reference(string name) => RepoPaths.Reference(name);

    public static Evaluation LoadReference(string name) => EvaluationJson.Parse(File.ReadAllText(Reference(name)));
}
