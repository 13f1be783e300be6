namespace StreamGen.Model.Documents;

/// <summary>A named schema under <c>components/schemas</c>: a design type, one view of a result type, an HTTP body, or Goa's error body.</summary>
public sealed record SchemaComponentModel(string Name, SchemaModel Schema);
