using System.Text.Json;
using System.Text.RegularExpressions;
using CountyHealth.Kernel.Validation;
using Microsoft.AspNetCore.Http;

namespace CountyHealth.Kernel.Web;

/// <summary>
/// What a request the framework could not bind did wrong, field by field, in Chinese: a body that is not JSON, a value
/// of the wrong type (a GUID that is not one, 2026-02-30), a field left out or null, a query parameter that does not
/// parse. The framework's own words (English, with the type's full name) are never shown.
/// </summary>
public static partial class BadRequestFields
{
    public static Dictionary<string, string[]> From(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException json)
        {
            return FromJson(json);
        }
        var message = exception.Message;
        if (ParameterName().Match(message) is { Success: true } parameter)
        {
            var field = parameter.Groups["name"].Value;
            return One(field, $"{FieldLabels.Of(field)}的格式不正确");
        }
        if (message.Contains("not provided from body", StringComparison.Ordinal) || message.Contains("no body was provided", StringComparison.Ordinal))
        {
            return One("body", "请求内容不能为空，请提交 JSON 格式的数据");
        }
        if (message.Contains("Required parameter", StringComparison.Ordinal) && QuotedName().Match(message) is { Success: true } required)
        {
            var field = required.Groups["name"].Value.Split(' ')[^1];
            return One(field, $"请填写{FieldLabels.Of(field)}");
        }
        return One("body", "请求的格式不正确");
    }

    public static Dictionary<string, string[]> FromJson(JsonException json)
    {
        var message = json.Message;
        if (message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = message[(message.IndexOf("including:", StringComparison.Ordinal) is var at and >= 0 ? at : 0)..];
            var fields = Quoted().Matches(names).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();
            var prefix = Field(json.Path);
            return fields.Count == 0
                ? One(prefix, "缺少必填项")
                : fields.ToDictionary(f => prefix == "body" ? f : $"{prefix}.{f}", f => new[] { $"请填写{FieldLabels.Of(f)}（没有值时请明确填 null）" }, StringComparer.Ordinal);
        }
        var field = Field(json.Path);
        if (message.Contains("null", StringComparison.OrdinalIgnoreCase) && message.Contains("allow", StringComparison.OrdinalIgnoreCase))
        {
            if (field == "body" && Quoted().Match(message) is { Success: true } named)
            {
                field = named.Groups["name"].Value;
            }
            return One(field, $"{FieldLabels.Of(field)}不能为空");
        }
        if (message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            return One(field, "该请求没有这一项，请删去");
        }
        if (message.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return One("body", "请求内容嵌套过深");
        }
        if (field == "body")
        {
            return One("body", "请求内容不是有效的 JSON");
        }
        return message.Contains("could not be converted", StringComparison.Ordinal)
            ? One(field, $"{FieldLabels.Of(field)}的格式不正确")
            : One(field, $"请求内容不是有效的 JSON（在{FieldLabels.Of(field)}处）");
    }

    /// <summary>$.items[0].dose → items[0].dose; the whole body → body.</summary>
    public static string Field(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        field = field.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
        return field.Length == 0 ? "body" : field;
    }

    private static Dictionary<string, string[]> One(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };

    [GeneratedRegex("Failed to bind parameter \"[^\"]* (?<name>[A-Za-z0-9_]+)\"")]
    private static partial Regex ParameterName();

    [GeneratedRegex("\"(?<name>[^\"]+)\"")]
    private static partial Regex QuotedName();

    [GeneratedRegex("'(?<name>[A-Za-z0-9_]+)'")]
    private static partial Regex Quoted();
}
