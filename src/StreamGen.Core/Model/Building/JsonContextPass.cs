namespace StreamGen.Model.Building;

/// <summary>Pass 6, over the finished records and services: every type that crosses a wire gets a JSON context entry.</summary>
internal sealed class JsonContextPass(ModelContext context)
{
    public JsonContextModel Run(IReadOnlyList<TypeModel> types, IReadOnlyList<ServiceModel> services)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            entries[type.JsonInfoName] = type.FullName;
        }

        var methods = services.SelectMany(s => s.Methods).ToList();
        foreach (var use in methods.SelectMany(m => new[] { m.Payload, m.StreamingPayload, m.Result, m.StreamingResult }).OfType<TypeUseModel>())
        {
            entries[use.Type.JsonInfoName] = use.Type.TypeName;
        }

        foreach (var body in methods.Select(m => m.Http).OfType<HttpEndpointModel>().SelectMany(h => new[] { h.RequestBody, h.ResponseBody }).OfType<BodyModel>())
        {
            entries[body.JsonInfoName] = body.TypeName;
        }

        return new JsonContextModel
        {
            ClassName = $"{context.Stem}JsonContext",
            FullName = $"global::{context.Namespace}.{context.Stem}JsonContext",
            ReaderClassName = $"{context.Stem}JsonReader",
            ReaderFullName = $"global::{context.Namespace}.{context.Stem}JsonReader",
            Entries = entries.Select(e => new JsonSerializableModel(e.Value, e.Key)).ToList(),
        };
    }
}
