namespace Assistant.Features.Evaluations;

/// <summary>Bad input: carries every error found, so a client can fix them all at once.</summary>
public class InputException : Exception
{
    public InputException(IReadOnlyList<InputError> errors)
        : base(string.Join("; ", errors.Select(e => e.Message)))
    {
        Errors = errors;
    }

    public InputException(string field, string zh, string en)
        : this([new InputError(field, zh, en)])
    {
    }

    public InputException()
        : this([])
    {
    }

    public InputException(string message)
        : this("body", message, message)
    {
    }

    public InputException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new InputError("body", message, message)];
    }

    public IReadOnlyList<InputError> Errors { get; }

    /// <summary>Every error's Chinese text, joined (for a stored outcome).</summary>
    public string Zh => string.Join("；", Errors.Select(x => x.Zh));

    /// <summary>Every error's English text, joined.</summary>
    public string En => string.Join("; ", Errors.Select(x => x.En));
}
