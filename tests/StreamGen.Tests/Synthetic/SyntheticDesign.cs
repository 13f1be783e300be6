using System.Globalization;
using System.Text;

namespace StreamGen.Tests.Synthetic;

/// <summary>
/// Writes a large, valid design for speed measurements: <c>methods</c> methods spread over services of 50, cycling through
/// the four stream shapes and unary calls, each with its own payload and result types, HTTP routes and gRPC.
/// </summary>
public static class SyntheticDesign
{
    private const int MethodsPerService = 50;

    public static string Create(int methods)
    {
        var yaml = new StringBuilder();
        yaml.Append("api: { name: synthetic, namespace: Synthetic.Api }\n");
        yaml.Append("types:\n");
        for (var i = 0; i < methods; i++)
        {
            yaml.Append(Invariant($"  Item{i}:\n"));
            yaml.Append("    attributes:\n");
            yaml.Append("      id:     { type: String, field: 1, format: uuid }\n");
            yaml.Append("      name:   { type: String, field: 2, minLength: 1, maxLength: 100 }\n");
            yaml.Append("      count:  { type: Int64, field: 3, minimum: 0 }\n");
            yaml.Append("      tags:   { type: \"ArrayOf(String)\", field: 4, maxItems: 10 }\n");
            yaml.Append("      level:  { type: String, field: 5, enum: [low, high], default: low }\n");
            yaml.Append("    required: [id, name]\n");
        }

        yaml.Append("services:\n");
        for (var service = 0; service * MethodsPerService < methods; service++)
        {
            yaml.Append(Invariant($"  service{service}:\n"));
            yaml.Append("    grpc: { enabled: true }\n");
            yaml.Append("    methods:\n");
            for (var m = service * MethodsPerService; m < Math.Min(methods, (service + 1) * MethodsPerService); m++)
            {
                yaml.Append(Invariant($"      method{m}:\n"));
                yaml.Append("        payload:\n");
                yaml.Append("          attributes:\n");
                yaml.Append("            key:   { type: String, field: 1 }\n");
                yaml.Append("            limit: { type: Int32, field: 2, minimum: 1, maximum: 100, default: 10 }\n");
                yaml.Append("          required: [key]\n");
                switch (m % 4)
                {
                    case 0:
                        yaml.Append(Invariant($"        result: Item{m}\n        http: {{ GET: \"/s{service}/m{m}/{{key}}\", params: [limit] }}\n"));
                        break;
                    case 1:
                        yaml.Append(Invariant($"        streamingResult: Item{m}\n        http: {{ GET: \"/s{service}/m{m}/{{key}}\", params: [limit] }}\n"));
                        break;
                    case 2:
                        yaml.Append(Invariant($"        streamingPayload: Item{m}\n        result: Item{m}\n        http: {{ GET: \"/s{service}/m{m}/{{key}}\", params: [limit] }}\n"));
                        break;
                    default:
                        yaml.Append(Invariant($"        streamingPayload: Item{m}\n        streamingResult: Item{m}\n        http: {{ GET: \"/s{service}/m{m}/{{key}}\", params: [limit] }}\n"));
                        break;
                }
            }
        }

        return yaml.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
