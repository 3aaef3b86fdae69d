namespace CountyHealth.Kernel.Validation;

/// <summary>
/// Field errors collected beside the request they validate, in Chinese; the API answers them as a ValidationProblem and
/// the screens show the same messages next to the fields. Pure: rules in Domain/ may return them.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    /// <summary>Starts with what <see cref="InputPolicy"/> finds in the request, so the screens get the door's rules too.</summary>
    public static FieldErrors For(object request) => InputPolicy.Check(request);

    public IReadOnlyDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    public FieldErrors Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }
        list.Add(message);
        return this;
    }

    public FieldErrors Require(string field, string? value, string label, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, $"请填写{label}");
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"{label}不能超过{maxLength}个字");
        }
        return this;
    }

    public FieldErrors MaxLength(string field, string? value, string label, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            Add(field, $"{label}不能超过{maxLength}字");
        }
        return this;
    }

    public FieldErrors Range(string field, decimal? value, decimal min, decimal max, string label, string unit)
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, $"{label}应在{min}～{max}{unit}之间");
        }
        return this;
    }

    /// <summary>Every message on one line, for callers that show one line.</summary>
    public string Summary => string.Join("；", errors.SelectMany(e => e.Value));
}
