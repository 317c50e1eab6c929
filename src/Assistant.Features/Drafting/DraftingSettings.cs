using Assistant.Features.Models;
using Microsoft.Extensions.Options;

namespace Assistant.Features.Drafting;

/// <summary>Settings under <c>Drafting</c>: which model writes drafts and answers conversations.</summary>
public sealed class DraftingSettings : ModelEndpointSettings
{
    public const string Section = "Drafting";
    public const string Offline = "offline";

    public DraftingSettings() => Provider = Offline;

    /// <summary>Per attempt.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>Retries after the first attempt, for timeouts, network errors, 408, 429 and 5xx.</summary>
    public int Retries { get; set; } = 2;

    public bool IsOffline => ProviderName is "" or Offline;

    /// <summary>Every problem of the configuration, each naming its setting (empty when it is usable).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (IsOffline)
        {
            return problems;
        }

        if (ProviderName is not (OpenAI or Azure))
        {
            problems.Add($"Invalid configuration: Drafting:Provider '{Provider}' (use offline, openai or azure). See README.");
            return problems;
        }

        problems.AddRange(EndpointProblems(Section));
        if (TimeoutSeconds is < 1 or > 600)
        {
            problems.Add("Invalid configuration: Drafting:TimeoutSeconds must be 1–600. See README.");
        }

        if (Retries is < 0 or > 5)
        {
            problems.Add("Invalid configuration: Drafting:Retries must be 0–5. See README.");
        }

        return problems;
    }
}

/// <summary>Checks <see cref="DraftingSettings"/> when the host starts (and when the CLI first needs the model).</summary>
public sealed class DraftingSettingsValidation : IValidateOptions<DraftingSettings>
{
    public ValidateOptionsResult Validate(string? name, DraftingSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IReadOnlyList<string> problems = options.Problems();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
