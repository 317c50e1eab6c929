using Assistant.Features.Evaluations;

namespace Assistant.Features.Importing;

/// <summary>A document that cannot be read as a table (empty, corrupt, too large, a zip bomb, no table): 422 on the API, exit 2 on the CLI.</summary>
public sealed class UnreadableDocumentException : InputException
{
    public UnreadableDocumentException(string zh, string en)
        : base("file", zh, en)
    {
    }

    /// <summary>The document read, but a value in it cannot be (a money unit): each error names its field.</summary>
    public UnreadableDocumentException(IReadOnlyList<InputError> errors)
        : base(errors)
    {
    }

    public UnreadableDocumentException()
        : base()
    {
    }

    public UnreadableDocumentException(string message)
        : base(message)
    {
    }

    public UnreadableDocumentException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
