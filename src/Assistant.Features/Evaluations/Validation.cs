using FluentValidation;
using FluentValidation.Results;

namespace Assistant.Features.Evaluations;

/// <summary>FluentValidation results as the product reports bad input: one <see cref="InputError"/> per failure, naming its field.</summary>
public static class Validation
{
    /// <summary>Every failure, with its camelCase path, its Chinese message and its English (the rule's state).</summary>
    public static IReadOnlyList<InputError> Errors(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Errors
            .Select(f => new InputError(Path(f.PropertyName), f.ErrorMessage, f.CustomState as string ?? f.ErrorMessage))
            .ToList();
    }

    /// <summary>Runs a validator where a failure can only be reported by stopping (the command line, parsers); endpoints return a ValidationProblem instead.</summary>
    public static T Check<T>(this IValidator<T> validator, T value)
    {
        ArgumentNullException.ThrowIfNull(validator);
        ValidationResult result = validator.Validate(value);
        return result.IsValid ? value : throw new InputException(Errors(result));
    }

    /// <summary><c>Indicators[3].Name</c> → <c>indicators[3].name</c>.</summary>
    private static string Path(string property) =>
        string.Join('.', property.Split('.').Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
}
