namespace Assistant.Features.Evaluations;

/// <summary>One thing wrong with an input, naming the field at fault, in Chinese and English.</summary>
public sealed record InputError(string Field, string Zh, string En)
{
    public string Message => $"{Field}: {Zh} / {En}";
}
