using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using CountyHealth.Kernel.Validation;
using CountyHealth.Kernel.Web;
using Microsoft.AspNetCore.Http.Json;

namespace CountyHealth.Server.Hosting;

/// <summary>
/// Input checked at the door of the API, before any use case runs: JSON read strictly (a field left out is an error,
/// not a zero; null only where the contract allows it; text normalised to NFC), every bound argument held to
/// <see cref="InputPolicy"/>, and every failure answered as a Chinese ValidationProblem naming the field.
/// </summary>
public static class InputDoor
{
    public static IServiceCollection AddInputDoor(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => Strict(o.SerializerOptions));
        // Binding failures are thrown to the exception handler, which names the field, instead of an empty English 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>The reading rules, shared with tests that post what a client would.</summary>
    public static void Strict(JsonSerializerOptions o)
    {
        o.RespectNullableAnnotations = true;
        o.RespectRequiredConstructorParameters = true;
        o.MaxDepth = 16;
        o.AllowDuplicateProperties = false;
        // A field the contract does not have is refused, not ignored: "name" sent to a contact-only update is an error.
        o.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        o.Converters.Add(new NfcStringConverter());
    }

    /// <summary>The API's endpoints, all behind the door's filter.</summary>
    public static RouteGroupBuilder MapApiDoor(this IEndpointRouteBuilder app) =>
        app.MapGroup("").AddEndpointFilter(CheckArgumentsAsync);

    private static async ValueTask<object?> CheckArgumentsAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var parameters = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters() ?? [];
        var errors = new FieldErrors();
        for (var i = 0; i < context.Arguments.Count && i < parameters.Length; i++)
        {
            var argument = context.Arguments[i];
            var parameter = parameters[i];
            if (argument is null)
            {
                continue;
            }
            var type = argument.GetType();
            if (IsRecord(type))
            {
                InputPolicy.Check(argument, errors);
            }
            else if (type == typeof(string) || type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(Guid))
            {
                InputPolicy.CheckValue(parameter.Name ?? "value", argument, errors, parameter.GetCustomAttribute<TextAttribute>(), parameter.GetCustomAttribute<BoundsAttribute>());
            }
        }
        return errors.Any ? errors.ToProblem() : await next(context);
    }

    // Inputs are records; use cases and framework services bound beside them are classes and are not walked.
    private static bool IsRecord(Type type) => type.GetMethod("<Clone>$") is not null && InputPolicy.IsRequestType(type);

    /// <summary>Reads strings as NFC, so that one name typed two ways is stored one way.</summary>
    private sealed class NfcStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? InputPolicy.Normalize(reader.GetString()!)
                : throw new JsonException("expected a string");

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
