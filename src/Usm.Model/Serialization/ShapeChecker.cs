using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using Usm.Model.Internal;

namespace Usm.Model.Serialization;

/// <summary>
/// Checks a parsed document against the source-generated contract before binding, so that every wrong type, every
/// unrepresentable number, every unparsable date and (in strict mode) every unknown member is reported with its
/// path, rather than only the first one the serializer would stop at.
/// </summary>
internal static class ShapeChecker
{
    public static void Check(JsonElement element, JsonTypeInfo typeInfo, string path, JsonReadContext ctx)
    {
        var type = Nullable.GetUnderlyingType(typeInfo.Type) ?? typeInfo.Type;
        if (element.ValueKind == JsonValueKind.Null)
        {
            if (typeInfo.Type.IsValueType && Nullable.GetUnderlyingType(typeInfo.Type) is null)
            {
                ctx.Error(ReadErrorCode.WrongType, path, $"Expected {Expected(typeInfo)} but found null.");
            }

            return;
        }

        if (type != typeInfo.Type)
        {
            typeInfo = typeInfo.Options.GetTypeInfo(type);
        }

        switch (typeInfo.Kind)
        {
            case JsonTypeInfoKind.Object:
                if (!ctx.IsObject(element, path))
                {
                    return;
                }

                foreach (var member in element.EnumerateObject())
                {
                    var property = typeInfo.Properties.FirstOrDefault(p => p.Name == member.Name);
                    var at = JsonPaths.Member(path, member.Name);
                    if (property is null)
                    {
                        if (ctx.Options.Strict)
                        {
                            ctx.Error(ReadErrorCode.UnknownMember, at, $"The member '{member.Name}' is not part of the format (strict mode).");
                        }

                        continue;
                    }

                    Check(member.Value, typeInfo.Options.GetTypeInfo(property.PropertyType), at, ctx);
                }

                return;
            case JsonTypeInfoKind.Enumerable:
                if (element.ValueKind != JsonValueKind.Array)
                {
                    ctx.Error(ReadErrorCode.WrongType, path, $"Expected an array but found {JsonReadContext.Describe(element)}.");
                    return;
                }

                var itemInfo = typeInfo.Options.GetTypeInfo(ElementTypeOf(typeInfo));
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Check(item, itemInfo, JsonPaths.Index(path, index++), ctx);
                }

                return;
            case JsonTypeInfoKind.Dictionary:
                if (!ctx.IsObject(element, path))
                {
                    return;
                }

                var valueInfo = typeInfo.Options.GetTypeInfo(ElementTypeOf(typeInfo));
                foreach (var member in element.EnumerateObject())
                {
                    Check(member.Value, valueInfo, JsonPaths.Member(path, member.Name), ctx);
                }

                return;
            default:
                CheckValue(element, type, path, ctx);
                return;
        }
    }

    private static void CheckValue(JsonElement element, Type type, string path, JsonReadContext ctx)
    {
        if (type == typeof(string))
        {
            Expect(element, JsonValueKind.String, "a string", path, ctx);
        }
        else if (type == typeof(bool))
        {
            if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                ctx.Error(ReadErrorCode.WrongType, path, $"Expected a boolean but found {JsonReadContext.Describe(element)}.");
            }
        }
        else if (type == typeof(int))
        {
            if (Expect(element, JsonValueKind.Number, "an integer", path, ctx) && !element.TryGetInt32(out _))
            {
                NumberError(element, path, ctx, Preconditions.Invariant($"an integer from {int.MinValue} to {int.MaxValue}"));
            }
        }
        else if (type == typeof(long))
        {
            if (Expect(element, JsonValueKind.Number, "an integer", path, ctx) && !element.TryGetInt64(out _))
            {
                NumberError(element, path, ctx, "a 64-bit integer");
            }
        }
        else if (type == typeof(double) || type == typeof(decimal))
        {
            if (Expect(element, JsonValueKind.Number, "a number", path, ctx) && !(element.TryGetDouble(out var d) && double.IsFinite(d)))
            {
                ctx.Error(ReadErrorCode.NumberOutOfRange, path, $"The number {JsonReadContext.Shorten(element.GetRawText())} is too large to represent.");
            }
        }
        else if (type == typeof(Instant))
        {
            if (Expect(element, JsonValueKind.String, "an ISO 8601 instant", path, ctx) && !NodaTimeText.ParseInstant(element.GetString()!).Success)
            {
                ctx.Error(ReadErrorCode.InvalidValue, path, $"'{JsonReadContext.Shorten(element.GetString()!)}' is not an ISO 8601 instant such as 2024-03-01T09:30:00Z.");
            }
        }
        else if (type == typeof(LocalDate))
        {
            if (Expect(element, JsonValueKind.String, "an ISO 8601 date", path, ctx) && !NodaTimeText.Date.Parse(element.GetString()!).Success)
            {
                ctx.Error(ReadErrorCode.InvalidValue, path, $"'{JsonReadContext.Shorten(element.GetString()!)}' is not an ISO 8601 date such as 2024-03-01.");
            }
        }
        else if (type == typeof(DateInterval))
        {
            if (Expect(element, JsonValueKind.String, "an ISO 8601 date interval", path, ctx) && NodaTimeText.ParseInterval(element.GetString()!, out var error) is null)
            {
                ctx.Error(ReadErrorCode.InvalidValue, path, error!);
            }
        }
    }

    internal static Type ElementTypeOf(JsonTypeInfo typeInfo)
    {
#if NET9_0_OR_GREATER
        return typeInfo.ElementType!;
#else
        // Our DTOs use only List<T> and Dictionary<string, T>: the element type is the last generic argument.
        return typeInfo.Type.IsArray ? typeInfo.Type.GetElementType()! : typeInfo.Type.GetGenericArguments()[^1];
#endif
    }

    private static void NumberError(JsonElement element, string path, JsonReadContext ctx, string expected)
    {
        var raw = element.GetRawText();
        var fractional = element.TryGetDouble(out var d) && double.IsFinite(d) && Math.Floor(d) != d;
        ctx.Error(fractional ? ReadErrorCode.InvalidValue : ReadErrorCode.NumberOutOfRange, path, $"Expected {expected} but found {JsonReadContext.Shorten(raw)}.");
    }

    private static bool Expect(JsonElement element, JsonValueKind kind, string what, string path, JsonReadContext ctx)
    {
        if (element.ValueKind == kind)
        {
            return true;
        }

        ctx.Error(ReadErrorCode.WrongType, path, $"Expected {what} but found {JsonReadContext.Describe(element)}.");
        return false;
    }

    private static string Expected(JsonTypeInfo typeInfo) => typeInfo.Kind switch
    {
        JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "an object",
        JsonTypeInfoKind.Enumerable => "an array",
        _ => "a value",
    };
}
