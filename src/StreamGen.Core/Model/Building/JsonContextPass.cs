namespace StreamGen.Model.Building;

/// <summary>Pass 6, over the finished records and services: every type that crosses a wire gets a JSON context entry.</summary>
internal sealed class JsonContextPass(ModelContext context)
{
    public JsonContextModel Run(IReadOnlyList<TypeModel> types, IReadOnlyList<ServiceModel> services)
    {
        // Collected by name, then ordered: a SortedDictionary of strings is generic code over KeyValuePair that ReadyToRun
        // cannot precompile.
        var entries = new Dictionary<string, TypeRefOrRecord>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            entries[type.JsonInfoName] = new(type.Name, []);
        }

        var methods = services.SelectMany(s => s.Methods).ToList();
        foreach (var use in methods.SelectMany(m => new[] { m.Payload, m.StreamingPayload, m.Result, m.StreamingResult }).OfType<TypeUseModel>())
        {
            entries[use.Type.JsonInfoName] = new(use.Type.TypeName, use.Type.Namespaces);
        }

        foreach (var body in methods.Select(m => m.Http).OfType<HttpEndpointModel>().SelectMany(h => new[] { h.RequestBody, h.ResponseBody }).OfType<BodyModel>())
        {
            entries[body.JsonInfoName] = new(body.TypeName, body.Attribute?.Type.Namespaces ?? []);
        }

        var names = new List<string>(entries.Keys);
        names.Sort(StringComparer.Ordinal);
        return new JsonContextModel
        {
            ClassName = $"{context.Stem}JsonContext",
            ReaderClassName = $"{context.Stem}JsonReader",
            // A record's contract takes its name; only collections and primitives are named for the context.
            Entries = names.ConvertAll(name => new JsonSerializableModel(entries[name].TypeName, name, name != entries[name].TypeName)),
            Usings = CSharpUsings.Of(
                ["System.CodeDom.Compiler", "System.Text.Json", "System.Text.Json.Serialization", "System.Text.Json.Serialization.Metadata"],
                names.SelectMany(name => entries[name].Namespaces)),
        };
    }

    private sealed record TypeRefOrRecord(string TypeName, IReadOnlyList<string> Namespaces);
}
